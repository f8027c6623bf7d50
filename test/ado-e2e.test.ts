// End to end: runs the bundled task (ado-task/ConnrefGate/index.js) as the agent does: `node
// index.js` in the repository folder, inputs as INPUT_* variables, agent and system variables in
// the environment, the job token as the SystemVssConnection endpoint, and a loopback fake Azure
// DevOps for the pull-request thread. Asserts the ##vso logging commands, the result, the output
// variables, the summary, the thread, and that a canary secret appears nowhere.
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAzureDevOps, type FakeAzureDevOps } from './fixtures/ado/fake-azure-devops.js';
import { inputVariables, runNode } from './helpers/run-node.js';

const TASK = resolve('ado-task', 'ConnrefGate', 'index.js');
const FIXTURE = resolve('test', 'fixtures', 'ado', 'repo');
const CANARY = 'canary-5a4b3c';
const TOKEN = 'job-token-e2e-9d8c7b';
const PROJECT_ID = '6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c';
const REPO_ID = '3c1a7f0e-2b4d-4e6f-8a9b-0c1d2e3f4a5b';

interface TaskRun {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
  /** `##vso[task.setvariable]` output variables by name. */
  outputs: Record<string, string>;
  /** The `##vso[task.complete]` line. */
  complete: string | undefined;
}

let repo: string;
let agentTemp: string;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Runs the task like the agent: asynchronously, so that the fake server in this process answers. */
async function runTask(
  inputs: Record<string, string>,
  variables: Record<string, string> = {},
): Promise<TaskRun> {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    AGENT_TEMPDIRECTORY: agentTemp,
    AGENT_WORKFOLDER: agentTemp,
    BUILD_SOURCESDIRECTORY: repo,
    SYSTEM_DEFAULTWORKINGDIRECTORY: repo,
    BUILD_BUILDID: '991',
    SYSTEM_TEAMPROJECT: 'Power Platform',
    SYSTEM_TEAMPROJECTID: PROJECT_ID,
    BUILD_REPOSITORY_ID: REPO_ID,
    BUILD_REPOSITORY_PROVIDER: 'TfsGit',
    CANARY,
    ...variables,
    ...inputVariables(inputs),
  };
  const { code, stdout, stderr } = await runNode(TASK, [], { cwd: repo, env });
  const lines = stdout.split(/\r?\n/);
  const outputs: Record<string, string> = {};
  for (const line of lines) {
    const match =
      /^##vso\[task\.setvariable variable=([^;]+);isOutput=true;issecret=false;\](.*)$/.exec(line);
    if (match) outputs[match[1]!] = match[2]!;
  }
  return {
    code,
    stdout,
    stderr,
    lines,
    outputs,
    complete: lines.find((l) => l.startsWith('##vso[task.complete')),
  };
}

function pullRequestVariables(fake: FakeAzureDevOps): Record<string, string> {
  return {
    SYSTEM_PULLREQUEST_PULLREQUESTID: '17',
    SYSTEM_TEAMFOUNDATIONCOLLECTIONURI: fake.collectionUri,
    SYSTEM_COLLECTIONURI: fake.collectionUri,
    ENDPOINT_URL_SYSTEMVSSCONNECTION: fake.collectionUri,
    ENDPOINT_AUTH_SYSTEMVSSCONNECTION: JSON.stringify({
      parameters: { AccessToken: TOKEN },
      scheme: 'OAuth',
    }),
  };
}

/** The canary and the token may only reach the agent inside their own setsecret command. */
function expectNoLeak(run: TaskRun, ...texts: string[]): void {
  for (const secret of [CANARY, TOKEN]) {
    const leaking = run.lines.filter(
      (line) => line.includes(secret) && line !== `##vso[task.setsecret]${secret}`,
    );
    expect(leaking).toEqual([]);
    expect(run.stderr).not.toContain(secret);
    for (const text of texts) expect(text).not.toContain(secret);
  }
}

function summaryFile(run: TaskRun): string {
  const line = run.lines.find((l) => l.startsWith('##vso[task.uploadsummary]'));
  expect(line).toBeDefined();
  const file = line!.slice('##vso[task.uploadsummary]'.length);
  expect(file.startsWith(agentTemp)).toBe(true);
  return readFileSync(file, 'utf8');
}

