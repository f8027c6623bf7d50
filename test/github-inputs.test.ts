// Unit tests of src/github/inputs.ts: raw inputs, as the runner passes them (`INPUT_<NAME>`
// variables read by the real @actions/core), → typed settings.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getInputs } from '../src/github/inputs.js';
import { UsageError } from '../src/core/errors.js';

/** The runner's way of passing inputs: `INPUT_` + the name upper-cased, dashes kept. */
const inputs = {
  set(name: string, value: string): void {
    process.env[`INPUT_${name.toUpperCase()}`] = value;
  },
  clear(): void {
    for (const key of Object.keys(process.env))
      if (key.startsWith('INPUT_')) delete process.env[key];
  },
};

let workspace: string;
const savedWorkspace = process.env['GITHUB_WORKSPACE'];
const savedEvent = process.env['GITHUB_EVENT_NAME'];

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'connref-gate-inputs-'));
  mkdirSync(join(workspace, 'apps', 'contoso'), { recursive: true });
  process.env['GITHUB_WORKSPACE'] = workspace;
  delete process.env['GITHUB_EVENT_NAME'];
  inputs.clear();
  inputs.set('solution', 'solutions/Contoso.zip');
});

afterEach(() => {
  rmSync(workspace, { recursive: true, force: true });
  inputs.clear();
  if (savedWorkspace === undefined) delete process.env['GITHUB_WORKSPACE'];
  else process.env['GITHUB_WORKSPACE'] = savedWorkspace;
  if (savedEvent === undefined) delete process.env['GITHUB_EVENT_NAME'];
  else process.env['GITHUB_EVENT_NAME'] = savedEvent;
});

