// src/ado/inputs.ts with a mocked task-lib: raw inputs and agent variables to TaskSettings.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readTaskSettings } from '../src/ado/inputs.js';
import { UsageError } from '../src/core/errors.js';
import { substitutePlaceholders } from '../src/core/settings.js';
import { taskLib } from './fixtures/ado/mock-task-lib.js';

vi.mock('azure-pipelines-task-lib/task.js', async () =>
  (await import('./fixtures/ado/mock-task-lib.js')).createTaskLibMock(),
);

let repo: string;
let temp: string;
const savedEnv = { ...process.env };

beforeEach(() => {
  taskLib.reset();
  repo = mkdtempSync(join(tmpdir(), 'connref-ado-inputs-'));
  temp = mkdtempSync(join(tmpdir(), 'connref-ado-agent-'));
  mkdirSync(join(repo, 'src', 'solutions'), { recursive: true });
  taskLib.variables.set('Build.SourcesDirectory', repo);
  taskLib.variables.set('System.DefaultWorkingDirectory', repo);
  taskLib.variables.set('Agent.TempDirectory', temp);
  taskLib.inputs.set('solution', 'src/solutions/Contoso');
});

afterEach(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(temp, { recursive: true, force: true });
  process.env = { ...savedEnv };
});

function usageError(): UsageError {
  try {
    readTaskSettings();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('readTaskSettings', () => {
  it('reads defaults: repository root as base, fail on errors, comment on', () => {
    const settings = readTaskSettings();
    expect(settings).toMatchObject({
      command: 'check',
      workingDirectory: repo,
      cwd: repo,
      solutions: ['src/solutions/Contoso'],
      settings: [],
      failOn: 'error',
      rules: {},
      sarifFile: undefined,
      resolvedSettings: undefined,
      commentOnPullRequest: true,
      pullRequest: undefined,
      tempDirectory: temp,
    });
  });

  it('splits multiLine inputs, trims them and drops blank and comment lines', () => {
    taskLib.inputs.set('solution', '  src/a  \r\n\n# not this\nsrc/b/*.zip\n');
    taskLib.inputs.set('rules', 'CR010=off\n# comment\ncr004 = error\n');
    const settings = readTaskSettings();
    expect(settings.solutions).toEqual(['src/a', 'src/b/*.zip']);
    expect(settings.rules).toEqual({ CR010: 'off', CR004: 'error' });
  });

  it('treats the repository root that the agent puts in an empty filePath input as no settings', () => {
    taskLib.inputs.set('settings', repo);
    expect(readTaskSettings().settings).toEqual([]);
    taskLib.inputs.set('settings', `${repo}/`);
    expect(readTaskSettings().settings).toEqual([]);
    taskLib.inputs.set('settings', join(repo, 'config', 'Test', 'deploymentSettings.json'));
    expect(readTaskSettings().settings).toEqual([
      join(repo, 'config', 'Test', 'deploymentSettings.json'),
    ]);
    taskLib.inputs.set('settings', 'config/*/deploymentSettings.json');
    expect(readTaskSettings().settings).toEqual(['config/*/deploymentSettings.json']);
  });

  it('keeps reported paths repository-relative when the working directory is a subfolder', () => {
    taskLib.inputs.set('workingDirectory', 'src');
    taskLib.inputs.set('solution', 'solutions/Contoso\n/abs/Other.zip');
    taskLib.inputs.set('sarifFile', 'out/gate.sarif');
    taskLib.inputs.set('resolvedSettings', 'out/resolved.json');
    const settings = readTaskSettings();
    expect(settings.cwd).toBe(repo);
    expect(settings.workingDirectory).toBe(join(repo, 'src'));
    expect(settings.solutions).toEqual(['src/solutions/Contoso', '/abs/Other.zip']);
    expect(settings.sarifFile).toBe(join(repo, 'src', 'out', 'gate.sarif'));
    expect(settings.resolvedSettings).toBe(join(repo, 'src', 'out', 'resolved.json'));
  });

  it('uses a working directory outside the repository as the base itself', () => {
    const outside = mkdtempSync(join(tmpdir(), 'connref-ado-outside-'));
    try {
      taskLib.inputs.set('workingDirectory', outside);
      taskLib.inputs.set('settings', 'config/deploymentSettings.json');
      const settings = readTaskSettings();
      expect(settings.cwd).toBe(outside);
      expect(settings.solutions).toEqual(['src/solutions/Contoso']);
      // A filePath input is relative to the repository root, wherever the working directory is.
      expect(settings.settings).toEqual([join(repo, 'config', 'deploymentSettings.json')]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('rejects bad inputs with one line', () => {
    taskLib.inputs.set('workingDirectory', 'does-not-exist');
    expect(usageError().message).toBe(
      `input 'workingDirectory': ${join(repo, 'does-not-exist')} does not exist or is not a folder`,
    );
    taskLib.inputs.delete('workingDirectory');

    taskLib.inputs.set('solution', '\n  \n');
    expect(usageError().message).toMatch(/^input 'solution' is required/);
    taskLib.inputs.set('solution', 'src');

    taskLib.inputs.set('failOn', 'sometimes');
    expect(usageError().message).toBe(
      "input 'failOn' is 'sometimes': use one of error, warning, never",
    );
    taskLib.inputs.set('failOn', 'Warning');
    expect(readTaskSettings().failOn).toBe('warning');

    taskLib.inputs.set('rules', 'CR999=off');
    expect(usageError().message).toMatch(/^input 'rules': unknown rule id "CR999"/);
    taskLib.inputs.set('rules', 'CR001=fatal');
    expect(usageError().message).toMatch(/^input 'rules': bad severity "fatal"/);
    taskLib.inputs.delete('rules');

    taskLib.inputs.set('commentOnPullRequest', 'maybe');
    expect(usageError().message).toBe("input 'commentOnPullRequest' is 'maybe': use true or false");
    taskLib.inputs.set('commentOnPullRequest', 'False');
    expect(readTaskSettings().commentOnPullRequest).toBe(false);
  });

  it.each([
    ['check', 'check'],
    [' CHECK ', 'check'],
    ['init --check', 'init-check'],
    ['Init   --Check', 'init-check'],
  ])('reads command=%j as %s', (value, expected) => {
    taskLib.inputs.set('command', value);
    expect(readTaskSettings().command).toBe(expected);
  });

  it('rejects another command with one line, and says where init itself belongs', () => {
    taskLib.inputs.set('command', 'lint');
    expect(usageError().message).toBe("input 'command' is 'lint': use check or init --check");
    taskLib.inputs.set('command', 'init');
    expect(usageError().message).toBe(
      "input 'command' is 'init': use check or init --check (init writes the settings file: run it where you commit, and use 'init --check' in a pipeline)",
    );
  });

  it('init --check defaults settings to deploymentSettings.json in the working directory', () => {
    taskLib.inputs.set('command', 'init --check');
    // What the agent hands over for an empty filePath input.
    taskLib.inputs.set('settings', repo);
    expect(readTaskSettings().settings).toEqual(['deploymentSettings.json']);
    taskLib.inputs.set('workingDirectory', 'src');
    expect(readTaskSettings().settings).toEqual(['src/deploymentSettings.json']);
    taskLib.inputs.set('settings', 'config/*/deploymentSettings.json');
    expect(readTaskSettings().settings).toEqual(['config/*/deploymentSettings.json']);

    const outside = mkdtempSync(join(tmpdir(), 'connref-ado-outside-'));
    try {
      taskLib.inputs.set('workingDirectory', outside);
      taskLib.inputs.delete('settings');
      const settings = readTaskSettings();
      expect(settings.cwd).toBe(outside);
      expect(settings.settings).toEqual(['deploymentSettings.json']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it.each(['sarifFile', 'resolvedSettings'])(
    'init --check rejects %s with one line: it writes nothing',
    (name) => {
      taskLib.inputs.set('command', 'init --check');
      taskLib.inputs.set(name, 'out/file.json');
      expect(usageError().message).toBe(
        `input '${name}' is for command 'check': 'init --check' compares the settings with the solution and writes nothing`,
      );
      taskLib.inputs.set('command', 'check');
      expect(readTaskSettings()[name as 'sarifFile' | 'resolvedSettings']).toBe(
        join(repo, 'out', 'file.json'),
      );
    },
  );

  it('falls back to the OS temp folder, never the repository, without Agent.TempDirectory', () => {
    taskLib.variables.delete('Agent.TempDirectory');
    expect(readTaskSettings().tempDirectory).toBe(tmpdir());
  });
});

describe('pull request context', () => {
  beforeEach(() => {
    taskLib.variables.set('System.PullRequest.PullRequestId', '17');
    taskLib.variables.set('System.TeamFoundationCollectionUri', 'https://dev.azure.com/contoso');
    taskLib.variables.set('System.TeamProject', 'Power Platform');
    taskLib.variables.set('System.TeamProjectId', '6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c');
    taskLib.variables.set('Build.Repository.ID', 'repo-guid');
    taskLib.variables.set('Build.Repository.Provider', 'TfsGit');
    taskLib.variables.set('Build.BuildId', '991');
    taskLib.endpointAuth = { scheme: 'OAuth', parameters: { AccessToken: 'endpoint-token' } };
  });

  it('reads the PR, the collection, the project and the token, and masks the token', () => {
    const { pullRequest } = readTaskSettings();
    expect(pullRequest).toEqual({
      id: '17',
      collectionUri: 'https://dev.azure.com/contoso/',
      project: '6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c',
      repositoryId: 'repo-guid',
      token: 'endpoint-token',
      provider: 'TfsGit',
      runUrl: 'https://dev.azure.com/contoso/Power%20Platform/_build/results?buildId=991',
    });
    expect(taskLib.of('setSecret')).toEqual([['endpoint-token']]);
  });

  it('falls back to SYSTEM_ACCESSTOKEN when the endpoint has no token', () => {
    taskLib.endpointAuth = undefined;
    process.env['SYSTEM_ACCESSTOKEN'] = 'mapped-token';
    expect(readTaskSettings().pullRequest?.token).toBe('mapped-token');
    expect(taskLib.of('setSecret')).toEqual([['mapped-token']]);
  });

  it('is absent for init --check, which never comments: no token is read', () => {
    taskLib.inputs.set('command', 'init --check');
    expect(readTaskSettings().pullRequest).toBeUndefined();
    expect(taskLib.of('getEndpointAuthorization')).toEqual([]);
    expect(taskLib.of('setSecret')).toEqual([]);
  });

  it('is absent on a non-PR build and when commenting is off', () => {
    taskLib.inputs.set('commentOnPullRequest', 'false');
    expect(readTaskSettings().pullRequest).toBeUndefined();
    expect(taskLib.of('getEndpointAuthorization')).toEqual([]);
    taskLib.inputs.delete('commentOnPullRequest');
    taskLib.variables.delete('System.PullRequest.PullRequestId');
    expect(readTaskSettings().pullRequest).toBeUndefined();
  });
});

describe('placeholder values', () => {
  it('offer the environment and secret pipeline variables to the core substitution', () => {
    process.env['CANARY'] = 'canary-5a4b3c';
    process.env['CONNECTIONREFERENCE_CONTOSO_OUTLOOK'] = 'public-connection-id';
    taskLib.secretVariables.set('connection.dataverse', 'secret-connection-id');
    const { env } = readTaskSettings();

    expect(substitutePlaceholders('#{CANARY}#', env)).toEqual({
      value: 'canary-5a4b3c',
      substituted: true,
    });
    expect(substitutePlaceholders('#{connectionreference.contoso_outlook}#', env).value).toBe(
      'public-connection-id',
    );
    expect(substitutePlaceholders('$(connection.dataverse)', env).value).toBe(
      'secret-connection-id',
    );
    expect(substitutePlaceholders('#{NOT_SET}#', env)).toEqual({
      value: '#{NOT_SET}#',
      substituted: false,
    });
  });

  it('never asks task-lib for a variable that the environment already holds', () => {
    process.env['CONNECTIONREFERENCE_CONTOSO_OUTLOOK'] = 'public-connection-id';
    const { env } = readTaskSettings();
    taskLib.calls.length = 0;
    substitutePlaceholders('#{connectionreference.contoso_outlook}#', env);
    // task-lib's getVariable logs the value it returns; a public value must not be logged.
    expect(taskLib.of('getVariable')).toEqual([]);
  });
});