beforeAll(() => {
  if (!existsSync(TASK)) {
    throw new Error(`${TASK} is missing: run 'npm run build' first`);
  }
});

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'connref-ado-e2e-repo-'));
  agentTemp = mkdtempSync(join(tmpdir(), 'connref-ado-e2e-agent-'));
  cpSync(FIXTURE, repo, { recursive: true });
});

afterEach(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(agentTemp, { recursive: true, force: true });
});

describe('the bundled task on a pull-request build', () => {
  let fake: FakeAzureDevOps;

  beforeAll(async () => {
    fake = await startFakeAzureDevOps({ token: TOKEN, project: PROJECT_ID, repositoryId: REPO_ID });
  });

  afterAll(async () => {
    await fake.close();
  });

  it('fails the gate with issues, summary, outputs and a new PR thread; then passes and updates it', async () => {
    const before = listFiles(repo);
    const failing = await runTask(
      {
        solution: 'solutions/ContosoAlerts',
        settings: join(repo, 'config', 'Fail', 'deploymentSettings.json'),
        failOn: 'error',
        sarifFile: join(agentTemp, 'out', 'gate.sarif'),
        commentOnPullRequest: 'true',
      },
      pullRequestVariables(fake),
    );

    // Every substituted value and the token are registered as secrets before any issue.
    const firstIssue = failing.lines.findIndex((l) => l.startsWith('##vso[task.logissue'));
    expect(failing.lines.indexOf(`##vso[task.setsecret]${CANARY}`)).toBeGreaterThanOrEqual(0);
    expect(failing.lines.indexOf(`##vso[task.setsecret]${CANARY}`)).toBeLessThan(firstIssue);
    expect(failing.lines.indexOf(`##vso[task.setsecret]${TOKEN}`)).toBeLessThan(firstIssue);

    expect(failing.lines.filter((l) => l.startsWith('##vso[task.logissue'))).toEqual([
      '##vso[task.logissue type=error;code=CR001;sourcepath=config/Fail/deploymentSettings.json;linenumber=11;columnnumber=7;]' +
        'CR001: Connection reference contoso_sharedcommondataserviceforapps_d4e5f (shared_commondataserviceforapps) has an empty ConnectionId in the deployment settings, so the import leaves it unbound. Set ConnectionId to the id of a shared_commondataserviceforapps connection in the target environment.',
      '##vso[task.logissue type=warning;code=CR004;sourcepath=config/Fail/deploymentSettings.json;linenumber=15;columnnumber=7;]' +
        'CR004: The deployment settings name connection reference contoso_sharedsharepointonline_0ld00, which solution ContosoAlerts does not define. Remove the stale entry, or correct the LogicalName.',
    ]);
    expect(failing.complete).toBe(
      '##vso[task.complete result=Failed;]connref-gate: 1 error at or above failOn=error (and 1 warning below it)',
    );
    expect(failing.outputs).toEqual({
      result: 'fail',
      errors: '1',
      warnings: '1',
      notes: '0',
      report: expect.stringMatching(/connref-gate\.json$/),
      sarifFile: join(agentTemp, 'out', 'gate.sarif'),
      resolvedSettings: '',
    });
    expect(failing.stderr).toBe('');
    expect(failing.stdout).not.toMatch(/^\s+at /m);

    const summary = summaryFile(failing);
    expect(summary).toContain('fails the gate');
    expect(summary).toContain('contoso_sharedoffice365_a1b2c');
    const report = readFileSync(failing.outputs['report']!, 'utf8');
    expect(JSON.parse(report).summary).toEqual({ errors: 1, warnings: 1, notes: 0 });
    const sarif = readFileSync(failing.outputs['sarifFile']!, 'utf8');
    expect(JSON.parse(sarif).version).toBe('2.1.0');

    // One thread, active, created with the job token.
    expect(fake.threads).toHaveLength(1);
    const thread = fake.threads[0]!;
    expect(thread.status).toBe('active');
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]!.content).toContain('<!-- connref-gate -->');
    expect(thread.comments[0]!.content).toContain('fails the gate');
    expect(thread.comments[0]!.content).toContain(
      `${fake.collectionUri}Power%20Platform/_build/results?buildId=991`,
    );
    expect(failing.lines).toContain(`Commented on pull request 17 (thread ${thread.id}).`);
    for (const request of fake.requests) expect(request.authorization).toBe(`Bearer ${TOKEN}`);

    expectNoLeak(
      failing,
      summary,
      report,
      sarif,
      ...fake.requests.map((r) => r.body),
      thread.comments[0]!.content,
    );
    expect(listFiles(repo)).toEqual(before);

    // The fix is pushed: the same thread is updated in place, and marked fixed.
    const passing = await runTask(
      {
        solution: 'solutions/ContosoAlerts',
        settings: join(repo, 'config', 'Pass', 'deploymentSettings.json'),
      },
      pullRequestVariables(fake),
    );
    expect(passing.lines.filter((l) => l.startsWith('##vso[task.logissue'))).toEqual([]);
    expect(passing.complete).toBe(
      '##vso[task.complete result=Succeeded;]connref-gate: no errors or warnings',
    );
    expect(passing.outputs).toMatchObject({ result: 'pass', errors: '0', warnings: '0' });
    expect(fake.threads).toHaveLength(1);
    expect(fake.threads[0]!.comments).toHaveLength(1);
    expect(fake.threads[0]!.comments[0]!.content).toContain('passes the gate');
    expect(fake.threads[0]!.comments[0]!.content).toContain('All clear');
    expect(fake.threads[0]!.status).toBe('fixed');
    expect(passing.lines).toContain(
      `Updated the comment on pull request 17 (thread ${thread.id}).`,
    );
    expectNoLeak(passing, summaryFile(passing), ...fake.requests.map((r) => r.body));
  });

  it('warns and keeps the gate result when the build service may not contribute (403)', async () => {
    fake.threads.length = 0;
    fake.failWrites = 403;
    try {
      const run = await runTask(
        {
          solution: 'solutions/ContosoAlerts',
          settings: join(repo, 'config', 'Fail', 'deploymentSettings.json'),
        },
        pullRequestVariables(fake),
      );
      const warning = run.lines.find((l) => l.startsWith('##vso[task.issue type=warning'));
      expect(warning).toMatch(
        /could not comment on pull request 17 \(HTTP 403 Forbidden\): give the project's Build Service identity "Contribute to pull requests" on the repository; the gate result stands$/,
      );
      expect(run.complete).toMatch(/^##vso\[task\.complete result=Failed;\]/);
      expect(fake.threads).toEqual([]);
      expectNoLeak(run);
    } finally {
      fake.failWrites = undefined;
    }
  });

  it('warns and keeps the gate result when the token is rejected (401)', async () => {
    fake.failAll = 401;
    try {
      const run = await runTask(
        {
          solution: 'solutions/ContosoAlerts',
          settings: join(repo, 'config', 'Pass', 'deploymentSettings.json'),
        },
        pullRequestVariables(fake),
      );
      expect(run.lines.find((l) => l.startsWith('##vso[task.issue type=warning'))).toContain(
        '(HTTP 401 Unauthorized)',
      );
      expect(run.complete).toBe(
        '##vso[task.complete result=Succeeded;]connref-gate: no errors or warnings',
      );
      expectNoLeak(run);
    } finally {
      fake.failAll = undefined;
    }
  });
});

