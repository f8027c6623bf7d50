// Unit tests of src/ado/main.ts (see test/helpers/ado-main.ts for the mocks) running
// `init --check`: a settings file out of step fails with an issue on it and a summary; nothing is
// written, no thread is commented and no token is read.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/ado/main.js';
import { taskLib } from './fixtures/ado/mock-task-lib.js';
import { writeInitSolution } from './helpers/adapter-main.js';
import { logs, outputs, repo, result, state, temp, useTaskState } from './helpers/ado-main.js';

vi.mock('azure-pipelines-task-lib/task.js', async () =>
  (await import('./fixtures/ado/mock-task-lib.js')).createTaskLibMock(),
);
vi.mock('../src/core/gate.js', async () => (await import('./helpers/ado-main.js')).mockGate());
vi.mock('../src/ado/pr-thread.js', async () =>
  (await import('./helpers/ado-main.js')).mockPrThread(),
);

useTaskState();

describe('command: init --check', () => {
  beforeEach(() => {
    taskLib.inputs.set('command', 'init --check');
    taskLib.inputs.set('solution', 'src');
    taskLib.inputs.delete('settings');
    // A pull-request build: init --check still never comments.
    taskLib.variables.set('System.PullRequest.PullRequestId', '17');
    taskLib.endpointAuth = { scheme: 'OAuth', parameters: { AccessToken: 'job-token' } };
    writeInitSolution(join(repo, 'src'));
  });

  it('fails when the settings file is out of step: log, an issue on the file, summary, result', async () => {
    mkdirSync(join(repo, 'config'));
    writeFileSync(
      join(repo, 'config', 'deploymentSettings.json'),
      '{"ConnectionReferences": [{"LogicalName": "new_old", "ConnectionId": "secret-value-123"}]}',
    );
    taskLib.inputs.set('settings', 'config/deploymentSettings.json');
    await run();
    expect(state.gateOptions).toEqual([]);
    expect(logs).toContain(
      'connref-gate: config/deploymentSettings.json is out of step with Contoso 1.0.0.0 (src): init would change it',
    );
    expect(logs.some((l) => /would add +connection reference +new_office/.test(l))).toBe(true);
    expect(logs.some((l) => /would remove +connection reference +new_old/.test(l))).toBe(true);
    expect(taskLib.of('logIssue')).toEqual([
      [
        0,
        'config/deploymentSettings.json is out of step with Contoso: init would add 1 and remove 1 entries. Run connref-gate init and commit the result.',
        'config/deploymentSettings.json',
      ],
    ]);
    const [summaryFile] = taskLib.of('uploadSummary')[0] as [string];
    expect(summaryFile.startsWith(temp)).toBe(true);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('## ❌ connref-gate: the settings are out of step with the solution');
    expect(summary).toContain('| add | connection reference | `new_office` |');
    expect(outputs()).toEqual({ result: 'fail' });
    expect(result()).toEqual([2, 'connref-gate: 1 of 1 settings file out of step with Contoso']);
    // Names only, never a value; no thread, and no token read.
    expect(JSON.stringify(taskLib.calls) + logs.join('\n') + summary).not.toContain(
      'secret-value-123',
    );
    expect(state.upserts).toEqual([]);
    expect(taskLib.of('getEndpointAuthorization')).toEqual([]);
  });

  it('passes when the settings file is up to date, writing nothing', async () => {
    const text =
      '{"EnvironmentVariables": [], "ConnectionReferences": [{"LogicalName": "new_office", "ConnectionId": ""}]}';
    writeFileSync(join(repo, 'deploymentSettings.json'), text);
    await run();
    expect(outputs()).toEqual({ result: 'pass' });
    expect(result()).toEqual([0, 'connref-gate: 1 settings file in step with Contoso']);
    expect(taskLib.of('logIssue')).toEqual([]);
    expect(readFileSync(join(repo, 'deploymentSettings.json'), 'utf8')).toBe(text);
    const [summaryFile] = taskLib.of('uploadSummary')[0] as [string];
    expect(readFileSync(summaryFile, 'utf8')).toContain(
      '✅ Up to date: 1 connection reference, 0 environment variables.',
    );
  });

  it('defaults to deploymentSettings.json in the working directory, and fails when it is missing', async () => {
    writeInitSolution(join(repo, 'apps/contoso/src'));
    taskLib.inputs.set('workingDirectory', 'apps/contoso');
    taskLib.inputs.set('solution', 'src');
    await run();
    expect(logs).toContain(
      'connref-gate: apps/contoso/deploymentSettings.json is out of step with Contoso 1.0.0.0 (apps/contoso/src): init would create it',
    );
    expect(taskLib.of('logIssue')).toEqual([
      [
        0,
        'apps/contoso/deploymentSettings.json is out of step with Contoso: it does not exist. Run connref-gate init and commit the result.',
        'apps/contoso/deploymentSettings.json',
      ],
    ]);
    expect(existsSync(join(repo, 'apps', 'contoso', 'deploymentSettings.json'))).toBe(false);
    expect(result()[0]).toBe(2);
  });

  it('turns the error line of an unusable file into an issue on that file', async () => {
    writeFileSync(join(repo, 'deploymentSettings.json'), '{"OrgSettings": {}}');
    await run();
    const issues = taskLib.of('logIssue');
    expect(issues).toHaveLength(1);
    expect(issues[0]![0]).toBe(0);
    expect(String(issues[0]![1])).toMatch(
      /^connref-gate: .*customDeploymentSettings\.json.*init does not overwrite/,
    );
    expect(issues[0]![2]).toBe('deploymentSettings.json');
    expect(outputs()).toEqual({ result: 'fail' });
    expect(result()[0]).toBe(2);
  });

  it('fails a solution it cannot read with one line', async () => {
    writeFileSync(join(repo, 'broken.zip'), 'not a zip');
    taskLib.inputs.set('solution', 'broken.zip');
    await run();
    expect(outputs()).toEqual({ result: 'fail' });
    const [code, message] = result();
    expect(code).toBe(2);
    expect(String(message)).toMatch(/^connref-gate: .*broken\.zip/);
    expect(String(message)).not.toContain('\n');
  });

  it('fails a usage error with one line and no result output', async () => {
    taskLib.inputs.set('settings', 'src/deploymentSettings.json');
    await run();
    expect(outputs()).toEqual({});
    expect(result()).toEqual([
      2,
      'connref-gate: refusing to write the settings file src/deploymentSettings.json inside the solution src: choose a path outside it',
    ]);
  });
});
