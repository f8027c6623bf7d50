// The online stage in this process against the loopback fake (its CA injected), for the
// online-stage suites. useOnlineStage() starts the fake once per file and, around each test, gives
// a fresh workspace and a clean target; after each test it checks that the target only saw GETs
// and the token endpoint only POSTs, and that each token went only to its own origin.
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { check } from '../../src/core/engine.js';
import { formatJson } from '../../src/core/format/json.js';
import type { Finding, Report, ReportTarget } from '../../src/core/model.js';
import type { OnlineCredential } from '../../src/core/online/credentials.js';
import type { OnlineOptions } from '../../src/core/online/options.js';
import type { OnlineSummary } from '../../src/core/online/stage.js';
import { FakeOnline, type FakeApp } from '../fixtures/online/fake-online.mjs';
import { onlineFindings, seedClean, workspace, writeSettings } from './online.js';

export const SECRET = 'fake-secret-Q8~7hd.c4nary';

/** The fake, the application signing in (client secret SECRET) and the test's workspace. */
export let fake: FakeOnline;
export let app: FakeApp;
export let ws: ReturnType<typeof workspace>;

export function useOnlineStage(): void {
  beforeAll(async () => {
    fake = new FakeOnline();
    await fake.start();
  });

  afterAll(async () => {
    await fake.stop();
  });

  beforeEach(() => {
    ws = workspace();
    fake.requests.length = 0;
    fake.state.apps = [];
    fake.state.faults = [];
    fake.state.hostile = {};
    fake.state.pageSize = 100;
    fake.state.permissionsNotEmbedded = false;
    delete fake.state.powerAppsAudiences;
    app = fake.addApp({ secret: SECRET });
    seedClean(fake, app);
  });

  afterEach(() => {
    // Read-only, whatever the scenario: only GET to Dataverse and Power Apps, only POST for tokens.
    expect(fake.violations()).toEqual([]);
    // Each token only to its own origin: the Dataverse token never reaches the Power Apps API,
    // and nothing with a token reaches another origin.
    for (const request of fake.requests) {
      if (request.server === 'dataverse' && request.audience) {
        expect(request.audience).toBe(fake.environmentUrl);
      }
      if (request.server === 'powerApps' && request.audience) {
        expect(request.audience).not.toBe(fake.environmentUrl);
      }
      if (request.server === 'foreign') expect(request.authorization).toBe(false);
    }
    ws.remove();
  });
}

export function secretCredential(secret = SECRET, clientId = app.clientId): OnlineCredential {
  return { kind: 'client-secret', tenantId: fake.state.tenantId, clientId, clientSecret: secret };
}

/** Checks the workspace's solution online against the fake; `findings` are the online ones. */
export async function run(
  settings: string | undefined = writeSettings(ws.dir),
  online: Partial<OnlineOptions> = {},
): Promise<{ report: Report; findings: string[]; json: string; online?: OnlineSummary }> {
  const result = await check({
    solutions: [ws.solution],
    settings: settings ? [settings] : [],
    cwd: ws.dir,
    online: {
      environmentUrl: fake.environmentUrl,
      credential: secretCredential(),
      env: fake.env(),
      ca: fake.ca,
      retry: { baseDelayMs: 10 },
      ...online,
    },
  });
  return {
    report: result.report,
    findings: onlineFindings(result.report.findings),
    json: formatJson(result.report),
    ...(result.online && { online: result.online }),
  };
}

/** The finding of `ruleId` (about `subject`), which must be there. */
export function finding(report: Report, ruleId: string, subject?: string): Finding {
  const found = report.findings.find(
    (f) => f.ruleId === ruleId && (subject === undefined || f.subject === subject),
  );
  expect(found, `${ruleId} ${subject ?? ''}`).toBeDefined();
  return found!;
}

/** The target facts of a connection reference in the report. */
export function target(report: Report, logicalName: string): ReportTarget | undefined {
  return report.solutions[0]!.connectionReferences.find((r) => r.logicalName === logicalName)
    ?.target;
}

/** How many requests reached `route` of the fake. */
export function count(route: string): number {
  return fake.requests.filter((r) => r.route === route).length;
}
