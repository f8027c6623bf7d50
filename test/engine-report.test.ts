// The engine's report (src/core/engine.ts) from checkSolutions on hand-built solutions: the facts,
// overrides, every (solution, settings file) pair, DS001 and SL001, secrets redacted, the order
// (the same input in any order gives the same bytes), and the verdict at --fail-on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSolutions, exitCodeFor, isFailing, redactSecrets } from '../src/core/engine.js';
import { UsageError } from '../src/core/errors.js';
import { formatJson } from '../src/core/format/json.js';
import { formatText } from '../src/core/format/text.js';
import type { Finding, SolutionReadResult } from '../src/core/model.js';
import {
  API,
  makeCanvasApp,
  makeConnection,
  makeFlow,
  makeReference,
  makeSolution,
  makeVariable,
  settingsJson,
} from './helpers/make-solution.js';
import { unusableSettings, usableSettings } from './helpers/settings.js';

/** Usable settings read from `path`. */
const settings = (path: string, text: string) => usableSettings(text, { path });

const office = makeReference('cr_office', 'shared_office365');
const sql = makeReference('cr_sql', 'shared_sql');
const contoso: SolutionReadResult = {
  ok: true,
  solution: makeSolution({
    path: 'src/Contoso',
    uniqueName: 'Contoso',
    connectionReferences: [sql, office],
    flows: [
      makeFlow('Route', [
        makeConnection('shared_sql', 'CR_SQL'),
        makeConnection('shared_teams', null),
      ]),
      makeFlow('Archive', [makeConnection('shared_sql', 'cr_sql')]),
    ],
    canvasApps: [makeCanvasApp('cr_app', [{ id: `${API}SHARED_OFFICE365` }])],
    environmentVariables: [
      makeVariable('cr_url'),
      makeVariable('cr_limit', 'Number', { defaultValue: '5' }),
    ],
  }),
};
const fabrikam: SolutionReadResult = {
  ok: true,
  solution: makeSolution({
    path: 'src/Fabrikam',
    uniqueName: 'Fabrikam',
    connectionReferences: [makeReference('fab_dv', 'shared_commondataserviceforapps')],
  }),
};
const broken: SolutionReadResult = {
  ok: false,
  unreadable: {
    path: 'drop/Legacy.zip',
    reason: 'drop/Legacy.zip is a legacy export package, not a Dataverse solution',
    location: { file: 'drop/Legacy.zip' },
  },
};

