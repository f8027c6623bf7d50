// The online path through an HTTP proxy (CONNECT tunnels): in this process with an adapter's
// proxy (the Azure Pipelines agent's, with its bypass list and credentials), and end to end with
// the CLI and HTTPS_PROXY / NO_PROXY. The proxy sees tunnels, never a token; its password never
// reaches an output; a proxy's refusal is never taken for the service's answer.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { onlineSummaryText } from '../src/core/adapter-support.js';
import type { OnlineOptions } from '../src/core/online/options.js';
import { ConnectProxy } from './helpers/connect-proxy.js';
import { ROOT, onlineFindings, writeSettings } from './helpers/online.js';
import { SECRET, app, fake, run as runStage, useOnlineStage, ws } from './helpers/online-stage.js';
import { runNode, type NodeRun } from './helpers/run-node.js';

const PROXY_PASSWORD = 'pr0xy:p@ss/word-canary';
const CLI = join(ROOT, 'dist', 'cli.js');

let proxy: ConnectProxy;

useOnlineStage();

beforeAll(async () => {
  proxy = new ConnectProxy();
  await proxy.start();
});

afterAll(async () => {
  await proxy.stop();
});

beforeEach(() => {
  proxy.tunnels.length = 0;
  proxy.credentials = undefined;
});

/** `127.0.0.1:<port>` of a fake origin, as a CONNECT names it. */
function hostOf(origin: string): string {
  return new URL(origin).host;
}

function run(online: Partial<OnlineOptions>) {
  return runStage(undefined, online);
}

describe('online checks through an adapter proxy (the Azure Pipelines agent)', () => {
  it('tunnels sign-in, Dataverse and the Power Apps API through it; results as direct', async () => {
    const direct = await run({});
    expect(proxy.tunnels).toEqual([]);
    const { report, online } = await run({ proxy: { url: proxy.url } });
    expect(onlineFindings(report.findings)).toEqual(onlineFindings(direct.report.findings));
    expect(onlineFindings(report.findings)).toEqual([]);
    expect(new Set(proxy.targets())).toEqual(
      new Set([fake.authorityHost, fake.environmentUrl, fake.powerAppsUrl].map(hostOf)),
    );
    expect(onlineSummaryText(online!)).toContain(`through the proxy ${proxy.url}`);
  });

  it('sends the credentials of the proxy URL as Proxy-Authorization; the password is in no output', async () => {
    proxy.credentials = `deploy:${PROXY_PASSWORD}`;
    const { report, online, json } = await run({
      proxy: { url: proxy.urlWith('deploy', PROXY_PASSWORD) },
    });
    expect(onlineFindings(report.findings)).toEqual([]);
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(3);
    for (const tunnel of proxy.tunnels) {
      expect(tunnel.authorization).toBe(
        `Basic ${Buffer.from(`deploy:${PROXY_PASSWORD}`).toString('base64')}`,
      );
    }
    const summary = onlineSummaryText(online!);
    expect(summary).toContain(`through the proxy ${proxy.url}`);
    for (const text of [json, summary]) {
      expect(text).not.toContain(PROXY_PASSWORD);
      expect(text).not.toContain(encodeURIComponent(PROXY_PASSWORD));
    }
  });

  it("a proxy's 407 is OL001 naming the proxy, never a connection finding", async () => {
    proxy.credentials = `deploy:${PROXY_PASSWORD}`;
    // Sign-in bypasses the proxy (the agent's bypass list), so that Dataverse meets the 407.
    const entra = new RegExp(hostOf(fake.authorityHost).replace(/[.]/g, '\\.'));
    const { report, json } = await run({ proxy: { url: proxy.url, bypass: [entra] } });
    expect(onlineFindings(report.findings)).toEqual([`OL001 warning ${fake.environmentUrl}`]);
    const ol001 = report.findings.find((f) => f.ruleId === 'OL001')!;
    expect(ol001.message).toContain(`the proxy ${proxy.url} refused the connection to Dataverse`);
    expect(ol001.message).toContain('HTTP 407');
    expect(ol001.message).toContain('asks for credentials');
    expect(proxy.targets()).not.toContain(hostOf(fake.authorityHost));
    expect(json).not.toContain(PROXY_PASSWORD);
  });

  it('reaches a bypassed origin directly', async () => {
    const all = /127\.0\.0\.1/;
    const { report, online } = await run({ proxy: { url: proxy.url, bypass: [all] } });
    expect(onlineFindings(report.findings)).toEqual([]);
    expect(proxy.tunnels).toEqual([]);
    expect(online!.proxy).toBeUndefined();
  });

  it('a proxy that is down is OL001 saying it could not be reached through that proxy', async () => {
    const { report } = await run({
      proxy: { url: 'http://127.0.0.1:9', bypass: [new RegExp(hostOf(fake.authorityHost))] },
    });
    const ol001 = report.findings.find((f) => f.ruleId === 'OL001')!;
    expect(ol001.message).toContain('through the proxy http://127.0.0.1:9');
    expect(onlineFindings(report.findings)).toEqual([`OL001 warning ${fake.environmentUrl}`]);
  });
});

function runCli(env: Record<string, string>): Promise<NodeRun> {
  const args = [
    'check',
    '--solution',
    'solution',
    '--settings',
    writeSettings(ws.dir),
    '--environment',
    fake.environmentUrl,
    '--format',
    'json',
    '--rule',
    'CR007=off',
    '--rule',
    'CR008=off',
  ];
  return runNode(CLI, args, {
    cwd: ws.dir,
    env: {
      PATH: '/usr/bin:/bin',
      ...fake.env(),
      AZURE_TENANT_ID: fake.state.tenantId,
      AZURE_CLIENT_ID: app.clientId,
      AZURE_CLIENT_SECRET: SECRET,
      ...env,
    },
  });
}

describe('CLI through HTTPS_PROXY', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
  });

  it('takes HTTPS_PROXY with credentials for sign-in and the requests; NO_PROXY skips it', async () => {
    proxy.credentials = `deploy:${PROXY_PASSWORD}`;
    const through = await runCli({ HTTPS_PROXY: proxy.urlWith('deploy', PROXY_PASSWORD) });
    expect(onlineFindings(JSON.parse(through.stdout).findings)).toEqual([]);
    expect(through.code).toBe(0);
    expect(through.stderr).toContain(`through the proxy ${proxy.url}`);
    expect(new Set(proxy.targets())).toEqual(
      new Set([fake.authorityHost, fake.environmentUrl, fake.powerAppsUrl].map(hostOf)),
    );
    expect(through.stdout + through.stderr).not.toContain(PROXY_PASSWORD);
    expect(through.stdout + through.stderr).not.toContain(encodeURIComponent(PROXY_PASSWORD));

    proxy.tunnels.length = 0;
    const bypassed = await runCli({
      HTTPS_PROXY: proxy.urlWith('deploy', PROXY_PASSWORD),
      NO_PROXY: '127.0.0.1',
    });
    expect(onlineFindings(JSON.parse(bypassed.stdout).findings)).toEqual([]);
    expect(bypassed.stderr).not.toContain('through the proxy');
    expect(proxy.tunnels).toEqual([]);
  });
});
