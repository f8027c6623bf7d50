// Every case of ../shared/corpus/EXPECTED.json: a real solution, alone or with one of its real
// settings files, must give exactly the expected findings (unique by rule, severity, subject;
// CR009, CR010 and CR011 are not listed there) and exactly the expected unused references (the
// subjects of the CR010 notes).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import { corpusDir, expectedCases, hasCorpus } from './helpers/corpus.js';

const UNLISTED_RULES = new Set(['CR009', 'CR010', 'CR011']);

function key(finding: { ruleId: string; severity: string; subject: string }): string {
  return `${finding.ruleId} ${finding.severity} ${finding.subject}`;
}

describe.skipIf(!hasCorpus)('corpus findings (EXPECTED.json)', () => {
  const cases = expectedCases();

  it('covers every pairing of a solution and its real settings files', () => {
    expect(cases.filter((c) => c.settings !== null).length).toBeGreaterThanOrEqual(19);
  });

  it.each(cases.map((c) => [`${c.solution} + ${c.settings ?? '(no settings)'}`, c] as const))(
    '%s',
    async (_name, expected) => {
      const { report } = await check({
        solutions: [join(corpusDir, expected.solution)],
        settings: expected.settings ? [join(corpusDir, expected.settings)] : [],
        cwd: corpusDir,
      });
      const actual = [
        ...new Set(report.findings.filter((f) => !UNLISTED_RULES.has(f.ruleId)).map(key)),
      ].sort();
      expect(actual).toEqual(expected.findings.map(key).sort());
      const unused = [
        ...new Set(report.findings.filter((f) => f.ruleId === 'CR010').map((f) => f.subject)),
      ].sort();
      expect(unused).toEqual([...expected.unusedConnectionReferences].sort());
    },
  );
});
