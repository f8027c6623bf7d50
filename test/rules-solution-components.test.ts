// The rules that judge the solution's own components, without settings: CR006 to CR010.
import { describe, expect, it } from 'vitest';
import {
  API,
  makeCanvasApp,
  makeConnection,
  makeFlow,
  makeReference,
  makeSolution,
  missingReference,
} from './helpers/make-solution.js';
import { office, runRule } from './helpers/rules.js';

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
    const reports = runRule('CR006', solution, null);
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
    expect(runRule('CR006', solution)).toEqual([]);
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
    const reports = runRule('CR007', solution, null);
    expect(reports).toMatchObject([
      { subject: 'Sync', location: { file: 'src/Contoso/Workflows/Sync-0000.json' } },
    ]);
    expect(reports[0]!.message).toContain('shared_sql and shared_office365 directly');
  });

  it('does not fire for flows without connections or only references', () => {
    const solution = makeSolution({
      flows: [makeFlow('Empty', []), makeFlow('Clean', [makeConnection('shared_sql', 'cr_sql')])],
    });
    expect(runRule('CR007', solution)).toEqual([]);
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
    const reports = runRule('CR008', solution, null);
    expect(reports.map((r) => r.subject)).toEqual(['cr715_posts_bc759', 'cr715_posts_bc759']);
    expect(reports[0]!.message).toContain('InstagramPost');
    expect(reports[0]!.message).toContain('unmanaged layer');
  });

  it('does not fire for standard connectors', () => {
    const solution = makeSolution({
      canvasApps: [makeCanvasApp('app', [{ id: `${API}shared_sql` }])],
    });
    expect(runRule('CR008', solution)).toEqual([]);
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
    const reports = runRule('CR009', solution, null);
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
    expect(runRule('CR009', solution)).toEqual([]);
  });
});

describe('CR010 unused connection reference', () => {
  const sql = makeReference('cr_sql', 'shared_sql');
  const forApp = makeReference('cr_app', 'shared_office365users');

  it('fires for a reference no flow or app uses', () => {
    const solution = makeSolution({ connectionReferences: [office, sql] });
    expect(runRule('CR010', solution, null).map((r) => r.subject)).toEqual(['cr_office', 'cr_sql']);
  });

  it('does not fire when a flow names it or an app uses its connector', () => {
    const solution = makeSolution({
      connectionReferences: [sql, forApp],
      flows: [makeFlow('F', [makeConnection('shared_sql', 'CR_SQL')])],
      canvasApps: [
        makeCanvasApp('app', [{ id: '/providers/microsoft.powerapps/apis/shared_Office365Users' }]),
      ],
    });
    expect(runRule('CR010', solution)).toEqual([]);
  });
});