function usageMessage(): string {
  try {
    getInputs();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a UsageError');
}

describe('getInputs', () => {
  it('applies the documented defaults', () => {
    const result = getInputs();
    expect(result).toEqual({
      command: 'check',
      solutions: ['solutions/Contoso.zip'],
      settings: [],
      settingsPerSolution: [],
      placeholders: 'resolve',
      failOn: 'error',
      rules: {},
      sarifFile: undefined,
      resolvedSettingsFile: undefined,
      commentOnPr: true,
      githubToken: '',
      eventName: '',
      workingDirectory: workspace,
      cwd: workspace,
    });
  });

  it('reads one solution and one settings path per line, skipping blanks and # comments', () => {
    inputs.set('solution', '  a/Solution1.zip\n\n# not this one\nsrc/**/Other/..\r\nb/*.zip  \n');
    inputs.set('settings', 'config/*/deploymentSettings.json\n');
    const result = getInputs();
    expect(result.solutions).toEqual(['a/Solution1.zip', 'src/**/Other/..', 'b/*.zip']);
    expect(result.settings).toEqual(['config/*/deploymentSettings.json']);
  });

  it.each([
    ['check', 'check'],
    [' CHECK ', 'check'],
    ['init --check', 'init-check'],
    ['init   --Check', 'init-check'],
  ])('reads command=%j as %s', (value, expected) => {
    inputs.set('command', value);
    expect(getInputs().command).toBe(expected);
  });

  it('rejects another command, and says where init itself belongs', () => {
    inputs.set('command', 'lint');
    expect(usageMessage()).toBe("input 'command' is 'lint': use check or init --check");
    inputs.set('command', 'init');
    expect(usageMessage()).toMatch(
      /^input 'command' is 'init': use check or init --check \(init writes/,
    );
  });

  it('init --check defaults settings to deploymentSettings.json in the working directory', () => {
    inputs.set('command', 'init --check');
    inputs.set('working-directory', 'apps/contoso');
    inputs.set('solution', 'src');
    expect(getInputs()).toMatchObject({
      command: 'init-check',
      solutions: ['apps/contoso/src'],
      settings: ['apps/contoso/deploymentSettings.json'],
    });
    inputs.set('settings', 'config/*/deploymentSettings.json');
    expect(getInputs().settings).toEqual(['apps/contoso/config/*/deploymentSettings.json']);
  });

  it.each(['sarif-file', 'resolved-settings'])(
    'init --check refuses the %s input, which only check writes',
    (name) => {
      inputs.set('command', 'init --check');
      inputs.set(name, 'out.json');
      expect(usageMessage()).toMatch(new RegExp(`^input '${name}' is for command 'check'`));
    },
  );

  it('requires a solution', () => {
    inputs.set('solution', '\n  \n');
    expect(usageMessage()).toMatch(/input 'solution' is required/);
  });

  it.each(['error', 'warning', 'never', 'WARNING'])('accepts fail-on=%s', (value) => {
    inputs.set('fail-on', value);
    expect(getInputs().failOn).toBe(value.toLowerCase());
  });

  it('rejects a bad fail-on with the allowed values', () => {
    inputs.set('fail-on', 'errors');
    expect(usageMessage()).toBe("input 'fail-on' is 'errors': use one of error, warning, never");
  });

  it('parses rule overrides, one per line or comma-separated', () => {
    inputs.set('rules', 'CR010=off\nCR009=error, EV004=note\n');
    expect(getInputs().rules).toEqual({ CR010: 'off', CR009: 'error', EV004: 'note' });
  });

  it('rejects an unknown rule id with a one-line message', () => {
    inputs.set('rules', 'XX999=off');
    expect(usageMessage()).toMatch(/^input 'rules': .*XX999/);
  });

  it('rejects a bad severity', () => {
    inputs.set('rules', 'CR001=fatal');
    expect(usageMessage()).toMatch(/^input 'rules': .*fatal/);
  });

  it.each([
    ['true', true],
    ['false', false],
    ['False', false],
    [' TRUE ', true],
    ['', true],
  ])('reads comment-on-pr=%j as %s', (value, expected) => {
    inputs.set('comment-on-pr', value);
    expect(getInputs().commentOnPr).toBe(expected);
  });

  it('carries the event name, which decides whether the comment path runs', () => {
    process.env['GITHUB_EVENT_NAME'] = 'pull_request_target';
    expect(getInputs().eventName).toBe('pull_request_target');
  });

  it.each(['sometimes', 'yes'])(
    'rejects comment-on-pr=%s, which is not a YAML 1.2 boolean, in one line',
    (value) => {
      inputs.set('comment-on-pr', value);
      expect(usageMessage()).toBe(`input 'comment-on-pr' is '${value}': use true or false`);
    },
  );

  it('resolves relative paths against working-directory, keeping reports repository-relative', () => {
    inputs.set('working-directory', 'apps/contoso');
    inputs.set('solution', 'solutions/*.zip\n../shared/Base.zip\n/abs/Other.zip');
    inputs.set('settings', 'config/deploymentSettings.json');
    inputs.set('sarif-file', 'out/connref.sarif');
    inputs.set('resolved-settings', '/tmp/resolved.json');
    inputs.set('github-token', 'ghs_token');
    const result = getInputs();
    expect(result.cwd).toBe(workspace);
    expect(result.workingDirectory).toBe(join(workspace, 'apps', 'contoso'));
    expect(result.solutions).toEqual([
      'apps/contoso/solutions/*.zip',
      'apps/shared/Base.zip',
      '/abs/Other.zip',
    ]);
    expect(result.settings).toEqual(['apps/contoso/config/deploymentSettings.json']);
    expect(result.sarifFile).toBe(join(workspace, 'apps', 'contoso', 'out', 'connref.sarif'));
    expect(result.resolvedSettingsFile).toBe('/tmp/resolved.json');
    expect(result.githubToken).toBe('ghs_token');
  });

  it('uses a working-directory outside the workspace as the base itself', () => {
    const outside = mkdtempSync(join(tmpdir(), 'connref-gate-outside-'));
    try {
      inputs.set('working-directory', outside);
      const result = getInputs();
      expect(result.cwd).toBe(outside);
      expect(result.solutions).toEqual(['solutions/Contoso.zip']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('rejects a working-directory that does not exist', () => {
    inputs.set('working-directory', 'nope');
    expect(usageMessage()).toBe(
      `input 'working-directory': ${join(workspace, 'nope')} does not exist or is not a folder`,
    );
  });
});
