// Real pipelines (issue 15) on real corpus kits: the GitHub Action and the Azure DevOps task run
// as bundles with exactly the inputs of the documented examples, for the pull-request validation
// and the deploy stage.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import { corpusDir, hasCorpus } from './helpers/corpus.js';
import {
  APPROVALS,
  COMPLETE,
  PER_SOLUTION,
  deployEnvironment,
  temp,
  usePipelineTemp,
} from './helpers/pipelines.js';
import { inputVariables, runNode } from './helpers/run-node.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

usePipelineTemp();

/** A loopback port where nothing listens (taken and released), for a refused connection. */
let closedPort: number;
beforeAll(async () => {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  closedPort = (server.address() as AddressInfo).port;
  await new Promise((done) => server.close(done));
});

/** Runs a bundle with only PATH and `env`; `stdout` holds what it printed on stdout and stderr. */
async function runBundle(bundle: string, env: Record<string, string>, cwd: string) {
  const run = await runNode(bundle, [], { cwd, env: { PATH: process.env['PATH'] ?? '', ...env } });
  return { code: run.code, stdout: run.stdout + run.stderr };
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
  const defaults = {
    command: 'check',
    'fail-on': 'error',
    'comment-on-pr': 'true',
    'github-token': 'ghs_pr_token',
  };
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
    ...inputVariables({ ...defaults, ...inputs }),
  };
  const result = await runBundle(join(ROOT, 'dist', 'index.js'), env, corpusDir);
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
    ...inputVariables(inputs),
  };
  return runBundle(join(ROOT, 'ado-task', 'ConnrefGate', 'index.js'), env, corpusDir);
}

describe.skipIf(!hasCorpus)(
  'the GitHub Action and the Azure DevOps task, as in the examples',
  () => {
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
  },
);
