// The online stage against the loopback fake, in this process (see test/helpers/online-stage.ts):
// what fails becomes OL001, never a connection finding (throttling, deadlines, a wrong secret, an
// outage, a wrong audience), a hostile target, and signing in with other credentials (real
// @azure/identity against the fake Entra ID).
import { describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import { formatJson } from '../src/core/format/json.js';
import { FakeOnline, POWERAPPS_AUDIENCE } from './fixtures/online/fake-online.mjs';
import { createClientCertificate } from './fixtures/online/tls.mjs';
import {
  REFS,
  fetchGithubToken,
  onlineFindings,
  seedClean,
  writeSettings,
} from './helpers/online.js';
import {
  app,
  count,
  fake,
  finding,
  run,
  secretCredential,
  target,
  useOnlineStage,
  ws,
} from './helpers/online-stage.js';

useOnlineStage();

describe('online stage: what fails becomes OL001, never a connection finding', () => {
  it('retries 429 and 503, honouring Retry-After', async () => {
    fake.fault({ route: 'admin-connections', status: 429, retryAfter: '1', times: 1 });
    fake.fault({ route: 'whoami', status: 503, times: 2 });
    const started = Date.now();
    const { findings } = await run();
    expect(findings).toEqual([]);
    expect(count('admin-connections')).toBe(2);
    expect(count('whoami')).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('OL001 when throttling outlasts the retry budget, and with --online strict an error', async () => {
    fake.fault({ route: 'admin-connections', status: 429, retryAfter: '0', times: 10 });
    const { report, findings } = await run(undefined, { mode: 'strict' });
    expect(findings).toEqual([`OL001 error ${fake.environmentUrl}`]);
    expect(finding(report, 'OL001').message).toContain('HTTP 429 after 4 attempts');
    expect(count('admin-connections')).toBe(4);
  });

  it('OL001 when the throttling asks for a wait past the deadline', async () => {
    fake.fault({ route: 'admin-connections', status: 429, retryAfter: '120' });
    const started = Date.now();
    const { report, findings } = await run(undefined, { timeoutMs: 5000 });
    expect(findings).toEqual([`OL001 warning ${fake.environmentUrl}`]);
    expect(finding(report, 'OL001').message).toContain('deadline');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('OL001 for a wrong secret, with the AADSTS reason and no secret anywhere', async () => {
    const wrong = 'wrong-secret-value-xyz';
    const result = await check({
      solutions: [ws.solution],
      settings: [writeSettings(ws.dir)],
      cwd: ws.dir,
      online: {
        environmentUrl: fake.environmentUrl,
        credential: secretCredential(wrong),
        env: fake.env(),
        ca: fake.ca,
      },
    });
    const findings = onlineFindings(result.report.findings);
    expect(findings).toEqual([`OL001 warning ${fake.environmentUrl}`]);
    const message = finding(result.report, 'OL001').message;
    expect(message).toContain('AADSTS7000215');
    expect(message).not.toContain('Trace ID');
    expect(message).toContain('CR012–CR015');
    expect(message).toContain('CR016');
    expect(formatJson(result.report)).not.toContain(wrong);
    expect(result.secrets).toContain(wrong);
    expect(count('admin-connections')).toBe(0);
  });

  it('OL001 for an outage: nothing listens at the environment URL', async () => {
    const closed = new FakeOnline();
    await closed.start();
    const url = closed.environmentUrl;
    await closed.stop();
    const { report, findings } = await run(undefined, {
      environmentUrl: url,
      retry: { baseDelayMs: 10 },
    });
    expect(findings).toEqual([`OL001 warning ${url}`]);
    expect(finding(report, 'OL001').message).toMatch(
      /could not be reached|ECONNREFUSED|did not answer/,
    );
  });

  it('OL001 without credentials', async () => {
    const { report, findings } = await run(undefined, {
      credential: { kind: 'none', why: 'no credentials: set AZURE_CLIENT_ID' },
    });
    expect(findings).toEqual([`OL001 warning ${fake.environmentUrl}`]);
    expect(finding(report, 'OL001').message).toContain('no credentials: set AZURE_CLIENT_ID');
    expect(fake.requests).toEqual([]);
  });

  it('OL001 when the Power Apps token is for the wrong audience (an overridden scope)', async () => {
    const { report, findings } = await run(undefined, {
      env: { ...fake.env(), CONNREF_GATE_POWERAPPS_SCOPE: 'https://service.powerapps.us/.default' },
    });
    expect(findings).toEqual([`OL001 warning ${fake.environmentUrl}`]);
    expect(finding(report, 'OL001').message).toContain('HTTP 401');
    expect(fake.requests.find((r) => r.server === 'powerApps')?.audience).not.toBe(
      POWERAPPS_AUDIENCE,
    );
  });

  it('falls back to the token oid when the system user cannot be read', async () => {
    app.privileges = ['prvReadconnectionreference', 'prvReadenvironmentvariabledefinition'];
    const connection = fake.state.connections.find((c) => c.name === REFS.outlook.id)!;
    connection.createdBy = '11111111-2222-4333-8444-555555555555';
    const { findings } = await run();
    expect(findings).toEqual([`CR015 error ${REFS.outlook.name}`]);
  });
});

describe('online stage: a hostile target', () => {
  it('does not follow a nextLink to another origin (OL001), and that origin sees no token', async () => {
    for (let i = 0; i < 150; i++) {
      fake.state.connections.push({
        name: `${String(i).padStart(4, '0')}bbbb0000400080000000000000000`.slice(0, 32),
        api: 'shared_office365',
        createdBy: app.objectId,
      });
    }
    fake.state.connections.push({
      name: 'ffffffffffff4fff8fffffffffffffff',
      api: 'shared_office365',
      createdBy: app.objectId,
    });
    fake.state.hostile.foreignNextLink = true;
    const { report, findings } = await run(
      writeSettings(ws.dir, { outlook: 'ffffffffffff4fff8fffffffffffffff' }),
    );
    // Found ones are checked; the one that could be on the unread page is not claimed missing.
    expect(findings).toEqual([`OL001 warning ${fake.environmentUrl}`]);
    expect(finding(report, 'OL001').message).toContain('another origin');
    expect(target(report, REFS.outlook.name)?.connection).toBe('unchecked');
    expect(target(report, REFS.cds.name)?.connection).toBe('found');
    expect(fake.requests.filter((r) => r.server === 'foreign')).toEqual([]);
  });

  it('does not follow a redirect with the token', async () => {
    fake.fault({ route: 'admin-connections', status: 302, location: `${fake.foreignUrl}/steal` });
    const { report, findings } = await run();
    expect(findings).toEqual([`OL001 warning ${fake.environmentUrl}`]);
    expect(finding(report, 'OL001').message).toContain('redirect');
    expect(fake.requests.filter((r) => r.server === 'foreign')).toEqual([]);
  });

  it('OL001 for malformed JSON', async () => {
    fake.state.hostile.listingBody = '{"value": [{"name": "x", ';
    const { report, findings } = await run();
    expect(findings).toEqual([`OL001 warning ${fake.environmentUrl}`]);
    expect(finding(report, 'OL001').message).toContain('not JSON');
  });

  it('OL001 for JSON of the wrong shape', async () => {
    fake.state.hostile.listingBody = '{"value": {"__proto__": {"polluted": true}}}';
    const { findings } = await run();
    expect(findings).toEqual([`OL001 warning ${fake.environmentUrl}`]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('OL001 for a huge answer, read only up to the cap', async () => {
    fake.state.hostile.hugeBytes = 8 * 1024 * 1024;
    const { report, findings } = await run(undefined, { maxResponseBytes: 1024 * 1024 });
    expect(findings).toEqual([`OL001 warning ${fake.environmentUrl}`]);
    expect(finding(report, 'OL001').message).toContain('more than 1 MiB');
  });

  it('OL001 for an answer slower than the deadline', async () => {
    fake.fault({ route: 'admin-connections', delayMs: 4000 });
    const started = Date.now();
    const { report, findings } = await run(undefined, { timeoutMs: 1500 });
    expect(Date.now() - started).toBeLessThan(3500);
    expect(findings).toEqual([`OL001 warning ${fake.environmentUrl}`]);
    expect(finding(report, 'OL001').message).toMatch(/deadline|1\.5 s/);
    // What finished in time is kept: the dependency checks passed.
    expect(report.findings.some((f) => f.ruleId === 'CR016')).toBe(false);
  });
});

describe('online stage: other credentials', () => {
  it('signs in with a client certificate', async () => {
    const certificate = await createClientCertificate(ws.dir);
    const certApp = fake.addApp({ certificate: certificate.cert });
    seedClean(fake, certApp);
    const { findings } = await run(undefined, {
      credential: {
        kind: 'client-certificate',
        tenantId: fake.state.tenantId,
        clientId: certApp.clientId,
        certificatePath: certificate.file,
      },
    });
    expect(findings).toEqual([]);
  });

  it('signs in with a federated assertion from a callback (the GitHub OIDC token)', async () => {
    const federated = fake.addApp({ federated: { audience: 'api://AzureADTokenExchange' } });
    seedClean(fake, federated);
    const assertion = () => fetchGithubToken(fake, 'api://AzureADTokenExchange');
    const { findings } = await run(undefined, {
      credential: {
        kind: 'client-assertion',
        tenantId: fake.state.tenantId,
        clientId: federated.clientId,
        source: 'a test token',
        getAssertion: assertion,
      },
    });
    expect(findings).toEqual([]);
  });
});
