// Unit tests of src/ado/main.ts with a mocked task-lib, core gate and PR-thread client.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/ado/main.js';
import type { PullRequestTarget, UpsertCommentOptions } from '../src/ado/pr-thread.js';
import { failReason as coreFailReason } from '../src/core/adapter-support.js';
import { UsageError } from '../src/core/errors.js';
import { COMMENT_MARKER } from '../src/core/format/markdown.js';
import type { GateOptions, GateOutcome } from '../src/core/gate.js';
import type { FailOn, Finding, Report, Summary } from '../src/core/model.js';
import { taskLib } from './fixtures/ado/mock-task-lib.js';

const state = vi.hoisted(() => ({
  gate: undefined as unknown,
  gateError: undefined as unknown,
  gateOptions: [] as unknown[],
  upserts: [] as { target: unknown; options: unknown; rendered: string }[],
  upsertResult: { kind: 'created', threadId: 101, commentId: 1 } as unknown,
  previousBody: undefined as string | undefined,
}));

vi.mock('azure-pipelines-task-lib/task.js', async () =>
  (await import('./fixtures/ado/mock-task-lib.js')).createTaskLibMock(),
);

vi.mock('../src/core/gate.js', () => ({
  runGate: async (options: unknown) => {
    state.gateOptions.push(options);
    if (state.gateError) throw state.gateError;
    return state.gate;
  },
}));

vi.mock('../src/ado/pr-thread.js', () => ({
  upsertPullRequestComment: async (target: PullRequestTarget, options: UpsertCommentOptions) => {
    state.upserts.push({ target, options, rendered: options.render(state.previousBody) });
    return state.upsertResult;
  },
}));

const SECRET = 'canary-5a4b3c';
/** The reason the task gives, with its input name. */
const failReason = (summary: Summary, failOn: FailOn) => coreFailReason(summary, failOn, 'failOn');
let repo: string;
let temp: string;
let logs: string[];

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'CR001',
    severity: 'error',
    message: 'Connection reference x has no ConnectionId.',
    solution: 'ContosoAlerts',
    subject: 'x',
    ...overrides,
  };
}

function outcome(findings: Finding[], options: { failed?: boolean; solutions?: number } = {}) {
  const summary = {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    notes: findings.filter((f) => f.severity === 'note').length,
  };
  const report: Report = {
    tool: { name: 'connref-gate', version: '0.1.0' },
    solutions: Array.from({ length: options.solutions ?? 1 }, (_, i) => ({
      path: `solutions/S${i}`,
      uniqueName: `S${i}`,
      version: '1.0.0.0',
      managed: 'unmanaged' as const,
      connectionReferences: [],
      flows: [],
      agents: [],
      canvasApps: [],
      environmentVariables: [],
    })),
    findings,
    summary,
  };
  const result: GateOutcome = {
    result: { report, secrets: [SECRET], settingsFiles: [] },
    report,
    failed: options.failed ?? summary.errors > 0,
    markdown: `## report\n\nmarkdown body mentioning ${SECRET} by mistake\n`,
    written: { reportFile: join(temp, 'r.json'), sarifFile: undefined },
  };
  return result;
}

beforeEach(() => {
  taskLib.reset();
  state.gate = undefined;
  state.gateError = undefined;
  state.gateOptions.length = 0;
  state.upserts.length = 0;
  state.upsertResult = { kind: 'created', threadId: 101, commentId: 1 };
  state.previousBody = undefined;
  repo = mkdtempSync(join(tmpdir(), 'connref-ado-main-'));
  temp = mkdtempSync(join(tmpdir(), 'connref-ado-agent-'));
  mkdirSync(join(repo, 'solutions'));
  taskLib.variables.set('Build.SourcesDirectory', repo);
  taskLib.variables.set('Agent.TempDirectory', temp);
  taskLib.inputs.set('solution', 'solutions/ContosoAlerts');
  taskLib.inputs.set('settings', 'config/Test/deploymentSettings.json');
  logs = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    logs.push(args.join(' '));
    taskLib.calls.push({ fn: 'console.log', args });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(repo, { recursive: true, force: true });
  rmSync(temp, { recursive: true, force: true });
});

