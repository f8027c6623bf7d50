// The committed action bundle dist/index.js run with `node` exactly as the runner runs it
// (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, a pull_request event payload), against
// a loopback fake of the GitHub REST API, for the github-e2e suites. Builds nothing: CI checks
// that dist/ matches the source.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { FakeGitHub } from '../fixtures/github/fake-github.js';
import { inputVariables, runNode } from './run-node.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BUNDLE = join(ROOT, 'dist', 'index.js');
/** The ConnectionId the passing settings substitute from the environment: a secret. */
export const CANARY = 'canary-9f8e7d';
export const MARKER = '<!-- connref-gate -->';
export const SOLUTION = 'examples/github-e2e/solution';
export const CUSTOMIZATIONS = `${SOLUTION}/Other/Customizations.xml`;

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  outputsRaw: string;
  summary: string;
  files: Record<string, string>;
}

/** The fake GitHub API of this file's tests, and a folder for what the runs write. */
export let api: FakeGitHub;
export let temp: string;

/** Before the file's tests: the bundle must exist; the fake starts with 120 comments of others. */
export function useActionBundle(): void {
  beforeAll(async () => {
    if (!existsSync(BUNDLE)) {
      throw new Error(`${BUNDLE} does not exist: run npm run build`);
    }
    temp = mkdtempSync(join(tmpdir(), 'connref-gate-e2e-'));
    api = new FakeGitHub();
    api.addNoise(120); // the marker comment then lives on page 2 of 100
    await api.start();
  });

  afterAll(async () => {
    await api.stop();
    if (temp) rmSync(temp, { recursive: true, force: true });
  });
}

let runCount = 0;

/** Runs the bundle like the runner: every declared input set (to its default unless given). */
export async function runAction(
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
  Object.assign(env, inputVariables({ ...defaults, ...inputs }));

  const { code, stdout, stderr } = await runNode(BUNDLE, [], { cwd: ROOT, env });

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
export function lineOf(file: string, text: string): number {
  const index = readFileSync(join(ROOT, file), 'utf8')
    .split(/\r?\n/)
    .findIndex((line) => line.includes(text));
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** Every place the canary must not appear (`::add-mask::` lines are the runner's, not the log's). */
export function expectNoCanary(result: RunResult, extra: string[] = []): void {
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
