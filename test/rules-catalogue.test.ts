// The rule catalogue (SPEC section 2): ids, severities, docs pages and README rows, finding rules
// by id, parsing severity overrides, and the rules the engine makes itself (DS001, SL001).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/core/errors.js';
import type { Rule } from '../src/core/model.js';
import { allRules, findRule, parseRuleOverrides } from '../src/core/rules/index.js';
import { ruleDocsUrl } from '../src/core/version.js';
import { makeSolution, makeVariable } from './helpers/make-solution.js';
import { office, runRule } from './helpers/rules.js';
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
      expect(runRule(rule.meta.id, solution, null)).toEqual([]);
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

describe('DS001 and SL001', () => {
  it('report nothing themselves: the engine makes them from unusable inputs', () => {
    const solution = makeSolution({ connectionReferences: [office] });
    expect(runRule('DS001', solution)).toEqual([]);
    expect(runRule('SL001', solution)).toEqual([]);
  });
});
