#!/usr/bin/env node
// Generates Dataverse solutions shaped like real exports, for the benchmark (scripts/bench.mjs)
// and the tests (test/bench.test.ts). Plain ESM with JSDoc types so both can import it without a
// build step; the types for TypeScript callers are in generate-solution.d.mts.
//
// Shapes follow ../shared/FORMAT-NOTES.md: an exported zip (root solution.xml, customizations.xml
// holding <Workflows>, <CanvasApps> and <connectionreferences>, Workflows/*.json, CanvasApps/*.msapp,
// environmentvariabledefinitions/<schema>/…, [Content_Types].xml), the same solution in
// SolutionPackager layout (Other/Solution.xml, Other/Customizations.xml with empty <Workflows />,
// Workflows/*.json + .json.data.xml, CanvasApps/*.meta.xml), and a pac deployment-settings file
// that binds every connection reference and environment variable.
//
// Everything is deterministic for a given seed: names and GUIDs come from a seeded PRNG, media is
// an AES-CTR keystream keyed by the seed (incompressible and fast), zip timestamps are fixed.
// Zips are written by a small streaming writer on node:zlib: media is STOREd, the rest deflated.
//
// This file is the entry point (API and command line); the work is in scripts/generate/: model.mjs
// (the solution's content), templates.mjs (the files' text), layouts.mjs (zip, folder, settings),
// zip.mjs, random.mjs, agents.mjs.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeExportZip, writeSettingsFile, writeUnpackedFolder } from './generate/layouts.mjs';
import { buildSolutionModel } from './generate/model.mjs';
import { MiB } from './generate/random.mjs';

export { generateAgentSolution } from './generate/agents.mjs';
export { MiB, seededBytes } from './generate/random.mjs';

/** Bumped whenever the output for the same options changes (invalidates bench caches). */
export const GENERATOR_VERSION = 1;

/**
 * @typedef {object} SolutionOptions
 * @property {string} [uniqueName] Solution unique name. Default 'ConnrefBenchLarge'.
 * @property {number} [seed] PRNG seed. Default 1.
 * @property {number} [poolSeed] Seed for connection-reference and environment-variable identities
 *   (logical names, connectors). Solutions generated with the same poolSeed and counts share them,
 *   so one settings file binds them all. Default: seed.
 * @property {number} [flows] Cloud flows. Default 2000.
 * @property {number} [connectionReferences] `<connectionreference>` elements. Default 500.
 * @property {number} [canvasApps] Canvas apps. Default 20.
 * @property {number} [mediaBytesPerApp] Size of each app's .msapp (incompressible). Default 10 MiB.
 * @property {number} [environmentVariables] Environment variable definitions. Default 100.
 * @property {string} [zipPath] Write the exported zip here.
 * @property {string} [unpackedDir] Write the SolutionPackager layout into this folder (emptied first).
 * @property {string} [settingsPath] Write the deployment-settings JSON here.
 */

/**
 * @typedef {object} GeneratedSolution
 * @property {string} uniqueName
 * @property {string} [zipPath]
 * @property {string} [unpackedDir]
 * @property {string} [settingsPath]
 * @property {{flows: number, utf16Flows: number, flowConnections: number, connectionReferences: number,
 *   canvasApps: number, environmentVariables: number, environmentVariableValues: number,
 *   mediaBytes: number}} counts
 * @property {string[]} zipEntries Entry names of the zip, in order.
 * @property {string[]} unpackedFiles Files of the unpacked folder, relative, forward slashes, sorted.
 * @property {string[]} connectionReferenceNames
 * @property {string[]} environmentVariableNames
 * @property {DeploymentSettings} settings
 */

/**
 * @typedef {object} DeploymentSettings
 * @property {{SchemaName: string, Value: string}[]} EnvironmentVariables
 * @property {{LogicalName: string, ConnectionId: string, ConnectorId: string}[]} ConnectionReferences
 */

/**
 * Generates one solution (zip and/or unpacked folder and/or settings file).
 * @param {SolutionOptions} options
 * @returns {GeneratedSolution}
 */
export function generateSolution(options) {
  const model = buildSolutionModel(options);
  /** @type {GeneratedSolution} */
  const result = {
    uniqueName: model.uniqueName,
    counts: model.counts,
    zipEntries: [],
    unpackedFiles: [],
    connectionReferenceNames: model.refs.map((r) => r.logicalName),
    environmentVariableNames: model.vars.map((v) => v.schemaName),
    settings: model.settings,
  };
  if (options.zipPath) {
    result.zipPath = resolve(options.zipPath);
    result.zipEntries = writeExportZip(model, result.zipPath);
  }
  if (options.unpackedDir) {
    result.unpackedDir = resolve(options.unpackedDir);
    result.unpackedFiles = writeUnpackedFolder(model, result.unpackedDir);
  }
  if (options.settingsPath) {
    result.settingsPath = resolve(options.settingsPath);
    writeSettingsFile(result.settingsPath, result.settings);
  }
  return result;
}

/**
 * @typedef {object} SolutionSetOptions
 * @property {string} outDir Emptied first. Solutions go to `<outDir>/solutions/`, settings to `<outDir>/settings.json`.
 * @property {number} [count] Solutions. Default 50.
 * @property {number} [seed] Default 1000.
 * @property {number} [flows] Flows of the largest; the others have up to 20 % fewer. Default 100.
 * @property {number} [connectionReferences] Default 30 (the same 30 in every solution).
 * @property {number} [canvasApps] Default 2.
 * @property {number} [mediaBytesPerApp] Default 1 MiB.
 * @property {number} [environmentVariables] Default 10 (shared).
 */

