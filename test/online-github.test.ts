// The action's online path end to end: the bundled dist/index.js run as the runner runs it
// (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), against the loopback fake, once with a
// client secret and once with the workflow's OIDC token (a fake ACTIONS_ID_TOKEN_REQUEST_URL)
// exchanged through ClientAssertionCredential. Secrets and tokens are masked and appear nowhere
// else.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeOnline, type FakeApp } from './fixtures/online/fake-online.mjs';
import { REFS, ROOT, seedClean, workspace, writeSettings } from './helpers/online.js';
import { inputVariables, runNode } from './helpers/run-node.js';

const BUNDLE = join(ROOT, 'dist', 'index.js');
const SECRET = 'gh-client-secret~Q9.canary';

let fake: FakeOnline;
let app: FakeApp;
let ws: ReturnType<typeof workspace>;

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: string;
  summary: string;
}

async function runAction(
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
): Promise<ActionRun> {
  const runnerTemp = join(ws.dir, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  const outputFile = join(ws.dir, 'github_output');
  const summaryFile = join(ws.dir, 'step_summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  // Every input the runner sets, to its action.yml default unless given.
  const defaults: Record<string, string> = {
    command: 'check',
    solution: 'solution',
    settings: 'settings.json',
    'settings-per-solution': '',
    placeholders: 'resolve',
    'fail-on': 'error',
    rules: 'CR007=off\nCR008=off\nCR006=off',
    'sarif-file': '',
    'comment-on-pr': 'false',
    'github-token': '',
    'resolved-settings': '',
    'working-directory': '',
    'environment-url': fake.environmentUrl,
    'tenant-id': fake.state.tenantId,
    'app-id': app.clientId,
    'client-secret': '',
    cloud: '',
    online: 'warn',
    'environment-id': '',
    'online-timeout': '',
  };
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: ws.dir,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'contoso/alm',
    ...fake.env(),
    ...extraEnv,
    ...inputVariables({ ...defaults, ...inputs }),
  };
  const { code, stdout, stderr } = await runNode(BUNDLE, [], { cwd: ws.dir, env });
  return {
    code,
    stdout,
    stderr,
    outputs: readFileSync(outputFile, 'utf8'),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

/** A secret may reach the runner only in its own add-mask command. */
function expectMaskedOnly(run: ActionRun, secret: string): void {
  const lines = run.stdout.split('\n');
  expect(lines.filter((l) => l.includes(secret) && l !== `::add-mask::${secret}`)).toEqual([]);
  expect(run.stderr + run.outputs + run.summary).not.toContain(secret);
}

function annotations(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter((l) => /^::(error|warning|notice) /.test(l))
    .map((l) => /title=([A-Z]+\d+)/.exec(l)?.[1] ?? l)
    .filter((id) => /^(CR01[2-6]|EV00[67]|OL001)$/.test(id))
    .sort();
}

beforeAll(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build`);
  fake = new FakeOnline();
  await fake.start();
});

afterAll(async () => {
  await fake.stop();
});

beforeEach(() => {
  ws = workspace();
  writeSettings(ws.dir);
  fake.requests.length = 0;
  fake.state.apps = [];
});

afterEach(() => {
  expect(fake.violations()).toEqual([]);
  ws.remove();
});

describe('the action with environment-url', () => {
  it('client secret: masked first, CR012 and CR015 annotated on the settings file, target column in the summary', async () => {
    app = fake.addApp({ secret: SECRET });
    seedClean(fake, app);
    fake.state.connections = fake.state.connections.filter((c) => c.name !== REFS.cds.id);
    fake.state.connections.find((c) => c.name === REFS.outlook.id)!.createdBy =
      '11111111-2222-4333-8444-555555555555';
    const run = await runAction({ 'client-secret': SECRET });
    const lines = run.stdout.split('\n');
    const mask = lines.indexOf(`::add-mask::${SECRET}`);
    expect(mask).toBeGreaterThanOrEqual(0);
    expect(mask).toBeLessThan(lines.findIndex((l) => l.startsWith('::error')));
    expect(annotations(run)).toEqual(['CR012', 'CR015']);
    expect(run.stdout).toMatch(/::error title=CR012 [^,]+,file=settings\.json,line=3,/);
    expect(run.stdout).toMatch(
      /connref-gate: checked https:\/\/127\.0\.0\.1:\d+ as application .* with a client secret/,
    );
    expect(run.summary).toContain('| In the target |');
    expect(run.summary).toContain('❌ no such connection');
    expect(run.outputs).toMatch(/result<<.*\nfail\n/);
    expect(run.code).toBe(1);
    expectMaskedOnly(run, SECRET);
  });

  it('OIDC: the workflow token (audience api://AzureADTokenExchange) signs in, a clean target passes', async () => {
    app = fake.addApp({ federated: { audience: 'api://AzureADTokenExchange' } });
    seedClean(fake, app);
    const run = await runAction(
      {},
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: fake.githubTokenUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: fake.githubRequestToken,
      },
    );
    expect(annotations(run)).toEqual([]);
    const oidc = fake.requests.filter((r) => r.route === 'github-oidc');
    expect(oidc.length).toBeGreaterThan(0);
    expect(oidc[0]!.path).toContain('audience=api%3A%2F%2FAzureADTokenExchange');
    expect(run.stdout).toContain("with the workflow's OIDC token");
    expect(run.outputs).toMatch(/result<<.*\npass\n/);
    expect(run.code).toBe(0);
    expectMaskedOnly(run, fake.githubRequestToken);
  });

  it('without client-secret and without id-token permission: OL001 says what to give; strict fails', async () => {
    app = fake.addApp({ secret: SECRET });
    seedClean(fake, app);
    const run = await runAction({ online: 'strict' });
    expect(annotations(run)).toEqual(['OL001']);
    expect(run.stdout).toContain('permissions: id-token: write');
    expect(run.code).toBe(1);
    expect(fake.requests).toEqual([]);
  });

  it('environment-url without app-id is a usage error in one line', async () => {
    app = fake.addApp({ secret: SECRET });
    const run = await runAction({ 'app-id': '', 'client-secret': SECRET });
    const failure = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(failure).toEqual([
      "::error::connref-gate: input 'environment-url' needs 'app-id': the application that signs in, with 'client-secret' or, without it, the workflow's OIDC token (permissions: id-token: write)",
    ]);
    expect(run.code).toBe(1);
    expectMaskedOnly(run, SECRET);
  });

  it('a companion input without environment-url is a usage error', async () => {
    app = fake.addApp({ secret: SECRET });
    const run = await runAction({
      'environment-url': '',
      'tenant-id': '',
      'app-id': '',
      online: 'strict',
    });
    expect(run.stdout).toContain("input 'online' is for the online checks");
    expect(fake.requests).toEqual([]);
  });
});
