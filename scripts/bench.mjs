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
//
// The work is in scripts/bench/: harness.mjs (running and measuring commands), inputs.mjs (the
// generated inputs), cases.mjs (the cases and their targets), alternatives.mjs (zip readers and
// the floor), online.mjs (the online stage), results.mjs (rows, table, JSON).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { floorCases, zipReaderCases } from './bench/alternatives.mjs';
import {
  agentCase,
  checkReports,
  corpusCases,
  explainMisses,
  setCase,
  startupCases,
  unpackedCase,
  zipCases,
} from './bench/cases.mjs';
import { Harness } from './bench/harness.mjs';
import { generateInputs, scaleFor } from './bench/inputs.mjs';
import { onlineCase } from './bench/online.mjs';
import { Results } from './bench/results.mjs';

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
  // The usage is this file's opening comment.
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  const text = lines.slice(1, lines.findIndex((l) => l.startsWith('// Timing')) - 1);
  console.log(text.map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const quick = flag('--quick');
const runs = Math.max(1, Number(option('--runs') ?? (quick ? 1 : 5)));
const warmup = !quick;
const only = option('--only')?.split(',');
const want = (/** @type {string} */ id) =>
  !only || only.includes(id) || only.some((o) => id.startsWith(`${o}-`) && o === 'corpus');
const cli = resolve(root, option('--cli') ?? 'dist/cli.js');
const work = resolve(option('--work') ?? join(tmpdir(), 'connref-gate-bench'));
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

const harness = new Harness({
  work,
  runs,
  warmup,
  profileDir: option('--profile') ? resolve(option('--profile') ?? '') : undefined,
  nodeBin,
  cli,
});
const results = new Results();
/** @type {import('./bench/cases.mjs').Bench} */
const bench = {
  root,
  work,
  quick,
  only,
  want,
  skipHuge: flag('--no-huge'),
  scale: scaleFor(quick),
  action: resolve(root, option('--action') ?? 'dist/index.js'),
  corpus: resolve(root, '..', 'shared', 'corpus'),
  cores: availableParallelism(),
  harness,
  results,
};

// ---------------------------------------------------------------------------------------------
// Main

const cliText = existsSync(cli) ? readFileSync(cli, 'utf8') : '';
const cliPlaceholder = cliText.length < 2000 && /console\.log\(['"]hello['"]\)/.test(cliText);
if (!cliText) {
  console.error(`error: ${relative(root, cli)} is missing: run npm run build first`);
  process.exit(1);
}
if (cliPlaceholder)
  results.notes.push(
    `${relative(root, cli)} is still the placeholder: the connref-gate numbers measure node start-up only`,
  );
if (!harness.unzipPath)
  results.notes.push(
    'unzip is not installed: the zip baselines are skipped (apt-get install unzip)',
  );
if (!harness.gnuTime)
  results.notes.push(
    '/usr/bin/time is not installed: baseline RSS is not shown (connref-gate RSS needs only node)',
  );

const inputs = generateInputs(bench);

// The order of the table's rows.
zipCases(bench, inputs);
zipReaderCases(bench, inputs);
const agentDir = agentCase(bench);
if (want('online')) onlineCase(bench, inputs);
unpackedCase(bench, inputs);
floorCases(bench, inputs);
setCase(bench, inputs);
const nodeStartMs = startupCases(bench);
corpusCases(bench);
if (!cliPlaceholder) checkReports(bench, inputs, agentDir);
explainMisses(results, nodeStartMs);

// ---------------------------------------------------------------------------------------------
// Output

results.print({
  heading: `connref-gate bench${commit ? ` at ${commit}` : ''}${option('--cli') ? ` (CLI: ${option('--cli')})` : ''}${quick ? ' --quick (tiny inputs: checks that the benchmark runs; numbers mean nothing)' : ''}: node ${nodeVersion}, ${bench.cores} cores, medians of ${harness.runsText}${warmup ? ' after 1 warm-up' : ''}; 1-min load average ${loadStart.toFixed(1)} at start, ${loadavg()[0]?.toFixed(1)} at end`,
  jsonOut: option('--json') ? resolve(option('--json') ?? '') : undefined,
  json: { commit, node: nodeVersion, cores: bench.cores, runs, quick },
});
harness.close();
if (results.broken) {
  console.error('\nerror: the benchmark did not work (ERR rows above)');
  process.exitCode = 1;
}
