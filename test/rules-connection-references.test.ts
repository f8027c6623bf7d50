// The rules that judge the settings file's connection reference entries: CR001 to CR005 and CR011
// (CR002, unresolved placeholders, judges environment variable values as well).
import { describe, expect, it } from 'vitest';
import {
  API,
  makeReference,
  makeSolution,
  makeVariable,
  settingsJson,
} from './helpers/make-solution.js';
import { bound, office, runRule, teams } from './helpers/rules.js';
import { usableSettings } from './helpers/settings.js';

describe('CR001 unbound connection reference', () => {
  const solution = makeSolution({ connectionReferences: [office, teams] });

  it('fires for every reference without settings', () => {
    const reports = runRule('CR001', solution);
    expect(reports.map((r) => r.subject)).toEqual(['cr_office', 'cr_teams']);
    expect(reports[0]!.location).toEqual(office.location);
    expect(reports[0]!.message).toContain('none was given or found for this solution');
  });

  it('says when an empty element names no connector, and when another solution brings it', () => {
    const empty = makeReference('crdfa_agent.cr.HBw34vrT', 'shared_x');
    empty.connectorId = '';
    const other = makeReference('crdfa_orphan', 'shared_x');
    other.connectorId = '';
    const withEmpty = makeSolution({
      connectionReferences: [empty, other, office],
      missingDependencies: [{ kind: 'connectionreference', name: 'CRDFA_AGENT.cr.HBw34vrT' }],
    });
    const [agent, orphan, plain] = runRule('CR001', withEmpty);
    for (const report of [agent!, orphan!]) {
      expect(report.message).toContain('(connector unknown)');
      expect(report.message).toContain('"ConnectorId": "<the id of its connector>"');
      expect(report.message).not.toContain('"ConnectorId": ""');
    }
    expect(agent!.message).toContain(
      'Its element in the solution names no connector, and solution.xml lists it under MissingDependencies',
    );
    expect(orphan!.message).toMatch(/Its element in the solution names no connector\.$/);
    expect(plain!.message).not.toContain('names no connector');
  });

  it('fires for a missing entry, an empty and a missing ConnectionId, at the entry', () => {
    const text = settingsJson([
      { LogicalName: 'CR_OFFICE', ConnectionId: '  ' },
      { LogicalName: 'cr_teams' },
    ]);
    const reports = runRule('CR001', solution, text);
    expect(reports.map((r) => [r.subject, r.location?.line])).toEqual([
      ['cr_office', 3],
      ['cr_teams', 4],
    ]);
    expect(reports[0]!.message).toContain('an empty ConnectionId');
    expect(reports[1]!.message).toContain('no ConnectionId');
    expect(
      runRule('CR001', solution, settingsJson([bound('cr_office')])).map((r) => r.subject),
    ).toEqual(['cr_teams']);
  });

  it('does not fire when every reference has a ConnectionId (names compare case-insensitively)', () => {
    expect(
      runRule('CR001', solution, settingsJson([bound('CR_Office'), bound('cr_teams')])),
    ).toEqual([]);
  });

  it('leaves a placeholder ConnectionId to CR002', () => {
    const text = settingsJson([
      { LogicalName: 'cr_office', ConnectionId: '#{x}#' },
      { LogicalName: 'cr_teams', ConnectionId: '$(y)' },
    ]);
    expect(runRule('CR001', solution, text)).toEqual([]);
  });
});

