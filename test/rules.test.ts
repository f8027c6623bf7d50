import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/core/errors.js';
import type { Rule, RuleReport, SettingsFile, Solution } from '../src/core/model.js';
import { allRules, findRule, parseRuleOverrides } from '../src/core/rules/index.js';
import { emptySettings, parseSettings } from '../src/core/settings.js';
import { ruleDocsUrl } from '../src/core/version.js';
import {
  API,
  makeCanvasApp,
  makeConnection,
  makeFlow,
  makeReference,
  makeSolution,
  makeVariable,
  missingReference,
  settingsJson,
} from './helpers/make-solution.js';

function settingsFrom(text: string, env: Record<string, string> = {}): SettingsFile {
  const result = parseSettings(new TextEncoder().encode(text), 'deploymentSettings.json', env);
  if ('unusable' in result) throw new Error(result.unusable.reason);
  return result.settings;
}

/** Runs one rule; `settings` text is parsed, undefined means no settings file, null unusable. */
function run(
  id: string,
  solution: Solution,
  settings?: string | SettingsFile | null,
): RuleReport[] {
  const rule = findRule(id)!;
  const reports: RuleReport[] = [];
  rule.check({
    solution,
    settings:
      settings === null
        ? null
        : settings === undefined
          ? emptySettings()
          : typeof settings === 'string'
            ? settingsFrom(settings)
            : settings,
    report: (r) => reports.push(r),
  });
  return reports;
}

const office = makeReference('cr_office', 'shared_office365');
const teams = makeReference('cr_teams', 'shared_teams');
const bound = (name: string, api = 'shared_office365', id = 'conn-1') => ({
  LogicalName: name,
  ConnectionId: id,
  ConnectorId: API + api,
});

describe('rule catalogue', () => {
  it('has the rules of SPEC section 2 (online ones included) and CR011 in id order, with complete meta', () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(ids).toEqual([
      'CR001',
      'CR002',
      'CR003',
      'CR004',
      'CR005',
      'CR006',
      'CR007',
      'CR008',
      'CR009',
      'CR010',
      'CR011',
      'CR012',
      'CR013',
      'CR014',
      'CR015',
      'CR016',
      'DS001',
      'EV001',
      'EV002',
      'EV003',
      'EV004',
      'EV005',
      'EV006',
      'EV007',
      'OL001',
      'SL001',
    ]);
    for (const { meta } of allRules) {
      expect(meta.docsUrl).toBe(ruleDocsUrl(meta.id));
      expect(meta.name).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(meta.description).not.toMatch(/\n/);
      expect(meta.details.length).toBeGreaterThan(meta.description.length);
    }
  });

  it('has the default severities of SPEC section 2', () => {
    const severities = Object.fromEntries(allRules.map((r) => [r.meta.id, r.meta.defaultSeverity]));
    expect(severities).toEqual({
      CR001: 'error',
      CR002: 'error',
      CR003: 'error',
      CR004: 'warning',
      CR005: 'error',
      CR006: 'error',
      CR007: 'error',
      CR008: 'error',
      CR009: 'warning',
      CR010: 'note',
      CR011: 'warning',
      CR012: 'error',
      CR013: 'error',
      CR014: 'warning',
      CR015: 'error',
      CR016: 'error',
      DS001: 'error',
      EV001: 'error',
      EV002: 'error',
      EV003: 'error',
      EV004: 'warning',
      EV005: 'error',
      EV006: 'error',
      EV007: 'warning',
      OL001: 'warning',
      SL001: 'error',
    });
  });

  it('only CR006 to CR010, the online rules that read no settings, and the engine-made DS001, SL001 run without usable settings', () => {
    const without = allRules.filter((r) => !r.meta.needsSettings).map((r) => r.meta.id);
    expect(without).toEqual([
      'CR006',
      'CR007',
      'CR008',
      'CR009',
      'CR010',
      'CR016',
      'DS001',
      'EV006',
      'EV007',
      'OL001',
      'SL001',
    ]);
  });

  it('has a docs page per rule, titled with its description, and a README table row', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    // Cells trimmed, so the check survives a table reformatted with padding.
    const tableRows = readme
      .split('\n')
      .filter((line) => line.startsWith('| ['))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    for (const { meta } of allRules) {
      const page = readFileSync(new URL(`../docs/rules/${meta.id}.md`, import.meta.url), 'utf8');
      expect(page.split('\n')[0]).toBe(`# ${meta.id}: ${meta.description}`);
      expect(page).toContain(`Default severity: **${meta.defaultSeverity}**`);
      expect(page).toContain(`--rule ${meta.id}=`);
      expect(tableRows).toContainEqual([
        `[${meta.id}](docs/rules/${meta.id}.md)`,
        meta.defaultSeverity,
        meta.description,
      ]);
    }
  });

  it('finds rules by id in any casing', () => {
    expect(findRule('cr001')?.meta.id).toBe('CR001');
    expect(findRule(' ev005 ')?.meta.id).toBe('EV005');
    expect(findRule('XX001')).toBeUndefined();
  });

  it('rules that need settings report nothing when handed unusable settings', () => {
    const solution = makeSolution({
      connectionReferences: [office],
      environmentVariables: [makeVariable('cr_v')],
    });
    for (const rule of allRules.filter((r: Rule) => r.meta.needsSettings)) {
      expect(run(rule.meta.id, solution, null)).toEqual([]);
    }
  });
});

