// Unit tests of src/ado/main.ts with a mocked task-lib, core gate and PR-thread client (see
// test/helpers/ado-main.ts): issues, summary, outputs and the result of a check, masking, failures
// with one line, the fail reason, and the resolved-settings file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../src/ado/main.js';
import { failReason as coreFailReason } from '../src/core/adapter-support.js';
import { UsageError } from '../src/core/errors.js';
import type { GateOptions } from '../src/core/gate.js';
import type { FailOn, Summary } from '../src/core/model.js';
import { taskLib } from './fixtures/ado/mock-task-lib.js';
import {
  SECRET,
  finding,
  logs,
  outcome,
  outputs,
  repo,
  result,
  state,
  temp,
  useTaskState,
} from './helpers/ado-main.js';

vi.mock('azure-pipelines-task-lib/task.js', async () =>
  (await import('./fixtures/ado/mock-task-lib.js')).createTaskLibMock(),
);
vi.mock('../src/core/gate.js', async () => (await import('./helpers/ado-main.js')).mockGate());
vi.mock('../src/ado/pr-thread.js', async () =>
  (await import('./helpers/ado-main.js')).mockPrThread(),
);

useTaskState();

/** The reason the task gives, with its input name. */
const failReason = (summary: Summary, failOn: FailOn) => coreFailReason(summary, failOn, 'failOn');

describe('run', () => {
  it('maps a failing outcome to issues, a summary, outputs and a Failed result', async () => {
    state.gate = outcome([
      finding({ ruleId: 'CR010', severity: 'note', message: 'Unused.', subject: 'u' }),
      finding({
        ruleId: 'CR004',
        severity: 'warning',
        message: 'Stale entry.',
        location: { file: 'config/Test/deploymentSettings.json', line: 14, column: 5 },
      }),
      finding({
        location: { file: 'config/Test/deploymentSettings.json', line: 9, column: 5 },
      }),
    ]);
    await run();

    expect(state.gateOptions).toEqual([
      expect.objectContaining({
        solutions: ['solutions/ContosoAlerts'],
        settings: ['config/Test/deploymentSettings.json'],
        cwd: repo,
        failOn: 'error',
        rules: {},
        sarifFile: undefined,
        reportFile: expect.stringMatching(/connref-gate-[^/\\]+[/\\]connref-gate\.json$/),
      }),
    ]);
    const options = state.gateOptions[0] as GateOptions;
    expect(options.reportFile!.startsWith(temp)).toBe(true);

    // Masked before anything else is logged.
    const firstLog = taskLib.calls.findIndex((c) => c.fn === 'logIssue');
    const mask = taskLib.calls.findIndex((c) => c.fn === 'setSecret' && c.args[0] === SECRET);
    expect(mask).toBeGreaterThanOrEqual(0);
    expect(mask).toBeLessThan(firstLog);

    // Most severe first; rule id as the issue code; notes as plain log lines.
    expect(taskLib.of('logIssue')).toEqual([
      [
        0,
        'CR001: Connection reference x has no ConnectionId.',
        'config/Test/deploymentSettings.json',
        9,
        5,
        'CR001',
      ],
      [1, 'CR004: Stale entry.', 'config/Test/deploymentSettings.json', 14, 5, 'CR004'],
    ]);
    expect(logs).toContain('note CR010: Unused.');
    expect(logs[0]).toBe('connref-gate 0.1.0: checked 1 solution: 1 error, 1 warning, 1 note');

    // The summary is a file in the agent's temp folder, attached to the run, secrets redacted.
    const [summaryFile] = taskLib.of('uploadSummary')[0] as [string];
    expect(summaryFile.startsWith(temp)).toBe(true);
    expect(summaryFile.endsWith('connref-gate.md')).toBe(true);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('markdown body mentioning *** by mistake');
    expect(summary).not.toContain(SECRET);

    expect(outputs()).toEqual({
      result: 'fail',
      errors: '1',
      warnings: '1',
      notes: '1',
      report: join(temp, 'r.json'),
      sarifFile: '',
      resolvedSettings: '',
    });
    expect(result()).toEqual([
      2,
      'connref-gate: 1 error at or above failOn=error (and 1 warning, 1 note below it)',
    ]);
  });

  it('succeeds with issues below failOn, and plainly when clean', async () => {
    state.gate = outcome([finding({ severity: 'warning', ruleId: 'CR004' })]);
    await run();
    expect(result()).toEqual([1, 'connref-gate: 0 errors, 1 warning, below failOn=error']);
    expect(outputs()['result']).toBe('pass');

    taskLib.calls.length = 0;
    state.gate = outcome([finding({ severity: 'note', ruleId: 'CR010' })]);
    await run();
    expect(result()).toEqual([0, 'connref-gate: no errors or warnings']);
  });

  it('passes failOn through and reports errors under failOn=never as issues only', async () => {
    taskLib.inputs.set('failOn', 'never');
    state.gate = outcome([finding({})], { failed: false });
    await run();
    expect((state.gateOptions[0] as GateOptions).failOn).toBe('never');
    expect(result()).toEqual([1, 'connref-gate: 1 error, 0 warnings, below failOn=never']);
    expect(outputs()['result']).toBe('pass');
  });

  it('points an issue inside a zip at the zip and says where inside', async () => {
    state.gate = outcome(
      [
        finding({
          location: { file: 'out/Contoso.zip!/customizations.xml', line: 12 },
          solution: 'Contoso',
        }),
      ],
      { solutions: 2 },
    );
    await run();
    expect(taskLib.of('logIssue')).toEqual([
      [
        0,
        'CR001: Connection reference x has no ConnectionId. (solution Contoso) (at out/Contoso.zip!/customizations.xml:12)',
        'out/Contoso.zip',
        undefined,
        undefined,
        'CR001',
      ],
    ]);
  });

  it('masks a multi-line secret line by line and redacts it from issue messages', async () => {
    const gate = outcome([finding({ message: `leaks line-two-of-it` })]);
    gate.result.secrets = ['line-one\nline-two-of-it'];
    state.gate = gate;
    await run();
    expect(taskLib.of('setSecret')).toEqual([['line-two-of-it'], ['line-one']]);
    expect(taskLib.of('logIssue')[0]![1]).toBe('CR001: leaks ***');
  });

  it('fails with one line for a usage error, without a stack trace', async () => {
    state.gateError = new UsageError('solution solutions/Nope does not exist');
    await run();
    expect(result()).toEqual([2, 'connref-gate: solution solutions/Nope does not exist']);
    expect(taskLib.of('debug')).toEqual([]);
    expect(taskLib.of('logIssue')).toEqual([]);
  });

  it('fails with one line for a bad input, before running the gate', async () => {
    taskLib.inputs.set('failOn', 'sometimes');
    await run();
    expect(state.gateOptions).toEqual([]);
    expect(result()).toEqual([
      2,
      "connref-gate: input 'failOn' is 'sometimes': use one of error, warning, never",
    ]);
  });

  it('keeps an unexpected error to one line and puts the stack in the debug log', async () => {
    state.gateError = new Error('boom\n    at somewhere (file.js:1:1)');
    await run();
    expect(result()).toEqual([2, 'connref-gate: boom']);
    expect(String(taskLib.of('debug')[0]![0])).toContain('at ');
  });
});