describe('CR002 unresolved placeholder', () => {
  const solution = makeSolution({
    connectionReferences: [office],
    environmentVariables: [makeVariable('cr_url'), makeVariable('cr_count', 'Number')],
  });

  it('fires for a ConnectionId and a Value still holding a placeholder', () => {
    const text = settingsJson(
      [{ LogicalName: 'cr_office', ConnectionId: '#{connectionreference.cr_office}#' }],
      [
        { SchemaName: 'cr_url', Value: 'https://@@host@@/x' },
        { SchemaName: 'cr_count', Value: '${{ variables.count }}' },
      ],
    );
    const reports = runRule('CR002', solution, text);
    expect(reports.map((r) => [r.subject, r.location?.line])).toEqual([
      ['cr_office', 3],
      ['cr_url', 6],
      ['cr_count', 7],
    ]);
    expect(reports[0]!.message).toContain('#{connectionreference.cr_office}#');
    expect(reports[0]!.message).toContain('CONNECTIONREFERENCE_CR_OFFICE');
  });

  it('does not fire once the placeholder was substituted, nor for stale entries', () => {
    const text = settingsJson(
      [
        { LogicalName: 'cr_office', ConnectionId: '#{connectionreference.cr_office}#' },
        { LogicalName: 'cr_stale', ConnectionId: '#{x}#' },
      ],
      [{ SchemaName: 'cr_gone', Value: '__x__' }],
    );
    const settings = usableSettings(text, { env: { CONNECTIONREFERENCE_CR_OFFICE: 'guid' } });
    expect(runRule('CR002', solution, settings)).toEqual([]);
  });

  it('does not print anything of a partly substituted (secret) value', () => {
    const settings = usableSettings(
      settingsJson([{ LogicalName: 'cr_office', ConnectionId: '#{a}#-#{b}#' }]),
      { env: { a: 'TOPSECRET' } },
    );
    const [report] = runRule('CR002', solution, settings);
    expect(report!.message).not.toContain('TOPSECRET');
    expect(report!.message).not.toContain('#{b}#');
  });
});

describe('CR003 connector mismatch', () => {
  const custom = makeReference(
    'cr_graph',
    'shared_cat-5fmicrosoft-20graph-20mailboxsetting-5f21dec655d73f3a8c',
    { custom: true },
  );
  const solution = makeSolution({ connectionReferences: [office, custom] });

  it('fires as an error when the settings name another connector', () => {
    const [report, ...rest] = runRule(
      'CR003',
      solution,
      settingsJson([bound('cr_office', 'shared_teams')]),
    );
    expect(rest).toEqual([]);
    expect(report).toMatchObject({
      subject: 'cr_office',
      severity: 'error',
      location: { line: 3 },
    });
    expect(report!.message).toContain('shared_teams');
    expect(report!.message).toContain('shared_office365');
  });

  it('is a warning when custom connector ids differ only in the environment hash', () => {
    const text = settingsJson([
      bound('cr_graph', 'shared_cat-5FMicrosoft-20graph-20mailboxsetting-5f0123456789abcdef'),
    ]);
    expect(runRule('CR003', solution, text)).toMatchObject([
      { subject: 'cr_graph', severity: 'warning' },
    ]);
    const other = settingsJson([bound('cr_graph', 'shared_cat-5fother-5f0123456789abcdef')]);
    expect(runRule('CR003', solution, other)).toMatchObject([{ severity: 'error' }]);
  });

  it('does not fire for the same connector in another casing, or an empty or missing ConnectorId', () => {
    const text = settingsJson([
      {
        LogicalName: 'cr_office',
        ConnectionId: '1',
        ConnectorId: '/providers/microsoft.powerapps/apis/SHARED_OFFICE365',
      },
      { LogicalName: 'cr_graph', ConnectionId: '2', ConnectorId: '' },
    ]);
    expect(runRule('CR003', solution, text)).toEqual([]);
    expect(
      runRule('CR003', solution, settingsJson([{ LogicalName: 'cr_office', ConnectorId: null }])),
    ).toEqual([]);
  });
});

describe('CR004 stale connection reference entry', () => {
  const solution = makeSolution({ connectionReferences: [office] });

  it('fires once per stale name', () => {
    const text = settingsJson([bound('cr_office'), bound('cr_old'), bound('CR_OLD')]);
    expect(runRule('CR004', solution, text)).toMatchObject([
      { subject: 'cr_old', location: { line: 4 } },
    ]);
  });

  it('does not fire for entries the solution defines', () => {
    expect(runRule('CR004', solution, settingsJson([bound('CR_OFFICE')]))).toEqual([]);
  });
});

