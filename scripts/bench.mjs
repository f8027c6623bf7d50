#!/usr/bin/env node
// Benchmark for issue 6: connref-gate's whole-process time and peak RSS against baselines that
// only read what must be read (`unzip -p` of the needed entries, `cat` of the needed files).
//
//   npm run bench                      full run (generates ~2.5 GB under os.tmpdir() once, cached)
//   npm run bench -- --quick           tiny inputs, one run each: checks that the benchmark works (CI)
//   npm run bench -- --runs 9          more runs per case (medians)
//   npm run bench -- --no-huge         skip the 100 MiB-per-app zip (2 GB)
//   npm run bench -- --only zip,unpacked   only some cases (ids: zip, zip-huge, reader, reader-huge, floor-zip, floor-unpacked
//                     [these four not in --quick unless named], jszip, jszip-huge, unpacked, agents, online, set, startup-cli, startup-action, corpus)
//   npm run bench -- --profile DIR     also write a --cpu-prof profile of one connref-gate run per case
//   npm run bench -- --json FILE       also write the results as JSON
//   npm run bench -- --node PATH       run connref-gate (and `node -e 0`) with another node binary,
//                     e.g. Node 24, which GitHub runs the action on
//
// Timing: wall time of each spawned process (spawnSync, stdout to /dev/null), medians over the
// runs, baseline and connref-gate runs alternating after one warm-up of each. Peak RSS of
// connref-gate: a preload (NODE_OPTIONS=--require) records VmHWM from /proc/self/status at exit
// (maxRSS would count the forked parent), so it needs nothing but node; the baseline's RSS comes from /usr/bin/time when it is installed.
// The bench is informational: a missed target prints MISS and still exits 0. It exits 1 only when
// the benchmark itself does not work (a command crashes, or the CLI fails with --fail-on never).
import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MiB, cached, generateSolution, generateSolutionSet } from './generate-solution.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const flag = (/** @type {string} */ name) => argv.includes(name);
const option = (/** @type {string} */ name) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
if (flag('--help') || flag('-h')) {
  const text = readFileSync(fileURLToPath(import.meta.url), 'utf8')
    .split('\n')
    .slice(1, 13);
  console.log(text.map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const quick = flag('--quick');
const runs = Math.max(1, Number(option('--runs') ?? (quick ? 1 : 5)));
const warmup = !quick;
const only = option('--only')?.split(',');
const want = (/** @type {string} */ id) =>
  !only || only.includes(id) || only.some((o) => id.startsWith(`${o}-`) && o === 'corpus');
const skipHuge = flag('--no-huge');
const profileDir = option('--profile') ? resolve(option('--profile') ?? '') : undefined;
const jsonOut = option('--json') ? resolve(option('--json') ?? '') : undefined;
const cli = resolve(root, option('--cli') ?? 'dist/cli.js');
const action = resolve(root, option('--action') ?? 'dist/index.js');
const work = resolve(option('--work') ?? join(tmpdir(), 'connref-gate-bench'));
const corpus = resolve(root, '..', 'shared', 'corpus');
const cores = availableParallelism();
/** The node that runs connref-gate; the generator and ncc run on this script's own node. */
const nodeBin = option('--node') ? resolve(option('--node') ?? '') : process.execPath;
const nodeVersion =
  nodeBin === process.execPath
    ? process.version
    : (spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout ?? '').trim();
if (!/^v\d+/.test(nodeVersion)) {
  console.error(`bench: ${nodeBin} does not run as node; give --node the path of a node binary`);
  process.exit(2);
}
const loadStart = loadavg()[0] ?? 0;
const commit = (() => {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
})();

/** Scales of the generated inputs. */
const scale = quick
  ? {
      large: {
        flows: 40,
        connectionReferences: 12,
        canvasApps: 2,
        mediaBytesPerApp: 256 * 1024,
        environmentVariables: 6,
      },
      hugeMedia: MiB,
      set: {
        count: 4,
        flows: 10,
        connectionReferences: 4,
        canvasApps: 1,
        mediaBytesPerApp: 64 * 1024,
        environmentVariables: 3,
      },
    }
  : {
      large: {
        flows: 2000,
        connectionReferences: 500,
        canvasApps: 20,
        mediaBytesPerApp: 10 * MiB,
        environmentVariables: 100,
      },
      hugeMedia: 100 * MiB,
      set: {
        count: 50,
        flows: 100,
        connectionReferences: 30,
        canvasApps: 2,
        mediaBytesPerApp: MiB,
        environmentVariables: 10,
      },
    };

const TARGET_RATIO = 2.5;
const TARGET_RSS_MIB = 150;
const TARGET_SET = 1.5;
const TARGET_STARTUP_MS = 150;
/** The online stage against the fake: at most this much over the same check offline. */
const TARGET_ONLINE_MS = 1500;
/** Runs of the check in one process for the floor rows: by the fourth, the JIT has settled. */
const FLOOR_ITERATIONS = 6;

// ---------------------------------------------------------------------------------------------
// Measuring

mkdirSync(work, { recursive: true });
const probe = join(work, 'rss-probe.cjs');
writeFileSync(
  probe,
  `// Written by scripts/bench.mjs: records this process's peak RSS (KiB) at exit.
// On Linux it reads VmHWM: getrusage's maxRSS also counts what the process had before exec, i.e.
// the forked copy of the (bigger) parent, which would inflate small numbers.
const file = process.env.CONNREF_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const fs = require('node:fs');
    let kib = process.resourceUsage().maxRSS;
    try {
      const hwm = /VmHWM:\\s+(\\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
      if (hwm) kib = Number(hwm[1]);
    } catch {}
    try {
      fs.appendFileSync(file, process.pid + ' ' + kib + '\\n');
    } catch {}
  });
}
`,
);
const rssFile = join(work, 'rss.txt');
const devNull = openSync('/dev/null', 'w');
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const unzipPath = which('unzip');

/** @param {string} name */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * @typedef {object} Command
 * @property {string} file
 * @property {string[]} args
 * @property {string} [cwd]
 * @property {boolean} [node] a node process: its RSS is taken by the preload probe
 * @property {number[]} [okStatus] exit codes that mean it worked (default [0])
 * @property {Record<string, string>} [env] variables besides the bench's own
 */

/**
 * @typedef {object} Sample
 * @property {number} ms
 * @property {number | undefined} rssKiB
 * @property {number | null} status
 * @property {string | null} signal
 * @property {string} stderr
 * @property {number | undefined} cpuMs user + sys CPU time of the command (10 ms resolution)
 * @property {number} processes node processes that reported RSS
 */

const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !k.startsWith('INPUT_') && k !== 'NODE_OPTIONS' && !k.startsWith('GITHUB_'),
  ),
);

