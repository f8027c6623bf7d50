// What the online tests share: the example solution with one more missing dependency (an
// environment variable), settings written per scenario, and the clean target it matches.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeApp, FakeConnection, FakeOnline } from '../fixtures/online/fake-online.mjs';
import type { Finding } from '../../src/core/model.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const EXAMPLE = join(ROOT, 'examples/contoso-invoices/src');

export const ONLINE_RULE_IDS = [
  'CR012',
  'CR013',
  'CR014',
  'CR015',
  'CR016',
  'EV006',
  'EV007',
  'OL001',
] as const;

/** The example's connection references, their connectors and the ids of the clean target. */
export const REFS = {
  cds: {
    name: 'contoso_sharedcommondataserviceforapps_7f3a1',
    api: 'shared_commondataserviceforapps',
    id: '9c8b7a6d5e4f4a3b8c2d1e0f9a8b7c6d',
  },
  outlook: {
    name: 'contoso_sharedoffice365_2b9c4',
    api: 'shared_office365',
    id: '1b2c3d4e5f6a4b7c8d9e0f1a2b3c4d5e',
  },
  sharepoint: {
    name: 'contoso_sharedsharepointonline_9d8e7',
    api: 'shared_sharepointonline',
    id: 'shared-sharepointonl-0f1e2d3c-4b5a-6978-8a9b-c0d1e2f3a4b5',
  },
  erp: {
    name: 'contoso_sharedcontoso5ferp5f0a1b2c3d4e5f6a7b_c1d2e',
    api: 'shared_contoso-5ferp-5f0a1b2c3d4e5f6a7b',
    id: '5e6f7a8b9c0d4e1f2a3b4c5d6e7f8a9b',
  },
} as const;

export type RefKey = keyof typeof REFS;

/** The missing dependencies of the test solution. */
export const DEPENDENCY_REFERENCE = 'contoso_sharedteams_shared';
export const DEPENDENCY_VARIABLE = 'contoso_SharedBaseUrl';
/** A temp folder with the solution (`solution/`) and a place for settings files. */
export function workspace(): { dir: string; solution: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'connref-online-'));
  const solution = join(dir, 'solution');
  cpSync(EXAMPLE, solution, { recursive: true });
  const manifest = join(solution, 'Other', 'Solution.xml');
  const xml = readFileSync(manifest, 'utf8').replace(
    '</MissingDependencies>',
    `  <MissingDependency>
        <Required key="2" type="environmentvariabledefinition" displayName="Shared base URL" solution="ContosoShared (1.0.0.0)" schemaName="${DEPENDENCY_VARIABLE}" />
        <Dependent key="3" type="29" displayName="Invoice | Notify approvers" id="{6c2e3d4f-1b1c-4d6e-9fa0-161718192021}" />
      </MissingDependency>
    </MissingDependencies>`,
  );
  writeFileSync(manifest, xml);
  return { dir, solution, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes settings binding each reference to an id (default: the clean target's), one entry a line. */
export function writeSettings(
  dir: string,
  ids: Partial<Record<RefKey, string | null>> = {},
  name = 'settings.json',
): string {
  const entries = (Object.keys(REFS) as RefKey[]).map((key) => ({
    LogicalName: REFS[key].name,
    ConnectionId: key in ids ? ids[key] : REFS[key].id,
    ConnectorId: `/providers/Microsoft.PowerApps/apis/${REFS[key].api}`,
  }));
  const text = [
    '{',
    '  "ConnectionReferences": [',
    ...entries.map((e, i) => `    ${JSON.stringify(e)}${i < entries.length - 1 ? ',' : ''}`),
    '  ],',
    '  "EnvironmentVariables": [',
    '    { "SchemaName": "contoso_ApprovalThreshold", "Value": "10000" },',
    '    { "SchemaName": "contoso_InvoiceSiteUrl", "Value": "https://contoso.sharepoint.com/sites/invoices" },',
    '    { "SchemaName": "contoso_ErpSettings", "Value": "{\\"baseUrl\\": \\"https://erp.contoso.com\\"}" }',
    '  ]',
    '}',
  ].join('\n');
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The clean target: every reference's connection owned by the app, the dependencies present. */
export function seedClean(fake: FakeOnline, app: FakeApp): void {
  fake.state.connections = (Object.keys(REFS) as RefKey[]).map((key): FakeConnection => ({
    name: REFS[key].id,
    api: REFS[key].api,
    createdBy: app.objectId,
    createdByType: 'ServicePrincipal',
    displayName: `${REFS[key].api} (deploy)`,
    ownerEmail: 'deploy-spn@contoso.com',
  }));
  fake.state.connectionReferences = [DEPENDENCY_REFERENCE];
  fake.state.variableDefinitions = [{ schemaName: DEPENDENCY_VARIABLE, managed: true }];
}

/** The findings of the online rules, as `ID subject` lines (sorted). */
export function onlineFindings(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => (ONLINE_RULE_IDS as readonly string[]).includes(f.ruleId))
    .map((f) => `${f.ruleId} ${f.severity} ${f.subject}`)
    .sort();
}

/**
 * A GitHub OIDC token for `audience` from the fake's token endpoint, asked for with its request
 * token as a workflow would, trusting the fake's CA (this process has no NODE_EXTRA_CA_CERTS).
 */
export async function fetchGithubToken(fake: FakeOnline, audience: string): Promise<string> {
  const { request } = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = request(
      `${fake.githubTokenUrl}&audience=${encodeURIComponent(audience)}`,
      { ca: fake.ca, headers: { Authorization: `Bearer ${fake.githubRequestToken}` } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve((JSON.parse(body) as { value: string }).value));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
