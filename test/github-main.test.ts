// Unit tests of src/github/main.ts with a recording @actions/core (real input readers), a mocked
// @actions/github and core gate.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding, Report } from '../src/core/model.js';

const MARKER = '<!-- connref-gate:test-marker -->';

const state = vi.hoisted(() => ({
  inputs: new Map<string, string>(),
  /** Every workflow command issued, in order. */
  calls: [] as { fn: string; args: unknown[] }[],
  summary: [] as string[],
  summaryError: undefined as unknown,
  gate: undefined as unknown,
  gateError: undefined as unknown,
  gateOptions: [] as unknown[],
  context: {
    eventName: 'pull_request',
    payload: { pull_request: { number: 7 } } as Record<string, unknown>,
    repo: { owner: 'contoso', repo: 'alm' },
    runId: 42,
    serverUrl: 'https://github.com',
  },
  comments: [] as { id: number; body: string; user: { type: string } }[],
  octokitError: undefined as unknown,
  tokens: [] as string[],
  rest: [] as { op: string; params: Record<string, unknown> }[],
  renderCalls: [] as unknown[],
}));

vi.mock('@actions/core', async (importOriginal) => {
  // The input readers are the real ones, fed from state.inputs as the runner would (INPUT_*);
  // everything the action reports is recorded.
  const real = await importOriginal<typeof import('@actions/core')>();
  const fromInputs =
    <A extends unknown[], R>(read: (...args: A) => R) =>
    (...args: A): R => {
      const keys = [...state.inputs.keys()].map((name) => `INPUT_${name.toUpperCase()}`);
      for (const [name, value] of state.inputs) process.env[`INPUT_${name.toUpperCase()}`] = value;
      try {
        return read(...args);
      } finally {
        for (const key of keys) delete process.env[key];
      }
    };
  const record =
    (fn: string) =>
    (...args: unknown[]) => {
      state.calls.push({ fn, args });
    };
  const summary = {
    addRaw(text: string) {
      state.summary.push(text);
      return summary;
    },
    async write() {
      if (state.summaryError) throw state.summaryError;
      state.calls.push({ fn: 'summary.write', args: [] });
      return summary;
    },
  };
  return {
    getInput: fromInputs(real.getInput),
    getMultilineInput: fromInputs(real.getMultilineInput),
    getBooleanInput: fromInputs(real.getBooleanInput),
    setSecret: record('setSecret'),
    setOutput: record('setOutput'),
    setFailed: record('setFailed'),
    error: record('error'),
    warning: record('warning'),
    notice: record('notice'),
    info: record('info'),
    debug: record('debug'),
    startGroup: record('startGroup'),
    endGroup: record('endGroup'),
    summary,
  };
});

vi.mock('@actions/github', () => ({
  context: state.context,
  getOctokit: (token: string) => {
    state.tokens.push(token);
    const fail = () => {
      if (state.octokitError) throw state.octokitError;
    };
    const rest = {
      issues: {
        listComments: async (params: Record<string, unknown>) => {
          state.rest.push({ op: 'list', params });
          fail();
          return { data: state.comments };
        },
        createComment: async (params: Record<string, unknown>) => {
          state.rest.push({ op: 'create', params });
          fail();
          return { data: { id: 100, html_url: 'https://github.com/c/a/pull/7#c100' } };
        },
        updateComment: async (params: Record<string, unknown>) => {
          state.rest.push({ op: 'update', params });
          fail();
          return { data: { id: params['comment_id'], html_url: 'https://x/c' } };
        },
      },
    };
    return {
      rest,
      paginate: async (
        method: (p: Record<string, unknown>) => Promise<{ data: unknown[] }>,
        params: Record<string, unknown>,
      ) => (await method(params)).data,
    };
  },
}));

vi.mock('../src/core/gate.js', () => ({
  runGate: async (options: unknown) => {
    state.gateOptions.push(options);
    if (state.gateError) throw state.gateError;
    return state.gate;
  },
}));

