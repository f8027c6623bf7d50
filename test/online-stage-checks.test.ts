// The online stage against the loopback fake, in this process (see test/helpers/online-stage.ts):
// what the online rules find in the target, connection by connection (CR012 to CR015), through
// the admin and the caller route, and the dependencies and definitions (CR016, EV006, EV007).
import { beforeEach, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import { formatJson } from '../src/core/format/json.js';
import { formatMarkdown } from '../src/core/format/markdown.js';
import type { Finding } from '../src/core/model.js';
import {
  DEPENDENCY_REFERENCE,
  DEPENDENCY_VARIABLE,
  REFS,
  writeSettings,
} from './helpers/online.js';
import {
  SECRET,
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

describe('online stage: a clean target', () => {
  it('reports no online finding and the target facts of every reference', async () => {
    const { report, findings, json } = await run();
    expect(findings).toEqual([]);
    for (const key of Object.keys(REFS) as (keyof typeof REFS)[]) {
      expect(target(report, REFS[key].name)).toMatchObject({
        connection: 'found',
        connector: REFS[key].api,
        status: 'Connected',
        owner: 'deploy-spn@contoso.com',
        access: 'owner',
      });
    }
    expect(JSON.parse(json).solutions[0].connectionReferences[0].target.connection).toBe('found');
    // One listing, no permission look-ups (the importer owns every connection), one token each.
    expect(count('admin-connections')).toBe(1);
    expect(count('permissions')).toBe(0);
    expect(count('token')).toBe(2);
    expect(json).not.toContain(SECRET);
  });

  it('shows the target in the markdown table', async () => {
    const { report } = await run();
    const markdown = formatMarkdown(report);
    expect(markdown).toContain('| In the target |');
    expect(markdown).toContain(
      '✅ found, `shared_office365`, Connected, owner deploy-spn@contoso.com',
    );
  });

  it('never changes what the offline rules report', async () => {
    const settings = writeSettings(ws.dir, { outlook: '00000000000000000000000000000bad' });
    const online = await run(settings);
    const offline = await check({ solutions: [ws.solution], settings: [settings], cwd: ws.dir });
    const offlineIds = (findings: readonly Finding[]) =>
      findings.filter((f) => !/^(CR01[2-6]|EV00[67]|OL001)$/.test(f.ruleId));
    expect(offlineIds(online.report.findings)).toEqual(offline.report.findings);
    expect(online.findings).toEqual([`CR012 error ${REFS.outlook.name}`]);
  });
});

describe('online stage: connections', () => {
  it('CR012: an id from another environment', async () => {
    fake.state.connections.push({
      name: '7a7a7a7a7a7a4a7a8a7a7a7a7a7a7a7a',
      api: 'shared_office365',
      environment: 'd0d0d0d0-0000-4000-8000-000000000000',
      createdBy: app.objectId,
    });
    const { report, findings } = await run(
      writeSettings(ws.dir, { outlook: '7a7a7a7a7a7a4a7a8a7a7a7a7a7a7a7a' }),
    );
    expect(findings).toEqual([`CR012 error ${REFS.outlook.name}`]);
    const cr012 = finding(report, 'CR012');
    expect(cr012.message).toContain('ConnectionNotFound');
    expect(cr012.message).toContain("'7a7a7a7a7a7a4a7a8a7a7a7a7a7a7a7a'");
    expect(cr012.location).toMatchObject({ file: 'settings.json', line: 4 });
    expect(target(report, REFS.outlook.name)).toMatchObject({ connection: 'missing' });
  });

  it('CR012 when the caller listing ignores its filter: another environment never counts as found', async () => {
    app.managementApp = false;
    fake.state.hostile.ignoreEnvironmentFilter = true;
    fake.state.connections.push({
      name: '7a7a7a7a7a7a4a7a8a7a7a7a7a7a7a7a',
      api: 'shared_office365',
      environment: 'd0d0d0d0-0000-4000-8000-000000000000',
      createdBy: app.objectId,
    });
    const { findings } = await run(
      writeSettings(ws.dir, { outlook: '7a7a7a7a7a7a4a7a8a7a7a7a7a7a7a7a' }),
    );
    expect(findings).toEqual([`CR015 error ${REFS.outlook.name}`]);
  });

  it('does not print a ConnectionId that came from a secret placeholder', async () => {
    const settings = writeSettings(ws.dir, { outlook: '#{OUTLOOK_ID}#' });
    const result = await check({
      solutions: [ws.solution],
      settings: [settings],
      cwd: ws.dir,
      env: { OUTLOOK_ID: '0badc0de0badc0de0badc0de0badc0de' },
      online: {
        environmentUrl: fake.environmentUrl,
        credential: secretCredential(),
        env: fake.env(),
        ca: fake.ca,
      },
    });
    const cr012 = finding(result.report, 'CR012');
    expect(cr012.message).toContain('its ConnectionId');
    expect(formatJson(result.report)).not.toContain('0badc0de0badc0de0badc0de0badc0de');
  });

  it('CR013: a connection of another connector', async () => {
    fake.state.connections.find((c) => c.name === REFS.outlook.id)!.api = 'shared_sharepointonline';
    const { report, findings } = await run();
    expect(findings).toEqual([`CR013 error ${REFS.outlook.name}`]);
    expect(finding(report, 'CR013').message).toContain('shared_sharepointonline');
    expect(target(report, REFS.outlook.name)).toMatchObject({
      connection: 'wrong-connector',
      connector: 'shared_sharepointonline',
    });
  });

  it('CR013 is a warning for a custom connector that differs only in its hash', async () => {
    fake.state.connections.find((c) => c.name === REFS.erp.id)!.api =
      'shared_contoso-5ferp-5f77c2e1d0b9a8f6e5';
    const { findings } = await run();
    expect(findings).toEqual([`CR013 warning ${REFS.erp.name}`]);
  });

  it('CR014: a connection in Error, quoting status, code and message, escaped and bounded', async () => {
    fake.state.connections.find((c) => c.name === REFS.outlook.id)!.statuses = [
      {
        status: 'Error',
        target: 'token',
        error: {
          code: 'Unauthorized',
          message: `Failed to refresh access token for service: oauth2generic.\n::error::injected <b>x</b> | ${'y'.repeat(2000)}`,
        },
      },
    ];
    const { report, findings } = await run();
    expect(findings).toEqual([`CR014 warning ${REFS.outlook.name}`]);
    const cr014 = finding(report, 'CR014');
    expect(cr014.message).toContain('status Error (target token): Unauthorized');
    expect(cr014.message).toContain('Failed to refresh access token');
    expect(cr014.message).not.toContain('\n');
    expect(cr014.message.length).toBeLessThan(1000);
    expect(target(report, REFS.outlook.name)).toMatchObject({
      connection: 'found',
      status: 'Error',
    });
    const markdown = formatMarkdown(report);
    expect(markdown).not.toContain('<b>');
    expect(markdown).toContain('&lt;b&gt;');
  });

  it('CR015: a connection not shared with the importer', async () => {
    const connection = fake.state.connections.find((c) => c.name === REFS.outlook.id)!;
    connection.createdBy = '11111111-2222-4333-8444-555555555555';
    connection.createdByType = 'User';
    connection.ownerEmail = 'maker@contoso.com';
    const { report, findings } = await run();
    expect(findings).toEqual([`CR015 error ${REFS.outlook.name}`]);
    expect(finding(report, 'CR015').message).toContain('ConnectionAuthorizationFailed');
    expect(target(report, REFS.outlook.name)).toMatchObject({
      connection: 'not-usable',
      owner: 'maker@contoso.com',
    });
  });

  for (const embedded of [true, false]) {
    it(`no CR015 for a connection usable through its permissions (${embedded ? 'embedded' : 'permissions route'})`, async () => {
      fake.state.permissionsNotEmbedded = !embedded;
      for (const connection of fake.state.connections) {
        connection.createdBy = '11111111-2222-4333-8444-555555555555';
        connection.createdByType = 'User';
        connection.permissions = [
          { principalId: app.objectId, type: 'ServicePrincipal', role: 'CanViewWithShare' },
        ];
      }
      const { report, findings } = await run();
      expect(findings).toEqual([]);
      expect(target(report, REFS.cds.name)).toMatchObject({
        connection: 'found',
        access: 'CanViewWithShare',
      });
      // One permissions request per bound connection, and only when not embedded.
      expect(count('permissions')).toBe(embedded ? 0 : 4);
    });
  }

  it('CanView only: usable, and the target facts say that a re-share needs Can use + share', async () => {
    const connection = fake.state.connections.find((c) => c.name === REFS.outlook.id)!;
    connection.createdBy = '11111111-2222-4333-8444-555555555555';
    connection.permissions = [
      { principalId: app.objectId, type: 'ServicePrincipal', role: 'CanView' },
    ];
    const { report, findings } = await run();
    expect(findings).toEqual([]);
    expect(target(report, REFS.outlook.name)?.detail).toContain('Can use + share');
  });

  it('a share with a group is not CR015: membership is not checked, and the facts say so', async () => {
    const connection = fake.state.connections.find((c) => c.name === REFS.outlook.id)!;
    connection.createdBy = '11111111-2222-4333-8444-555555555555';
    connection.permissions = [
      { principalId: '99999999-2222-4333-8444-555555555555', type: 'Group', role: 'CanView' },
    ];
    const { report, findings } = await run();
    expect(findings).toEqual([]);
    expect(target(report, REFS.outlook.name)).toMatchObject({
      connection: 'found',
      access: 'group',
      detail: 'shared with a group; membership not checked',
    });
  });

  it('matches ids with and without hyphens, in either case', async () => {
    const settings = writeSettings(ws.dir, {
      cds: '9C8B7A6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D',
      outlook: '1B2C3D4E5F6A4B7C8D9E0F1A2B3C4D5E',
      sharepoint: 'SHARED-SHAREPOINTONL-0F1E2D3C-4B5A-6978-8A9B-C0D1E2F3A4B5',
      erp: '5e6f7a8b-9c0d-4e1f-2a3b-4c5d6e7f8a9b',
    });
    const { report, findings } = await run(settings);
    expect(findings).toEqual([]);
    expect(target(report, REFS.sharepoint.name)?.connection).toBe('found');
  });

  it('follows nextLink over every page', async () => {
    for (let i = 0; i < 250; i++) {
      fake.state.connections.unshift({
        name: `${String(i).padStart(4, '0')}aaaa0000400080000000000000000`.slice(0, 32),
        api: 'shared_office365',
        createdBy: app.objectId,
      });
    }
    fake.state.pageSize = 100;
    const { findings } = await run();
    expect(findings).toEqual([]);
    expect(count('admin-connections')).toBe(3);
  });

  it('does not look up a ConnectionId that still holds a placeholder, or an empty one', async () => {
    const settings = writeSettings(ws.dir, { outlook: '#{NOT_SET}#', cds: '' });
    const { report, findings } = await run(settings);
    expect(findings).toEqual([]);
    expect(target(report, REFS.outlook.name)).toEqual({
      connection: 'unchecked',
      detail: 'its ConnectionId still holds a placeholder',
    });
    expect(target(report, REFS.cds.name)?.connection).toBe('unchecked');
    // The offline rules report them as before.
    expect(report.findings.some((f) => f.ruleId === 'CR002')).toBe(true);
    expect(report.findings.some((f) => f.ruleId === 'CR001')).toBe(true);
  });

  it('uses a given environment id instead of asking Dataverse', async () => {
    const { findings } = await run(undefined, { environmentId: fake.state.environmentId });
    expect(findings).toEqual([]);
    expect(count('org')).toBe(0);
  });
});

describe('online stage: the caller route', () => {
  beforeEach(() => {
    app.managementApp = false;
  });

  it('lists the connections the identity may use when it is no management application', async () => {
    const { report, findings } = await run();
    expect(findings).toEqual([]);
    expect(count('caller-connections')).toBe(1);
    expect(target(report, REFS.cds.name)).toMatchObject({ connection: 'found' });
  });

  it('a missing id is CR015 and the message does not claim to know why', async () => {
    const connection = fake.state.connections.find((c) => c.name === REFS.outlook.id)!;
    connection.createdBy = '11111111-2222-4333-8444-555555555555';
    const { report, findings } = await run();
    expect(findings).toEqual([`CR015 error ${REFS.outlook.name}`]);
    const message = finding(report, 'CR015').message;
    expect(message).toContain('not among the connections this identity can use');
    expect(message).toContain('either it is not a connection there');
    expect(target(report, REFS.outlook.name)).toMatchObject({ connection: 'not-usable' });
  });

  it('OL001 when the caller route refuses the service principal too', async () => {
    app.callerRoute = false;
    const { report, findings } = await run();
    expect(findings).toEqual([`OL001 warning ${fake.environmentUrl}`]);
    const message = finding(report, 'OL001').message;
    expect(message).toContain('the connection checks (CR012–CR015) of 4 references');
    expect(message).toContain('admin route was refused');
    expect(target(report, REFS.cds.name)?.connection).toBe('unchecked');
  });
});

describe('online stage: dependencies and definitions', () => {
  it('CR016 and EV006 for missing dependencies the target lacks', async () => {
    fake.state.connectionReferences = [];
    fake.state.variableDefinitions = [];
    const { report, findings } = await run();
    expect(findings).toEqual([
      `CR016 error ${DEPENDENCY_REFERENCE}`,
      `EV006 error ${DEPENDENCY_VARIABLE}`,
    ]);
    expect(finding(report, 'CR016').message).toContain('MissingDependencies');
  });

  it('EV007 for an unmanaged definition in the target', async () => {
    fake.state.variableDefinitions.push({ schemaName: 'contoso_erpsettings', managed: false });
    fake.state.variableDefinitions.push({ schemaName: 'contoso_ApprovalThreshold', managed: true });
    const { report, findings } = await run();
    expect(findings).toEqual(['EV007 warning contoso_ErpSettings']);
    expect(finding(report, 'EV007').location?.file).toContain('contoso_ErpSettings');
  });

  it('runs the dependency checks without settings, and names the missing privilege in OL001', async () => {
    app.privileges = ['prvReadUser', 'prvReadenvironmentvariabledefinition'];
    const { report, findings } = await run(undefined);
    expect(findings).toEqual([`OL001 warning ${fake.environmentUrl}`]);
    const message = finding(report, 'OL001').message;
    expect(message).toContain('prvReadconnectionreference');
    expect(message).toContain(DEPENDENCY_REFERENCE);
  });
});
