// End to end: runs the committed bundle dist/index.js with `node`, exactly as the runner does
// (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, a pull_request event payload), against a
// loopback fake of the GitHub REST API. Builds nothing: CI checks that dist/ matches the source.
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from './fixtures/github/fake-github.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BUNDLE = join(ROOT, 'dist', 'index.js');
const CANARY = 'canary-9f8e7d';
const MARKER = '<!-- connref-gate -->';
const SOLUTION = 'examples/github-e2e/solution';
const CUSTOMIZATIONS = `${SOLUTION}/Other/Customizations.xml`;

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  outputsRaw: string;
  summary: string;
  files: Record<string, string>;
}

let temp: string;
const api = new FakeGitHub();

beforeAll(async () => {
  if (!existsSync(BUNDLE)) {
    throw new Error(`${BUNDLE} does not exist: run npm run build`);
  }
  temp = mkdtempSync(join(tmpdir(), 'connref-gate-e2e-'));
  api.addNoise(120); // the marker comment then lives on page 2 of 100
  await api.start();
});

afterAll(async () => {
  await api.stop();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

let runCount = 0;

/** Runs the bundle like the runner: every declared input set (to its default unless given). */
async function runAction(
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
): Promise<RunResult> {
  const dir = join(temp, `run-${++runCount}`);
  const runnerTemp = join(dir, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  const outputFile = join(dir, 'github_output');
  const summaryFile = join(dir, 'step_summary');
  const eventFile = join(dir, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(
    eventFile,
    JSON.stringify({
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, head: { ref: 'feature/orders', sha: 'abc123' } },
      repository: { name: 'alm', owner: { login: 'contoso' } },
    }),
  );

  const defaults: Record<string, string> = {
    command: 'check',
    solution: '',
    settings: '',
    'fail-on': 'error',
    rules: '',
    'sarif-file': '',
    'comment-on-pr': 'true',
    'github-token': 'ghs_e2e_token',
    'resolved-settings': '',
    'working-directory': '',
  };
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: ROOT,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'contoso/alm',
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    CANARY,
    ...extraEnv,
  };
  if (process.env['SystemRoot']) env['SystemRoot'] = process.env['SystemRoot'];
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) {
    env[`INPUT_${name.toUpperCase()}`] = value;
  }

  const child = spawn(process.execPath, [BUNDLE], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((done, reject) => {
    child.on('error', reject);
    child.on('close', done);
  });

  const outputsRaw = readFileSync(outputFile, 'utf8');
  const outputs = parseOutputs(outputsRaw);
  const files: Record<string, string> = {};
  for (const name of ['report', 'sarif-file', 'resolved-settings']) {
    const path = outputs[name];
    if (path) files[name] = readFileSync(path, 'utf8');
  }
  return {
    code,
    stdout,
    stderr,
    outputs,
    outputsRaw,
    summary: readFileSync(summaryFile, 'utf8'),
    files,
  };
}

/** Parses the `name<<delimiter\nvalue\ndelimiter` entries the action writes to GITHUB_OUTPUT (as @actions/core would). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}

/** The 1-based line of the first line of `file` (repo-relative) that contains `text`. */
function lineOf(file: string, text: string): number {
  const index = readFileSync(join(ROOT, file), 'utf8')
    .split(/\r?\n/)
    .findIndex((line) => line.includes(text));
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** Every place the canary must not appear (`::add-mask::` lines are the runner's, not the log's). */
function expectNoCanary(result: RunResult, extra: string[] = []): void {
  const stdoutWithoutMasks = result.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  const places: [string, string][] = [
    ['stdout', stdoutWithoutMasks],
    ['stderr', result.stderr],
    ['outputs', result.outputsRaw],
    ['summary', result.summary],
    ...Object.entries(result.files),
    ...extra.map((text, i): [string, string] => [`extra ${i}`, text]),
  ];
  for (const [where, text] of places) {
    expect(text.includes(CANARY), `canary found in ${where}`).toBe(false);
  }
}

function commentRequests() {
  return api.requests.filter((r) => r.method !== 'GET');
}

describe('dist/index.js on a pull request', () => {
  beforeEach(() => {
    api.failWith = undefined;
  });

  it('fails the gate: annotations, outputs, summary, SARIF, report, and creates the comment', async () => {
    const sarif = join(temp, 'out', 'gate.sarif');
    const result = await runAction({
      solution: SOLUTION,
      settings: 'test/fixtures/github/settings-fail.json',
      'sarif-file': sarif,
    });

    expect(result.code).toBe(1);
    const line = lineOf(
      CUSTOMIZATIONS,
      'connectionreferencelogicalname="fabrikam_sharedsharepointonline_d3e4f"',
    );
    expect(result.stdout).toContain(
      `::error title=CR001 fabrikam_sharedsharepointonline_d3e4f,file=${CUSTOMIZATIONS},line=${line}::`,
    );
    const lines = result.stdout.split('\n');
    const errorLines = lines.filter((l) => l.startsWith('::error '));
    expect(errorLines).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('::warning') || l.startsWith('::notice'))).toEqual([]);
    // The secret is registered before anything else is printed.
    expect(lines[0]).toBe(`::add-mask::${CANARY}`);
    expect(lines.filter((l) => l.startsWith('::add-mask::'))).toEqual([`::add-mask::${CANARY}`]);
    expect(lines).toContain('::error::connref-gate: 1 error at or above fail-on=error');

    expect(result.outputs).toMatchObject({
      result: 'fail',
      errors: '1',
      warnings: '0',
      notes: '0',
      'sarif-file': sarif,
      'resolved-settings': '',
    });
    expect(result.outputs['report']).toMatch(
      /runner-temp[\\/]connref-gate-[^\\/]+[\\/]connref-gate-report\.json$/,
    );
    const report = JSON.parse(result.files['report']!) as {
      findings: { ruleId: string; subject: string; location?: { file: string; line?: number } }[];
      summary: { errors: number };
    };
    expect(report.summary.errors).toBe(1);
    expect(report.findings).toMatchObject([
      {
        ruleId: 'CR001',
        subject: 'fabrikam_sharedsharepointonline_d3e4f',
        location: { file: CUSTOMIZATIONS, line },
      },
    ]);
    const sarifJson = JSON.parse(result.files['sarif-file']!) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    expect(sarifJson.version).toBe('2.1.0');
    expect(sarifJson.runs[0]!.results[0]!.ruleId).toBe('CR001');
    expect(sarifJson.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      CUSTOMIZATIONS,
    );

    expect(result.summary).toContain('FabrikamOrders');
    expect(result.summary).toContain('fabrikam_sharedsharepointonline_d3e4f');
    expect(result.summary).toContain('CR001');

    // Comment: listed through both pages, then created once.
    const lists = api.requests.filter((r) => r.method === 'GET');
    expect(lists.map((r) => r.path)).toEqual([
      '/repos/contoso/alm/issues/7/comments?per_page=100',
      '/repos/contoso/alm/issues/7/comments?per_page=100&page=2',
    ]);
    expect(commentRequests().map((r) => [r.method, r.path])).toEqual([
      ['POST', '/repos/contoso/alm/issues/7/comments'],
    ]);
    expect(api.requests.every((r) => r.authorization === 'token ghs_e2e_token')).toBe(true);
    const ours = api.comments.filter((c) => c.body.includes(MARKER));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain('fabrikam_sharedsharepointonline_d3e4f');
    expect(ours[0]!.body).toContain('https://github.com/contoso/alm/actions/runs/4242');
    expect(result.stdout).toContain(`created the pull-request comment ${ours[0]!.html_url}`);

    expectNoCanary(
      result,
      api.requests.map((r) => r.body),
    );
  });

  it('passes after the fix and updates the same comment in place, saying it is fixed', async () => {
    const before = api.comments.filter((c) => c.body.includes(MARKER));
    expect(before).toHaveLength(1);
    const id = before[0]!.id;
    const requestsBefore = api.requests.length;

    const result = await runAction({
      solution: SOLUTION,
      settings: 'test/fixtures/github/settings-pass.json',
    });

    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/^::error/m);
    expect(result.outputs).toMatchObject({
      result: 'pass',
      errors: '0',
      warnings: '0',
      notes: '0',
      'sarif-file': '',
    });
    expect(result.summary).toContain('FabrikamOrders');

    const newRequests = api.requests.slice(requestsBefore);
    expect(newRequests.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path])).toEqual([
      ['PATCH', `/repos/contoso/alm/issues/comments/${id}`],
    ]);
    const ours = api.comments.filter((c) => c.body.includes(MARKER));
    expect(ours.map((c) => c.id)).toEqual([id]);
    expect(ours[0]!.body).toMatch(/All clear/);
    expect(api.comments).toHaveLength(121);
    expect(result.stdout).toContain('updated the pull-request comment');

    expectNoCanary(
      result,
      api.requests.map((r) => r.body),
    );
  });

  it('survives a 403 on the comment with one warning and keeps the gate result', async () => {
    api.failWith = 403;
    const result = await runAction({
      solution: SOLUTION,
      settings: 'test/fixtures/github/settings-fail.json',
    });

    expect(result.code).toBe(1);
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^::warning::connref-gate: could not write the pull-request comment \(HTTP 403: Resource not accessible by integration.*pull-requests: write/,
    );
    expect(result.outputs).toMatchObject({ result: 'fail', errors: '1' });
    expect(result.stdout).toContain('::error::connref-gate: 1 error at or above fail-on=error');
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expectNoCanary(result);
  });

  it('honours working-directory, rules and fail-on', async () => {
    const requestsBefore = api.requests.length;
    const result = await runAction({
      'working-directory': 'examples/github-e2e',
      solution: 'solution',
      settings: '../../test/fixtures/github/settings-fail.json',
      rules: 'CR001=warning',
      'fail-on': 'warning',
      'comment-on-pr': 'false',
    });
    expect(result.code).toBe(1);
    const line = lineOf(
      CUSTOMIZATIONS,
      'connectionreferencelogicalname="fabrikam_sharedsharepointonline_d3e4f"',
    );
    expect(result.stdout).toContain(
      `::warning title=CR001 fabrikam_sharedsharepointonline_d3e4f,file=${CUSTOMIZATIONS},line=${line}::`,
    );
    expect(result.stdout).toContain(
      '::error::connref-gate: 0 errors, 1 warning at or above fail-on=warning',
    );
    expect(result.outputs).toMatchObject({ result: 'fail', errors: '0', warnings: '1' });
    expect(api.requests.length).toBe(requestsBefore);
    expectNoCanary(result);
  });

  it.each([
    [
      { 'fail-on': 'sometimes' },
      "::error::connref-gate: input 'fail-on' is 'sometimes': use one of error, warning, never",
    ],
    [{ rules: 'CR999=off' }, /^::error::connref-gate: input 'rules': unknown rule id "CR999"/m],
    [{ solution: 'examples/github-e2e/nope.zip' }, /^::error::connref-gate: .*nope\.zip/m],
  ] as const)('fails bad input %j with one line and no stack', async (inputs, expected) => {
    const requestsBefore = api.requests.length;
    const result = await runAction({ solution: SOLUTION, ...inputs });
    expect(result.code).toBe(1);
    const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    if (typeof expected === 'string') expect(errors[0]).toBe(expected);
    else expect(errors[0]).toMatch(expected);
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m);
    expect(result.outputsRaw).toBe('');
    expect(api.requests.length).toBe(requestsBefore);
  });

  it('writes the resolved settings for pac: mode 0600, the substituted canary, and the canary nowhere else', async () => {
    const path = join(temp, 'out', 'resolved.json');
    const result = await runAction({
      solution: SOLUTION,
      settings: 'test/fixtures/github/settings-pass.json',
      'resolved-settings': path,
      'comment-on-pr': 'false',
    });
    expect(result.code).toBe(0);
    expect(result.outputs['resolved-settings']).toBe(path);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    // The one place the secret must be.
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      EnvironmentVariables: [
        {
          SchemaName: 'fabrikam_OrdersSiteUrl',
          Value: 'https://fabrikam.sharepoint.com/sites/orders',
        },
      ],
      ConnectionReferences: [
        {
          LogicalName: 'fabrikam_sharedoffice365_a1b2c',
          ConnectionId: CANARY,
          ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_office365',
        },
        {
          LogicalName: 'fabrikam_sharedsharepointonline_d3e4f',
          ConnectionId: '6f0c2a9e1d4b4c7f8a3e5b2d9c1f0e7a',
          ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_sharepointonline',
        },
      ],
    });
    expect(result.stdout).toContain(
      `connref-gate: resolved settings written to ${path} (2 connection references, 1 environment variable)`,
    );
    const { ['resolved-settings']: resolved, ...otherFiles } = result.files;
    expect(resolved).toContain(CANARY);
    expectNoCanary({ ...result, files: otherFiles });
  });

  it('writes no resolved settings when the check finds errors, and says why', async () => {
    const path = join(temp, 'out', 'resolved-fail.json');
    const result = await runAction({
      solution: SOLUTION,
      settings: 'test/fixtures/github/settings-fail.json',
      'resolved-settings': path,
      'comment-on-pr': 'false',
    });
    expect(result.code).toBe(1);
    expect(result.outputs['resolved-settings']).toBe('');
    expect(existsSync(path)).toBe(false);
    expect(result.stdout).toContain(
      `::warning::connref-gate: resolved settings not written to ${path}: the check found 1 error`,
    );
    expectNoCanary(result);
  });

  it('command init --check passes when the settings are in step, fails with an annotation when not', async () => {
    const requestsBefore = api.requests.length;
    const inStep = await runAction({
      command: 'init --check',
      solution: SOLUTION,
      settings: 'examples/github-e2e/deploymentSettings.json',
    });
    expect(inStep.code).toBe(0);
    expect(inStep.outputsRaw).toContain('result<<');
    expect(inStep.outputs['result']).toBe('pass');
    expect(inStep.stdout).toContain(
      'connref-gate: examples/github-e2e/deploymentSettings.json is up to date with FabrikamOrders 1.0.0.3',
    );

    const settings = 'test/fixtures/github/settings-fail.json';
    const before = readFileSync(join(ROOT, settings), 'utf8');
    const drift = await runAction({ command: 'init --check', solution: SOLUTION, settings });
    expect(drift.code).toBe(1);
    expect(drift.outputs).toEqual({ result: 'fail' });
    expect(drift.stdout).toContain(
      `::error title=connref-gate init --check,file=${settings}::${settings} is out of step with FabrikamOrders: init would add 1 and remove 0 entries.`,
    );
    expect(drift.stdout).toMatch(
      /would add +connection reference +fabrikam_sharedsharepointonline_d3e4f/,
    );
    expect(drift.summary).toContain(
      '| add | connection reference | `fabrikam_sharedsharepointonline_d3e4f` |',
    );
    expect(readFileSync(join(ROOT, settings), 'utf8')).toBe(before);
    // No pull-request comment for a drift check, and no secret anywhere.
    expect(api.requests.length).toBe(requestsBefore);
    expectNoCanary(drift);
  });

  it('does not comment on a push event', async () => {
    const requestsBefore = api.requests.length;
    const result = await runAction(
      { solution: SOLUTION, settings: 'test/fixtures/github/settings-pass.json' },
      { GITHUB_EVENT_NAME: 'push' },
    );
    expect(result.code).toBe(0);
    expect(result.outputs['result']).toBe('pass');
    expect(api.requests.length).toBe(requestsBefore);
  });
});

describe('dist/ layout', () => {
  it('keeps Octokit out of dist/index.js: a chunk beside it, loaded by import() on the comment path only', () => {
    const chunks = readdirSync(join(ROOT, 'dist')).filter((name) =>
      /^[\w-]+\.index\.js$/.test(name),
    );
    expect(chunks.length).toBeGreaterThan(0);
    const main = readFileSync(BUNDLE, 'utf8');
    expect(main).not.toContain('octokit-core.js');
    expect(main).toContain('import("./" + ');
    const octokit = chunks.filter((name) =>
      readFileSync(join(ROOT, 'dist', name), 'utf8').includes('octokit-core.js'),
    );
    expect(octokit).toHaveLength(1);
    // The CLI never imports @actions/*: it stays one file.
    expect(readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8')).not.toContain('import("./" + ');
  });
});
