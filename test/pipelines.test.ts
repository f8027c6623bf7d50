// Real pipelines (issue 15), on real corpus kits and their settings: pull-request validation with
// placeholders deferred and the deploy stage that resolves them, monorepos (one shared settings
// file, or each solution paired with its own), SARIF once per finding, Markdown within each
// host's budget, and the error paths a new user meets. The GitHub Action and the Azure DevOps
// task run as bundles with exactly the inputs of the examples in the report.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { check, checkSolutions } from '../src/core/engine.js';
import {
  GITHUB_COMMENT_BUDGET,
  SUMMARY_MAX_BYTES,
  formatMarkdown,
  formatPullRequestComment,
} from '../src/core/format/markdown.js';
import { formatSarif } from '../src/core/format/sarif.js';
import type { Report, SettingsFile } from '../src/core/model.js';
import { parseSettings } from '../src/core/settings.js';
import { corpusDir, hasCorpus } from './helpers/corpus.js';
import { bigReport } from './format-fixtures.js';
import { makeReference, makeSolution } from './helpers/make-solution.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const describeCorpus = describe.skipIf(!hasCorpus);

const AUTOMATION = 'powercat-automation-kit';
const APPROVALS = 'powercat-business-approvals-kit';
/** The kits whose settings are complete (EXPECTED.json: nothing but CR002 against them). */
const COMPLETE = `${AUTOMATION}/{AutomationCoEMain,AutomationKitScheduler}/src`;
const PER_SOLUTION = 'config/*/deploymentSettings.json';

let temp: string;
/** A loopback port where nothing listens (taken and released), for a refused connection. */
let closedPort: number;
beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'connref-gate-pipelines-'));
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  closedPort = (server.address() as AddressInfo).port;
  await new Promise((done) => server.close(done));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd: corpusDir,
    env,
    isTTY: false,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** Every deferred variable of a report, set as the deploy stage's pipeline would. */
function deployEnvironment(report: Report): Record<string, string> {
  const env: Record<string, string> = {};
  report.deferredVariables!.forEach((variable, i) => {
    env[variable.environmentName] = `4a1e6c0b5f2d4e8a9b7c3d2e1f0a9b${String(i).padStart(2, '0')}`;
  });
  return env;
}

