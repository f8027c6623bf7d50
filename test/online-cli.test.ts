// The online path of the CLI end to end: the built dist/cli.js in a child process, signing in
// through @azure/identity's environment convention against the loopback fake, trusted through
// NODE_EXTRA_CA_CERTS and moved there by AZURE_AUTHORITY_HOST, CONNREF_GATE_POWERAPPS_URL and
// the environment URL: the whole path with no tenant.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClientCertificate } from './fixtures/online/tls.mjs';
import {
  REFS,
  ROOT,
  fetchGithubToken,
  onlineFindings,
  seedClean,
  writeSettings,
} from './helpers/online.js';
import { SECRET, app, fake, useOnlineStage, ws } from './helpers/online-stage.js';
import { runNode, type NodeRun } from './helpers/run-node.js';

const CLI = join(ROOT, 'dist', 'cli.js');

useOnlineStage();

function runCli(args: string[], env: Record<string, string> = {}): Promise<NodeRun> {
  return runNode(CLI, args, {
    cwd: ws.dir,
    // A clean environment: PATH without an Azure CLI, the fake's endpoints and CA.
    env: { PATH: '/usr/bin:/bin', ...fake.env(), ...env },
  });
}

function spn(secret = SECRET): Record<string, string> {
  return {
    AZURE_TENANT_ID: fake.state.tenantId,
    AZURE_CLIENT_ID: app.clientId,
    AZURE_CLIENT_SECRET: secret,
  };
}

function check(extra: string[] = []): string[] {
  return [
    'check',
    '--solution',
    'solution',
    '--settings',
    writeSettings(ws.dir),
    '--environment',
    fake.environmentUrl,
    '--format',
    'json',
    ...extra,
  ];
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
});

describe('CLI --environment', () => {
  it('checks a clean target: target facts in the JSON, a summary line, no secret anywhere', async () => {
    const run = await runCli(check(), spn());
    expect(run.stderr).toMatch(
      /checked https:\/\/127\.0\.0\.1:\d+ as application .* with a client secret, admin route: 4 connections in 1 page; \d+ requests in/,
    );
    const report = JSON.parse(run.stdout);
    expect(onlineFindings(report.findings)).toEqual([]);
    const outlook = report.solutions[0].connectionReferences.find(
      (r: { logicalName: string }) => r.logicalName === REFS.outlook.name,
    );
    expect(outlook.target).toEqual({
      connection: 'found',
      connector: 'shared_office365',
      status: 'Connected',
      owner: 'deploy-spn@contoso.com',
      access: 'owner',
    });
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    // The example's offline errors (CR007, CR008) fail the gate; the online stage adds none.
    expect(run.code).toBe(1);
  });

  it('reports CR012, CR014 and CR015 from the target and exits 1', async () => {
    fake.state.connections = fake.state.connections.filter((c) => c.name !== REFS.cds.id);
    const outlook = fake.state.connections.find((c) => c.name === REFS.outlook.id)!;
    outlook.statuses = [{ status: 'Error', error: { code: 'Unauthorized', message: 'expired' } }];
    const sharepoint = fake.state.connections.find((c) => c.name === REFS.sharepoint.id)!;
    sharepoint.createdBy = '11111111-2222-4333-8444-555555555555';
    const run = await runCli(check(), spn());
    const report = JSON.parse(run.stdout);
    expect(onlineFindings(report.findings)).toEqual([
      `CR012 error ${REFS.cds.name}`,
      `CR014 warning ${REFS.outlook.name}`,
      `CR015 error ${REFS.sharepoint.name}`,
    ]);
    expect(run.code).toBe(1);
  });

  it('a wrong secret is OL001: a warning by default, an error with --online strict', async () => {
    const wrong = 'wrong-cli-secret-value';
    const warn = await runCli(check(['--rule', 'CR007=off', '--rule', 'CR008=off']), spn(wrong));
    expect(onlineFindings(JSON.parse(warn.stdout).findings)).toEqual([
      `OL001 warning ${fake.environmentUrl}`,
    ]);
    expect(warn.code).toBe(0);
    const strict = await runCli(
      check(['--rule', 'CR007=off', '--rule', 'CR008=off', '--online', 'strict']),
      spn(wrong),
    );
    const report = JSON.parse(strict.stdout);
    expect(onlineFindings(report.findings)).toEqual([`OL001 error ${fake.environmentUrl}`]);
    expect(report.findings.find((f: { ruleId: string }) => f.ruleId === 'OL001').message).toContain(
      'AADSTS7000215',
    );
    expect(strict.code).toBe(1);
    expect(warn.stdout + warn.stderr + strict.stdout + strict.stderr).not.toContain(wrong);
  });

  it('without a service principal and without the Azure CLI: OL001 says there are no credentials', async () => {
    const run = await runCli(check());
    const report = JSON.parse(run.stdout);
    const ol001 = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'OL001');
    expect(ol001).toHaveLength(1);
    expect(ol001[0].message).toContain('no credentials');
    expect(fake.requests.filter((r) => r.server !== 'entra')).toEqual([]);
  });

  it('signs in with a certificate (AZURE_CLIENT_CERTIFICATE_PATH)', async () => {
    const certificate = await createClientCertificate(ws.dir);
    const certApp = fake.addApp({ certificate: certificate.cert });
    seedClean(fake, certApp);
    const run = await runCli(check(), {
      AZURE_TENANT_ID: fake.state.tenantId,
      AZURE_CLIENT_ID: certApp.clientId,
      AZURE_CLIENT_CERTIFICATE_PATH: certificate.file,
    });
    expect(onlineFindings(JSON.parse(run.stdout).findings)).toEqual([]);
    expect(run.stderr).toContain('with a certificate');
  });

  it('signs in with a federated token file (AZURE_FEDERATED_TOKEN_FILE)', async () => {
    const federated = fake.addApp({ federated: { audience: 'api://AzureADTokenExchange' } });
    seedClean(fake, federated);
    const token = await fetchGithubToken(fake, 'api://AzureADTokenExchange');
    const file = join(ws.dir, 'token.jwt');
    writeFileSync(file, token);
    const run = await runCli(check(), {
      AZURE_TENANT_ID: fake.state.tenantId,
      AZURE_CLIENT_ID: federated.clientId,
      AZURE_FEDERATED_TOKEN_FILE: file,
    });
    expect(onlineFindings(JSON.parse(run.stdout).findings)).toEqual([]);
    expect(run.stdout + run.stderr).not.toContain(token);
  });

  it('adds the target column to the markdown report', async () => {
    const run = await runCli(
      [
        'check',
        '--solution',
        'solution',
        '--settings',
        writeSettings(ws.dir),
        '--environment',
        fake.environmentUrl,
        '--format',
        'markdown',
      ],
      spn(),
    );
    expect(run.stdout).toContain('| In the target |');
    expect(run.stdout).toContain('✅ found, `shared_commondataserviceforapps`');
  });

  it('honours --online-timeout with OL001 for a slow target', async () => {
    fake.fault({ route: 'admin-connections', delayMs: 5000 });
    const started = Date.now();
    const run = await runCli(check(['--online-timeout', '2']), spn());
    expect(Date.now() - started).toBeLessThan(4500);
    const ol001 = JSON.parse(run.stdout).findings.find(
      (f: { ruleId: string }) => f.ruleId === 'OL001',
    );
    expect(ol001.message).toContain('2 s');
  });
});

