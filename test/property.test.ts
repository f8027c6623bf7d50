// Property-based tests (fast-check): the settings parser and the solution readers never throw,
// never hang and never answer with more than one line, whatever bytes a pull request holds.
// PROPERTY_RUNS raises the number of cases (e.g. PROPERTY_RUNS=2000 for a long local run).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import {
  formatPullRequestComment,
  formatReport,
  OUTPUT_FORMATS,
} from '../src/core/format/index.js';
import type { SolutionReadResult } from '../src/core/model.js';
import { DEFAULT_LIMITS } from '../src/core/options.js';
import { parseSettings } from '../src/core/settings.js';
import { findSolutions } from '../src/core/solution/discovery.js';
import { readSolution } from '../src/core/solution/reader.js';
import { ZipArchive, ZipFormatError } from '../src/core/zip.js';
import { applyByteMutations, byteMutations, spliceText } from './helpers/hostile-mutations.js';
import {
  copyExample,
  exampleSolution,
  expectOneLine,
  removeTempDirs,
  repoRoot,
  solutionEntries,
  tempDir,
  zipSolutionFiles,
} from './helpers/hostile-solution.js';
import { buildZip } from './helpers/hostile-zip.js';

afterAll(removeTempDirs);

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 100);
/** fast-check fails a case that takes longer than this (ms). */
const CASE_TIMEOUT = 3_000;
const PATH = 'config/deploymentSettings.json';

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

function expectSettingsVerdict(result: ReturnType<typeof parseSettings>): void {
  if ('unusable' in result) {
    expectOneLine(result.unusable.reason);
    expect(result.unusable.reason).toContain('deploymentSettings.json');
    expect(result.unusable.path).toBe(PATH);
    return;
  }
  for (const entry of result.settings.connectionReferences) {
    expect(typeof entry.logicalName).toBe('string');
    expect(entry.connectionId === null || typeof entry.connectionId === 'string').toBe(true);
  }
  for (const entry of result.settings.environmentVariables) {
    expect(typeof entry.schemaName).toBe('string');
    expect(entry.value === null || typeof entry.value === 'string').toBe(true);
  }
}

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}