describe('resolved settings', () => {
  it('asks the gate for the file, sets the output and logs where it went, never the content', async () => {
    taskLib.inputs.set('resolvedSettings', 'out/resolved.json');
    const path = join(repo, 'out', 'resolved.json');
    state.gate = {
      ...outcome([]),
      written: { reportFile: join(temp, 'r.json'), resolvedSettings: path },
      notWritten: {},
      resolvedSettings: { connectionReferences: 2, environmentVariables: 1 },
    };
    await run();
    expect((state.gateOptions[0] as GateOptions).resolvedSettingsFile).toBe(path);
    expect(outputs()['resolvedSettings']).toBe(path);
    const line = `connref-gate: resolved settings written to ${path} (2 connection references, 1 environment variable)`;
    expect(logs).toContain(line);
    expect(taskLib.of('warning')).toEqual([]);
    // Masked before the line is logged (the gate's secrets, whatever the line holds).
    const mask = taskLib.calls.findIndex((c) => c.fn === 'setSecret' && c.args[0] === SECRET);
    const logged = taskLib.calls.findIndex((c) => c.fn === 'console.log' && c.args[0] === line);
    expect(mask).toBeGreaterThanOrEqual(0);
    expect(mask).toBeLessThan(logged);
  });

  it('warns with the reason when the file was not written, and sets the output empty', async () => {
    taskLib.inputs.set('resolvedSettings', 'out/resolved.json');
    state.gate = {
      ...outcome([finding({})]),
      notWritten: {
        resolvedSettings:
          'resolved settings not written to out/resolved.json: the check found 1 error, and pac would import these settings with them',
      },
    };
    await run();
    expect(taskLib.of('warning')).toEqual([
      [
        'connref-gate: resolved settings not written to out/resolved.json: the check found 1 error, and pac would import these settings with them',
      ],
    ]);
    expect(outputs()['resolvedSettings']).toBe('');
    expect(result()[0]).toBe(2);
  });

  it('does not mention the file when none was asked for', async () => {
    state.gate = outcome([]);
    await run();
    expect((state.gateOptions[0] as GateOptions).resolvedSettingsFile).toBeUndefined();
    expect(logs.some((l) => l.includes('resolved settings'))).toBe(false);
    expect(taskLib.of('warning')).toEqual([]);
  });
});

describe('failReason', () => {
  it('says what reached failOn and what stayed below', () => {
    expect(failReason({ errors: 2, warnings: 0, notes: 0 }, 'error')).toBe(
      '2 errors at or above failOn=error',
    );
    expect(failReason({ errors: 0, warnings: 3, notes: 1 }, 'warning')).toBe(
      '0 errors, 3 warnings at or above failOn=warning (and 1 note below it)',
    );
  });
});

it('leaves nothing in the repository', async () => {
  state.gate = outcome([finding({})]);
  await run();
  expect(existsSync(join(repo, 'connref-gate.md'))).toBe(false);
});
