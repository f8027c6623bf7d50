// Unit tests of src/github/main.ts (see test/helpers/github-main.ts for the mocks) running
// `init --check`: a settings file out of step fails with a log, an annotation and a summary;
// nothing is written and nothing is commented.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { writeInitSolution } from './helpers/adapter-main.js';
import { calls, outputs, state, useActionState, workspace } from './helpers/github-main.js';

vi.mock('@actions/core', async (importOriginal) =>
  (await import('./helpers/github-main.js')).mockActionsCore(importOriginal),
);
vi.mock('@actions/github', async () =>
  (await import('./helpers/github-main.js')).mockActionsGithub(),
);
vi.mock('../src/core/gate.js', async () => (await import('./helpers/github-main.js')).mockGate());
vi.mock('../src/core/format/markdown.js', async () =>
  (await import('./helpers/github-main.js')).mockMarkdown(),
);
vi.mock('../src/core/rules/index.js', async () =>
  (await import('./helpers/github-main.js')).mockRules(),
);

const { run } = await import('../src/github/main.js');

useActionState();

describe('command: init --check', () => {
  beforeEach(() => {
    state.inputs.set('command', 'init --check');
    state.inputs.set('solution', 'src');
    state.inputs.delete('settings');
  });

  it('fails when the settings file is out of step: log, annotation on the file, summary, result', async () => {
    writeInitSolution(join(workspace, 'src'));
    writeFileSync(
      join(workspace, 'deploymentSettings.json'),
      '{"ConnectionReferences": [{"LogicalName": "new_old", "ConnectionId": "secret-value-123"}]}',
    );
    await run();
    expect(state.gateOptions).toHaveLength(0);
    const log = calls('info').map((c) => String(c.args[0]));
    expect(log).toContain(
      'connref-gate: deploymentSettings.json is out of step with Contoso 1.0.0.0 (src): init would change it',
    );
    expect(log.some((l) => /would add +connection reference +new_office/.test(l))).toBe(true);
    expect(log.some((l) => /would remove +connection reference +new_old/.test(l))).toBe(true);
    expect(calls('error')).toEqual([
      {
        fn: 'error',
        args: [
          'deploymentSettings.json is out of step with Contoso: init would add 1 and remove 1 entries. Run connref-gate init and commit the result.',
          { title: 'connref-gate init --check', file: 'deploymentSettings.json' },
        ],
      },
    ]);
    expect(outputs()).toEqual({ result: 'fail' });
    expect(state.summary.join('')).toContain(
      '## ❌ connref-gate: the settings are out of step with the solution',
    );
    expect(state.summary.join('')).toContain('| add | connection reference | `new_office` |');
    expect(calls('setFailed').map((c) => c.args[0])).toEqual([
      'connref-gate: 1 of 1 settings file out of step with Contoso',
    ]);
    // Names only: never a value, and no comment.
    expect(JSON.stringify(state.calls) + state.summary.join('')).not.toContain('secret-value-123');
    expect(state.rest).toEqual([]);
  });

  it('passes when every settings file is up to date, writing nothing', async () => {
    writeInitSolution(join(workspace, 'src'));
    const text =
      '{"EnvironmentVariables": [], "ConnectionReferences": [{"LogicalName": "new_office", "ConnectionId": ""}]}';
    writeFileSync(join(workspace, 'deploymentSettings.json'), text);
    await run();
    expect(outputs()).toEqual({ result: 'pass' });
    expect(calls('setFailed')).toEqual([]);
    expect(readFileSync(join(workspace, 'deploymentSettings.json'), 'utf8')).toBe(text);
    expect(state.summary.join('')).toContain(
      '✅ Up to date: 1 connection reference, 0 environment variables.',
    );
  });

  it('fails with one line on a missing settings file and on an unusable one', async () => {
    writeInitSolution(join(workspace, 'src'));
    await run();
    expect(outputs()).toEqual({ result: 'fail' });
    expect(calls('info').map((c) => String(c.args[0]))).toContain(
      'connref-gate: deploymentSettings.json is out of step with Contoso 1.0.0.0 (src): init would create it',
    );
    state.calls.length = 0;
    writeFileSync(join(workspace, 'deploymentSettings.json'), '{"OrgSettings": {}}');
    await run();
    expect(outputs()).toEqual({ result: 'fail' });
    expect(String(calls('error')[0]?.args[0])).toMatch(
      /customDeploymentSettings\.json.*init does not overwrite/,
    );
  });

  it('fails a solution it cannot read with one line', async () => {
    writeFileSync(join(workspace, 'broken.zip'), 'not a zip');
    state.inputs.set('solution', 'broken.zip');
    await run();
    expect(outputs()).toEqual({ result: 'fail' });
    expect(calls('setFailed')).toHaveLength(1);
    expect(String(calls('setFailed')[0]!.args[0])).toMatch(/^connref-gate: .*broken\.zip/);
  });
});
