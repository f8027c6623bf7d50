// Unit tests of src/github/annotations.ts: findings → annotation properties and the 10-per-type cap.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/model.js';
import { describeMore, planAnnotations, toAnnotation } from '../src/github/annotations.js';

const workspace = join('/', 'repo');
const bases = { cwd: workspace, workspace };

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'CR001',
    severity: 'error',
    message: 'm',
    solution: 'S',
    subject: 'new_ref',
    ...overrides,
  };
}

describe('toAnnotation', () => {
  it('maps file, line and column, and titles with rule id and subject', () => {
    expect(
      toAnnotation(finding({ location: { file: 'a/b.json', line: 3, column: 5 } }), bases),
    ).toEqual({
      kind: 'error',
      message: 'm',
      properties: { title: 'CR001 new_ref', file: 'a/b.json', startLine: 3, startColumn: 5 },
    });
  });

  it('makes paths relative to the workspace when the core worked in another folder', () => {
    const annotation = toAnnotation(
      finding({ location: { file: 'src/Other/Customizations.xml', line: 9 } }),
      {
        cwd: join(workspace, 'apps', 'x'),
        workspace,
      },
    );
    expect(annotation.properties.file).toBe('apps/x/src/Other/Customizations.xml');
  });

  it('annotates the zip for an entry inside it and names the entry in the message', () => {
    const annotation = toAnnotation(
      finding({
        severity: 'warning',
        location: { file: 'dist/Contoso.zip!/customizations.xml', line: 40 },
      }),
      bases,
    );
    expect(annotation).toEqual({
      kind: 'warning',
      message: 'm (in customizations.xml, line 40 inside the zip)',
      properties: { title: 'CR001 new_ref', file: 'dist/Contoso.zip' },
    });
  });

  it('leaves out a file outside the workspace, and names the settings file when it is not the location', () => {
    const annotation = toAnnotation(
      finding({
        severity: 'note',
        location: { file: '../elsewhere/x.xml', line: 1 },
        settings: 'config/Prod/s.json',
      }),
      bases,
    );
    expect(annotation).toEqual({
      kind: 'notice',
      message: 'm [settings: config/Prod/s.json]',
      properties: { title: 'CR001 new_ref' },
    });
  });
});

describe('planAnnotations', () => {
  it('keeps 10 per type, most severe first, and counts the rest', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding({ severity: 'note', subject: `n${i}` })),
      ...Array.from({ length: 11 }, (_, i) => finding({ severity: 'error', subject: `e${i}` })),
    ];
    const plan = planAnnotations(findings, bases);
    expect(plan.annotations.map((a) => a.kind)).toEqual([
      ...Array<string>(10).fill('error'),
      ...Array<string>(10).fill('notice'),
    ]);
    expect(plan.annotations[0]!.properties.title).toBe('CR001 e0');
    expect(plan.more).toEqual({ error: 1, warning: 0, notice: 2 });
    expect(plan.overflow).toEqual(['error CR001 e10: m', 'note CR001 n10: m', 'note CR001 n11: m']);
  });

  it('annotates a finding in the solution once however many settings files were checked', () => {
    const location = { file: 'src/Workflows/Flow.json' };
    const findings = [
      finding({ ruleId: 'CR007', subject: 'Flow', location, settings: 'config/Prod/ds.json' }),
      finding({ ruleId: 'CR007', subject: 'Flow', location, settings: 'config/Test/ds.json' }),
      finding({ ruleId: 'CR001', settings: 'config/Prod/ds.json' }),
      finding({ ruleId: 'CR001', settings: 'config/Test/ds.json' }),
    ];
    const plan = planAnnotations(findings, bases);
    expect(plan.annotations.map((a) => [a.properties.title, a.message])).toEqual([
      ['CR007 Flow', 'm'],
      ['CR001 new_ref', 'm [settings: config/Prod/ds.json]'],
      ['CR001 new_ref', 'm [settings: config/Test/ds.json]'],
    ]);
  });
});

describe('describeMore', () => {
  it.each([
    [{ error: 0, warning: 0, notice: 0 }, ''],
    [{ error: 1, warning: 0, notice: 0 }, '1 more error'],
    [{ error: 3, warning: 1, notice: 0 }, '3 more errors and 1 more warning'],
    [{ error: 2, warning: 2, notice: 5 }, '2 more errors, 2 more warnings and 5 more notes'],
  ] as const)('%j → %j', (more, text) => {
    expect(describeMore(more)).toBe(text);
  });
});