describe('parseRuleOverrides', () => {
  it('reads ID=severity lines, commas, comments and blank lines', () => {
    expect(
      parseRuleOverrides(['cr010=OFF', '# comment\n\nCR009 = note, EV004=error # why', '  ']),
    ).toEqual({ CR010: 'off', CR009: 'note', EV004: 'error' });
    expect(parseRuleOverrides([])).toEqual({});
  });

  it.each([
    ['CR999=off', /unknown rule id "CR999"/],
    ['CR001=fatal', /bad severity "fatal".*use error, warning, note or off/],
    ['CR001', /not of the form ID=error\|warning\|note\|off/],
    ['CR001=', /not of the form/],
  ])('rejects %j with one clear line', (entry, message) => {
    expect(() => parseRuleOverrides([entry])).toThrow(UsageError);
    expect(() => parseRuleOverrides([entry])).toThrow(message);
    try {
      parseRuleOverrides([entry]);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

describe('CR001 unbound connection reference', () => {
  const solution = makeSolution({ connectionReferences: [office, teams] });

  it('fires for every reference without settings', () => {
    const reports = run('CR001', solution);
    expect(reports.map((r) => r.subject)).toEqual(['cr_office', 'cr_teams']);
    expect(reports[0]!.location).toEqual(office.location);
    expect(reports[0]!.message).toContain('none was given or found for this solution');
  });

  it('fires for a missing entry, an empty and a missing ConnectionId, at the entry', () => {
    const text = settingsJson([
      { LogicalName: 'CR_OFFICE', ConnectionId: '  ' },
      { LogicalName: 'cr_teams' },
    ]);
    const reports = run('CR001', solution, text);
    expect(reports.map((r) => [r.subject, r.location?.line])).toEqual([
      ['cr_office', 3],
      ['cr_teams', 4],
    ]);
    expect(reports[0]!.message).toContain('an empty ConnectionId');
    expect(reports[1]!.message).toContain('no ConnectionId');
    expect(
      run('CR001', solution, settingsJson([bound('cr_office')])).map((r) => r.subject),
    ).toEqual(['cr_teams']);
  });

  it('does not fire when every reference has a ConnectionId (names compare case-insensitively)', () => {
    expect(run('CR001', solution, settingsJson([bound('CR_Office'), bound('cr_teams')]))).toEqual(
      [],
    );
  });

  it('leaves a placeholder ConnectionId to CR002', () => {
    const text = settingsJson([
      { LogicalName: 'cr_office', ConnectionId: '#{x}#' },
      { LogicalName: 'cr_teams', ConnectionId: '$(y)' },
    ]);
    expect(run('CR001', solution, text)).toEqual([]);
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
    const reports = run('CR002', solution, text);
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
    const settings = settingsFrom(text, { CONNECTIONREFERENCE_CR_OFFICE: 'guid' });
    expect(run('CR002', solution, settings)).toEqual([]);
  });

  it('does not print anything of a partly substituted (secret) value', () => {
    const settings = settingsFrom(
      settingsJson([{ LogicalName: 'cr_office', ConnectionId: '#{a}#-#{b}#' }]),
      {
        a: 'TOPSECRET',
      },
    );
    const [report] = run('CR002', solution, settings);
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
    const [report, ...rest] = run(
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
    expect(run('CR003', solution, text)).toMatchObject([
      { subject: 'cr_graph', severity: 'warning' },
    ]);
    const other = settingsJson([bound('cr_graph', 'shared_cat-5fother-5f0123456789abcdef')]);
    expect(run('CR003', solution, other)).toMatchObject([{ severity: 'error' }]);
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
    expect(run('CR003', solution, text)).toEqual([]);
    expect(
      run('CR003', solution, settingsJson([{ LogicalName: 'cr_office', ConnectorId: null }])),
    ).toEqual([]);
  });
});

describe('CR004 stale connection reference entry', () => {
  const solution = makeSolution({ connectionReferences: [office] });

  it('fires once per stale name', () => {
    const text = settingsJson([bound('cr_office'), bound('cr_old'), bound('CR_OLD')]);
    expect(run('CR004', solution, text)).toMatchObject([
      { subject: 'cr_old', location: { line: 4 } },
    ]);
  });

  it('does not fire for entries the solution defines', () => {
    expect(run('CR004', solution, settingsJson([bound('CR_OFFICE')]))).toEqual([]);
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
    const reports = run('CR005', solution, text);
    expect(reports).toMatchObject([{ subject: 'cr_office', location: { line: 5 } }]);
    expect(reports[0]!.message).toContain('3 entries');
    expect(reports[0]!.message).toContain('lines 3, 5, 6');
  });

  it('does not fire for distinct names', () => {
    expect(run('CR005', solution, settingsJson([bound('cr_office'), bound('cr_teams')]))).toEqual(
      [],
    );
  });
});

describe('CR006 flow uses an undefined connection reference', () => {
  const flows = [
    makeFlow('Flow A', [
      makeConnection('shared_office365', 'cr_office'),
      makeConnection('shared_sql', 'cr_sql'),
    ]),
    makeFlow('Flow B', [
      makeConnection('shared_sql', 'CR_SQL'),
      makeConnection('shared_dv', 'cr_dv'),
    ]),
  ];

  it('fires once per undefined reference; warning when listed under MissingDependencies', () => {
    const solution = makeSolution({
      connectionReferences: [office],
      flows,
      missingDependencies: [missingReference('CR_DV')],
    });
    const reports = run('CR006', solution, null);
    expect(reports.map((r) => [r.subject, r.severity])).toEqual([
      ['cr_sql', 'error'],
      ['cr_dv', 'warning'],
    ]);
    expect(reports[0]!.message).toContain('Flows Flow A and Flow B use connection reference');
    expect(reports[0]!.location).toEqual(flows[0]!.location);
  });

  it('does not fire when the solution defines the reference (any casing)', () => {
    const solution = makeSolution({
      connectionReferences: [
        office,
        makeReference('Cr_Sql', 'shared_sql'),
        makeReference('cr_dv', 'shared_dv'),
      ],
      flows,
    });
    expect(run('CR006', solution)).toEqual([]);
  });
});

describe('CR007 direct connection', () => {
  it('fires once per flow with direct connections', () => {
    const solution = makeSolution({
      flows: [
        makeFlow('Sync', [
          makeConnection('shared_sql', null),
          makeConnection('shared_office365', null, 'k2'),
        ]),
        makeFlow('Clean', [makeConnection('shared_sql', 'cr_sql')]),
      ],
    });
    const reports = run('CR007', solution, null);
    expect(reports).toMatchObject([
      { subject: 'Sync', location: { file: 'src/Contoso/Workflows/Sync-0000.json' } },
    ]);
    expect(reports[0]!.message).toContain('shared_sql and shared_office365 directly');
  });

  it('does not fire for flows without connections or only references', () => {
    const solution = makeSolution({
      flows: [makeFlow('Empty', []), makeFlow('Clean', [makeConnection('shared_sql', 'cr_sql')])],
    });
    expect(run('CR007', solution)).toEqual([]);
  });
});

describe('CR008 canvas app uses a custom connector', () => {
  it('fires once per app and custom connector', () => {
    const instagram = `${API}shared_cr715-5finstagrampost-5f70b18ed495d69cb6`;
    const solution = makeSolution({
      canvasApps: [
        makeCanvasApp('cr715_posts_bc759', [
          { id: instagram, custom: true, displayName: 'InstagramPost' },
          { id: instagram.toLowerCase(), custom: true },
          { id: `${API}shared_azuredevops-5fx-5f0123456789abcdef`, custom: true },
          { id: `${API}shared_office365` },
        ]),
        makeCanvasApp('cr715_other', [{ id: `${API}shared_office365` }]),
      ],
    });
    const reports = run('CR008', solution, null);
    expect(reports.map((r) => r.subject)).toEqual(['cr715_posts_bc759', 'cr715_posts_bc759']);
    expect(reports[0]!.message).toContain('InstagramPost');
    expect(reports[0]!.message).toContain('unmanaged layer');
  });

  it('does not fire for standard connectors', () => {
    const solution = makeSolution({
      canvasApps: [makeCanvasApp('app', [{ id: `${API}shared_sql` }])],
    });
    expect(run('CR008', solution)).toEqual([]);
  });
});

describe('CR009 duplicate display name', () => {
  it('fires for every reference that shares a display name', () => {
    const solution = makeSolution({
      connectionReferences: [
        makeReference('cr_a', 'shared_sql', { displayName: 'SQL' }),
        makeReference('cr_b', 'shared_sql', { displayName: ' sql ' }),
        makeReference('cr_c', 'shared_sql', { displayName: 'SQL 2' }),
      ],
    });
    const reports = run('CR009', solution, null);
    expect(reports.map((r) => r.subject)).toEqual(['cr_a', 'cr_b']);
    expect(reports[0]!.message).toContain('cr_b');
  });

  it('does not fire for distinct or empty display names', () => {
    const solution = makeSolution({
      connectionReferences: [
        makeReference('cr_a', 'shared_sql', { displayName: '' }),
        makeReference('cr_b', 'shared_sql', { displayName: '' }),
        makeReference('cr_c', 'shared_sql', { displayName: 'C' }),
      ],
    });
    expect(run('CR009', solution)).toEqual([]);
  });
});

describe('CR010 unused connection reference', () => {
  const sql = makeReference('cr_sql', 'shared_sql');
  const forApp = makeReference('cr_app', 'shared_office365users');

  it('fires for a reference no flow or app uses', () => {
    const solution = makeSolution({ connectionReferences: [office, sql] });
    expect(run('CR010', solution, null).map((r) => r.subject)).toEqual(['cr_office', 'cr_sql']);
  });

  it('does not fire when a flow names it or an app uses its connector', () => {
    const solution = makeSolution({
      connectionReferences: [sql, forApp],
      flows: [makeFlow('F', [makeConnection('shared_sql', 'CR_SQL')])],
      canvasApps: [
        makeCanvasApp('app', [{ id: '/providers/microsoft.powerapps/apis/shared_Office365Users' }]),
      ],
    });
    expect(run('CR010', solution)).toEqual([]);
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
    const reports = run('CR011', solution, withId(id));
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
    expect(run('CR011', solution, withId(id))).toEqual([]);
  });

  it('leaves empty ids to CR001, placeholders to CR002 and stale entries to CR004', () => {
    expect(run('CR011', solution, withId(''))).toEqual([]);
    expect(run('CR011', solution, withId(null))).toEqual([]);
    expect(run('CR011', solution, withId('#{connection.office}#'))).toEqual([]);
    expect(run('CR011', solution, withId('$(Office Connection)'))).toEqual([]);
    const stale = settingsJson([{ LogicalName: 'cr_other', ConnectionId: 'Contoso Outlook' }]);
    expect(run('CR011', solution, stale)).toEqual([]);
  });

  it('checks a substituted value without printing it or its odd character', () => {
    const text = withId('#{OFFICE}#');
    const settings = settingsFrom(text, { OFFICE: 'owner-secret@contoso.com' });
    const reports = run('CR011', solution, settings);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.message).toMatch(/e-mail address/);
    expect(reports[0]!.message).not.toContain('owner-secret');
    const odd = run('CR011', solution, settingsFrom(text, { OFFICE: 'abc123;x' }));
    expect(odd[0]!.message).toMatch(/holds a character/);
    expect(odd[0]!.message).not.toContain(';');
  });
});

describe('EV001 environment variable without value', () => {
  const solution = makeSolution({
    environmentVariables: [
      makeVariable('cr_none'),
      makeVariable('cr_default', 'String', { defaultValue: 'x' }),
      makeVariable('cr_current', 'String', { currentValue: 'y' }),
      makeVariable('cr_emptydefault', 'String', { defaultValue: '' }),
    ],
  });

  it('fires without settings for variables with neither default nor current value', () => {
    expect(run('EV001', solution).map((r) => r.subject)).toEqual(['cr_none', 'cr_emptydefault']);
  });

  it('fires for a null Value, at the entry', () => {
    const text = settingsJson(
      [],
      [
        { SchemaName: 'cr_none', Value: null },
        { SchemaName: 'cr_emptydefault', Value: 'v' },
      ],
    );
    expect(run('EV001', solution, text)).toMatchObject([
      { subject: 'cr_none', location: { line: 5 } },
    ]);
  });

  it('does not fire for "" (EV002 reports it) nor for a placeholder (CR002 reports it)', () => {
    const text = settingsJson(
      [],
      [
        { SchemaName: 'CR_NONE', Value: '' },
        { SchemaName: 'cr_emptydefault', Value: '#{v}#' },
      ],
    );
    expect(run('EV001', solution, text)).toEqual([]);
  });
});

describe('EV002 empty environment variable value', () => {
  const solution = makeSolution({
    environmentVariables: [
      makeVariable('cr_a', 'String', { defaultValue: 'd' }),
      makeVariable('cr_b'),
    ],
  });

  it('fires for "" even when the variable has a default (untouched create-settings output)', () => {
    const text = settingsJson(
      [],
      [
        { SchemaName: 'cr_a', Value: '' },
        { SchemaName: 'cr_b', Value: '' },
      ],
    );
    const reports = run('EV002', solution, text);
    expect(reports.map((r) => [r.subject, r.location?.line])).toEqual([
      ['cr_a', 5],
      ['cr_b', 6],
    ]);
    expect(reports[0]!.message).toContain('remove the entry');
    expect(reports[1]!.message).not.toContain('remove the entry');
  });

  it('does not fire for a value, null, or a stale entry', () => {
    const text = settingsJson(
      [],
      [
        { SchemaName: 'cr_a', Value: 'x' },
        { SchemaName: 'cr_b', Value: null },
        { SchemaName: 'cr_gone', Value: '' },
      ],
    );
    expect(run('EV002', solution, text)).toEqual([]);
  });
});

describe('EV003 environment variable type mismatch', () => {
  const solution = makeSolution({
    environmentVariables: [
      makeVariable('cr_num', 'Number'),
      makeVariable('cr_bool', 'Boolean'),
      makeVariable('cr_json', 'JSON'),
      makeVariable('cr_secret', 'Secret'),
      makeVariable('cr_text', 'String'),
    ],
  });

  it.each([
    ['cr_num', 'twelve', 'not a decimal number ("twelve")'],
    ['cr_num', '1,5', 'not a decimal number'],
    ['cr_bool', 'maybe', 'not yes, no, true or false'],
    ['cr_json', '{"a": }', 'not valid JSON (line 1, column 7'],
    ['cr_secret', 'hunter2', 'not an Azure Key Vault secret reference'],
  ])('fires for %s = %j', (schemaName, value, problem) => {
    const reports = run(
      'EV003',
      solution,
      settingsJson([], [{ SchemaName: schemaName, Value: value }]),
    );
    expect(reports).toMatchObject([{ subject: schemaName, location: { line: 5 } }]);
    expect(reports[0]!.message).toContain(problem);
  });

  it('never quotes a Secret variable value or a substituted value', () => {
    const [secret] = run(
      'EV003',
      solution,
      settingsJson([], [{ SchemaName: 'cr_secret', Value: 'hunter2' }]),
    );
    expect(secret!.message).not.toContain('hunter2');
    const settings = settingsFrom(settingsJson([], [{ SchemaName: 'cr_num', Value: '$(n)' }]), {
      n: 'NaNsecret',
    });
    const [number] = run('EV003', solution, settings);
    expect(number!.message).not.toContain('NaNsecret');
  });

  it.each([
    ['cr_num', '12'],
    ['cr_num', '-3.25'],
    ['cr_bool', 'Yes'],
    ['cr_bool', 'FALSE'],
    ['cr_json', '{"a": [1, 2]}'],
    [
      'cr_secret',
      '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv/secrets/pw',
    ],
    ['cr_text', 'anything'],
    ['cr_num', ''],
    ['cr_num', '#{count}#'],
    ['cr_unknown', 'x'],
  ])('does not fire for %s = %j', (schemaName, value) => {
    expect(
      run('EV003', solution, settingsJson([], [{ SchemaName: schemaName, Value: value }])),
    ).toEqual([]);
  });
});

describe('EV004 stale environment variable entry', () => {
  const solution = makeSolution({ environmentVariables: [makeVariable('cr_a')] });

  it('fires once per stale name', () => {
    const text = settingsJson(
      [],
      [
        { SchemaName: 'cr_a', Value: 'x' },
        { SchemaName: 'cr_gone', Value: 'x' },
        { SchemaName: 'CR_GONE', Value: '' },
      ],
    );
    expect(run('EV004', solution, text)).toMatchObject([
      { subject: 'cr_gone', location: { line: 6 } },
    ]);
  });

  it('does not fire for defined variables (any casing)', () => {
    expect(run('EV004', solution, settingsJson([], [{ SchemaName: 'CR_A', Value: 'x' }]))).toEqual(
      [],
    );
  });
});

describe('EV005 duplicate environment variable entry', () => {
  const solution = makeSolution({ environmentVariables: [makeVariable('cr_a')] });

  it('fires once per duplicated name', () => {
    const text = settingsJson(
      [],
      [
        { SchemaName: 'cr_a', Value: 'x' },
        { SchemaName: 'CR_A', Value: 'y' },
      ],
    );
    expect(run('EV005', solution, text)).toMatchObject([
      { subject: 'cr_a', location: { line: 6 } },
    ]);
  });

  it('does not fire for one entry per name', () => {
    expect(run('EV005', solution, settingsJson([], [{ SchemaName: 'cr_a', Value: 'x' }]))).toEqual(
      [],
    );
  });
});

describe('settings findings point at the key at fault', () => {
  // The layout pac solution create-settings writes: one key per line.
  const pac = (
    references: Record<string, string | null>[],
    variables: Record<string, string | null>[] = [],
  ) => {
    const entry = (fields: Record<string, string | null>) =>
      `    {\n${Object.entries(fields)
        .map(([key, value]) => `      ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
        .join(',\n')}\n    }`;
    const list = (entries: Record<string, string | null>[]) =>
      entries.length === 0 ? '' : `${entries.map(entry).join(',\n')}\n`;
    return `{\n  "EnvironmentVariables": [\n${list(variables)}  ],\n  "ConnectionReferences": [\n${list(references)}  ]\n}\n`;
  };
  const at = (line: number, column: number) => ({ file: 'deploymentSettings.json', line, column });
  const locations = (id: string, solution: Solution, settings: string) =>
    run(id, solution, settings).map((r) => [r.subject, r.location]);

  it('CR001, CR002, CR003 and CR011 at the ConnectionId or ConnectorId key', () => {
    const solution = makeSolution({ connectionReferences: [office] });
    // Lines: 1 {, 2-3 variables, 4 "ConnectionReferences", 5 {, 6 LogicalName, 7 ConnectionId, 8 ConnectorId.
    const entry = (id: string, api = 'shared_office365') => ({
      LogicalName: 'cr_office',
      ConnectionId: id,
      ConnectorId: API + api,
    });
    expect(locations('CR001', solution, pac([entry('')]))).toEqual([['cr_office', at(7, 7)]]);
    expect(locations('CR002', solution, pac([entry('#{Office.Id}#')]))).toEqual([
      ['cr_office', at(7, 7)],
    ]);
    expect(locations('CR011', solution, pac([entry('Office connection')]))).toEqual([
      ['cr_office', at(7, 7)],
    ]);
    expect(locations('CR003', solution, pac([entry('conn-1', 'shared_teams')]))).toEqual([
      ['cr_office', at(8, 7)],
    ]);
    // No ConnectionId key at all: the entry's LogicalName.
    expect(
      locations('CR001', solution, pac([{ LogicalName: 'cr_office', ConnectorId: null }])),
    ).toEqual([['cr_office', at(6, 7)]]);
  });

  it('CR002, EV001, EV002 and EV003 at the Value key', () => {
    const variables = [makeVariable('cr_text'), makeVariable('cr_count', 'Number')];
    const solution = makeSolution({ environmentVariables: variables });
    // Lines: 1 {, 2 "EnvironmentVariables", 3 {, 4 SchemaName, 5 Value, 6 }, 7 {, 8 SchemaName, 9 Value.
    const settings = (text: string | null, count: string | null) =>
      pac(
        [],
        [
          { SchemaName: 'cr_text', Value: text },
          { SchemaName: 'cr_count', Value: count },
        ],
      );
    expect(locations('EV002', solution, settings('', '1'))).toEqual([['cr_text', at(5, 7)]]);
    expect(locations('EV003', solution, settings('x', 'many'))).toEqual([['cr_count', at(9, 7)]]);
    expect(locations('CR002', solution, settings('$(Text)', '1'))).toEqual([['cr_text', at(5, 7)]]);
    expect(locations('EV001', solution, settings(null, '1'))).toEqual([['cr_text', at(5, 7)]]);
  });

  it('CR004, CR005, EV004 and EV005, about a whole entry, at its LogicalName or SchemaName', () => {
    const solution = makeSolution({
      connectionReferences: [office],
      environmentVariables: [makeVariable('cr_text')],
    });
    const settings = pac(
      [bound('cr_office'), bound('cr_office'), bound('cr_old')],
      [
        { SchemaName: 'cr_text', Value: 'a' },
        { SchemaName: 'cr_text', Value: 'b' },
        { SchemaName: 'cr_gone', Value: 'c' },
      ],
    );
    // Entries of 4 lines (their names on the second): variables from line 3, references from 17.
    expect(locations('EV005', solution, settings)).toEqual([['cr_text', at(8, 7)]]);
    expect(locations('EV004', solution, settings)).toEqual([['cr_gone', at(12, 7)]]);
    expect(locations('CR005', solution, settings)).toEqual([['cr_office', at(23, 7)]]);
    expect(locations('CR004', solution, settings)).toEqual([['cr_old', at(28, 7)]]);
  });
});

describe('DS001 and SL001', () => {
  it('report nothing themselves: the engine makes them from unusable inputs', () => {
    const solution = makeSolution({ connectionReferences: [office] });
    expect(run('DS001', solution)).toEqual([]);
    expect(run('SL001', solution)).toEqual([]);
  });
});