const rulesOf = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${f.subject}`);

describe('checkSolutions', () => {
  it('checks against empty settings when none are given', () => {
    const report = checkSolutions([contoso], []);
    expect(rulesOf(report.findings)).toEqual([
      'CR001 cr_office',
      'CR001 cr_sql',
      'CR007 Route',
      'EV001 cr_url',
    ]);
    expect(report.findings.every((f) => f.settings === undefined && f.solution === 'Contoso')).toBe(
      true,
    );
    expect(report.summary).toEqual({ errors: 4, warnings: 0, notes: 0 });
  });

  it('builds the report facts: bound, usedBy, sorted', () => {
    const text = settingsJson(
      [
        { LogicalName: 'cr_sql', ConnectionId: 'c1' },
        { LogicalName: 'cr_office', ConnectionId: '#{x}#' },
      ],
      [{ SchemaName: 'cr_url', Value: 'https://x' }],
    );
    const report = checkSolutions([contoso], [settings('s.json', text)]);
    const [solution] = report.solutions;
    expect(report.tool.name).toBe('connref-gate');
    expect(solution).toMatchObject({
      path: 'src/Contoso',
      uniqueName: 'Contoso',
      version: '1.0.0.0',
      managed: 'unmanaged',
    });
    expect(solution!.connectionReferences).toEqual([
      {
        logicalName: 'cr_office',
        displayName: 'cr_office display',
        connectorId: `${API}shared_office365`,
        custom: false,
        bound: false,
        usedBy: [{ kind: 'canvasApp', name: 'cr_app' }],
      },
      {
        logicalName: 'cr_sql',
        displayName: 'cr_sql display',
        connectorId: `${API}shared_sql`,
        custom: false,
        bound: true,
        usedBy: [
          { kind: 'flow', name: 'Archive' },
          { kind: 'flow', name: 'Route' },
        ],
      },
    ]);
    expect(solution!.flows.map((f) => f.name)).toEqual(['Archive', 'Route']);
    expect(solution!.flows[1]!.connections).toEqual([
      { key: 'shared_sql', api: 'shared_sql', connectionReference: 'CR_SQL' },
      { key: 'shared_teams', api: 'shared_teams', connectionReference: null },
    ]);
    expect(solution!.canvasApps).toEqual([
      {
        name: 'cr_app',
        displayName: 'cr_app app',
        connectors: [{ id: `${API}SHARED_OFFICE365`, custom: false }],
      },
    ]);
    expect(solution!.environmentVariables).toEqual([
      {
        schemaName: 'cr_limit',
        type: 'Number',
        hasDefault: true,
        hasCurrentValue: false,
        bound: true,
      },
      {
        schemaName: 'cr_url',
        type: 'String',
        hasDefault: false,
        hasCurrentValue: false,
        bound: true,
      },
    ]);
  });

  it('applies overrides: off drops a rule, a severity replaces the rule’s own', () => {
    const text = settingsJson([
      { LogicalName: 'cr_sql', ConnectionId: 'conn-1', ConnectorId: `${API}shared_teams` },
      { LogicalName: 'cr_old', ConnectionId: 'conn-2' },
    ]);
    const input = [settings('s.json', text)];
    const plain = checkSolutions([contoso], input);
    expect(plain.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual([
      'CR001 error',
      'CR003 error',
      'CR007 error',
      'EV001 error',
      'CR004 warning',
    ]);
    const overridden = checkSolutions([contoso], input, {
      cr001: 'off',
      CR003: 'note',
      CR004: 'error',
      EV001: 'warning',
    });
    expect(overridden.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual([
      'CR004 error',
      'CR007 error',
      'EV001 warning',
      'CR003 note',
    ]);
    expect(overridden.summary).toEqual({ errors: 2, warnings: 1, notes: 1 });
    expect(() => checkSolutions([contoso], input, { CR999: 'off' })).toThrow(UsageError);
  });

  it('sorts so that the same input in any order gives the same bytes', () => {
    const test = settings(
      'config/Test.json',
      settingsJson([{ LogicalName: 'cr_sql', ConnectionId: '' }]),
    );
    const prod = settings(
      'config/Prod.json',
      settingsJson([{ LogicalName: 'fab_dv', ConnectionId: 'x' }]),
    );
    const a = checkSolutions([contoso, broken, fabrikam], [test, prod]);
    const b = checkSolutions([fabrikam, contoso, broken], [prod, test]);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.solutions.map((s) => s.path)).toEqual(['src/Contoso', 'src/Fabrikam']);
    const order = a.findings.map((f) => [f.severity, f.solution, f.ruleId, f.subject]);
    const severityRank = { error: 0, warning: 1, note: 2 } as const;
    const sorted = [...order].sort(
      (x, y) =>
        severityRank[x[0] as Finding['severity']] - severityRank[y[0] as Finding['severity']] ||
        (x.slice(1).join('\0') < y.slice(1).join('\0') ? -1 : 1),
    );
    expect(order.map((o) => o.slice(0, 2))).toEqual(sorted.map((o) => o.slice(0, 2)));
  });

  it('runs every (solution, settings file) pair and tags findings with the settings file', () => {
    const test = settings(
      'config/Test.json',
      settingsJson([{ LogicalName: 'cr_sql', ConnectionId: 'x' }]),
    );
    const prod = settings(
      'config/Prod.json',
      settingsJson([
        { LogicalName: 'cr_sql', ConnectionId: 'x' },
        { LogicalName: 'cr_office', ConnectionId: 'y' },
      ]),
    );
    const report = checkSolutions([contoso], [test, prod]);
    expect(report.settingsFiles).toEqual(['config/Prod.json', 'config/Test.json']);
    expect(checkSolutions([contoso], [test]).settingsFiles).toBeUndefined();
    const cr001 = report.findings.filter((f) => f.ruleId === 'CR001');
    expect(cr001.map((f) => [f.subject, f.settings])).toEqual([['cr_office', 'config/Test.json']]);
    // Solution-only findings come once per settings file, each tagged.
    expect(report.findings.filter((f) => f.ruleId === 'CR007').map((f) => f.settings)).toEqual([
      'config/Prod.json',
      'config/Test.json',
    ]);
    // A reference is bound only when every settings file binds it.
    expect(report.solutions[0]!.connectionReferences.map((r) => [r.logicalName, r.bound])).toEqual([
      ['cr_office', false],
      ['cr_sql', true],
    ]);
  });

  it('after DS001 runs only CR006 to CR010', () => {
    const bad = unusableSettings(
      '{\n  "ActivateFlowConfiguration": []\n}',
      'config/customDeploymentSettings.json',
    );
    const solution: SolutionReadResult = {
      ok: true,
      solution: makeSolution({
        connectionReferences: [
          office,
          makeReference('cr_a', 'shared_x', { displayName: 'Same' }),
          makeReference('cr_b', 'shared_x', { displayName: 'Same' }),
        ],
        flows: [
          makeFlow('F', [
            makeConnection('shared_x', 'cr_missing'),
            makeConnection('shared_y', null),
            makeConnection('shared_x', 'cr_a'),
          ]),
        ],
        canvasApps: [
          makeCanvasApp('app', [{ id: `${API}shared_z-5fq-5f0123456789abcdef`, custom: true }]),
        ],
        environmentVariables: [makeVariable('cr_v')],
      }),
    };
    const report = checkSolutions([solution], [bad]);
    expect([...new Set(report.findings.map((f) => f.ruleId))].sort()).toEqual([
      'CR006',
      'CR007',
      'CR008',
      'CR009',
      'CR010',
      'DS001',
    ]);
    const ds001 = report.findings.find((f) => f.ruleId === 'DS001')!;
    expect(ds001).toMatchObject({
      severity: 'error',
      solution: 'Contoso',
      subject: 'customDeploymentSettings.json',
      location: { file: 'config/customDeploymentSettings.json', line: 1, column: 1 },
    });
    expect(ds001.settings).toBeUndefined();
    expect(report.solutions[0]!.connectionReferences.every((r) => !r.bound)).toBe(true);
  });

  it('reports an unreadable solution as SL001 and still checks the others', () => {
    const report = checkSolutions([broken, fabrikam], []);
    expect(report.findings.find((f) => f.ruleId === 'SL001')).toEqual({
      ruleId: 'SL001',
      severity: 'error',
      message: broken.ok ? '' : broken.unreadable.reason,
      solution: 'drop/Legacy.zip',
      subject: 'Legacy.zip',
      location: { file: 'drop/Legacy.zip' },
    });
    // Code-unit order, independent of locale: 'Fabrikam' sorts before 'drop/Legacy.zip'.
    expect(rulesOf(report.findings)).toEqual(['CR001 fab_dv', 'SL001 Legacy.zip', 'CR010 fab_dv']);
    expect(report.solutions.map((s) => s.uniqueName)).toEqual(['Fabrikam']);
  });

  it('redacts secrets from every message as a last line of defence', () => {
    const report = checkSolutions([contoso], [], {}, ['cr_office']);
    const message = report.findings.find((f) => f.subject === 'cr_office')!.message;
    expect(message).not.toContain('cr_office');
    expect(message).toContain('***');
  });
});

describe('solutions that share a unique name', () => {
  it("gives each its own findings in every format; JSON names the solution's path then only", () => {
    // A managed zip beside the unmanaged folder: the same unique name, different files.
    const twin = (path: string, references: ReturnType<typeof makeReference>[]) =>
      ({
        ok: true,
        solution: makeSolution({ path, uniqueName: 'Contoso', connectionReferences: references }),
      }) satisfies SolutionReadResult;
    const report = checkSolutions(
      [twin('drop/Contoso_managed.zip', [office]), twin('src/Contoso', [sql])],
      [],
      { CR010: 'off' },
    );
    expect(report.findings.map((f) => [f.subject, f.solutionPath])).toEqual([
      ['cr_office', 'drop/Contoso_managed.zip'],
      ['cr_sql', 'src/Contoso'],
    ]);
    const text = formatText(report, { color: false });
    const zipBlock = text.slice(
      text.indexOf('drop/Contoso_managed.zip'),
      text.indexOf('src/Contoso'),
    );
    const folderBlock = text.slice(text.indexOf('src/Contoso'));
    expect(zipBlock).toContain('cr_office');
    expect(zipBlock).not.toContain('cr_sql');
    expect(folderBlock).toContain('cr_sql');
    expect(folderBlock).not.toContain('no findings');
    const json = JSON.parse(formatJson(report)) as { findings: { solutionPath?: string }[] };
    expect(json.findings.map((f) => f.solutionPath)).toEqual([
      'drop/Contoso_managed.zip',
      'src/Contoso',
    ]);
    const single = JSON.parse(formatJson(checkSolutions([contoso], []))) as {
      findings: Record<string, unknown>[];
    };
    expect(single.findings.some((f) => 'solutionPath' in f)).toBe(false);
  });
});

describe('report order', () => {
  // The report sorts by case-folded text, then exact text, then the next key, stably. The engine
  // sorts one concatenated key per item natively; this is the comparator it stands for.
  const reference = (flows: { name: string; file: string }[]) =>
    flows
      .map((flow, index) => ({ flow, index }))
      .sort((a, b) => {
        const keys = (f: { name: string; file: string }) => [
          f.name.toLowerCase(),
          f.name,
          f.file.toLowerCase(),
          f.file,
        ];
        const x = keys(a.flow);
        const y = keys(b.flow);
        for (let i = 0; i < x.length; i++) {
          if (x[i]! !== y[i]!) return x[i]! < y[i]! ? -1 : 1;
        }
        return a.index - b.index;
      })
      .map(({ flow }) => `${flow.name}|${flow.file}`);

  it('orders flows by name then file, case-folded first, for any text (NUL and surrogates too)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('a', 'A', 'a\0', 'a\0b', 'ab', 'AB', '\u{1F600}', '\uffff', ''),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ name: text, file: text }), { maxLength: 40 }), (specs) => {
        const flows = specs.map(({ name, file }) => ({ ...makeFlow(name, []), file }));
        const report = checkSolutions([{ ok: true, solution: makeSolution({ flows }) }], []);
        const order = report.solutions[0]!.flows.map((f) => `${f.name}|${f.file}`);
        expect(order).toEqual(reference(specs));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the given order of flows whose name and file are the same (a stable sort)', () => {
    const flows = Array.from({ length: 12 }, (_, i) =>
      makeFlow('Same', [makeConnection(`shared_api${i}`, null)]),
    );
    const report = checkSolutions([{ ok: true, solution: makeSolution({ flows }) }], []);
    expect(report.solutions[0]!.flows.map((f) => f.connections[0]!.api)).toEqual(
      flows.map((_, i) => `shared_api${i}`),
    );
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence, longest secret first', () => {
    expect(redactSecrets('abcdef abcdefghi abcdef', ['abcdef', 'abcdefghi', ''])).toBe(
      '*** *** ***',
    );
    expect(redactSecrets('a.b*c$d a.b*c$d', ['a.b*c$d'])).toBe('*** ***');
    expect(redactSecrets('nothing', [])).toBe('nothing');
  });

  it('leaves secrets too short to mask without mangling the output', () => {
    const json = '{"bound": true, "errors": 5000}';
    expect(redactSecrets(json, ['true', '5000', 'no'])).toBe(json);
  });
});

describe('isFailing and exitCodeFor', () => {
  const none = { errors: 0, warnings: 0, notes: 3 };
  const warnings = { errors: 0, warnings: 1, notes: 0 };
  const errors = { errors: 2, warnings: 0, notes: 0 };
  it.each([
    [none, 'error', false],
    [none, 'warning', false],
    [warnings, 'error', false],
    [warnings, 'warning', true],
    [errors, 'error', true],
    [errors, 'warning', true],
    [errors, 'never', false],
  ] as const)('%j with --fail-on %s fails: %s', (summary, failOn, failing) => {
    expect(isFailing(summary, failOn)).toBe(failing);
    expect(exitCodeFor(summary, failOn)).toBe(failing ? 1 : 0);
  });
});
