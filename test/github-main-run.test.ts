// Unit tests of src/github/main.ts (see test/helpers/github-main.ts for the recording
// @actions/core and the mocks): inputs to the gate, masking, annotations, summary, outputs, the
// fail reason, failures with one line, and the resolved-settings file.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Report } from '../src/core/model.js';
import {
  calls,
  finding,
  outcome,
  outputs,
  state,
  useActionState,
  workspace,
} from './helpers/github-main.js';

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
const { UsageError } = await import('../src/core/errors.js');
const { failReason: coreFailReason } = await import('../src/core/adapter-support.js');
/** The reason the action gives, with its input name. */
const failReason = (summary: Report['summary'], failOn: 'error' | 'warning' | 'never') =>
  coreFailReason(summary, failOn, 'fail-on');

describe('run', () => {
  it('passes the inputs to the gate and always asks for a JSON report under RUNNER_TEMP', async () => {
    state.inputs.set('fail-on', 'warning');
    state.inputs.set('rules', 'CR010=off');
    state.inputs.set('sarif-file', 'out.sarif');
    state.gate = outcome([], { failed: false });
    await run();
    expect(state.gateOptions).toHaveLength(1);
    const options = state.gateOptions[0] as Record<string, unknown>;
    expect(options).toMatchObject({
      solutions: ['solutions/Contoso.zip'],
      settings: ['config/deploymentSettings.json'],
      cwd: workspace,
      failOn: 'warning',
      rules: { CR010: 'off' },
      sarifFile: join(workspace, 'out.sarif'),
    });
    expect(options['env']).toBe(process.env);
    expect(String(options['reportFile'])).toMatch(
      new RegExp(`^${workspace}/connref-gate-[^/]+/connref-gate-report\\.json$`),
    );
  });

  it('masks every secret before anything else is logged', async () => {
    state.gate = outcome([finding('error', 'CR001', 'new_a', { file: 'x.xml', line: 3 })], {
      failed: true,
      secrets: ['conn-1234', 'line1\nline2', ''],
    });
    await run();
    const secretCalls = calls('setSecret').map((c) => c.args[0]);
    expect(secretCalls).toEqual(['conn-1234', 'line1\nline2', 'line1', 'line2']);
    const firstOther = state.calls.findIndex((c) => c.fn !== 'setSecret');
    const lastSecret = state.calls.map((c) => c.fn).lastIndexOf('setSecret');
    expect(lastSecret).toBeLessThan(firstOther);
  });

  it('annotates findings most severe first, with file, line and title', async () => {
    state.gate = outcome(
      [
        finding('note', 'CR010', 'new_unused', { file: 'src/Other/Customizations.xml', line: 40 }),
        finding('warning', 'CR004', 'new_stale', {
          file: 'config/deploymentSettings.json',
          line: 9,
          column: 7,
        }),
        finding('error', 'CR001', 'new_office', { file: 'src/Other/Customizations.xml', line: 12 }),
        finding('error', 'CR007', 'My flow', { file: 'Contoso.zip!/Workflows/MyFlow.json' }),
        finding('error', 'SL001', 'nothing'),
      ],
      { failed: true },
    );
    await run();
    const annotations = state.calls.filter((c) => ['error', 'warning', 'notice'].includes(c.fn));
    expect(annotations.map((c) => [c.fn, c.args[1]])).toEqual([
      ['error', { title: 'CR001 new_office', file: 'src/Other/Customizations.xml', startLine: 12 }],
      ['error', { title: 'CR007 My flow', file: 'Contoso.zip' }],
      ['error', { title: 'SL001 nothing' }],
      [
        'warning',
        {
          title: 'CR004 new_stale',
          file: 'config/deploymentSettings.json',
          startLine: 9,
          startColumn: 7,
        },
      ],
      [
        'notice',
        { title: 'CR010 new_unused', file: 'src/Other/Customizations.xml', startLine: 40 },
      ],
    ]);
    expect(annotations[1]!.args[0]).toBe(
      'CR007 message about My flow (in Workflows/MyFlow.json inside the zip)',
    );
  });

  it('annotates 10 per type and says in the log and the summary how many more there are', async () => {
    const findings = [
      ...Array.from({ length: 13 }, (_, i) =>
        finding('error', 'CR001', `ref_${i}`, { file: 'a.xml', line: i + 1 }),
      ),
      ...Array.from({ length: 11 }, (_, i) =>
        finding('warning', 'CR004', `stale_${i}`, { file: 's.json', line: i + 1 }),
      ),
      finding('note', 'CR010', 'unused'),
    ];
    state.gate = outcome(findings, { failed: true });
    await run();
    expect(calls('error')).toHaveLength(10);
    expect(calls('warning')).toHaveLength(10);
    expect(calls('notice')).toHaveLength(1);
    const log = calls('info').map((c) => String(c.args[0]));
    expect(log.some((l) => l.includes('3 more errors and 1 more warning'))).toBe(true);
    expect(log).toContain('a.xml:11: error CR001 ref_10: CR001 message about ref_10');
    expect(state.summary.join('')).toContain('3 more errors and 1 more warning');
  });

  it('writes the summary, sets the outputs and fails with a one-line reason', async () => {
    state.gate = outcome(
      [
        finding('error', 'CR001', 'a'),
        finding('error', 'CR002', 'b'),
        finding('error', 'EV001', 'c'),
        finding('warning', 'CR004', 'd'),
      ],
      { failed: true },
    );
    await run();
    expect(state.summary.join('')).toContain('summary markdown');
    expect(calls('summary.write')).toHaveLength(1);
    expect(outputs()).toEqual({
      result: 'fail',
      errors: '3',
      warnings: '1',
      notes: '0',
      report: '/tmp/r/connref-gate-report.json',
      'sarif-file': '',
      'resolved-settings': '',
    });
    expect(calls('setFailed').map((c) => c.args[0])).toEqual([
      'connref-gate: 3 errors at or above fail-on=error (and 1 warning below it)',
    ]);
  });

  it('warns and keeps the result when the job summary cannot be written', async () => {
    process.env['GITHUB_STEP_SUMMARY'] = join(workspace, 'summary.md');
    state.summaryError = new Error('EACCES: permission denied');
    state.gate = outcome([finding('error', 'CR001', 'a')], { failed: true });
    await run();
    expect(calls('warning').map((c) => c.args[0])).toEqual([
      'connref-gate: could not write the job summary (EACCES: permission denied)',
    ]);
    expect(outputs()['result']).toBe('fail');
    expect(calls('setFailed')).toHaveLength(1);
  });

  it('passes without setFailed when nothing reaches fail-on', async () => {
    state.gate = outcome([finding('warning', 'CR004', 'd')], { failed: false });
    await run();
    expect(calls('setFailed')).toHaveLength(0);
    expect(outputs()['result']).toBe('pass');
    expect(
      calls('info').some((c) => String(c.args[0]).includes('passed with 0 errors, 1 warning')),
    ).toBe(true);
  });

  it('fails a usage error from the core with one line and no stack', async () => {
    state.gateError = new UsageError('solution path does not exist: solutions/Contoso.zip');
    await run();
    expect(calls('setFailed').map((c) => c.args[0])).toEqual([
      'connref-gate: solution path does not exist: solutions/Contoso.zip',
    ]);
    expect(calls('debug')).toHaveLength(0);
    expect(outputs()).toEqual({});
  });

  it('fails a bad input before running the gate', async () => {
    state.inputs.set('fail-on', 'sometimes');
    await run();
    expect(state.gateOptions).toHaveLength(0);
    expect(calls('setFailed').map((c) => c.args[0])).toEqual([
      "connref-gate: input 'fail-on' is 'sometimes': use one of error, warning, never",
    ]);
  });

  it('fails an unknown rule id', async () => {
    state.inputs.set('rules', 'CR999=off\nBAD=off');
    await run();
    expect(String(calls('setFailed')[0]?.args[0])).toMatch(
      /^connref-gate: input 'rules': unknown rule id BAD$/,
    );
  });

  it('keeps an unexpected error to one line, with the stack only in debug', async () => {
    state.gateError = new Error('disk full\n    at somewhere');
    await run();
    expect(calls('setFailed').map((c) => c.args[0])).toEqual([
      'connref-gate: disk full at somewhere',
    ]);
    expect(calls('debug')).toHaveLength(1);
  });
});