describe('property: the settings parser', () => {
  const env = fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 30 }), {
    maxKeys: 5,
  });

  it('never throws on arbitrary text, lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300, unit: codeUnit }),
          fc.string({ maxLength: 300, unit: 'binary' }),
          fc.string({
            maxLength: 300,
            unit: fc.constantFrom(...'{}[]",:\\ u0123456789aeflnrstu-+.'),
          }),
        ),
        env,
        (text, environment) => {
          expectSettingsVerdict(parseSettings(Buffer.from(text), PATH, environment));
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });

  it('never throws on arbitrary bytes, with or without a BOM', () => {
    const bom = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
    fc.assert(
      fc.property(bom, fc.uint8Array({ maxLength: 300 }), (prefix, bytes) => {
        expectSettingsVerdict(parseSettings(Buffer.concat([Buffer.from(prefix), bytes]), PATH));
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('gives a settings file or one DS001 line for every shape a JSON value can take', () => {
    const slot = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.string({ maxLength: 20 }),
      fc.constant(null),
    );
    const entry = fc.record(
      {
        LogicalName: slot,
        SchemaName: slot,
        ConnectionId: slot,
        ConnectorId: slot,
        Value: slot,
        __proto__: slot,
        constructor: slot,
      },
      { requiredKeys: [] },
    );
    const section = fc.oneof(fc.array(fc.oneof(entry, slot), { maxLength: 4 }), slot);
    const settings = fc.oneof(
      fc.record(
        { ConnectionReferences: section, EnvironmentVariables: section, extra: slot },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 4 }),
    );
    fc.assert(
      fc.property(settings, env, (value, environment) => {
        const text = JSON.stringify(value) ?? 'null';
        expectSettingsVerdict(parseSettings(Buffer.from(text), PATH, environment));
        expectNoPollution();
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('never throws on mutations of a real settings file', () => {
    const text = readFileSync(
      join(repoRoot, 'examples/contoso-invoices/config/Test/deploymentSettings.json'),
      'utf8',
    );
    fc.assert(
      fc.property(spliceText(text), env, (mutated, environment) => {
        expectSettingsVerdict(parseSettings(Buffer.from(mutated), PATH, environment));
        expectNoPollution();
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

describe('property: the zip reader', () => {
  const bases: Buffer[] = [];
  beforeAll(async () => {
    bases.push(buildZip(solutionEntries()));
    bases.push(
      buildZip(
        solutionEntries().map((e) => ({ ...e, zip64: true })),
        { zip64: true },
      ),
    );
    bases.push(buildZip(solutionEntries().map((e) => ({ ...e, method: 0 }))));
    const zip = new JSZip();
    for (const [name, content] of Object.entries(zipSolutionFiles())) zip.file(name, content);
    bases.push(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  });

  it('throws nothing but ZipFormatError on mutated zips, and reads within the limits', async () => {
    const dir = tempDir();
    const path = join(dir, 'S.zip');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 }), byteMutations, async (base, mutations) => {
        writeFileSync(path, applyByteMutations(bases[base]!, mutations));
        let archive: ZipArchive | undefined;
        try {
          archive = await ZipArchive.open(path, DEFAULT_LIMITS);
          for (const entry of archive.entries) {
            try {
              const data = archive.read(entry);
              expect(data.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxEntryBytes);
            } catch (error) {
              if (!(error instanceof ZipFormatError)) throw error;
              expectOneLine(error.message.replace(/\n/g, ''));
            }
          }
        } catch (error) {
          if (!(error instanceof ZipFormatError)) throw error;
        } finally {
          await archive?.close();
        }
      }),
      { numRuns: RUNS * 3, timeout: CASE_TIMEOUT },
    );
  });
});

function expectReadVerdict(result: SolutionReadResult): void {
  if (!result.ok) {
    expectOneLine(result.unreadable.reason);
    expect(result.unreadable.location.file.length).toBeGreaterThan(0);
  }
}

describe('property: readSolution', () => {
  it('is ok or SL001 for mutated solution zips', async () => {
    const dir = tempDir();
    const path = join(dir, 'S.zip');
    const base = buildZip(solutionEntries());
    await fc.assert(
      fc.asyncProperty(byteMutations, async (mutations) => {
        writeFileSync(path, applyByteMutations(base, mutations));
        const [target] = await findSolutions(['S.zip'], dir);
        expectReadVerdict(await readSolution(target!, DEFAULT_LIMITS));
      }),
      { numRuns: RUNS * 3, timeout: CASE_TIMEOUT },
    );
  });

  it('is ok or SL001 for mutated XML and JSON in an unpacked folder', async () => {
    const dir = tempDir();
    const root = copyExample(dir);
    const files: string[] = [];
    const walk = (folder: string) => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(relative(exampleSolution, path));
      }
    };
    walk(exampleSolution);
    const originals = new Map(
      files.map((f) => [f, readFileSync(join(exampleSolution, f), 'utf8')]),
    );
    const mutation = fc
      .constantFrom(...files)
      .chain((file) => spliceText(originals.get(file)!).map((text) => ({ file, text })));
    await fc.assert(
      fc.asyncProperty(mutation, fc.boolean(), async ({ file, text }, utf16) => {
        const path = join(root, file);
        writeFileSync(
          path,
          utf16 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : text,
        );
        try {
          const [target] = await findSolutions(['solution'], dir);
          expectReadVerdict(await readSolution(target!, DEFAULT_LIMITS));
          expectNoPollution();
        } finally {
          writeFileSync(path, originals.get(file)!);
        }
      }),
      { numRuns: RUNS * 3, timeout: CASE_TIMEOUT },
    );
  });
});

describe('property: the whole check', () => {
  it('never throws, and every format renders, for a mutated solution with mutated settings', async () => {
    const dir = tempDir();
    const root = copyExample(dir);
    const customizations = readFileSync(join(root, 'Other/Customizations.xml'), 'utf8');
    const settings = readFileSync(
      join(repoRoot, 'examples/contoso-invoices/config/Test/deploymentSettings.json'),
      'utf8',
    );
    await fc.assert(
      fc.asyncProperty(spliceText(customizations), spliceText(settings), async (xml, json) => {
        writeFileSync(join(root, 'Other/Customizations.xml'), xml);
        writeFileSync(join(dir, 'settings.json'), json);
        const result = await check({
          solutions: ['solution'],
          settings: ['settings.json'],
          cwd: dir,
          env: { 'connectionreference.contoso_sharedcommondataserviceforapps_7f3a1': 'abc123' },
        });
        for (const finding of result.report.findings) {
          if (finding.ruleId === 'SL001' || finding.ruleId === 'DS001')
            expectOneLine(finding.message);
        }
        for (const format of OUTPUT_FORMATS) {
          expect(typeof formatReport(result.report, format)).toBe('string');
        }
        expect(typeof formatPullRequestComment(result.report, { failOn: 'error' })).toBe('string');
        expectNoPollution();
      }),
      { numRuns: RUNS, timeout: CASE_TIMEOUT },
    );
  });
});