describe('the bundled task on a CI build', () => {
  it('succeeds with issues below failOn and fails at failOn=warning', async () => {
    const inputs = {
      solution: 'solutions/ContosoAlerts',
      settings: 'config/Warn/deploymentSettings.json',
    };
    const lenient = await runTask(inputs);
    expect(lenient.complete).toBe(
      '##vso[task.complete result=SucceededWithIssues;]connref-gate: 0 errors, 1 warning, below failOn=error',
    );
    expect(lenient.outputs['result']).toBe('pass');

    const strict = await runTask({ ...inputs, failOn: 'warning', rules: 'CR004=warning' });
    expect(strict.complete).toBe(
      '##vso[task.complete result=Failed;]connref-gate: 0 errors, 1 warning at or above failOn=warning',
    );
    const off = await runTask({ ...inputs, failOn: 'warning', rules: 'CR004=off' });
    expect(off.complete).toBe(
      '##vso[task.complete result=Succeeded;]connref-gate: no errors or warnings',
    );
    // No pull request: no access token is read, no REST call is attempted.
    expect(lenient.stdout).not.toContain('SystemVssConnection');
  });

  it('fails with one clear line and no stack trace on bad inputs', async () => {
    const badFailOn = await runTask({ solution: 'solutions/ContosoAlerts', failOn: 'sometimes' });
    expect(badFailOn.complete).toBe(
      "##vso[task.complete result=Failed;]connref-gate: input 'failOn' is 'sometimes': use one of error, warning, never",
    );
    const missing = await runTask({ solution: 'solutions/DoesNotExist' });
    expect(missing.complete).toMatch(
      /^##vso\[task\.complete result=Failed;\]connref-gate: .*DoesNotExist/,
    );
    const badRule = await runTask({ solution: 'solutions/ContosoAlerts', rules: 'CR999=off' });
    expect(badRule.complete).toMatch(
      /^##vso\[task\.complete result=Failed;\]connref-gate: input 'rules': unknown rule id "CR999"/,
    );
    for (const run of [badFailOn, missing, badRule]) {
      expect(run.stdout).not.toMatch(/^\s+at /m);
      expect(run.stderr).toBe('');
      expect(run.lines.filter((l) => l.startsWith('##vso[task.complete'))).toHaveLength(1);
    }
  });
});

