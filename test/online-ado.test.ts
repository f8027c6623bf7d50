// The task's online path end to end: the bundled task (ado-task/ConnrefGate/index.js) run as the
// agent runs it, with a powerplatform-spn service connection in both schemes (client secret and
// workload identity federation through AzurePipelinesCredential and SYSTEM_OIDCREQUESTURI),
// against the loopback fake of Entra ID, Dataverse, the Power Apps API and the Azure Pipelines
// OIDC endpoint. Secrets are masked before anything is logged and appear nowhere else.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeOnline, type FakeApp } from './fixtures/online/fake-online.mjs';
import { ConnectProxy } from './helpers/connect-proxy.js';
import { REFS, seedClean, workspace, writeSettings } from './helpers/online.js';
import { inputVariables, runNode } from './helpers/run-node.js';

const TASK = resolve('ado-task', 'ConnrefGate', 'index.js');
const CONNECTION = '1f5e9c2a-7b3d-4e8f-9a0b-1c2d3e4f5a6b';
const SECRET = 'ado-spn-secret~Zx9.canary';

let fake: FakeOnline;
let app: FakeApp;
let ws: ReturnType<typeof workspace>;
let agentTemp: string;

interface TaskRun {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
  complete: string | undefined;
  issues: string[];
}

async function runTask(
  inputs: Record<string, string>,
  variables: Record<string, string>,
): Promise<TaskRun> {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    AGENT_TEMPDIRECTORY: agentTemp,
    AGENT_WORKFOLDER: agentTemp,
    BUILD_SOURCESDIRECTORY: ws.dir,
    SYSTEM_DEFAULTWORKINGDIRECTORY: ws.dir,
    ...fake.env(),
    ...variables,
    ...inputVariables(inputs),
  };
  // An empty variable is one the agent does not set.
  for (const [name, value] of Object.entries(env)) if (value === '') delete env[name];
  const { code, stdout, stderr } = await runNode(TASK, [], { cwd: ws.dir, env });
  const lines = stdout.split(/\r?\n/);
  return {
    code,
    stdout,
    stderr,
    lines,
    complete: lines.find((l) => l.startsWith('##vso[task.complete')),
    issues: lines.filter((l) => l.startsWith('##vso[task.logissue')),
  };
}

/** A powerplatform-spn service connection as the agent hands it to a task. */
function serviceConnection(
  scheme: 'None' | 'WorkloadIdentityFederation',
  parameters: Record<string, string>,
): Record<string, string> {
  return {
    [`ENDPOINT_URL_${CONNECTION}`]: `${fake.environmentUrl}/`,
    [`ENDPOINT_AUTH_${CONNECTION}`]: JSON.stringify({ parameters, scheme }),
    [`ENDPOINT_AUTH_SCHEME_${CONNECTION}`]: scheme,
  };
}

function jobConnection(): Record<string, string> {
  return {
    ENDPOINT_URL_SYSTEMVSSCONNECTION: 'https://dev.azure.com/contoso/',
    ENDPOINT_AUTH_SYSTEMVSSCONNECTION: JSON.stringify({
      parameters: { AccessToken: fake.systemAccessToken },
      scheme: 'OAuth',
    }),
    SYSTEM_OIDCREQUESTURI: fake.pipelinesOidcUrl,
  };
}

/** A secret may reach the agent only inside its own setsecret command. */
function expectNoLeak(run: TaskRun, secret: string, ...texts: string[]): void {
  expect(
    run.lines.filter((l) => l.includes(secret) && l !== `##vso[task.setsecret]${secret}`),
  ).toEqual([]);
  expect(run.stderr).not.toContain(secret);
  for (const text of texts) expect(text).not.toContain(secret);
}

function summaryOf(run: TaskRun): string {
  const line = run.lines.find((l) => l.startsWith('##vso[task.uploadsummary]'));
  expect(line).toBeDefined();
  return readFileSync(line!.slice('##vso[task.uploadsummary]'.length), 'utf8');
}

beforeAll(async () => {
  if (!existsSync(TASK)) throw new Error(`${TASK} is missing: run 'npm run build' first`);
  fake = new FakeOnline();
  await fake.start();
});

afterAll(async () => {
  await fake.stop();
});

beforeEach(() => {
  ws = workspace();
  agentTemp = mkdtempSync(join(tmpdir(), 'connref-online-agent-'));
  fake.requests.length = 0;
  fake.state.apps = [];
});

afterEach(() => {
  expect(fake.violations()).toEqual([]);
  ws.remove();
  rmSync(agentTemp, { recursive: true, force: true });
});

const INPUTS = {
  solution: 'solution',
  settings: 'settings.json',
  rules: 'CR007=off\nCR008=off',
  powerPlatformSPN: CONNECTION,
};