function result(): unknown[] {
  const results = taskLib.of('setResult');
  expect(results).toHaveLength(1);
  return results[0]!;
}

function outputs(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value, secret, isOutput] of taskLib.of('setVariable')) {
    expect(secret).toBe(false);
    expect(isOutput).toBe(true);
    out[name as string] = value as string;
  }
  return out;
}

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

describe('command: init --check', () => {
  function writeSolution(folder = 'src'): void {
    const dir = join(repo, folder);
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
    taskLib.inputs.set('command', 'init --check');
    taskLib.inputs.set('solution', 'src');
    taskLib.inputs.delete('settings');
    // A pull-request build: init --check still never comments.
    taskLib.variables.set('System.PullRequest.PullRequestId', '17');
    taskLib.endpointAuth = { scheme: 'OAuth', parameters: { AccessToken: 'job-token' } };
    writeSolution();
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
    writeSolution('apps/contoso/src');
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

describe('pull-request comment', () => {
  beforeEach(() => {
    taskLib.variables.set('System.PullRequest.PullRequestId', '17');
    taskLib.variables.set('System.TeamFoundationCollectionUri', 'https://dev.azure.com/contoso/');
    taskLib.variables.set('System.TeamProject', 'Power Platform');
    taskLib.variables.set('System.TeamProjectId', 'project-guid');
    taskLib.variables.set('Build.Repository.ID', 'repo-guid');
    taskLib.variables.set('Build.Repository.Provider', 'TfsGit');
    taskLib.variables.set('Build.BuildId', '991');
    taskLib.endpointAuth = { scheme: 'OAuth', parameters: { AccessToken: 'job-token' } };
  });

  it('upserts one thread with the core comment, then sets the result', async () => {
    state.gate = outcome([finding({})]);
    state.previousBody = 'earlier body';
    await run();
    expect(state.upserts).toHaveLength(1);
    const [upsert] = state.upserts;
    expect(upsert!.target).toEqual({
      collectionUri: 'https://dev.azure.com/contoso/',
      project: 'project-guid',
      repositoryId: 'repo-guid',
      pullRequestId: '17',
      token: 'job-token',
    });
    expect(upsert!.options).toMatchObject({ marker: COMMENT_MARKER, failing: true });
    expect(upsert!.rendered.startsWith(COMMENT_MARKER)).toBe(true);
    expect(upsert!.rendered).toContain(
      'https://dev.azure.com/contoso/Power%20Platform/_build/results?buildId=991',
    );
    expect(logs).toContain('Commented on pull request 17 (thread 101).');
    const order = taskLib.calls.map((c) => c.fn);
    expect(order.lastIndexOf('setResult')).toBe(order.length - 1);
    expect(taskLib.of('setSecret')[0]).toEqual(['job-token']);
  });

  it('warns when the comment fails and keeps the gate result', async () => {
    state.gate = outcome([]);
    state.upsertResult = { kind: 'failed', status: 403, message: 'could not comment (HTTP 403)' };
    await run();
    expect(taskLib.of('warning')).toEqual([['could not comment (HTTP 403)']]);
    expect(result()[0]).toBe(0);
  });

  it('skips repositories outside Azure Repos, and builds without a token', async () => {
    taskLib.variables.set('Build.Repository.Provider', 'GitHub');
    state.gate = outcome([]);
    await run();
    expect(state.upserts).toEqual([]);
    expect(logs.some((l) => l.includes('Azure Repos only'))).toBe(true);

    taskLib.calls.length = 0;
    taskLib.variables.set('Build.Repository.Provider', 'TfsGit');
    taskLib.endpointAuth = undefined;
    await run();
    expect(state.upserts).toEqual([]);
    expect(taskLib.of('warning')[0]![0]).toMatch(/no access token/);
    expect(result()[0]).toBe(0);
  });

  it('does not comment when commentOnPullRequest is false', async () => {
    taskLib.inputs.set('commentOnPullRequest', 'false');
    state.gate = outcome([finding({})]);
    await run();
    expect(state.upserts).toEqual([]);
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