describe('the bundled task writing resolved settings for pac', () => {
  it('writes the file with mode 0600 holding the canary, which appears nowhere else', async () => {
    const path = join(agentTemp, 'deploymentSettings.resolved.json');
    const before = listFiles(repo);
    const run = await runTask({
      solution: 'solutions/ContosoAlerts',
      settings: 'config/Pass/deploymentSettings.json',
      resolvedSettings: path,
      commentOnPullRequest: 'false',
    });
    expect(run.complete).toBe(
      '##vso[task.complete result=Succeeded;]connref-gate: no errors or warnings',
    );
    expect(run.outputs['resolvedSettings']).toBe(path);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    // The one place the secret must be.
    const resolved = readFileSync(path, 'utf8');
    expect(JSON.parse(resolved)).toEqual({
      EnvironmentVariables: [{ SchemaName: 'contoso_AlertThreshold', Value: '12' }],
      ConnectionReferences: [
        {
          LogicalName: 'contoso_sharedoffice365_a1b2c',
          ConnectionId: CANARY,
          ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_office365',
        },
        {
          LogicalName: 'contoso_sharedcommondataserviceforapps_d4e5f',
          ConnectionId: '0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d',
          ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps',
        },
      ],
    });
    // Masked before the line that says where the file went (its path, never its content).
    const mask = run.lines.indexOf(`##vso[task.setsecret]${CANARY}`);
    const written = run.lines.indexOf(
      `connref-gate: resolved settings written to ${path} (2 connection references, 1 environment variable)`,
    );
    expect(mask).toBeGreaterThanOrEqual(0);
    expect(written).toBeGreaterThan(mask);
    expect(run.stderr).toBe('');
    expectNoLeak(run, summaryFile(run), readFileSync(run.outputs['report']!, 'utf8'));
    // Nothing else in the agent's temp folder holds it either.
    for (const file of listFiles(agentTemp)) {
      if (join(agentTemp, file) === path) continue;
      expect(readFileSync(join(agentTemp, file), 'utf8'), file).not.toContain(CANARY);
    }
    expect(listFiles(repo)).toEqual(before);
  });

  it('writes nothing when the check finds errors, warns why and sets the output empty', async () => {
    const path = join(agentTemp, 'deploymentSettings.resolved.json');
    const run = await runTask({
      solution: 'solutions/ContosoAlerts',
      settings: 'config/Fail/deploymentSettings.json',
      resolvedSettings: path,
      commentOnPullRequest: 'false',
    });
    expect(run.complete).toMatch(/^##vso\[task\.complete result=Failed;\]/);
    expect(existsSync(path)).toBe(false);
    expect(run.outputs['resolvedSettings']).toBe('');
    expect(run.lines.filter((l) => l.startsWith('##vso[task.issue type=warning'))).toEqual([
      `##vso[task.issue type=warning;source=TaskInternal;]connref-gate: resolved settings not written to ${path}: the check found 1 error, and pac would import these settings with them`,
    ]);
    expectNoLeak(run, summaryFile(run));
  });
});

describe('the bundled task with command init --check', () => {
  it('passes on an up-to-date settings file, writing nothing', async () => {
    const before = readFileSync(join(repo, 'config', 'Pass', 'deploymentSettings.json'), 'utf8');
    const run = await runTask({
      command: 'init --check',
      solution: 'solutions/ContosoAlerts',
      settings: 'config/Pass/deploymentSettings.json',
    });
    expect(run.complete).toBe(
      '##vso[task.complete result=Succeeded;]connref-gate: 1 settings file in step with ContosoAlerts',
    );
    expect(run.outputs).toEqual({ result: 'pass' });
    expect(run.lines).toContain(
      'connref-gate: config/Pass/deploymentSettings.json is up to date with ContosoAlerts 1.0.0.3 (solutions/ContosoAlerts): 2 connection references, 1 environment variable',
    );
    expect(run.lines.filter((l) => l.startsWith('##vso[task.logissue'))).toEqual([]);
    expect(summaryFile(run)).toContain('✅ Up to date');
    expect(readFileSync(join(repo, 'config', 'Pass', 'deploymentSettings.json'), 'utf8')).toBe(
      before,
    );
    expect(run.stderr).toBe('');
  });

  it('fails on a drifted settings file with an issue on it, and never comments', async () => {
    const fake = await startFakeAzureDevOps({
      token: TOKEN,
      project: PROJECT_ID,
      repositoryId: REPO_ID,
    });
    try {
      const before = listFiles(repo);
      const run = await runTask(
        {
          command: 'init --check',
          solution: 'solutions/ContosoAlerts',
          settings: 'config/Warn/deploymentSettings.json',
        },
        pullRequestVariables(fake),
      );
      expect(run.complete).toBe(
        '##vso[task.complete result=Failed;]connref-gate: 1 of 1 settings file out of step with ContosoAlerts',
      );
      expect(run.outputs).toEqual({ result: 'fail' });
      expect(run.lines.filter((l) => l.startsWith('##vso[task.logissue'))).toEqual([
        '##vso[task.logissue type=error;sourcepath=config/Warn/deploymentSettings.json;]' +
          'config/Warn/deploymentSettings.json is out of step with ContosoAlerts: init would add 0 and remove 1 entries. Run connref-gate init and commit the result.',
      ]);
      expect(run.stdout).toMatch(
        /would remove +connection reference +contoso_sharedsharepointonline_0ld00/,
      );
      expect(summaryFile(run)).toContain(
        '| remove | connection reference | `contoso_sharedsharepointonline_0ld00` |',
      );
      expect(fake.requests).toEqual([]);
      expect(listFiles(repo)).toEqual(before);
      expectNoLeak(run);
    } finally {
      await fake.close();
    }
  });

  it('fails when the default deploymentSettings.json of the working directory is missing', async () => {
    const run = await runTask({
      command: 'init --check',
      solution: 'solutions/ContosoAlerts',
    });
    expect(run.complete).toBe(
      '##vso[task.complete result=Failed;]connref-gate: 1 of 1 settings file out of step with ContosoAlerts',
    );
    expect(run.lines.filter((l) => l.startsWith('##vso[task.logissue'))).toEqual([
      '##vso[task.logissue type=error;sourcepath=deploymentSettings.json;]' +
        'deploymentSettings.json is out of step with ContosoAlerts: it does not exist. Run connref-gate init and commit the result.',
    ]);
    expect(existsSync(join(repo, 'deploymentSettings.json'))).toBe(false);
  });

  it('refuses sarifFile and resolvedSettings with one line', async () => {
    const run = await runTask({
      command: 'init --check',
      solution: 'solutions/ContosoAlerts',
      resolvedSettings: join(agentTemp, 'r.json'),
    });
    expect(run.complete).toBe(
      "##vso[task.complete result=Failed;]connref-gate: input 'resolvedSettings' is for command 'check': 'init --check' compares the settings with the solution and writes nothing",
    );
    expect(run.outputs).toEqual({});
  });
});