describe('the task with a powerplatform-spn service connection', () => {
  it('client secret: masks it first, reports CR012 and CR015 as issues on the settings file', async () => {
    app = fake.addApp({ secret: SECRET });
    seedClean(fake, app);
    fake.state.connections = fake.state.connections.filter((c) => c.name !== REFS.cds.id);
    fake.state.connections.find((c) => c.name === REFS.outlook.id)!.createdBy =
      '11111111-2222-4333-8444-555555555555';
    writeSettings(ws.dir);
    const run = await runTask(
      INPUTS,
      serviceConnection('None', {
        tenantId: fake.state.tenantId,
        applicationId: app.clientId,
        clientSecret: SECRET,
      }),
    );
    const masked = run.lines.indexOf(`##vso[task.setsecret]${SECRET}`);
    expect(masked).toBeGreaterThanOrEqual(0);
    expect(masked).toBeLessThan(run.lines.findIndex((l) => l.startsWith('##vso[task.logissue')));
    expect(run.issues.filter((l) => !l.includes('code=CR006'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^##vso\\[task\\.logissue type=error;code=CR012;sourcepath=settings\\.json;linenumber=3;.*CR012: ConnectionId '${REFS.cds.id}' of connection reference ${REFS.cds.name} is not a connection in ${fake.environmentUrl.replace(/\./g, '\\.')}`,
        ),
      ),
      expect.stringMatching(
        /^##vso\[task\.logissue type=error;code=CR015;sourcepath=settings\.json;linenumber=4;/,
      ),
    ]);
    expect(
      run.lines.some((l) =>
        /^connref-gate: checked https:\/\/127\.0\.0\.1:\d+ as application .* admin route: 3 connections/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(run.complete).toMatch(/result=Failed;.*2 errors at or above failOn=error/);
    const summary = summaryOf(run);
    expect(summary).toContain('| In the target |');
    expect(summary).toContain('❌ no such connection');
    expectNoLeak(run, SECRET, summary);
  });

  it("goes through the agent's proxy (Agent.ProxyUrl, credentials masked) trusting Agent.CAInfo", async () => {
    const proxy = new ConnectProxy();
    await proxy.start();
    const password = 'agent-proxy:pa$$@word~canary';
    proxy.credentials = `corp\\builder:${password}`;
    try {
      app = fake.addApp({ secret: SECRET });
      seedClean(fake, app);
      writeSettings(ws.dir);
      const run = await runTask(INPUTS, {
        ...serviceConnection('None', {
          tenantId: fake.state.tenantId,
          applicationId: app.clientId,
          clientSecret: SECRET,
        }),
        AGENT_PROXYURL: proxy.url,
        AGENT_PROXYUSERNAME: 'corp\\builder',
        AGENT_PROXYPASSWORD: password,
        // The fake's CA only through the agent's certificate settings, not NODE_EXTRA_CA_CERTS.
        NODE_EXTRA_CA_CERTS: '',
        AGENT_CAINFO: fake.caFile,
      });
      expect(run.issues.filter((l) => /code=(CR01[2-6]|EV00[67]|OL001)/.test(l))).toEqual([]);
      expect(
        run.lines.some((l) =>
          l.includes(`with a client secret through the proxy ${proxy.url}, admin route`),
        ),
      ).toBe(true);
      expect(new Set(proxy.targets())).toEqual(
        new Set(
          [fake.authorityHost, fake.environmentUrl, fake.powerAppsUrl].map((o) => new URL(o).host),
        ),
      );
      expect(run.lines).toContain(`##vso[task.setsecret]${password}`);
      // task-lib itself, as it loads, debug-logs Agent.ProxyPassword (_exposeProxySettings);
      // the agent masks that line, having registered its proxy password as a secret. Nothing
      // of ours may add another.
      const taskLibLine = `##vso[task.debug]Agent.ProxyPassword=${password}`;
      expectNoLeak(
        { ...run, lines: run.lines.filter((l) => l !== taskLibLine) },
        password,
        summaryOf(run),
      );
      expectNoLeak(run, SECRET);
    } finally {
      await proxy.stop();
    }
  });

  it('workload identity federation: AzurePipelinesCredential with the job token, a clean target passes', async () => {
    app = fake.addApp({
      federated: {
        audience: 'api://AzureADTokenExchange',
        subject: `sc://contoso/alm/${CONNECTION}`,
      },
    });
    seedClean(fake, app);
    writeSettings(ws.dir);
    const run = await runTask(INPUTS, {
      ...serviceConnection('WorkloadIdentityFederation', {
        tenantid: fake.state.tenantId,
        serviceprincipalid: app.clientId,
      }),
      ...jobConnection(),
    });
    expect(run.issues.filter((l) => /code=(CR01[2-6]|EV00[67]|OL001)/.test(l))).toEqual([]);
    expect(fake.requests.some((r) => r.route === 'ado-oidc')).toBe(true);
    expect(run.lines.some((l) => l.includes('with workload identity federation'))).toBe(true);
    expectNoLeak(run, fake.systemAccessToken, summaryOf(run));
  });

  it('a federated credential that does not match is OL001, and with online: strict fails the task', async () => {
    app = fake.addApp({
      federated: { audience: 'api://AzureADTokenExchange', subject: 'sc://other' },
    });
    seedClean(fake, app);
    writeSettings(ws.dir);
    const run = await runTask(
      { ...INPUTS, online: 'strict' },
      {
        ...serviceConnection('WorkloadIdentityFederation', {
          tenantid: fake.state.tenantId,
          serviceprincipalid: app.clientId,
        }),
        ...jobConnection(),
      },
    );
    const ol001 = run.issues.filter((l) => l.includes('code=OL001'));
    expect(ol001).toHaveLength(1);
    expect(ol001[0]).toContain('type=error');
    expect(ol001[0]).toContain('AADSTS700213');
    expect(run.complete).toMatch(/result=Failed;/);
    expectNoLeak(run, fake.systemAccessToken);
  });

  it("a managed-identity service connection signs in as the agent's identity", async () => {
    app = fake.addApp({ managedIdentity: true });
    seedClean(fake, app);
    writeSettings(ws.dir);
    const managed = {
      [`ENDPOINT_URL_${CONNECTION}`]: fake.environmentUrl,
      [`ENDPOINT_AUTH_${CONNECTION}`]: JSON.stringify({
        parameters: { tenantid: fake.state.tenantId },
        scheme: 'ManagedServiceIdentity',
      }),
      ...fake.managedIdentityEnv(),
    };
    const run = await runTask(INPUTS, managed);
    expect(run.issues.filter((l) => /code=(CR01[2-6]|EV00[67]|OL001)/.test(l))).toEqual([]);
    expect(run.lines.some((l) => l.includes("as the host's managed identity, admin route"))).toBe(
      true,
    );
    expect(fake.requests.filter((r) => r.route === 'managed-identity').length).toBeGreaterThan(0);
    expect(fake.requests.some((r) => r.route === 'token')).toBe(false);

    // A host without an identity: OL001 saying so, and the run goes on.
    fake.requests.length = 0;
    app.managedIdentity = false;
    const none = await runTask(INPUTS, managed);
    const ol001 = none.issues.filter((l) => l.includes('code=OL001'));
    expect(ol001).toHaveLength(1);
    expect(ol001[0]).toContain('type=warning');
    expect(ol001[0]).toContain("signing in as the host's managed identity failed");
    expect(fake.requests.filter((r) => r.server === 'dataverse')).toEqual([]);
    for (const result of [run, none]) expectNoLeak(result, fake.identityHeader);
  });

  it('a service connection without its secret is a usage error in one line', async () => {
    writeSettings(ws.dir);
    const run = await runTask(
      INPUTS,
      serviceConnection('None', { tenantId: fake.state.tenantId, applicationId: 'x' }),
    );
    expect(run.complete).toBe(
      "##vso[task.complete result=Failed;]connref-gate: the service connection in 'powerPlatformSPN' (scheme None) lacks clientSecret: edit it in the project settings",
    );
    expect(fake.requests).toEqual([]);
  });

  it('an online input without a service connection is a usage error', async () => {
    writeSettings(ws.dir);
    const run = await runTask(
      { solution: 'solution', settings: 'settings.json', environmentUrl: fake.environmentUrl },
      {},
    );
    expect(run.complete).toContain("input 'environmentUrl' is for the online checks");
  });

  it("runs offline with task.json's defaults filled in, as the agent fills them", async () => {
    writeSettings(ws.dir);
    const task = JSON.parse(
      readFileSync(resolve('ado-task', 'ConnrefGate', 'task.json'), 'utf8'),
    ) as {
      inputs: { name: string; defaultValue?: string }[];
    };
    const defaults = Object.fromEntries(
      task.inputs
        .filter((i) => i.defaultValue !== undefined && i.defaultValue !== '')
        .map((i) => [i.name, i.defaultValue!]),
    );
    expect(defaults['onlineTimeout']).toBeDefined();
    const run = await runTask(
      {
        ...defaults,
        solution: 'solution',
        settings: 'settings.json',
        rules: 'CR007=off\nCR008=off',
      },
      {},
    );
    expect(run.complete).not.toContain('is for the online checks');
    expect(run.complete).toMatch(/result=Succeeded/);
    expect(fake.requests).toEqual([]);
  });
});
