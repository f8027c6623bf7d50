import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSolutions } from '../src/core/solution/discovery.js';
import { readSolution } from '../src/core/solution/reader.js';
import { DEFAULT_LIMITS } from '../src/core/options.js';
import { reportSolution } from '../src/core/report-facts.js';
import { corpusDir, expectedCases, hasCorpus } from './helpers/corpus.js';

const withoutSettings = expectedCases().filter((c) => c.settings === null);

describe.skipIf(!hasCorpus)('corpus facts (EXPECTED.json)', () => {
  it.each(withoutSettings.map((c) => [c.solution, c] as const))('%s', async (_name, expected) => {
    const targets = await findSolutions([join(corpusDir, expected.solution)], corpusDir);
    expect(targets).toHaveLength(expected.facts.length);
    const results = await Promise.all(targets.map((t) => readSolution(t, DEFAULT_LIMITS)));
    results.forEach((result, index) => {
      const facts = expected.facts[index]!;
      if (facts.unreadable) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.unreadable.reason).toMatch(/legacy export package/);
        return;
      }
      if (!result.ok) throw new Error(result.unreadable.reason);
      const solution = result.solution;
      expect(solution.uniqueName).toBe(facts.uniqueName);
      expect(solution.connectionReferences.map((r) => r.logicalName).sort()).toEqual(
        [...facts.connectionReferences].sort(),
      );
      expect(solution.flows).toHaveLength(facts.flows);
      const connections = solution.flows
        .flatMap((f) => f.connections.map((c) => [c.api, c.connectionReference]))
        .map((pair) => JSON.stringify(pair))
        .sort();
      expect(connections).toEqual(facts.flowConnections.map((pair) => JSON.stringify(pair)).sort());
      expect(solution.canvasApps).toHaveLength(facts.canvasApps);
      expect(
        solution.canvasApps
          .filter((a) => a.connectors.some((c) => c.custom))
          .map((a) => a.name)
          .sort(),
      ).toEqual([...facts.canvasAppsWithCustomConnectors].sort());
      expect(solution.environmentVariables.map((v) => v.schemaName).sort()).toEqual(
        [...facts.environmentVariables].sort(),
      );
      // Agents as EXPECTED counts them: those with a bots/<schema>/bot.xml.
      expect(
        solution.agents
          .filter((a) => a.location !== undefined)
          .map((a) => a.schemaName)
          .sort(),
      ).toEqual([...facts.agents].sort());
      expect(
        reportSolution(solution, [])
          .connectionReferences.filter((r) => r.usedBy.some((u) => u.kind === 'agent'))
          .map((r) => r.logicalName)
          .sort(),
      ).toEqual([...facts.agentConnectionReferences].sort());
    });
  });
});