describeCorpus('pull-request validation with placeholders deferred', () => {
  it('passes the complete kits against all their environments, with the variables listed once', async () => {
    const { report } = await check({
      solutions: [COMPLETE, APPROVALS],
      settingsPerSolution: [PER_SOLUTION],
      placeholders: 'defer',
      cwd: corpusDir,
    });
    expect(report.solutions.map((s) => s.uniqueName)).toEqual([
      'AutomationCoEMain',
      'AutomationKitScheduler',
      'BusinessApprovalKit',
      'Office365Integration',
    ]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
    const cr002 = report.findings.filter((f) => f.ruleId === 'CR002');
    // 12 references of AutomationCoEMain and 6 of BusinessApprovalKit, against 3 files each.
    expect(cr002).toHaveLength((12 + 6) * 3);
    expect(cr002.every((f) => f.severity === 'note')).toBe(true);
    expect(cr002[0]!.message).toMatch(
      /^ConnectionId of connection reference \S+ holds the placeholder #\{connectionreference\.\S+\}#, left for the deploy stage \(placeholders deferred\)\. The deploy stage must define the variable connectionreference\.\S+ \(exposed as CONNECTIONREFERENCE_\S+\)\.$/,
    );
    // Each variable once, with the three environments that need it.
    const names = report.deferredVariables!.map((v) => v.name);
    expect(names).toHaveLength(18);
    expect(new Set(names).size).toBe(18);
    expect(names).toContain('connectionreference.cat_BusinessApprovalKitApprovals');
    const approvals = report.deferredVariables!.find(
      (v) => v.name === 'connectionreference.cat_BusinessApprovalKitApprovals',
    )!;
    expect(approvals).toEqual({
      name: 'connectionreference.cat_BusinessApprovalKitApprovals',
      environmentName: 'CONNECTIONREFERENCE_CAT_BUSINESSAPPROVALKITAPPROVALS',
      settings: ['Prod', 'Test', 'Validation'].map(
        (env) => `${APPROVALS}/BusinessApprovalKit/config/${env}/deploymentSettings.json`,
      ),
    });
    // Each solution with its own three files, no sibling's.
    for (const solution of report.solutions) {
      expect(solution.settings).toHaveLength(3);
      for (const file of solution.settings!) expect(file).toContain(solution.path.split('/')[1]);
    }
  });

  it('the same PR check on the CLI exits 0 with --fail-on warning; resolving instead fails with CR002', async () => {
    const args = [
      'check',
      '--solution',
      COMPLETE,
      APPROVALS,
      '--settings-per-solution',
      PER_SOLUTION,
      '--fail-on',
      'warning',
    ];
    const deferred = await cli([...args, '--placeholders', 'defer', '--format', 'json']);
    expect(deferred.stderr).toBe('');
    expect(deferred.code).toBe(0);
    const json = JSON.parse(deferred.stdout) as { deferredVariables: { name: string }[] };
    expect(json.deferredVariables).toHaveLength(18);
    const resolved = await cli(args);
    expect(resolved.code).toBe(1);
    expect(resolved.stdout).toMatch(/error\s+CR002/);
  });

  it('the deploy stage resolves every variable and passes strictly, printing no value', async () => {
    const settings = `${AUTOMATION}/AutomationCoEMain/config/Prod/deploymentSettings.json`;
    const solution = `${AUTOMATION}/AutomationCoEMain/src`;
    const pr = await check({
      solutions: [solution],
      settings: [settings],
      placeholders: 'defer',
      cwd: corpusDir,
    });
    const env = deployEnvironment(pr.report);
    const resolvedFile = join(temp, 'resolved.json');
    const deploy = await cli(
      [
        'check',
        '--solution',
        solution,
        '--settings',
        settings,
        '--resolved-settings',
        resolvedFile,
        '--format',
        'markdown',
      ],
      env,
    );
    expect(deploy.code).toBe(0);
    expect(deploy.stdout).not.toMatch(/CR002/);
    for (const value of Object.values(env)) expect(deploy.stdout).not.toContain(value);
    const written = JSON.parse(readFileSync(resolvedFile, 'utf8')) as {
      ConnectionReferences: { ConnectionId: string }[];
    };
    expect(written.ConnectionReferences).toHaveLength(12);
    expect(written.ConnectionReferences.every((r) => /^[0-9a-f]{32}$/.test(r.ConnectionId))).toBe(
      true,
    );
    // A deploy stage never writes resolved settings with placeholders deferred.
    const refused = await cli([
      'check',
      '--solution',
      solution,
      '--settings',
      settings,
      '--placeholders',
      'defer',
      '--resolved-settings',
      join(temp, 'never.json'),
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not written with placeholders deferred/);
  });

  it('keeps a partly substituted (secret) value out of the list and the message', () => {
    const solution = makeSolution({ connectionReferences: [makeReference('cr_a', 'shared_sql')] });
    const text = JSON.stringify({
      ConnectionReferences: [{ LogicalName: 'cr_a', ConnectionId: '#{SECRET_PART}#-#{LATER}#' }],
    });
    const parsed = parseSettings(new TextEncoder().encode(text), 's.json', {
      SECRET_PART: 'very-secret-value',
    });
    const settings = (parsed as { settings: SettingsFile }).settings;
    const report = checkSolutions([{ ok: true, solution }], [settings], {}, [], 'defer');
    expect(report.deferredVariables).toEqual([]);
    const finding = report.findings.find((f) => f.ruleId === 'CR002')!;
    expect(finding.severity).toBe('note');
    expect(finding.message).not.toContain('LATER');
    expect(finding.message).not.toContain('very-secret-value');
  });
});

describeCorpus('monorepos', () => {
  it('pairs each PowerCAT solution with its own config folder, whatever depth its src is at', async () => {
    // The real layout is <Solution>/SolutionPackage/src: one level deeper than the corpus copy.
    const repo = join(temp, 'alm-repo');
    const src = join(corpusDir, AUTOMATION, 'AutomationKitScheduler');
    mkdirSync(join(repo, 'AutomationKitScheduler', 'SolutionPackage'), { recursive: true });
    const { cpSync } = await import('node:fs');
    cpSync(join(src, 'src'), join(repo, 'AutomationKitScheduler', 'SolutionPackage', 'src'), {
      recursive: true,
    });
    cpSync(join(src, 'config'), join(repo, 'AutomationKitScheduler', 'config'), {
      recursive: true,
    });
    const { report } = await check({
      solutions: ['.'],
      settingsPerSolution: ['config/Prod/deploymentSettings.json'],
      cwd: repo,
    });
    expect(report.solutions[0]!.settings).toEqual([
      'AutomationKitScheduler/config/Prod/deploymentSettings.json',
    ]);
    expect(report.findings).toEqual([]);
  });

  it('judges a shared settings file against all its solutions and reports a stale entry once', async () => {
    const references = [
      'crf6d_aiSearchConnectionExample.cr.ERQq7Off',
      'cr541_monitoringAgent.shared_a365mcpservers.ed39095124b34b639f451a39961046ac',
      'cr541_monitoringAgent.shared_azuremonitorlogs.dce5fdbe18894cf4b334abe210ccab99',
      'cr541_monitoringAgent.shared_commondataserviceforapps.1962f97f6c5f497aaa09f9d08a130f6f',
      'cr541_monitoringAgent.shared_kusto.6cc9018957fa457c9ce24121f987bf0b',
      'cr541_monitoringAgent.shared_powerplatformadminv2.2606ec06d8934c279415dadd928964e2',
    ];
    const shared = join(temp, 'shared-settings.json');
    const write = (extra: string[]) =>
      writeFileSync(
        shared,
        JSON.stringify(
          {
            EnvironmentVariables: [],
            ConnectionReferences: [...references, ...extra].map((name, i) => ({
              LogicalName: name,
              ConnectionId: `4a1e6c0b5f2d4e8a9b7c3d2e1f0a9b${String(i).padStart(2, '0')}`,
            })),
          },
          null,
          2,
        ),
      );
    const solutions = [
      'copilot-studio-azure-ai-search/GoldAgent/src',
      'dataverse-monitoring-agent/src',
    ];
    write([]);
    const clean = await cli([
      'check',
      '--solution',
      ...solutions,
      '--settings',
      shared,
      '--fail-on',
      'warning',
    ]);
    expect(clean.stdout).not.toMatch(/CR004/);
    expect(clean.code).toBe(0);

    write(['cr_removed_long_ago']);
    const { report } = await check({ solutions, settings: [shared], cwd: corpusDir });
    const stale = report.findings.filter((f) => f.ruleId === 'CR004');
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({
      severity: 'warning',
      subject: 'cr_removed_long_ago',
      solution: stale[0]!.location!.file,
    });
    expect(stale[0]!.message).toContain(
      'which none of the 2 solutions checked with it (GoldAgent and DataverseMonitoringAgent) defines',
    );
  });

  it('says when no settings file is found beside any solution, and refuses --settings with it', async () => {
    const none = await cli([
      'check',
      '--solution',
      COMPLETE,
      '--settings-per-solution',
      'config/Nowhere/deploymentSettings.json',
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^connref-gate: no settings file matches config\/Nowhere/);
    const both = await cli([
      'check',
      '--solution',
      COMPLETE,
      '--settings',
      `${AUTOMATION}/AutomationCoEMain/config/Prod/deploymentSettings.json`,
      '--settings-per-solution',
      PER_SOLUTION,
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(
      /either settings files for every solution or settings per solution/,
    );
  });
});

describeCorpus('SARIF', () => {
  it('gives each finding once and names the settings files a finding in the solution holds for', async () => {
    const { report } = await check({
      solutions: [`${AUTOMATION}/AutomationKitInstaller/src`],
      settings: [`${AUTOMATION}/AutomationKitInstaller/config/*/deploymentSettings.json`],
      cwd: corpusDir,
    });
    // The engine reports 5 CR001 per file (15) and the solution's own findings per file.
    expect(report.findings.filter((f) => f.ruleId === 'CR001')).toHaveLength(15);
    const sarif = JSON.parse(formatSarif(report)) as {
      runs: { results: { ruleId: string; message: { text: string }; locations: unknown[] }[] }[];
    };
    const results = sarif.runs[0]!.results;
    const keys = results.map((r) => JSON.stringify([r.ruleId, r.locations, r.message.text]));
    expect(new Set(keys).size).toBe(keys.length);
    const cr001 = results.filter((r) => r.ruleId === 'CR001');
    expect(cr001).toHaveLength(5);
    for (const result of cr001) {
      expect(result.message.text).toMatch(
        /\(against powercat-automation-kit\/AutomationKitInstaller\/config\/Prod\/deploymentSettings\.json, \S+\/Test\/deploymentSettings\.json and \S+\/Validation\/deploymentSettings\.json\)$/,
      );
    }
    const perSolution = report.findings.filter((f) => f.ruleId === 'CR010' || f.ruleId === 'CR009');
    const sarifPerSolution = results.filter((r) => r.ruleId === 'CR010' || r.ruleId === 'CR009');
    expect(sarifPerSolution.length * 3).toBe(perSolution.length);
  });
});

describe('Markdown budgets', () => {
  it('keeps every table in a job summary over 65,536 characters, and the comment within its limit', () => {
    const report = bigReport(600, 40);
    const summary = formatMarkdown(report, { maxBytes: SUMMARY_MAX_BYTES });
    expect(summary.length).toBeGreaterThan(65_536);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(summary).not.toContain('not shown');
    const comment = formatPullRequestComment(report, {
      failOn: 'error',
      maxLength: GITHUB_COMMENT_BUDGET,
    });
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment).toContain('not shown');
  });

  it('measures the summary in UTF-8 bytes, not characters', () => {
    const report = bigReport(3_000, 10);
    for (const ref of report.solutions[0]!.connectionReferences)
      ref.displayName = '漢字'.repeat(60);
    const summary = formatMarkdown(report, { maxBytes: SUMMARY_MAX_BYTES });
    expect(summary.length).toBeLessThan(SUMMARY_MAX_BYTES);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    const unbounded = formatMarkdown(report, { maxLength: 10_000_000 });
    expect(Buffer.byteLength(unbounded)).toBeGreaterThan(SUMMARY_MAX_BYTES);
  });

  it.skipIf(!hasCorpus)(
    'groups 6 CR002 per settings file into one row each, listing the subjects',
    async () => {
      const { report } = await check({
        solutions: [`${APPROVALS}/BusinessApprovalKit/src`],
        settings: [`${APPROVALS}/BusinessApprovalKit/config/*/deploymentSettings.json`],
        cwd: corpusDir,
      });
      const md = formatMarkdown(report, { maxBytes: SUMMARY_MAX_BYTES });
      const rows = md.split('\n').filter((line) => line.includes('[CR002]'));
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        expect(row).toContain(') ×6 | `cat_BusinessApprovalKitApprovals`');
        expect(row).toMatch(/deploymentSettings\.json`: lines \d+(, \d+){5} \|$/);
      }
      expect(md).toContain('canvas app');
      expect(md).toMatch(/canvas app \S+ \(by connector\)/);
    },
  );
});

describeCorpus('error paths', () => {
  it('a path that holds no solution is one usage line', async () => {
    mkdirSync(join(temp, 'empty'), { recursive: true });
    const result = await cli(['check', '--solution', join(temp, 'empty')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^connref-gate: no solution in \S+empty: it holds no solution zip/,
    );
  });

  it('a folder given as settings names the deploymentSettings.json inside it', async () => {
    const result = await cli([
      'check',
      '--solution',
      `${AUTOMATION}/AutomationKitScheduler/src`,
      '--settings',
      `${AUTOMATION}/AutomationKitScheduler/config/Prod`,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `connref-gate: settings file ${AUTOMATION}/AutomationKitScheduler/config/Prod is a folder, not a file: give the file inside it: ${AUTOMATION}/AutomationKitScheduler/config/Prod/deploymentSettings.json\n`,
    );
  });

  it('a file that is no zip is not a solution, and is not told to export again', async () => {
    const file = join(temp, 'notes.zip');
    writeFileSync(file, 'meeting notes, not a solution\n');
    const result = await cli(['check', '--solution', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/notes\.zip is not a solution: not a zip file/);
    expect(result.stdout).not.toMatch(/export the solution again/);
  });

  it('an unknown option suggests the nearest one', async () => {
    const typo = await cli(['check', '--solutoin', 'x']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      'connref-gate: unknown option --solutoin; did you mean --solution? (see connref-gate --help)\n',
    );
    expect((await cli(['check', '--placeholder', 'defer'])).stderr).toContain(
      'did you mean --placeholders?',
    );
    expect((await cli(['check', '--settings-per', 'x'])).stderr).toContain(
      'did you mean --settings-per-solution?',
    );
    expect((await cli(['check', '--zzzzzz'])).stderr).not.toContain('did you mean');
    expect((await cli(['check', '--solution', 'x', '--placeholders', 'later'])).stderr).toContain(
      'bad --placeholders later: use resolve or defer',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The action and the task, as bundles, with the inputs of the documented examples.

interface Spawned {
  code: number | null;
  stdout: string;
  summary: string;
  outputs: string;
}

function spawnBundle(bundle: string, env: Record<string, string>, cwd: string): Promise<Spawned> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [bundle], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', ...env },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, summary: '', outputs: '' }));
  });
}

async function runAction(inputs: Record<string, string>, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(temp, 'action-'));
  const summary = join(dir, 'summary.md');
  const output = join(dir, 'output');
  const event = join(dir, 'event.json');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  writeFileSync(
    event,
    JSON.stringify({
      pull_request: { number: 7 },
      repository: { name: 'alm', owner: { login: 'contoso' } },
    }),
  );
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: corpusDir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'contoso/alm',
    // Nothing listens there: the comment fails as a network failure would.
    GITHUB_API_URL: `http://127.0.0.1:${closedPort}`,
    GITHUB_RUN_ID: '1',
    ...extra,
  };
  const defaults = {
    command: 'check',
    'fail-on': 'error',
    'comment-on-pr': 'true',
    'github-token': 'ghs_pr_token',
  };
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) {
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  const result = await spawnBundle(join(ROOT, 'dist', 'index.js'), env, corpusDir);
  return {
    ...result,
    summary: readFileSync(summary, 'utf8'),
    outputs: readFileSync(output, 'utf8'),
  };
}

async function runTask(inputs: Record<string, string>, variables: Record<string, string> = {}) {
  const dir = mkdtempSync(join(temp, 'task-'));
  const env: Record<string, string> = {
    AGENT_TEMPDIRECTORY: dir,
    AGENT_WORKFOLDER: dir,
    BUILD_SOURCESDIRECTORY: corpusDir,
    SYSTEM_DEFAULTWORKINGDIRECTORY: corpusDir,
    ...variables,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return spawnBundle(join(ROOT, 'ado-task', 'ConnrefGate', 'index.js'), env, corpusDir);
}

describeCorpus('the GitHub Action and the Azure DevOps task, as in the examples', () => {
  it('GitHub pull-request workflow: placeholders deferred, no secrets, per-solution settings', async () => {
    const result = await runAction({
      solution: `${COMPLETE}\n${APPROVALS}`,
      'settings-per-solution': PER_SOLUTION,
      placeholders: 'defer',
      'fail-on': 'warning',
    });
    expect(result.stdout).toContain('connref-gate: passed');
    expect(result.code).toBe(0);
    expect(result.outputs).toMatch(/^result<<.*\npass\n/m);
    expect(result.summary).toContain('Placeholders left for the deploy stage (18)');
    expect(result.summary).toContain('```mermaid');
    // The comment cannot be written here: a network failure, said as one, not as "HTTP 500".
    expect(result.stdout).toMatch(/could not write the pull-request comment \([^)]*ECONNREFUSED/);
    expect(result.stdout).not.toContain('HTTP 500');
  });

  it('GitHub deploy workflow: resolves strictly from the environment', async () => {
    const settings = `${APPROVALS}/BusinessApprovalKit/config/Prod/deploymentSettings.json`;
    const solution = `${APPROVALS}/BusinessApprovalKit/src`;
    const pr = await check({
      solutions: [solution],
      settings: [settings],
      placeholders: 'defer',
      cwd: corpusDir,
    });
    const env = deployEnvironment(pr.report);
    const inputs = { solution, settings, 'comment-on-pr': 'false' };
    const strict = await runAction(inputs, env);
    expect(strict.code).toBe(0);
    // Registered with the runner's masker, and nowhere else.
    const log = strict.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    for (const value of Object.values(env)) expect(log + strict.summary).not.toContain(value);
    const missing = await runAction(inputs);
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toContain('CR002');
  });

  it('Azure Pipelines: the same PR validation and deploy through the task inputs', async () => {
    const pr = await runTask({
      solution: `${COMPLETE}\n${APPROVALS}`,
      settingsPerSolution: PER_SOLUTION,
      placeholders: 'defer',
      failOn: 'warning',
      commentOnPullRequest: 'false',
    });
    expect(pr.stdout).toMatch(/##vso\[task\.complete result=Succeeded;\]/);
    // Azure DevOps renders Mermaid only in wikis: the summary has none.
    const summaryPath = /##vso\[task\.uploadsummary\](.*)$/m.exec(pr.stdout)![1]!;
    const summary = readFileSync(summaryPath.trim(), 'utf8');
    expect(summary).toContain('Placeholders left for the deploy stage (18)');
    expect(summary).not.toContain('```mermaid');

    const settings = `${APPROVALS}/BusinessApprovalKit/config/Prod/deploymentSettings.json`;
    const solution = `${APPROVALS}/BusinessApprovalKit/src`;
    const check1 = await check({
      solutions: [solution],
      settings: [settings],
      placeholders: 'defer',
      cwd: corpusDir,
    });
    const deploy = await runTask(
      { solution, settings, commentOnPullRequest: 'false' },
      deployEnvironment(check1.report),
    );
    expect(deploy.stdout).toMatch(/##vso\[task\.complete result=Succeeded;\]/);
    const failing = await runTask({ solution, settings, commentOnPullRequest: 'false' });
    expect(failing.stdout).toMatch(/##vso\[task\.complete result=Failed;\]/);
  });
});
