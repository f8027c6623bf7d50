// Rows that measure something other than a cold run of the CLI, to explain its numbers and to
// weigh a library against own code: the project's zip reader alone, JSZip doing the same reads,
// and the floor (start-up plus the check with a warm JIT) that no single run can beat.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MiB } from '../generate-solution.mjs';
import { TARGET_RATIO, TARGET_RSS_MIB, compare } from './cases.mjs';
import { catBaseline, failed, median } from './harness.mjs';

/** @typedef {import('./cases.mjs').Bench} Bench */
/** @typedef {import('./harness.mjs').Baseline} Baseline */
/** @typedef {import('./inputs.mjs').Inputs} Inputs */

/** Runs of the check in one process for the floor rows: by the fourth, the JIT has settled. */
const FLOOR_ITERATIONS = 6;

/**
 * Bundles a TypeScript bench script (scripts/bench-reader.ts, scripts/bench-floor.ts) with ncc into
 * the work folder, once per version of the script and of src/.
 * @param {Bench} bench
 * @param {string} name the script's file name under scripts/
 * @returns {string | undefined} the bundle, or undefined when it cannot be built
 */
function buildBundle({ root, work, results }, name) {
  const entry = join(root, 'scripts', name);
  const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  if (!existsSync(entry) || !existsSync(ncc)) return undefined;
  const hash = createHash('sha256');
  const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => join(root, 'src', f));
  for (const file of [entry, ...sources]) hash.update(file).update(readFileSync(file));
  const out = join(work, name.replace(/\.ts$/, ''), hash.digest('hex').slice(0, 16));
  const bundle = join(out, 'index.js');
  if (existsSync(bundle)) return bundle;
  console.error(`bundling scripts/${name} with ncc…`);
  const result = spawnSync(
    process.execPath,
    [ncc, 'build', entry, '-o', out, '--target', 'es2022', '-q'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  if (result.status !== 0) {
    results.notes.push(
      `could not bundle scripts/${name}: ${(result.stderr ?? '').toString().trim().split('\n').pop()}`,
    );
    return undefined;
  }
  return bundle;
}

/**
 * The zip's reads alone, by the project's reader and by JSZip, against `unzip -p`.
 * @param {Bench} bench
 * @param {Inputs} inputs
 */
export function zipReaderCases(bench, { large, huge }) {
  const { quick, only, want, harness, root, scale } = bench;
  // --quick skips the reader rows unless asked for: bundling takes several seconds of CI time.
  const readerWanted = quick
    ? only?.some((o) => o.startsWith('reader'))
    : want('reader') || want('reader-huge');
  const readers = [
    {
      id: 'reader',
      what: 'project zip reader alone (src/core/zip.ts) + read flows',
      script: readerWanted ? buildBundle(bench, 'bench-reader.ts') : undefined,
    },
    {
      id: 'jszip',
      what: 'alternative: JSZip.loadAsync + read flows',
      script: join(root, 'scripts', 'bench-jszip.mjs'),
    },
  ];
  for (const { id: prefix, what, script } of readers) {
    /** @type {[string, Inputs['huge']][]} */
    const zips = [
      [prefix, large],
      [`${prefix}-huge`, huge],
    ];
    for (const [id, sol] of zips) {
      if (!sol || !want(id) || !harness.unzipPath || !script) continue;
      const zip = /** @type {string} */ (sol.zipPath);
      compare(
        bench,
        id,
        `${what}, ${id === prefix ? 'large zip' : `${scale.hugeMedia / MiB} MiB per app`}`,
        harness.unzipBaseline(zip),
        harness.nodeCommand(script, [zip]),
        { ratio: TARGET_RATIO, rssMiB: TARGET_RSS_MIB, info: true },
      );
    }
  }
}

/**
 * The floor under a case: the CLI's start-up plus the same check run warm (scripts/bench-floor.ts).
 * No single run of the CLI beats it. A target below it takes a faster check or start-up; what a
 * cold run takes above it is the JIT warming up (and a young heap growing).
 * @param {Bench} bench
 * @param {string} id
 * @param {string} label
 * @param {Baseline} baseline
 * @param {string[]} args the CLI's arguments for the check
 */
function floor(bench, id, label, baseline, args) {
  const { harness, results, quick } = bench;
  const bundle = buildBundle(bench, 'bench-floor.ts');
  if (!bundle) {
    results.skip(id, label, 'scripts/bench-floor.ts could not be bundled');
    return;
  }
  harness.announce(label);
  const { baseline: b, startup: s } = harness.measure({
    baseline: baseline.cmd,
    startup: harness.cliCommand(['--version']),
  });
  const iterations = quick ? 2 : FLOOR_ITERATIONS;
  const warmCount = Math.min(3, iterations - 1);
  /** @type {number[]} */
  const warm = [];
  let error = b.error ? `baseline: ${b.error}` : s.error;
  let sha256 = '';
  for (let i = 0; i < harness.runs && !error; i++) {
    const floorCmd = harness.nodeCommand(bundle, [String(iterations), ...args]);
    const sample = harness.runOnce(floorCmd, { stdout: 'pipe' });
    error = failed(sample, floorCmd);
    if (error) break;
    try {
      const out = JSON.parse(sample.stdout ?? '');
      // The fastest of the last runs: a floor should not carry one run's bad luck.
      warm.push(Math.min(...out.times.slice(-warmCount)));
      sha256 = out.sha256;
    } catch {
      error = `bench-floor printed no result: ${(sample.stdout ?? '').slice(0, 80)}`;
    }
  }
  if (!error) {
    const cliOut = harness.runOnce(harness.cliCommand(args), { stdout: 'pipe' }).stdout ?? '';
    if (createHash('sha256').update(cliOut).digest('hex') !== sha256)
      error = 'the warm runs wrote another report than the CLI';
  }
  const startMs = s.median;
  const warmMs = error ? NaN : median(warm);
  const floorMs = startMs + warmMs;
  results.add({
    id,
    label,
    baseline: baseline.name,
    baselineMs: b.median,
    toolMs: error ? undefined : floorMs,
    ratio: error ? undefined : floorMs / b.median,
    target: `(info) ≤ ${TARGET_RATIO}×`,
    rssMiB: undefined,
    baselineRssMiB: undefined,
    baselineCpuMs: b.cpuMedian,
    result: error ? 'ERR' : 'INFO',
    note:
      error ??
      `start-up (--version) ${startMs.toFixed(0)} ms + the check warm ${warmMs.toFixed(0)} ms: the fastest of runs ${iterations - warmCount + 1}-${iterations} in one process, same stdout as the CLI`,
  });
}

/**
 * The floors of the large zip and the large unpacked folder; --quick only when named (they bundle).
 * @param {Bench} bench
 * @param {Inputs} inputs
 */
export function floorCases(bench, { large }) {
  const { want, quick, only, harness, results } = bench;
  const wanted = (/** @type {string} */ id) => want(id) && (!quick || only?.includes(id));
  // Without the CLI's path: the floor script runs the CLI's code in its own process.
  const checkArgs = (/** @type {string} */ solution) =>
    harness.checkCommand(solution, large.settingsPath).args.slice(1);
  if (wanted('floor-zip')) {
    const zip = /** @type {string} */ (large.zipPath);
    if (!harness.unzipPath) results.skip('floor-zip', 'floor, large zip', 'unzip missing');
    else
      floor(
        bench,
        'floor-zip',
        'floor, large zip: start-up + the check with a warm JIT',
        harness.unzipBaseline(zip),
        checkArgs(zip),
      );
  }
  if (wanted('floor-unpacked')) {
    const folder = /** @type {string} */ (large.unpackedDir);
    floor(
      bench,
      'floor-unpacked',
      'floor, unpacked large: start-up + the check with a warm JIT',
      catBaseline(folder),
      checkArgs(folder),
    );
  }
}