describe('failReason', () => {
  it.each([
    [
      { errors: 3, warnings: 1, notes: 0 },
      'error',
      '3 errors at or above fail-on=error (and 1 warning below it)',
    ],
    [{ errors: 1, warnings: 0, notes: 0 }, 'error', '1 error at or above fail-on=error'],
    [
      { errors: 0, warnings: 2, notes: 1 },
      'warning',
      '0 errors, 2 warnings at or above fail-on=warning (and 1 note below it)',
    ],
  ] as const)('%j %s', (summary, failOn, expected) => {
    expect(failReason(summary, failOn)).toBe(expected);
  });
});

describe('resolved settings', () => {
  it('logs where the file went and how many entries it holds, never its content', async () => {
    state.inputs.set('resolved-settings', 'out/resolved.json');
    const result = outcome([], { failed: false });
    state.gate = {
      ...result,
      written: { ...result.written, resolvedSettings: join(workspace, 'out/resolved.json') },
      resolvedSettings: { connectionReferences: 2, environmentVariables: 1 },
      notWritten: {},
    };
    await run();
    expect((state.gateOptions[0] as Record<string, unknown>)['resolvedSettingsFile']).toBe(
      join(workspace, 'out/resolved.json'),
    );
    expect(outputs()['resolved-settings']).toBe(join(workspace, 'out/resolved.json'));
    expect(calls('info').map((c) => c.args[0])).toContain(
      `connref-gate: resolved settings written to ${join(workspace, 'out/resolved.json')} (2 connection references, 1 environment variable)`,
    );
  });

  it('warns with the reason when the file was not written', async () => {
    state.inputs.set('resolved-settings', 'out/resolved.json');
    state.gate = {
      ...outcome([finding('error', 'CR001', 'a')], { failed: true }),
      notWritten: {
        resolvedSettings:
          'resolved settings not written to out/resolved.json: the check found 1 error',
      },
    };
    await run();
    expect(outputs()['resolved-settings']).toBe('');
    expect(calls('warning').map((c) => c.args[0])).toContain(
      'connref-gate: resolved settings not written to out/resolved.json: the check found 1 error',
    );
  });
});