/**
 * @typedef {object} GeneratedSolutionSet
 * @property {string} dir the folder that holds every solution (pass it as one --solution)
 * @property {string} settingsPath one settings file that binds every solution
 * @property {{path: string, kind: 'zip' | 'folder', flows: number}[]} solutions
 * @property {string} largestZip path of the largest zip solution
 * @property {string} largestFolder path of the largest unpacked solution
 */

/**
 * A monorepo-like folder of medium solutions: even ones as zips, odd ones unpacked. They share
 * their connection references and environment variables, so one settings file binds them all.
 * @param {SolutionSetOptions} options
 * @returns {GeneratedSolutionSet}
 */
export function generateSolutionSet(options) {
  const outDir = resolve(options.outDir);
  const count = options.count ?? 50;
  const seed = options.seed ?? 1000;
  const maxFlows = options.flows ?? 100;
  rmSync(outDir, { recursive: true, force: true });
  const dir = join(outDir, 'solutions');
  mkdirSync(dir, { recursive: true });
  /** @type {GeneratedSolutionSet['solutions']} */
  const solutions = [];
  /** @type {GeneratedSolution | undefined} */
  let first;
  for (let i = 0; i < count; i++) {
    const name = `medium-${String(i).padStart(2, '0')}`;
    const flows = Math.max(1, Math.round(maxFlows * (1 - 0.04 * (Math.floor(i / 2) % 6))));
    const kind = i % 2 === 0 ? 'zip' : 'folder';
    const path = kind === 'zip' ? join(dir, `${name}.zip`) : join(dir, name);
    const generated = generateSolution({
      uniqueName: `ConnrefBenchMedium${String(i).padStart(2, '0')}`,
      seed: seed + i,
      poolSeed: seed,
      flows,
      connectionReferences: options.connectionReferences ?? 30,
      canvasApps: options.canvasApps ?? 2,
      mediaBytesPerApp: options.mediaBytesPerApp ?? MiB,
      environmentVariables: options.environmentVariables ?? 10,
      ...(kind === 'zip' ? { zipPath: path } : { unpackedDir: path }),
    });
    first ??= generated;
    solutions.push({ path, kind, flows });
  }
  const settingsPath = join(outDir, 'settings.json');
  writeSettingsFile(settingsPath, first?.settings ?? {});
  const largest = (/** @type {'zip' | 'folder'} */ kind) =>
    solutions.filter((s) => s.kind === kind).reduce((a, b) => (b.flows > a.flows ? b : a)).path;
  return {
    dir,
    settingsPath,
    solutions,
    largestZip: largest('zip'),
    largestFolder: count > 1 ? largest('folder') : largest('zip'),
  };
}

/**
 * Runs `make` once per key: output under `dir` is reused while `<dir>/.complete` holds the same key.
 * @template T
 * @param {string} dir
 * @param {unknown} key options that determine the output
 * @param {() => T} make
 * @returns {{result: T, reused: boolean}}
 */
export function cached(dir, key, make) {
  const stamp = JSON.stringify({ generator: GENERATOR_VERSION, key });
  const marker = join(dir, '.complete');
  if (existsSync(marker)) {
    try {
      const saved = JSON.parse(readFileSync(marker, 'utf8'));
      if (saved.stamp === stamp) return { result: saved.result, reused: true };
    } catch {
      // fall through and regenerate
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = make();
  writeFileSync(marker, JSON.stringify({ stamp, result }));
  return { result, reused: false };
}

// ---------------------------------------------------------------------------------------------
// Command line: node scripts/generate-solution.mjs --out DIR [--flows N] [--refs N] [--apps N]
//   [--media-mib N] [--vars N] [--seed N] [--set N]

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const value = (/** @type {string} */ flag) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const out = value('--out');
  if (!out) {
    console.error(
      'usage: node scripts/generate-solution.mjs --out DIR [--flows N] [--refs N] [--apps N] [--media-mib N] [--vars N] [--seed N] [--set COUNT]',
    );
    process.exit(2);
  }
  const num = (/** @type {string} */ flag) =>
    value(flag) === undefined ? undefined : Number(value(flag));
  const started = Date.now();
  const shape = {
    flows: num('--flows'),
    connectionReferences: num('--refs'),
    canvasApps: num('--apps'),
    mediaBytesPerApp:
      num('--media-mib') === undefined ? undefined : Number(num('--media-mib')) * MiB,
    environmentVariables: num('--vars'),
    seed: num('--seed'),
  };
  if (value('--set') !== undefined) {
    const set = generateSolutionSet({ ...shape, outDir: out, count: num('--set') });
    console.log(
      JSON.stringify(
        { ...set, solutions: set.solutions.length, ms: Date.now() - started },
        null,
        2,
      ),
    );
  } else {
    const generated = generateSolution({
      ...shape,
      zipPath: join(out, 'solution.zip'),
      unpackedDir: join(out, 'unpacked'),
      settingsPath: join(out, 'settings.json'),
    });
    console.log(
      JSON.stringify(
        {
          zipPath: generated.zipPath,
          unpackedDir: generated.unpackedDir,
          settingsPath: generated.settingsPath,
          counts: generated.counts,
          ms: Date.now() - started,
        },
        null,
        2,
      ),
    );
  }
}
