#!/usr/bin/env node
// A/B timing of two CLI bundles on the inputs `npm run bench` generates: the runs of A and B
// alternate, so the load of a shared machine falls on both alike. For deciding a change (a
// library instead of own code, a faster path) by the ratio B/A of the whole check, which is what
// a user waits for; `npm run bench` stays the measure against the targets.
//
//   node scripts/bench-ab.mjs --a OLD/dist/cli.js --b dist/cli.js [--runs 15] [--work DIR]
//                             [--cases zip,unpacked,startup]
//
// Needs `npm run bench` (or `npm run bench -- --only zip,unpacked`) to have generated the inputs
// under DIR (default $TMPDIR/connref-gate-bench/full/large). Prints, per case, the median and the
// fastest run of each bundle (wall time), user + sys CPU time (median), and the ratio B/A of the
// medians. Exits 1 when a run fails or the two bundles print different reports.
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
const a = option('--a');
const b = option('--b');
if (!a || !b) {
  console.error(
    'usage: node scripts/bench-ab.mjs --a CLI --b CLI [--runs N] [--work DIR] [--cases zip,unpacked,startup]',
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
  run(a, args);
  run(b, args);
  /** @type {{a: ReturnType<typeof run>[], b: ReturnType<typeof run>[]}} */
  const samples = { a: [], b: [] };
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so neither always follows the other.
    if (i % 2 === 0) {
      samples.a.push(run(a, args));
      samples.b.push(run(b, args));
    } else {
      samples.b.push(run(b, args));
      samples.a.push(run(a, args));
    }
  }
  const same = samples.a[0].out === samples.b[0].out;
  if (!same && name !== 'startup') failed = true;
  const line = (/** @type {'a' | 'b'} */ key) => {
    const s = samples[key];
    const cpu = s.map((x) => x.cpuMs).filter((x) => x !== undefined);
    return `median ${fmt(median(s.map((x) => x.ms)))}, fastest ${fmt(Math.min(...s.map((x) => x.ms)))}${cpu.length ? `, CPU ${fmt(median(cpu))}` : ''}`;
  };
  const ratio = median(samples.b.map((x) => x.ms)) / median(samples.a.map((x) => x.ms));
  console.log(
    `${name}: A ${line('a')} | B ${line('b')} | B/A ${ratio.toFixed(2)}${same || name === 'startup' ? '' : ' | REPORTS DIFFER'}`,
  );
}
process.exit(failed ? 1 : 0);
