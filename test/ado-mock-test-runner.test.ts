// The Azure DevOps task under azure-pipelines-task-lib's own test harness, MockTestRunner (the
// L0 pattern of microsoft/azure-pipelines-tasks): a test file sets inputs and variables with
// TaskMockRunner and loads the task; MockTestRunner runs it with node and reads the logging
// commands (issues, result). Both the shipped bundle and the source run; see
// test/fixtures/ado/mock-test/run-task.cjs for why the bundle runs without the mock task-lib.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MockTestRunner } from 'azure-pipelines-task-lib/mock-test.js';
import { commandFromString } from 'azure-pipelines-task-lib/taskcommand.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TEST_FILE = join(ROOT, 'test', 'fixtures', 'ado', 'mock-test', 'run-task.cjs');
const TASK_JSON = join(ROOT, 'ado-task', 'ConnrefGate', 'task.json');
const SECRET = '5ec12e7c0ffee0ddba11f00d5ca1ab1e';
const TIMEOUT = 60_000;

let temp: string;

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'connref-gate-mock-test-'));
});

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

interface Case {
  entry: 'bundle' | 'source';
  inputs: Record<string, string>;
  secrets?: Record<string, string>;
}

async function runTask(spec: Case): Promise<MockTestRunner> {
  // The constructor, not LoadAsync: LoadAsync with nodePath already set returns before it records
  // the test file (task-lib 5.281). Without nodePath, MockTestRunner downloads the Node version
  // task.json names from nodejs.org; this runs the node that runs vitest (CI: Node 20 and 24).
  const tr = new MockTestRunner(TEST_FILE, TASK_JSON);
  tr.nodePath = process.execPath;
  process.env['CONNREF_MOCK_CASE'] = JSON.stringify({
    ...spec,
    variables: {
      'Build.SourcesDirectory': ROOT,
      'Agent.TempDirectory': temp,
      'System.Debug': 'false',
    },
  });
  try {
    await tr.runAsync();
  } finally {
    delete process.env['CONNREF_MOCK_CASE'];
  }
  return tr;
}

/**
 * The issues the task logged, by type. task-lib 5's logIssue writes `task.logissue`, which
 * MockTestRunner's errorIssues/warningIssues do not read (they read `task.issue`, which setResult
 * still writes for the task's one-line result): parsed here with task-lib's own command parser.
 */
function issues(stdout: string, type: 'error' | 'warning'): string[] {
  return stdout
    .split(/\r?\n/)
    .filter(
      (line) => line.startsWith('##vso[task.logissue ') || line.startsWith('##vso[task.issue '),
    )
    .map((line) => commandFromString(line))
    .filter((command) => command.properties['type'] === type)
    .map((command) => command.message);
}

/** The output variables the task set (`##vso[task.setvariable variable=…;isOutput=true;…]`). */
function outputs(stdout: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of stdout.matchAll(
    /^##vso\[task\.setvariable variable=([^;]+);isOutput=true;[^\]]*\](.*)$/gm,
  )) {
    found[match[1]!] = match[2]!.trimEnd();
  }
  return found;
}

describe.each(['bundle', 'source'] as const)('ConnrefGate (%s) under MockTestRunner', (entry) => {
  it(
    'passes the example whose settings bind everything; the secret is registered, never logged',
    async () => {
      const tr = await runTask({
        entry,
        inputs: {
          solution: 'examples/github-e2e/solution',
          settings: 'examples/github-e2e/deploymentSettings.json',
          commentOnPullRequest: 'false',
        },
        secrets: { FABRIKAM_OFFICE365_CONNECTION: SECRET },
      });
      expect(tr.stderr).toBe('');
      expect(tr.succeeded).toBe(true);
      expect(issues(tr.stdout, 'error')).toEqual([]);
      expect(issues(tr.stdout, 'warning')).toEqual([]);
      expect(tr.stdout).toContain(
        `connref-gate ${version()}: checked 1 solution: 0 errors, 0 warnings, 0 notes`,
      );
      const vars = outputs(tr.stdout);
      expect(vars).toMatchObject({ result: 'pass', errors: '0', warnings: '0', notes: '0' });
      expect(vars['report']!.startsWith(temp)).toBe(true);
      // The task registers the value with the agent's masker before it logs anything of its own.
      // The one other line is task-lib's getVariable debug line for the secret variable: an
      // agent masks secret variables itself (it knows them from the job), a bare MockTestRunner
      // run does not.
      const lines = tr.stdout.split(/\r?\n/).filter((line) => line.includes(SECRET));
      expect(lines.sort()).toEqual([
        `##vso[task.debug]FABRIKAM_OFFICE365_CONNECTION=${SECRET}`,
        `##vso[task.setsecret]${SECRET}`,
      ]);
      const ours = tr.stdout.split(/\r?\n/).filter((line) => !line.startsWith('##vso[task.debug]'));
      expect(ours.findIndex((line) => line.includes(SECRET))).toBe(0);
      expect(readFileSync(vars['report']!, 'utf8')).not.toContain(SECRET);
    },
    TIMEOUT,
  );

  it(
    'fails with one error issue per finding and the reason',
    async () => {
      const tr = await runTask({
        entry,
        inputs: {
          solution: 'examples/github-e2e/solution',
          settings: 'test/fixtures/github/settings-fail.json',
          commentOnPullRequest: 'false',
        },
      });
      expect(tr.failed).toBe(true);
      const errors = issues(tr.stdout, 'error');
      expect(errors).toHaveLength(3);
      expect(errors[0]).toMatch(
        /^CR001: Connection reference fabrikam_sharedsharepointonline_d3e4f /,
      );
      expect(errors[1]).toMatch(
        /^CR002: ConnectionId of connection reference fabrikam_sharedoffice365_a1b2c /,
      );
      // The result's message is the one issue MockTestRunner itself reads.
      expect(tr.errorIssues).toEqual(['connref-gate: 2 errors at or above failOn=error']);
      expect(errors[2]).toBe(tr.errorIssues[0]);
      expect(outputs(tr.stdout)).toMatchObject({ result: 'fail', errors: '2' });
    },
    TIMEOUT,
  );

  it(
    'fails in one line on a missing solution input',
    async () => {
      const tr = await runTask({ entry, inputs: { commentOnPullRequest: 'false' } });
      expect(tr.failed).toBe(true);
      expect(tr.errorIssues).toHaveLength(1);
      expect(tr.errorIssues[0]).toMatch(/^connref-gate: .*solution/);
      expect(tr.errorIssues[0]).not.toContain('\n');
    },
    TIMEOUT,
  );
});

function version(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
}