vi.mock('../src/core/format/markdown.js', () => ({
  COMMENT_MARKER: MARKER,
  GITHUB_COMMENT_BUDGET: 65_000,
  formatPullRequestComment: (report: Report, options: unknown) => {
    state.renderCalls.push(options);
    return `${MARKER}\ncomment with ${report.summary.errors} errors`;
  },
}));

vi.mock('../src/core/rules/index.js', async () => {
  const { UsageError } = await import('../src/core/errors.js');
  return {
    parseRuleOverrides: (lines: string[]) => {
      const out: Record<string, string> = {};
      for (const line of lines) {
        const [id, severity] = line.split('=');
        if (!/^(CR|EV|DS|SL)\d{3}$/.test(id ?? '')) throw new UsageError(`unknown rule id ${id}`);
        out[id!] = severity!;
      }
      return out;
    },
  };
});

const { run } = await import('../src/github/main.js');
const { UsageError } = await import('../src/core/errors.js');
const { failReason: coreFailReason } = await import('../src/core/adapter-support.js');
/** The reason the action gives, with its input name. */
const failReason = (summary: Report['summary'], failOn: 'error' | 'warning' | 'never') =>
  coreFailReason(summary, failOn, 'fail-on');

function finding(
  severity: Finding['severity'],
  ruleId: string,
  subject: string,
  location?: Finding['location'],
): Finding {
  return {
    ruleId,
    severity,
    subject,
    message: `${ruleId} message about ${subject}`,
    solution: 'Contoso',
    location,
  };
}

function outcome(findings: Finding[], options: { failed: boolean; secrets?: string[] }) {
  const summary = {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    notes: findings.filter((f) => f.severity === 'note').length,
  };
  const report: Report = {
    tool: { name: 'connref-gate', version: '0.1.0' },
    solutions: [],
    findings,
    summary,
  };
  return {
    result: { report, secrets: options.secrets ?? [], settingsFiles: [] },
    report,
    failed: options.failed,
    markdown: '## connref-gate\n\nsummary markdown\n',
    written: {
      reportFile: '/tmp/r/connref-gate-report.json',
      sarifFile: undefined as string | undefined,
    },
  };
}

const calls = (fn: string) => state.calls.filter((c) => c.fn === fn);
const outputs = () => Object.fromEntries(calls('setOutput').map((c) => [c.args[0], c.args[1]]));

let workspace: string;
const saved = { ...process.env };

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'connref-gate-main-'));
  process.env['GITHUB_WORKSPACE'] = workspace;
  process.env['RUNNER_TEMP'] = workspace;
  process.env['GITHUB_STEP_SUMMARY'] = join(workspace, 'summary.md');
  process.env['GITHUB_EVENT_NAME'] = 'pull_request';
  state.inputs.clear();
  state.inputs.set('solution', 'solutions/Contoso.zip');
  state.inputs.set('settings', 'config/deploymentSettings.json');
  state.inputs.set('github-token', 'ghs_fake');
  state.calls.length = 0;
  state.summary.length = 0;
  state.gateOptions.length = 0;
  state.gateError = undefined;
  state.summaryError = undefined;
  state.comments = [];
  state.octokitError = undefined;
  state.tokens.length = 0;
  state.rest.length = 0;
  state.renderCalls.length = 0;
  state.context.eventName = 'pull_request';
  state.context.payload = { pull_request: { number: 7 } };
});