/**
 * @param {Command} cmd
 * @param {{stdout?: 'null' | 'pipe', extraNodeOptions?: string}} [how]
 * @returns {Sample & {stdout?: string}}
 */
function runOnce(cmd, how = {}) {
  rmSync(rssFile, { force: true });
  const env = { ...baseEnv, ...cmd.env };
  if (cmd.node) {
    env.NODE_OPTIONS = `--require=${probe}${how.extraNodeOptions ? ` ${how.extraNodeOptions}` : ''}`;
    env.CONNREF_BENCH_RSS_FILE = rssFile;
  }
  // Every command runs under `sh -c '"$@"; times'`, so baseline and connref-gate pay the same
  // wrapper, and `times` gives the CPU time (user + sys) of the command: unlike wall time, that
  // hardly moves when other work shares the machine.
  const started = process.hrtime.bigint();
  const result = spawnSync('/bin/sh', ['-c', TIMES_WRAPPER, 'sh', cmd.file, ...cmd.args], {
    cwd: cmd.cwd ?? work,
    env,
    stdio: ['ignore', how.stdout === 'pipe' ? 'pipe' : devNull, 'pipe'],
    maxBuffer: 1024 * MiB,
    timeout: 15 * 60 * 1000,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let stderr = (result.stderr ?? Buffer.alloc(0)).toString('utf8');
  let cpuMs;
  const marker = stderr.lastIndexOf(TIMES_MARKER);
  if (marker >= 0) {
    const times = [...stderr.slice(marker).matchAll(/(\d+)m([\d.]+)s/g)].map(
      (m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000,
    );
    // line 1: the shell itself; line 2: its children (the command)
    if (times.length >= 4)
      cpuMs = /** @type {number} */ (times[2]) + /** @type {number} */ (times[3]);
    stderr = stderr.slice(0, marker);
  }
  let rssKiB;
  let processes = 0;
  if (cmd.node && existsSync(rssFile)) {
    for (const line of readFileSync(rssFile, 'utf8').trim().split('\n')) {
      const kib = Number(line.split(' ')[1]);
      if (Number.isFinite(kib)) {
        processes++;
        rssKiB = Math.max(rssKiB ?? 0, kib);
      }
    }
  }
  return {
    ms,
    rssKiB,
    status: result.status,
    signal: result.signal,
    stderr: stderr.slice(0, 2000),
    cpuMs,
    processes,
    stdout: how.stdout === 'pipe' ? (result.stdout ?? Buffer.alloc(0)).toString('utf8') : undefined,
  };
}

const TIMES_MARKER = '@@connref-gate-bench-times@@';
const TIMES_WRAPPER = `"$@"; status=$?; echo ${TIMES_MARKER} >&2; times >&2; exit $status`;

/** Peak RSS (KiB) of any command via GNU time, or undefined when /usr/bin/time is absent. */
function gnuTimeRss(/** @type {Command} */ cmd) {
  if (!gnuTime) return undefined;
  const result = spawnSync(gnuTime, ['-f', '%M', cmd.file, ...cmd.args], {
    cwd: cmd.cwd ?? work,
    env: baseEnv,
    stdio: ['ignore', devNull, 'pipe'],
    timeout: 15 * 60 * 1000,
  });
  const last = (result.stderr ?? Buffer.alloc(0)).toString('utf8').trim().split('\n').pop() ?? '';
  const kib = Number(last);
  return Number.isFinite(kib) && kib > 0 ? kib : undefined;
}

/** @param {Sample} s @param {Command} cmd */
function failed(s, cmd) {
  if (s.signal) return `killed by ${s.signal}`;
  const ok = cmd.okStatus ?? [0];
  if (s.status === null || !ok.includes(s.status))
    return `exit ${s.status}: ${s.stderr.trim().split('\n').slice(-3).join(' | ')}`;
  return undefined;
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? /** @type {number} */ (sorted[mid])
    : /** @type {number} */ (sorted[mid - 1] + /** @type {number} */ (sorted[mid])) / 2;
}

/**
 * @typedef {object} Measured
 * @property {number} median wall time, ms
 * @property {number[]} samples
 * @property {number} [cpuMedian] CPU time, ms
 * @property {number[]} cpuSamples
 * @property {number} [rssKiB] largest peak RSS seen
 * @property {string} [error]
 * @property {number} processes
 */

/**
 * Runs each command `runs` times, interleaved, after one warm-up each.
 * @param {Record<string, Command>} commands
 * @returns {Record<string, Measured>}
 */
function measure(commands) {
  /** @type {Record<string, Measured>} */
  const out = {};
  for (const [name] of Object.entries(commands))
    out[name] = { median: NaN, samples: [], cpuSamples: [], processes: 0 };
  const rounds = runs + (warmup ? 1 : 0);
  for (let round = 0; round < rounds; round++) {
    for (const [name, cmd] of Object.entries(commands)) {
      const slot = /** @type {(typeof out)[string]} */ (out[name]);
      if (slot.error) continue;
      const s = runOnce(cmd);
      const error = failed(s, cmd);
      if (error) {
        slot.error = error;
        continue;
      }
      if (warmup && round === 0) continue;
      slot.samples.push(s.ms);
      if (s.cpuMs !== undefined) slot.cpuSamples.push(s.cpuMs);
      if (s.rssKiB !== undefined) slot.rssKiB = Math.max(slot.rssKiB ?? 0, s.rssKiB);
      slot.processes = Math.max(slot.processes, s.processes);
    }
  }
  for (const slot of Object.values(out)) {
    if (slot.samples.length) slot.median = median(slot.samples);
    if (slot.cpuSamples.length) slot.cpuMedian = median(slot.cpuSamples);
  }
  return out;
}

/**
 * One run with stdout captured: what connref-gate reported (to check the bench measures real work).
 * @param {Command} cmd
 */
function report(cmd) {
  const s = runOnce(cmd, { stdout: 'pipe' });
  try {
    return /** @type {any} */ (JSON.parse(s.stdout ?? ''));
  } catch {
    return { notJson: (s.stdout ?? '').trim().slice(0, 80) };
  }
}

/** @param {Command} cmd @param {string} label */
function profile(cmd, label) {
  if (!profileDir) return;
  mkdirSync(profileDir, { recursive: true });
  runOnce(cmd, {
    extraNodeOptions: `--cpu-prof --cpu-prof-dir=${profileDir} --cpu-prof-name=${label}.cpuprofile`,
  });
  notes.push(`cpu profile: ${join(profileDir, `${label}.cpuprofile`)}`);
}

// ---------------------------------------------------------------------------------------------
// Rows

/**
 * @typedef {object} Row
 * @property {string} id
 * @property {string} label
 * @property {string} baseline what the baseline is
 * @property {number | undefined} baselineMs
 * @property {number | undefined} toolMs
 * @property {number | undefined} ratio
 * @property {string} target
 * @property {number | undefined} rssMiB connref-gate (or the measured alternative) peak RSS
 * @property {number | undefined} baselineRssMiB
 * @property {number} [baselineCpuMs] median CPU time (user + sys) of the baseline
 * @property {number} [toolCpuMs] median CPU time of what is measured
 * @property {'PASS' | 'MISS' | 'ERR' | 'SKIP' | 'INFO'} result
 * @property {string} [note]
 */

/** @type {Row[]} */
const rows = [];
/** @type {string[]} */
const notes = [];
let broken = false;

const kib2mib = (/** @type {number | undefined} */ k) => (k === undefined ? undefined : k / 1024);

/** @param {string} id @param {string} label @param {string} why */
function skip(id, label, why) {
  rows.push({
    id,
    label,
    baseline: '',
    baselineMs: undefined,
    toolMs: undefined,
    ratio: undefined,
    target: '',
    rssMiB: undefined,
    baselineRssMiB: undefined,
    result: 'SKIP',
    note: why,
  });
  console.error(`skip ${label}: ${why}`);
}

/**
 * @param {string} id
 * @param {string} label
 * @param {{name: string, cmd: Command}} baseline
 * @param {Command} tool
 * @param {{ratio?: number, rssMiB?: number, info?: boolean}} target
 */
function compare(id, label, baseline, tool, target) {
  console.error(`measuring ${label} (${runs} run${runs > 1 ? 's' : ''})…`);
  const m = measure({ baseline: baseline.cmd, tool });
  const b = /** @type {NonNullable<(typeof m)['baseline']>} */ (m.baseline);
  const t = /** @type {NonNullable<(typeof m)['tool']>} */ (m.tool);
  const baselineRss = kib2mib(gnuTimeRss(baseline.cmd));
  const error = t.error ?? (b.error ? `baseline: ${b.error}` : undefined);
  const ratio = error ? undefined : t.median / b.median;
  const rssMiB = kib2mib(t.rssKiB);
  let result = /** @type {Row['result']} */ ('PASS');
  if (error) {
    result = 'ERR';
    broken = true;
  } else if (target.info) result = 'INFO';
  else if (
    (target.ratio !== undefined && /** @type {number} */ (ratio) > target.ratio) ||
    (target.rssMiB !== undefined && (rssMiB ?? Infinity) > target.rssMiB)
  )
    result = 'MISS';
  const targetText = [
    target.ratio !== undefined ? `≤ ${target.ratio}×` : '',
    target.rssMiB !== undefined ? `≤ ${target.rssMiB} MiB` : '',
  ]
    .filter(Boolean)
    .join(', ');
  rows.push({
    id,
    label,
    baseline: baseline.name,
    baselineMs: b.median,
    toolMs: error ? undefined : t.median,
    ratio,
    target: target.info ? `(info) ${targetText}` : targetText,
    rssMiB,
    baselineRssMiB: baselineRss,
    baselineCpuMs: b.cpuMedian,
    toolCpuMs: error ? undefined : t.cpuMedian,
    result,
    note:
      error ??
      (t.processes > 1 ? `${t.processes} node processes; RSS is the largest one` : undefined),
  });
  if (!error) profile(tool, id);
}

/** @param {string[]} args */
const cliCmd = (args) =>
  /** @type {Command} */ ({ file: nodeBin, args: [cli, ...args], node: true });
/** @param {string} solution @param {string | undefined} settings */
const checkCmd = (solution, settings) =>
  cliCmd([
    'check',
    '--solution',
    solution,
    ...(settings ? ['--settings', settings] : []),
    '--format',
    'json',
    '--fail-on',
    'never',
  ]);

/** @param {string} zip */
function unzipCmd(zip) {
  return {
    name: 'unzip -p',
    cmd: /** @type {Command} */ ({
      file: /** @type {string} */ (unzipPath),
      args: [
        '-p',
        zip,
        'customizations.xml',
        'solution.xml',
        'Workflows/*',
        'environmentvariabledefinitions/*',
      ],
      okStatus: [0, 11], // 11: a pattern matched nothing (a zip without env vars)
    }),
  };
}

/** `cat` of the files a check reads in an unpacked folder, globbed by the shell like a user would. */
function catCmd(/** @type {string} */ folder) {
  const patterns = [
    ['Other/Solution.xml', 'Other/Solution.xml'],
    ['Other/Customizations.xml', 'Other/Customizations.xml'],
    ['Workflows', 'Workflows/*'],
    ['CanvasApps', 'CanvasApps/*.meta.xml'],
    ['Connectors', 'Connectors/*.xml'],
    ['environmentvariabledefinitions', 'environmentvariabledefinitions/*/*'],
    ['EnvironmentVariables', 'EnvironmentVariables/*'],
    // Copilot Studio agents: bots, their components (XML and YAML data), relation sets.
    ['bots', 'bots/*/bot.xml'],
    ['botcomponents', 'botcomponents/*/*'],
    ['Assets', 'Assets/*.xml'],
    ['dvtablesearchs', 'dvtablesearchs/*/*.xml'],
  ]
    .filter(([probePath, pattern]) => {
      if (!existsSync(join(folder, /** @type {string} */ (probePath)))) return false;
      if (pattern === 'CanvasApps/*.meta.xml')
        return readdirSync(join(folder, 'CanvasApps')).some((f) => f.endsWith('.meta.xml'));
      if (pattern === 'Connectors/*.xml')
        return readdirSync(join(folder, 'Connectors')).some((f) => f.endsWith('.xml'));
      return true;
    })
    .map(([, pattern]) => pattern);
  return {
    name: 'cat',
    cmd: /** @type {Command} */ ({
      file: '/bin/sh',
      args: ['-c', `cat ${patterns.join(' ')} > /dev/null`],
      cwd: folder,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Inputs

function generateInputs() {
  const base = join(work, quick ? 'quick' : 'full');
  const t0 = Date.now();
  const large = cached(join(base, 'large'), scale.large, () =>
    generateSolution({
      ...scale.large,
      zipPath: join(base, 'large', 'ConnrefBenchLarge.zip'),
      unpackedDir: join(base, 'large', 'unpacked'),
      settingsPath: join(base, 'large', 'settings.json'),
    }),
  );
  const wantHuge = !skipHuge && (want('zip-huge') || want('jszip-huge') || want('reader-huge'));
  const hugeOptions = { ...scale.large, mediaBytesPerApp: scale.hugeMedia };
  const huge = wantHuge
    ? cached(join(base, 'huge'), hugeOptions, () =>
        generateSolution({
          ...hugeOptions,
          zipPath: join(base, 'huge', 'ConnrefBenchHuge.zip'),
          settingsPath: join(base, 'huge', 'settings.json'),
        }),
      )
    : undefined;
  const set = want('set')
    ? cached(join(base, 'set'), scale.set, () =>
        generateSolutionSet({ ...scale.set, outDir: join(base, 'set') }),
      )
    : undefined;
  const reused = [large, huge, set].every((x) => !x || x.reused);
  console.error(
    `inputs ${reused ? 'reused' : 'generated'} under ${base} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return { large: large.result, huge: huge?.result, set: set?.result };
}

/**
 * Bundles a TypeScript bench script (scripts/bench-reader.ts, scripts/bench-floor.ts) with ncc into
 * the work folder, once per version of the script and of src/.
 * @param {string} name the script's file name under scripts/
 * @returns {string | undefined} the bundle, or undefined when it cannot be built
 */
function buildBundle(name) {
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
    notes.push(
      `could not bundle scripts/${name}: ${(result.stderr ?? '').toString().trim().split('\n').pop()}`,
    );
    return undefined;
  }
  return bundle;
}

/** @param {string} path */
function sizeMiB(path) {
  return statSync(path).size / MiB;
}

// ---------------------------------------------------------------------------------------------
// Main

const cliText = existsSync(cli) ? readFileSync(cli, 'utf8') : '';
const cliPlaceholder = cliText.length < 2000 && /console\.log\(['"]hello['"]\)/.test(cliText);
if (!cliText) {
  console.error(`error: ${relative(root, cli)} is missing: run npm run build first`);
  process.exit(1);
}
if (cliPlaceholder)
  notes.push(
    `${relative(root, cli)} is still the placeholder: the connref-gate numbers measure node start-up only`,
  );
if (!unzipPath)
  notes.push('unzip is not installed: the zip baselines are skipped (apt-get install unzip)');
if (!gnuTime)
  notes.push(
    '/usr/bin/time is not installed: baseline RSS is not shown (connref-gate RSS needs only node)',
  );

const inputs = generateInputs();
const { large, huge, set } = inputs;

if (want('zip')) {
  if (!unzipPath) skip('zip', 'large zip', 'unzip missing');
  else
    compare(
      'zip',
      `large zip (${large.counts.flows} flows, ${large.counts.canvasApps} apps × ${scale.large.mediaBytesPerApp / MiB} MiB, ${sizeMiB(/** @type {string} */ (large.zipPath)).toFixed(0)} MiB)`,
      unzipCmd(/** @type {string} */ (large.zipPath)),
      checkCmd(/** @type {string} */ (large.zipPath), large.settingsPath),
      { ratio: TARGET_RATIO, rssMiB: TARGET_RSS_MIB },
    );
}
if (huge && want('zip-huge')) {
  if (!unzipPath) skip('zip-huge', 'large zip, huge media', 'unzip missing');
  else
    compare(
      'zip-huge',
      `large zip, ${scale.hugeMedia / MiB} MiB per app (${sizeMiB(/** @type {string} */ (huge.zipPath)).toFixed(0)} MiB)`,
      unzipCmd(/** @type {string} */ (huge.zipPath)),
      checkCmd(/** @type {string} */ (huge.zipPath), huge.settingsPath),
      { ratio: TARGET_RATIO, rssMiB: TARGET_RSS_MIB },
    );
}
// --quick skips the reader rows unless asked for: bundling takes several seconds of CI time.
const readerWanted = quick
  ? only?.some((o) => o.startsWith('reader'))
  : want('reader') || want('reader-huge');
const readerBundle = readerWanted ? buildBundle('bench-reader.ts') : undefined;
for (const [id, sol] of /** @type {const} */ ([
  ['reader', large],
  ['reader-huge', huge],
])) {
  if (!sol || !want(id) || !unzipPath || !readerBundle) continue;
  compare(
    id,
    `project zip reader alone (src/core/zip.ts) + read flows, ${id === 'reader' ? 'large zip' : `${scale.hugeMedia / MiB} MiB per app`}`,
    unzipCmd(/** @type {string} */ (sol.zipPath)),
    {
      file: nodeBin,
      args: [readerBundle, /** @type {string} */ (sol.zipPath)],
      node: true,
    },
    { ratio: TARGET_RATIO, rssMiB: TARGET_RSS_MIB, info: true },
  );
}
const jszipScript = join(root, 'scripts', 'bench-jszip.mjs');
for (const [id, sol] of /** @type {const} */ ([
  ['jszip', large],
  ['jszip-huge', huge],
])) {
  if (!sol || !want(id) || !unzipPath) continue;
  compare(
    id,
    `alternative: JSZip.loadAsync + read flows, ${id === 'jszip' ? 'large zip' : `${scale.hugeMedia / MiB} MiB per app`}`,
    unzipCmd(/** @type {string} */ (sol.zipPath)),
    {
      file: nodeBin,
      args: [jszipScript, /** @type {string} */ (sol.zipPath)],
      node: true,
    },
    { ratio: TARGET_RATIO, rssMiB: TARGET_RSS_MIB, info: true },
  );
}
/**
 * An unpacked solution with one Copilot Studio agent of `components` components, shaped like real
 * exports (FORMAT-NOTES section 8): every fifth an action whose YAML data names one of up to 20
 * connection references (with a set row), the rest topics with a few kilobytes of YAML naming none.
 * @param {string} dir
 * @param {number} components
 */
function generateAgentSolution(dir, components) {
  const bot = 'cr0bench_helpdeskAgent';
  const write = (/** @type {string} */ path, /** @type {string} */ text) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  // One reference per action up to 20, each used: the report has no CR010.
  const count = Math.min(20, Math.ceil(components / 5));
  const reference = (/** @type {number} */ i) =>
    `${bot}.shared_office365.${(i % count).toString(16).padStart(32, '0')}`;
  write(
    'Other/Solution.xml',
    '<ImportExportXml><SolutionManifest><UniqueName>AgentBench</UniqueName><Version>1.0.0.0</Version><Managed>0</Managed></SolutionManifest></ImportExportXml>',
  );
  const references = Array.from(
    { length: count },
    (_, i) =>
      `    <connectionreference connectionreferencelogicalname="${reference(i)}">\n      <connectorid>/providers/Microsoft.PowerApps/apis/shared_office365</connectorid>\n    </connectionreference>`,
  );
  write(
    'Other/Customizations.xml',
    `<ImportExportXml>\n  <connectionreferences>\n${references.join('\n')}\n  </connectionreferences>\n</ImportExportXml>\n`,
  );
  write(`bots/${bot}/bot.xml`, `<bot schemaname="${bot}">\n  <name>Helpdesk</name>\n</bot>\n`);
  const rows = [];
  for (let i = 0; i < components; i++) {
    const action = i % 5 === 0;
    const schema = `${bot}.${action ? 'action' : 'topic'}.Component${i}`;
    write(
      `botcomponents/${schema}/botcomponent.xml`,
      `<botcomponent schemaname="${schema}">\n  <componenttype>9</componenttype>\n  <name>Component ${i}</name>\n  <parentbotid>\n    <schemaname>${bot}</schemaname>\n  </parentbotid>\n</botcomponent>\n`,
    );
    const steps = Array.from(
      { length: 12 },
      (_, s) =>
        `    - kind: SendActivity\n      id: sendMessage_${i}_${s}\n      activity:\n        text:\n          - "Step ${s} of topic ${i}: {Topic.Answer} and a sentence long enough to look like real prompt text."\n        speak:\n          - Step ${s}\n`,
    );
    write(
      `botcomponents/${schema}/data`,
      action
        ? `kind: TaskDialog\nmodelDisplayName: Send mail ${i}\nmodelDescription: |-\n  Sends a mail for the user.\n  Ask for the recipient first.\naction:\n  kind: InvokeConnectorTaskAction\n  connectionReference: ${reference(i / 5)}\n  connectionProperties:\n    mode: Invoker\n\n  operationId: SendEmailV2\n`
        : `kind: AdaptiveDialog\nbeginDialog:\n  kind: OnRecognizedIntent\n  id: main\n  intent:\n    triggerQueries:\n      - topic ${i}\n      - about ${i}\n  actions:\n${steps.join('')}`,
    );
    if (action)
      rows.push(
        `  <botcomponent_connectionreference botcomponentid.schemaname="${schema}" connectionreferenceid.connectionreferencelogicalname="${reference(i / 5)}">\n    <iscustomizable>1</iscustomizable>\n  </botcomponent_connectionreference>`,
      );
  }
  write(
    'Assets/botcomponent_connectionreferenceset.xml',
    `<botcomponent_connectionreferenceset>\n${rows.join('\n')}\n</botcomponent_connectionreferenceset>\n`,
  );
}

const agentComponents = quick ? 20 : 500;
const agentDir = want('agents')
  ? join(work, quick ? 'quick' : 'full', `agents-${agentComponents}`, 'src')
  : undefined;
if (agentDir) {
  cached(dirname(agentDir), { components: agentComponents, version: 2 }, () =>
    generateAgentSolution(agentDir, agentComponents),
  );
  compare(
    'agents',
    `unpacked agent (${agentComponents} components)`,
    catCmd(agentDir),
    checkCmd(agentDir, undefined),
    { ratio: TARGET_RATIO },
  );
}

if (want('online')) online();

/**
 * The online stage (SPEC section 6) against the loopback fake in a process of its own
 * (scripts/bench-online-fake.mjs): the large zip's 500 bound references among 2,000 connections in
 * pages of 100, 20 ms per request. The target: at most 1.5 s over the same check offline, and
 * no more Power Apps requests than the listing's pages plus one per bound connection whose
 * permissions the listing does not embed.
 */
function online() {
  const label = quick
    ? 'online stage (quick: 200 connections in pages of 50, 20 ms per request)'
    : `online stage: ${large.counts.connectionReferences} bound references, 2,000 connections in pages of 100, 20 ms per request`;
  const dir = join(work, 'online');
  mkdirSync(dir, { recursive: true });
  const configPath = join(dir, 'config.json');
  const readyPath = join(dir, 'ready.json');
  rmSync(readyPath, { force: true });
  const pageSize = quick ? 50 : 100;
  const connections = quick ? 200 : 2000;
  writeFileSync(
    configPath,
    JSON.stringify({ settingsPath: large.settingsPath, connections, pageSize, latencyMs: 20 }),
  );
  const child = spawn(
    process.execPath,
    [join(root, 'scripts', 'bench-online-fake.mjs'), configPath, readyPath],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    const waitUntil = Date.now() + 30_000;
    while (!existsSync(readyPath) && Date.now() < waitUntil) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
    if (!existsSync(readyPath)) {
      skip('online', label, 'the fake did not start within 30 s');
      broken = true;
      return;
    }
    const ready = JSON.parse(readFileSync(readyPath, 'utf8'));
    const stats = (/** @type {boolean} */ reset) => {
      const r = spawnSync(
        nodeBin,
        [
          '-e',
          `fetch(${JSON.stringify(`${ready.statsUrl}${reset ? '?reset' : ''}`)}).then((r) => r.text()).then((t) => process.stdout.write(t))`,
        ],
        {
          env: { ...baseEnv, NODE_EXTRA_CA_CERTS: ready.env.NODE_EXTRA_CA_CERTS },
          encoding: 'utf8',
        },
      );
      return JSON.parse(r.stdout || '{}');
    };
    const zip = /** @type {string} */ (large.zipPath);
    const offline = checkCmd(zip, large.settingsPath);
    const withTarget = /** @type {Command} */ ({
      ...offline,
      args: [...offline.args, '--environment', ready.environmentUrl],
      env: ready.env,
    });
    console.error(`measuring ${label} (${runs} run${runs > 1 ? 's' : ''})…`);
    const m = measure({ baseline: offline, tool: withTarget });
    const b = /** @type {NonNullable<(typeof m)['baseline']>} */ (m.baseline);
    const t = /** @type {NonNullable<(typeof m)['tool']>} */ (m.tool);
    // One more run, counted, whose report must show every bound reference found.
    stats(true);
    const report = /** @type {any} */ (
      JSON.parse(runOnce(withTarget, { stdout: 'pipe' }).stdout ?? '{}')
    );
    const counted = stats(true);
    const found = (report.solutions?.[0]?.connectionReferences ?? []).filter(
      (/** @type {any} */ r) => r.target?.connection === 'found',
    ).length;
    const online = (report.findings ?? []).filter((/** @type {any} */ f) =>
      /^(CR01[2-6]|EV00[67]|OL001)$/.test(f.ruleId),
    );
    const allowed = counted.listingPages + ready.boundWithoutEmbeddedPermissions;
    let error = t.error ?? (b.error ? `baseline: ${b.error}` : undefined);
    if (!error && found !== ready.bound)
      error = `${found} of ${ready.bound} references found in the target`;
    if (!error && online.length > 0)
      error = `online findings: ${online.map((/** @type {any} */ f) => f.ruleId).join(', ')}`;
    if (!error && counted.violations > 0)
      error = `${counted.violations} requests that were not read-only`;
    if (error) broken = true;
    const over = t.median - b.median;
    rows.push({
      id: 'online',
      label,
      baseline: 'the same check offline',
      baselineMs: b.median,
      toolMs: error ? undefined : t.median,
      ratio: error ? undefined : t.median / b.median,
      target: `≤ +${TARGET_ONLINE_MS / 1000} s, ≤ ${allowed} Power Apps requests`,
      rssMiB: kib2mib(t.rssKiB),
      baselineRssMiB: kib2mib(b.rssKiB),
      baselineCpuMs: b.cpuMedian,
      toolCpuMs: error ? undefined : t.cpuMedian,
      result: error
        ? 'ERR'
        : over <= TARGET_ONLINE_MS && counted.powerApps <= allowed
          ? 'PASS'
          : 'MISS',
      note:
        error ??
        `+${(over / 1000).toFixed(2)} s over offline; ${counted.powerApps} Power Apps requests (${counted.listingPages} listing pages, ${counted.permissions} permissions), ${counted.dataverse} Dataverse, ${counted.tokens} token; ${found} of ${ready.bound} references found among ${ready.connections} connections`,
    });
  } finally {
    child.kill('SIGTERM');
  }
}

if (want('unpacked')) {
  compare(
    'unpacked',
    `unpacked large (${large.unpackedFiles.length} files)`,
    catCmd(/** @type {string} */ (large.unpackedDir)),
    checkCmd(/** @type {string} */ (large.unpackedDir), large.settingsPath),
    { ratio: TARGET_RATIO },
  );
}

/**
 * The floor under a case: the CLI's start-up plus the same check run warm (scripts/bench-floor.ts).
 * No single run of the CLI beats it. A target below it takes a faster check or start-up; what a
 * cold run takes above it is the JIT warming up (and a young heap growing).
 * @param {string} id
 * @param {string} label
 * @param {{name: string, cmd: Command}} baseline
 * @param {string[]} args the CLI's arguments for the check
 */
function floor(id, label, baseline, args) {
  const bundle = buildBundle('bench-floor.ts');
  if (!bundle) {
    skip(id, label, 'scripts/bench-floor.ts could not be bundled');
    return;
  }
  console.error(`measuring ${label} (${runs} run${runs > 1 ? 's' : ''})…`);
  const m = measure({ baseline: baseline.cmd, startup: cliCmd(['--version']) });
  const b = /** @type {NonNullable<(typeof m)['baseline']>} */ (m.baseline);
  const s = /** @type {NonNullable<(typeof m)['startup']>} */ (m.startup);
  const iterations = quick ? 2 : FLOOR_ITERATIONS;
  const warmCount = Math.min(3, iterations - 1);
  /** @type {number[]} */
  const warm = [];
  let error = b.error ? `baseline: ${b.error}` : s.error;
  let sha256 = '';
  for (let i = 0; i < runs && !error; i++) {
    const floorCmd = /** @type {Command} */ ({
      file: nodeBin,
      args: [bundle, String(iterations), ...args],
      node: true,
    });
    const sample = runOnce(floorCmd, { stdout: 'pipe' });
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
    const cliOut = runOnce(cliCmd(args), { stdout: 'pipe' }).stdout ?? '';
    if (createHash('sha256').update(cliOut).digest('hex') !== sha256)
      error = 'the warm runs wrote another report than the CLI';
  }
  if (error) broken = true;
  const startMs = s.median;
  const warmMs = error ? NaN : median(warm);
  const floorMs = startMs + warmMs;
  rows.push({
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
if (want('floor-zip') && (!quick || only?.includes('floor-zip'))) {
  if (!unzipPath) skip('floor-zip', 'floor, large zip', 'unzip missing');
  else
    floor(
      'floor-zip',
      'floor, large zip: start-up + the check with a warm JIT',
      unzipCmd(/** @type {string} */ (large.zipPath)),
      checkCmd(/** @type {string} */ (large.zipPath), large.settingsPath).args.slice(1),
    );
}
if (want('floor-unpacked') && (!quick || only?.includes('floor-unpacked'))) {
  floor(
    'floor-unpacked',
    'floor, unpacked large: start-up + the check with a warm JIT',
    catCmd(/** @type {string} */ (large.unpackedDir)),
    checkCmd(/** @type {string} */ (large.unpackedDir), large.settingsPath).args.slice(1),
  );
}

if (set && want('set')) {
  console.error(`measuring ${set.solutions.length} solutions in one run vs the largest alone…`);
  const m = measure({
    all: checkCmd(set.dir, set.settingsPath),
    zip: checkCmd(set.largestZip, set.settingsPath),
    folder: checkCmd(set.largestFolder, set.settingsPath),
  });
  const all = /** @type {NonNullable<(typeof m)['all']>} */ (m.all);
  const zip = /** @type {NonNullable<(typeof m)['zip']>} */ (m.zip);
  const folder = /** @type {NonNullable<(typeof m)['folder']>} */ (m.folder);
  const error = all.error ?? zip.error ?? folder.error;
  // "The largest alone": the slower of the largest zip and the largest unpacked folder.
  const largest = Math.max(zip.median, folder.median);
  const reference = (largest * set.solutions.length) / cores;
  if (error) broken = true;
  rows.push({
    id: 'set',
    label: `${set.solutions.length} solutions in one run (${set.solutions.filter((s) => s.kind === 'zip').length} zips + ${set.solutions.filter((s) => s.kind === 'folder').length} folders)`,
    baseline: `largest alone × ${set.solutions.length} / ${cores} cores`,
    baselineMs: error ? undefined : reference,
    toolMs: error ? undefined : all.median,
    ratio: error ? undefined : all.median / reference,
    target: `≤ ${TARGET_SET}×`,
    rssMiB: kib2mib(all.rssKiB),
    baselineRssMiB: undefined,
    baselineCpuMs:
      zip.cpuMedian !== undefined && folder.cpuMedian !== undefined
        ? (Math.max(zip.cpuMedian, folder.cpuMedian) * set.solutions.length) / cores
        : undefined,
    toolCpuMs: error ? undefined : all.cpuMedian,
    result: error ? 'ERR' : all.median / reference <= TARGET_SET ? 'PASS' : 'MISS',
    note:
      error ??
      `largest alone: zip ${zip.median.toFixed(0)} ms, folder ${folder.median.toFixed(0)} ms`,
  });
  if (!error) profile(checkCmd(set.dir, set.settingsPath), 'set');
}

/** Median of `node -e 0`, once a start-up row measured it. */
/** @type {number | undefined} */
let nodeStartMs;
const nodeBaseline = {
  name: 'node -e 0',
  cmd: /** @type {Command} */ ({ file: nodeBin, args: ['-e', '0'], node: true }),
};
/**
 * @param {string} id
 * @param {string} label
 * @param {Command} cmd
 */
function startup(id, label, cmd, { target = true } = {}) {
  console.error(`measuring ${label}…`);
  const m = measure({ baseline: nodeBaseline.cmd, tool: cmd });
  const b = /** @type {NonNullable<(typeof m)['baseline']>} */ (m.baseline);
  const t = /** @type {NonNullable<(typeof m)['tool']>} */ (m.tool);
  if (!b.error) nodeStartMs = Math.min(nodeStartMs ?? Infinity, b.median);
  if (t.error) broken = true;
  rows.push({
    id,
    label,
    baseline: nodeBaseline.name,
    baselineMs: b.median,
    toolMs: t.error ? undefined : t.median,
    ratio: t.error ? undefined : t.median / b.median,
    target: target ? `≤ ${TARGET_STARTUP_MS} ms` : 'none',
    rssMiB: kib2mib(t.rssKiB),
    baselineRssMiB: kib2mib(b.rssKiB),
    baselineCpuMs: b.cpuMedian,
    toolCpuMs: t.error ? undefined : t.cpuMedian,
    result: t.error ? 'ERR' : !target ? 'INFO' : t.median <= TARGET_STARTUP_MS ? 'PASS' : 'MISS',
    note: t.error ?? (target ? undefined : 'a runner step takes seconds to start: no target'),
  });
}
if (want('startup-cli'))
  startup('startup-cli', 'start-up: node dist/cli.js --version', cliCmd(['--version']));
if (want('startup-action')) {
  if (!existsSync(action))
    skip('startup-action', 'start-up: node dist/index.js', `${relative(root, action)} missing`);
  else
    startup(
      'startup-action',
      'start-up: node dist/index.js (no inputs, fails fast)',
      {
        file: nodeBin,
        args: [action],
        node: true,
        okStatus: [0, 1, 2],
      },
      { target: false },
    );
}

/** The largest real trees of the corpus, with a settings file where the corpus has one. */
const corpusCases = [
  {
    id: 'corpus-coe-core',
    label: 'corpus: CoE 2021 Core (SolutionPackage)',
    dir: 'coe-starter-kit-2021/CenterofExcellenceCoreComponents/SolutionPackage',
    settings: undefined,
  },
  {
    id: 'corpus-agent',
    label: 'corpus: DataverseMonitoringAgent (extracted zip)',
    dir: 'dataverse-monitoring-agent/src',
    settings: undefined,
  },
  {
    id: 'corpus-approvals',
    label: 'corpus: BusinessApprovalKit/src',
    dir: 'powercat-business-approvals-kit/BusinessApprovalKit/src',
    settings:
      'powercat-business-approvals-kit/BusinessApprovalKit/config/Prod/deploymentSettings.json',
  },
];
for (const c of corpusCases) {
  if (!want(c.id)) continue;
  const dir = join(corpus, c.dir);
  if (!existsSync(dir)) {
    skip(c.id, c.label, `${relative(root, dir)} is absent (the corpus lives in ../shared/corpus)`);
    continue;
  }
  const settings =
    c.settings && existsSync(join(corpus, c.settings)) ? join(corpus, c.settings) : undefined;
  compare(c.id, c.label, catCmd(dir), checkCmd(dir, settings), { ratio: TARGET_RATIO });
}

// What connref-gate reported for the generated inputs: proof that the timed runs did the work.
if (!cliPlaceholder) {
  const checks = /** @type {const} */ ([
    ['large zip', want('zip') ? large.zipPath : undefined, large.settingsPath, large.counts],
    [
      'unpacked large',
      want('unpacked') ? large.unpackedDir : undefined,
      large.settingsPath,
      large.counts,
    ],
    ['huge zip', want('zip-huge') ? huge?.zipPath : undefined, huge?.settingsPath, huge?.counts],
  ]);
  for (const [label, solution, settings, counts] of checks) {
    if (!solution || !counts) continue;
    const r = report(checkCmd(solution, settings));
    const s = r.solutions?.[0];
    if (!s) {
      notes.push(`${label}: no report (${JSON.stringify(r).slice(0, 120)})`);
      broken = true;
      continue;
    }
    const got = `${s.flows?.length} flows, ${s.connectionReferences?.length} connection references, ${s.canvasApps?.length} canvas apps, ${s.environmentVariables?.length} environment variables; ${r.summary?.errors} errors, ${r.summary?.warnings} warnings, ${r.summary?.notes} notes`;
    const ok =
      s.flows?.length === counts.flows &&
      s.connectionReferences?.length === counts.connectionReferences &&
      s.canvasApps?.length === counts.canvasApps &&
      s.environmentVariables?.length === counts.environmentVariables &&
      r.summary?.errors === 0;
    notes.push(
      `${label}: connref-gate reported ${got}${ok ? '' : ' — EXPECTED ' + JSON.stringify(counts) + ' and 0 errors'}`,
    );
  }
  if (agentDir) {
    const r = report(checkCmd(agentDir, undefined));
    const s = r.solutions?.[0];
    const components = s?.agents?.[0]?.components?.length;
    const rules = new Set((r.findings ?? []).map((/** @type {{ruleId: string}} */ f) => f.ruleId));
    const ok = components === agentComponents && !rules.has('SL001') && !rules.has('CR010');
    notes.push(
      `agent: connref-gate reported ${s?.agents?.length} agent with ${components} components, rules ${[...rules].join(', ') || 'none'}${ok ? '' : ` — EXPECTED ${agentComponents} components, no SL001 or CR010`}`,
    );
    if (!ok) broken = true;
  }
  if (set && want('set')) {
    const r = report(checkCmd(set.dir, set.settingsPath));
    notes.push(
      `${set.solutions.length} solutions: connref-gate reported ${r.solutions?.length} solutions, ${r.summary?.errors} errors, ${r.summary?.warnings} warnings`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Output

// A ratio target no node program can meet: node's own start-up is over the allowed time.
if (nodeStartMs !== undefined) {
  for (const r of rows) {
    if (r.id.startsWith('startup') || r.id === 'set' || r.baselineMs === undefined) continue;
    if (r.result !== 'MISS' || !r.target.startsWith('≤ 2.5×')) continue;
    if (nodeStartMs > TARGET_RATIO * r.baselineMs) {
      const why = `out of reach for any node program: node -e 0 alone takes ${nodeStartMs.toFixed(0)} ms = ${(nodeStartMs / r.baselineMs).toFixed(1)}× this baseline`;
      r.note = r.note ? `${r.note}; ${why}` : why;
    }
  }
}
// Against its floor, a miss is either the warm-up (floor under the target) or the check itself.
for (const [caseId, floorId] of [
  ['zip', 'floor-zip'],
  // The same check: the media a huge zip adds is never read.
  ['zip-huge', 'floor-zip'],
  ['unpacked', 'floor-unpacked'],
]) {
  const r = rows.find((row) => row.id === caseId);
  const f = rows.find((row) => row.id === floorId);
  if (r?.result !== 'MISS' || f?.ratio === undefined) continue;
  const why =
    f.ratio > TARGET_RATIO
      ? `over the target even with a warm JIT: start-up plus the warm check is ${f.ratio.toFixed(2)}×`
      : `floor ${f.ratio.toFixed(2)}×: the rest is the JIT warming up`;
  r.note = r.note ? `${r.note}; ${why}` : why;
}

const ms = (/** @type {number | undefined} */ v) =>
  v === undefined || Number.isNaN(v)
    ? '—'
    : v >= 1000
      ? `${(v / 1000).toFixed(2)} s`
      : `${v.toFixed(0)} ms`;
const cpu = (/** @type {Row} */ r) =>
  r.baselineCpuMs === undefined || r.toolCpuMs === undefined
    ? '—'
    : `${ms(r.baselineCpuMs)} → ${ms(r.toolCpuMs)}${r.baselineCpuMs > 0 ? ` (${(r.toolCpuMs / r.baselineCpuMs).toFixed(1)}×)` : ''}`;
const mib = (/** @type {number | undefined} */ v) =>
  v === undefined ? '—' : `${v.toFixed(0)} MiB`;
const lines = [
  '| case | baseline | baseline median | measured median | ratio | target | peak RSS (baseline) | result | CPU time: baseline → measured (ratio) |',
  '|---|---|---:|---:|---:|---|---:|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.baseline || '—'} | ${ms(r.baselineMs)} | ${ms(r.toolMs)} | ${r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`} | ${r.target || '—'} | ${mib(r.rssMiB)}${r.baselineRssMiB !== undefined ? ` (${mib(r.baselineRssMiB)})` : ''} | ${r.result}${r.note ? ` (${r.note})` : ''} | ${cpu(r)} |`,
  ),
];
console.log(
  `\nconnref-gate bench${commit ? ` at ${commit}` : ''}${option('--cli') ? ` (CLI: ${option('--cli')})` : ''}${quick ? ' --quick (tiny inputs: checks that the benchmark runs; numbers mean nothing)' : ''}: node ${nodeVersion}, ${cores} cores, medians of ${runs} run${runs > 1 ? 's' : ''}${warmup ? ' after 1 warm-up' : ''}; 1-min load average ${loadStart.toFixed(1)} at start, ${loadavg()[0]?.toFixed(1)} at end\n`,
);
console.log(lines.join('\n'));
if (notes.length) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
if (jsonOut) {
  writeFileSync(
    jsonOut,
    `${JSON.stringify({ commit, node: nodeVersion, cores, runs, quick, rows, notes }, null, 2)}\n`,
  );
}
closeSync(devNull);
if (broken) {
  console.error('\nerror: the benchmark did not work (ERR rows above)');
  process.exitCode = 1;
}
