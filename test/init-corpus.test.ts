// Round trips of `init` over the real solutions and settings files in ../shared/corpus (read-only:
// every file is written under os.tmpdir()).
import { copyFileSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import { init } from '../src/core/init.js';
import { findRule } from '../src/core/rules/index.js';
import { removeTempDirs, tempDir } from './cli-fixtures.js';
import { corpusDir, expectedCases, hasCorpus } from './helpers/corpus.js';

afterEach(removeTempDirs);

/** Every readable solution of EXPECTED.json that is one solution. */
function corpusSolutions(): string[] {
  const solutions = new Set<string>();
  for (const c of expectedCases()) {
    if (c.facts.length === 1 && c.facts[0]!.uniqueName !== undefined) solutions.add(c.solution);
  }
  return [...solutions].sort();
}

/** Every real `config/<env>/deploymentSettings.json` with the solution next to it. */
function realSettingsFiles(): { settings: string; solution: string }[] {
  if (!hasCorpus) return [];
  const found: { settings: string; solution: string }[] = [];
  for (const kit of readdirSync(corpusDir).filter((d) => d.startsWith('powercat-'))) {
    for (const solution of readdirSync(join(corpusDir, kit))) {
      const config = join(corpusDir, kit, solution, 'config');
      if (!existsSync(config)) continue;
      for (const env of readdirSync(config).sort()) {
        const file = join(config, env, 'deploymentSettings.json');
        if (existsSync(file)) {
          found.push({
            settings: `${kit}/${solution}/config/${env}/deploymentSettings.json`,
            solution: `${kit}/${solution}/src`,
          });
        }
      }
    }
  }
  return found;
}

type Entry = Record<string, unknown>;

function entriesByName(json: Record<string, unknown>, section: string, key: string) {
  const entries = (json[section] as Entry[] | undefined) ?? [];
  return new Map(entries.map((entry) => [String(entry[key]).toLowerCase(), entry]));
}

describe.skipIf(!hasCorpus)('init round trips over the corpus', () => {
  const solutions = corpusSolutions();
  const settingsFiles = realSettingsFiles();

  it('finds the corpus solutions and the 18 real settings files', () => {
    expect(solutions.length).toBeGreaterThanOrEqual(40);
    expect(settingsFiles).toHaveLength(18);
  });

  it.each(solutions)(
    'fresh init on %s, then check: only CR001 and EV001 from the settings rules; a second init is a no-op',
    async (solution) => {
      const cwd = tempDir();
      const absSolution = join(corpusDir, solution);
      const first = await init({ solution: [absSolution], settings: ['ds.json'], cwd });
      expect(first.files[0]).toMatchObject({ status: 'created', written: true });
      const bytes = readFileSync(join(cwd, 'ds.json'));

      const { report } = await check({ solutions: [absSolution], settings: ['ds.json'], cwd });
      const fromSettings = report.findings.filter((f) => findRule(f.ruleId)!.meta.needsSettings);
      for (const finding of fromSettings) expect(['CR001', 'EV001']).toContain(finding.ruleId);
      // Every reference is unbound (ConnectionId ""); a variable is EV001 only without a value.
      const solutionFacts = report.solutions[0]!;
      expect(fromSettings.filter((f) => f.ruleId === 'CR001')).toHaveLength(
        new Set(solutionFacts.connectionReferences.map((r) => r.logicalName.toLowerCase())).size,
      );
      expect(
        fromSettings
          .filter((f) => f.ruleId === 'EV001')
          .map((f) => f.subject)
          .sort(),
      ).toEqual(
        solutionFacts.environmentVariables
          .filter((v) => !v.hasDefault && !v.hasCurrentValue)
          .map((v) => v.schemaName)
          .sort(),
      );

      const second = await init({ solution: [absSolution], settings: ['ds.json'], cwd });
      expect(second.files[0]).toMatchObject({ status: 'unchanged', written: false });
      expect(readFileSync(join(cwd, 'ds.json')).equals(bytes)).toBe(true);
    },
  );

  it.each(settingsFiles.map((f) => [f.settings, f] as const))(
    'init on the real %s keeps every value and extra key; a second init is byte-identical',
    async (_name, { settings, solution }) => {
      const cwd = tempDir();
      copyFileSync(join(corpusDir, settings), join(cwd, 'deploymentSettings.json'));
      const beforeText = readFileSync(join(cwd, 'deploymentSettings.json'), 'utf8');
      const before = JSON.parse(beforeText) as Record<string, unknown>;

      const result = await init({ solution: [join(corpusDir, solution)], cwd });
      const file = result.files[0]!;
      expect(file.status).not.toBe('unusable');
      const afterText = readFileSync(join(cwd, 'deploymentSettings.json'), 'utf8');
      const after = JSON.parse(afterText) as Record<string, unknown>;

      // Top-level keys other than the two sections are untouched.
      for (const key of Object.keys(before)) {
        if (key !== 'EnvironmentVariables' && key !== 'ConnectionReferences') {
          expect(after[key]).toEqual(before[key]);
        }
      }
      for (const [section, key, kind] of [
        ['ConnectionReferences', 'LogicalName', 'connectionReferences'],
        ['EnvironmentVariables', 'SchemaName', 'environmentVariables'],
      ] as const) {
        const old = entriesByName(before, section, key);
        const now = entriesByName(after, section, key);
        const removed = new Set(file.removed[kind].map((n) => n.toLowerCase()));
        const added = new Set(file.added[kind].map((n) => n.toLowerCase()));
        for (const [name, entry] of old) {
          // Every value, ConnectionOwner included, is kept unless the solution dropped the entry.
          if (removed.has(name)) expect(now.has(name)).toBe(false);
          else expect(now.get(name)).toEqual(entry);
        }
        for (const name of added) {
          expect(old.has(name)).toBe(false);
          const entry = now.get(name)!;
          expect(entry[section === 'ConnectionReferences' ? 'ConnectionId' : 'Value']).toBe(
            section === 'ConnectionReferences' ? '' : null,
          );
        }
        expect(now.size).toBe(old.size - removed.size + added.size);
      }
      // The PowerShell layout is kept: the unchanged start of the file is byte-identical.
      expect(afterText.slice(0, afterText.indexOf('['))).toBe(
        beforeText.slice(0, beforeText.indexOf('[')),
      );
      expect(afterText.endsWith('}')).toBe(beforeText.endsWith('}'));

      const bytes = readFileSync(join(cwd, 'deploymentSettings.json'));
      const second = await init({ solution: [join(corpusDir, solution)], cwd });
      expect(second.files[0]!.status).toBe('unchanged');
      expect(readFileSync(join(cwd, 'deploymentSettings.json')).equals(bytes)).toBe(true);
    },
  );
});