describe('CLI --environment usage errors (exit 2, one line)', () => {
  const cases: [string, string[], Record<string, string>, RegExp][] = [
    ['an http URL', ['--environment', 'http://contoso.crm4.dynamics.com'], {}, /not https/],
    [
      'a URL with a path',
      ['--environment', 'https://contoso.crm4.dynamics.com/main.aspx'],
      {},
      /has a path/,
    ],
    ['no URL at all', ['--environment', 'contoso'], {}, /is not a URL/],
    [
      'an unknown cloud',
      ['--environment', 'https://contoso.crm.dynamics.com', '--cloud', 'Mars'],
      {},
      /--cloud is 'Mars': use one of Public, UsGov/,
    ],
    [
      '--online without --environment',
      ['--online', 'strict'],
      {},
      /--online is for the online checks: give --environment/,
    ],
    [
      'a bad --online',
      ['--environment', 'https://contoso.crm.dynamics.com', '--online', 'loud'],
      {},
      /bad --online loud/,
    ],
    [
      'a secret without the ids',
      ['--environment', 'https://contoso.crm.dynamics.com'],
      { AZURE_CLIENT_SECRET: 'x-secret-value' },
      /AZURE_CLIENT_SECRET is set but AZURE_TENANT_ID and AZURE_CLIENT_ID are not/,
    ],
    [
      'a bad authority host',
      ['--environment', 'https://contoso.crm.dynamics.com'],
      { AZURE_AUTHORITY_HOST: 'http://login.example' },
      /AZURE_AUTHORITY_HOST 'http:\/\/login.example' is not https/,
    ],
    [
      'a bad timeout',
      ['--environment', 'https://contoso.crm.dynamics.com', '--online-timeout', '0'],
      {},
      /bad --online-timeout 0/,
    ],
  ];
  for (const [name, args, env, message] of cases) {
    it(name, async () => {
      const run = await runCli(['check', '--solution', 'solution', ...args], env);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toContain('x-secret-value');
      expect(fake.requests).toEqual([]);
    });
  }
});