describe('CR005 duplicate connection reference entry', () => {
  const solution = makeSolution({ connectionReferences: [office, teams] });

  it('fires once per duplicated name, at the second entry', () => {
    const text = settingsJson([
      bound('cr_office'),
      bound('cr_teams'),
      bound('CR_Office'),
      bound('cr_office'),
    ]);
    const reports = runRule('CR005', solution, text);
    expect(reports).toMatchObject([{ subject: 'cr_office', location: { line: 5 } }]);
    expect(reports[0]!.message).toContain('3 entries');
    expect(reports[0]!.message).toContain('lines 3, 5, 6');
  });

  it('does not fire for distinct names', () => {
    expect(
      runRule('CR005', solution, settingsJson([bound('cr_office'), bound('cr_teams')])),
    ).toEqual([]);
  });
});

describe('CR011 implausible connection id', () => {
  const solution = makeSolution({ connectionReferences: [office] });
  const withId = (id: string | null) =>
    settingsJson([
      { LogicalName: 'cr_office', ConnectionId: id, ConnectorId: API + 'shared_office365' },
    ]);

  it.each([
    ['https://make.powerapps.com/environments/x/connections', /is a URL/],
    ['www.contoso.com', /is a URL/],
    [
      '/providers/Microsoft.PowerApps/apis/shared_office365/connections/4a1e6c0b5f2d4e8a9b7c3d2e1f0a9b8c',
      /resource path; use only its last segment/,
    ],
    ['/providers/Microsoft.PowerApps/apis/shared_office365', /is a connector id/],
    ['svc-flows@contoso.com', /is an e-mail address/],
    [' 4a1e6c0b5f2d4e8a9b7c3d2e1f0a9b8c', /spaces or line breaks around it/],
    ['Contoso Outlook (service account)', /display name/],
    ['4a1e6c0b\t5f2d4e8a', /whitespace inside/],
    ['4a1e6c0b5f2d4e8a9b7c3d2e1f0a9b8c;', /holds ';'/],
    ['Ünïcode123', /holds 'Ü'/],
    ['shared_office365', /is a connector name/],
    ['shared_commondataserviceforapps', /is a connector name/],
    ['ContosoOutlook', /has no digit/],
  ])('fires for %j, with the reason and at the entry', (id, reason) => {
    const reports = runRule('CR011', solution, withId(id));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ subject: 'cr_office', location: { line: 3 } });
    expect(reports[0]!.message).toMatch(reason);
    expect(reports[0]!.message).toContain('pac connection list');
    // The value itself is never printed.
    if (id.length > 1) expect(reports[0]!.message).not.toContain(id.trim());
  });

  it.each([
    '4a1e6c0b5f2d4e8a9b7c3d2e1f0a9b8c',
    '7C1D2E3F-4A5B-6C7D-8E9F-0A1B2C3D4E5F',
    'shared-sharepointonl-7c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f',
    'shared-office365-0f1e2d3c-4b5a-6978-8a9b-c0d1e2f3a4b5',
    'shared-cat-5fmicrosoft-2-7c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f',
    'canary-9f8e7d',
    'conn-1',
  ])('does not fire for the real-looking id %j (near miss)', (id) => {
    expect(runRule('CR011', solution, withId(id))).toEqual([]);
  });

  it('leaves empty ids to CR001, placeholders to CR002 and stale entries to CR004', () => {
    expect(runRule('CR011', solution, withId(''))).toEqual([]);
    expect(runRule('CR011', solution, withId(null))).toEqual([]);
    expect(runRule('CR011', solution, withId('#{connection.office}#'))).toEqual([]);
    expect(runRule('CR011', solution, withId('$(Office Connection)'))).toEqual([]);
    const stale = settingsJson([{ LogicalName: 'cr_other', ConnectionId: 'Contoso Outlook' }]);
    expect(runRule('CR011', solution, stale)).toEqual([]);
  });

  it('checks a substituted value without printing it or its odd character', () => {
    const text = withId('#{OFFICE}#');
    const settings = usableSettings(text, { env: { OFFICE: 'owner-secret@contoso.com' } });
    const reports = runRule('CR011', solution, settings);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.message).toMatch(/e-mail address/);
    expect(reports[0]!.message).not.toContain('owner-secret');
    const odd = runRule('CR011', solution, usableSettings(text, { env: { OFFICE: 'abc123;x' } }));
    expect(odd[0]!.message).toMatch(/holds a character/);
    expect(odd[0]!.message).not.toContain(';');
  });
});