afterEach(() => {
  rmSync(workspace, { recursive: true, force: true });
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

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

describe('pull-request comment', () => {
  it('creates the comment when there is none, with the run URL', async () => {
    state.gate = outcome([finding('error', 'CR001', 'a')], { failed: true });
    await run();
    expect(state.tokens).toEqual(['ghs_fake']);
    expect(state.rest.map((r) => r.op)).toEqual(['list', 'create']);
    expect(state.rest[1]!.params).toMatchObject({ owner: 'contoso', repo: 'alm', issue_number: 7 });
    expect(state.rest[1]!.params['body']).toContain(MARKER);
    expect(state.renderCalls).toEqual([
      {
        failOn: 'error',
        previousBody: undefined,
        runUrl: 'https://github.com/contoso/alm/actions/runs/42',
        // Within GitHub's 65,536-character limit for a comment.
        maxLength: 65_000,
      },
    ]);
  });

  it('updates the marked comment in place and passes its body as previousBody', async () => {
    state.comments = [
      { id: 1, body: 'unrelated', user: { type: 'User' } },
      { id: 2, body: `quoting ${MARKER}`, user: { type: 'User' } },
      { id: 3, body: `${MARKER}\nold body`, user: { type: 'Bot' } },
    ];
    state.gate = outcome([], { failed: false });
    await run();
    expect(state.rest.map((r) => r.op)).toEqual(['list', 'update']);
    expect(state.rest[1]!.params).toMatchObject({ comment_id: 3 });
    expect(state.renderCalls[0]).toMatchObject({ previousBody: `${MARKER}\nold body` });
  });

  it('warns on 403 and keeps the gate result', async () => {
    state.octokitError = Object.assign(new Error('Resource not accessible by integration'), {
      status: 403,
    });
    state.gate = outcome([finding('error', 'CR001', 'a')], { failed: true });
    await run();
    const warnings = calls('warning').map((c) => String(c.args[0]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /HTTP 403: Resource not accessible by integration.*pull-requests: write/,
    );
    expect(warnings[0]).not.toContain('\n');
    expect(outputs()['result']).toBe('fail');
    expect(calls('setFailed')).toHaveLength(1);
  });

  it('warns on other errors too, and a passing gate stays passing', async () => {
    state.octokitError = new Error('socket hang up');
    state.gate = outcome([], { failed: false });
    await run();
    expect(calls('warning').map((c) => c.args[0])).toEqual([
      'connref-gate: could not write the pull-request comment (socket hang up). The gate result does not depend on the comment.',
    ]);
    expect(calls('setFailed')).toHaveLength(0);
  });

  it('warns without a token', async () => {
    state.inputs.set('github-token', '');
    state.gate = outcome([], { failed: false });
    await run();
    expect(state.tokens).toEqual([]);
    expect(calls('warning')).toHaveLength(1);
  });

  it.each(['push', 'workflow_dispatch'])('does not comment on %s events', async (event) => {
    state.context.eventName = event;
    process.env['GITHUB_EVENT_NAME'] = event;
    state.gate = outcome([], { failed: false });
    await run();
    expect(state.tokens).toEqual([]);
    expect(calls('warning')).toHaveLength(0);
  });

  it('comments on pull_request_target', async () => {
    state.context.eventName = 'pull_request_target';
    process.env['GITHUB_EVENT_NAME'] = 'pull_request_target';
    state.gate = outcome([], { failed: false });
    await run();
    expect(state.rest.map((r) => r.op)).toEqual(['list', 'create']);
  });

  it('does not comment when comment-on-pr is false', async () => {
    state.inputs.set('comment-on-pr', 'false');
    state.gate = outcome([finding('error', 'CR001', 'a')], { failed: true });
    await run();
    expect(state.tokens).toEqual([]);
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

describe('command: init --check', () => {
  function writeSolution(): void {
    const dir = join(workspace, 'src');
    mkdirSync(join(dir, 'Other'), { recursive: true });
    writeFileSync(
      join(dir, 'Other/Solution.xml'),
      '<ImportExportXml><SolutionManifest><UniqueName>Contoso</UniqueName><Version>1.0.0.0</Version><Managed>0</Managed></SolutionManifest></ImportExportXml>',
    );
    writeFileSync(
      join(dir, 'Other/Customizations.xml'),
      '<ImportExportXml><connectionreferences><connectionreference connectionreferencelogicalname="new_office"><connectorid>/providers/Microsoft.PowerApps/apis/shared_office365</connectorid></connectionreference></connectionreferences></ImportExportXml>',
    );
  }

  beforeEach(() => {
    state.inputs.set('command', 'init --check');
    state.inputs.set('solution', 'src');
    state.inputs.delete('settings');
  });

  it('fails when the settings file is out of step: log, annotation on the file, summary, result', async () => {
    writeSolution();
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
    writeSolution();
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
    writeSolution();
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
