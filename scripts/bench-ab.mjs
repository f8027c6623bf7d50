#!/usr/bin/env node
// A/B timing of CLI bundles on the inputs `npm run bench` generates: the runs of the bundles
// take turns, so the load of a shared machine falls on all of them alike. For deciding a change
// (a library instead of own code, a faster path) by its ratio to a baseline on the whole check,
// which is what a user waits for; `npm run bench` stays the measure against the targets.
//
//   node scripts/bench-ab.mjs [--runs 15] [--work DIR] [--cases zip,unpacked,startup] BASE.js OTHER.js...
//
// Needs `npm run bench` (or `npm run bench -- --only zip,unpacked`) to have generated the inputs
// under DIR (default $TMPDIR/connref-gate-bench/full/large). Prints, per case and bundle, the
// median and the fastest run (wall time), user + sys CPU time (median, with GNU time), and the
// ratios of the medians to the first bundle's. Exits 1 when a run fails or the bundles print
// different reports.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const argv = process.argv.slice(2);
const option = (/** @type {string} */ name) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const bundles = argv.filter((arg, i) => !arg.startsWith('--') && !argv[i - 1]?.startsWith('--'));
if (bundles.length < 2) {
  console.error(
    'usage: node scripts/bench-ab.mjs [--runs N] [--work DIR] [--cases zip,unpacked,startup] BASE.js OTHER.js...',
  );
  process.exit(2);
}
const runs = Number(option('--runs') ?? 15);
const work = resolve(option('--work') ?? join(tmpdir(), 'connref-gate-bench', 'full', 'large'));
const cases = (option('--cases') ?? 'zip,unpacked,startup').split(',');
const zip = join(work, 'ConnrefBenchLarge.zip');
const unpacked = join(work, 'unpacked');
const settings = join(work, 'settings.json');
for (const path of [zip, unpacked, settings]) {
  if (!existsSync(path)) {
    console.error(`bench-ab: ${path} is missing; run npm run bench -- --only zip,unpacked first`);
    process.exit(2);
  }
}

/** @type {Record<string, string[]>} */
const argsOf = {
  zip: [
    'check',
    '--solution',
    zip,
    '--settings',
    settings,
    '--format',
    'json',
    '--fail-on',
    'never',
  ],
  unpacked: [
    'check',
    '--solution',
    unpacked,
    '--settings',
    settings,
    '--format',
    'json',
    '--fail-on',
    'never',
  ],
  startup: ['--version'],
};

/** One run: wall ms, CPU ms (GNU time when installed), and a hash of stdout. */
function run(/** @type {string} */ cli, /** @type {string[]} */ args) {
  const time = existsSync('/usr/bin/time');
  const file = time ? '/usr/bin/time' : process.execPath;
  const fullArgs = time ? ['-f', '%U %S', process.execPath, cli, ...args] : [cli, ...args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, fullArgs, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    console.error(`bench-ab: ${cli} ${args.join(' ')} exited ${result.status}\n${result.stderr}`);
    process.exit(1);
  }
  const cpu = time ? /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(result.stderr) : null;
  return {
    ms,
    cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined,
    // The version differs between builds of different commits; reports must not.
    out: createHash('sha256')
      .update(result.stdout.replace(/"version":\s*"[^"]*"/, ''))
      .digest('hex'),
  };
}

const median = (/** @type {number[]} */ values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (/** @type {number} */ ms) => `${ms.toFixed(0)} ms`;

let failed = false;
for (const name of cases) {
  const args = argsOf[name];
  if (!args) throw new Error(`unknown case ${name}`);
  for (const cli of bundles) run(cli, args);
  /** @type {ReturnType<typeof run>[][]} */
  const samples = bundles.map(() => []);
  for (let i = 0; i < runs; i++) {
    // A different bundle goes first each round, so none always follows another.
    for (let k = 0; k < bundles.length; k++) {
      const index = (i + k) % bundles.length;
      samples[index].push(run(bundles[index], args));
    }
  }
  const base = median(samples[0].map((x) => x.ms));
  const baseCpu = median(samples[0].map((x) => x.cpuMs ?? 0));
  console.log(`${name} (${runs} rounds):`);
  bundles.forEach((cli, index) => {
    const s = samples[index];
    const wall = median(s.map((x) => x.ms));
    const cpu = median(s.map((x) => x.cpuMs ?? 0));
    const same = s[0].out === samples[0][0].out || name === 'startup';
    if (!same) failed = true;
    console.log(
      `  ${cli}: median ${fmt(wall)} (${(wall / base).toFixed(2)}x), fastest ${fmt(Math.min(...s.map((x) => x.ms)))}` +
        `${cpu ? `, CPU ${fmt(cpu)} (${(cpu / baseCpu).toFixed(2)}x)` : ''}${same ? '' : ', REPORT DIFFERS'}`,
    );
  });
}
process.exit(failed ? 1 : 0);
