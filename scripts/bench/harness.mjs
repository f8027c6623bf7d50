// Running and measuring commands for the bench: wall time, CPU time and peak RSS of whole
// processes, the way a user waits for them, and the commands themselves (connref-gate and the
// baselines that only read what a check must read).
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { MiB } from '../generate-solution.mjs';

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

/** @typedef {{name: string, cmd: Command}} Baseline */

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

const PROBE = `// Written by scripts/bench.mjs: records this process's peak RSS (KiB) at exit.
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
`;

const TIMES_MARKER = '@@connref-gate-bench-times@@';
const TIMES_WRAPPER = `"$@"; status=$?; echo ${TIMES_MARKER} >&2; times >&2; exit $status`;

/** The environment of every command: none of the caller's action inputs or node options. */
export const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !k.startsWith('INPUT_') && k !== 'NODE_OPTIONS' && !k.startsWith('GITHUB_'),
  ),
);

/** @param {string} name */
export function which(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = /** @type {number} */ (sorted[mid]);
  return sorted.length % 2 ? at : ((sorted[mid - 1] ?? at) + at) / 2;
}

/** @param {Sample} s @param {Command} cmd */
export function failed(s, cmd) {
  if (s.signal) return `killed by ${s.signal}`;
  const ok = cmd.okStatus ?? [0];
  if (s.status === null || !ok.includes(s.status))
    return `exit ${s.status}: ${s.stderr.trim().split('\n').slice(-3).join(' | ')}`;
  return undefined;
}

/**
 * `cat` of the files a check reads in an unpacked folder, globbed by the shell like a user would.
 * @param {string} folder
 * @returns {Baseline}
 */
export function catBaseline(folder) {
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
    cmd: {
      file: '/bin/sh',
      args: ['-c', `cat ${patterns.join(' ')} > /dev/null`],
      cwd: folder,
    },
  };
}

export class Harness {
  /**
   * @param {{work: string, runs: number, warmup: boolean, profileDir?: string, nodeBin: string,
   *   cli: string}} options nodeBin: the node that runs connref-gate and `node -e 0`
   */
  constructor({ work, runs, warmup, profileDir, nodeBin, cli }) {
    this.work = work;
    this.runs = runs;
    this.warmup = warmup;
    this.profileDir = profileDir;
    this.nodeBin = nodeBin;
    this.cli = cli;
    mkdirSync(work, { recursive: true });
    this.probe = join(work, 'rss-probe.cjs');
    writeFileSync(this.probe, PROBE);
    this.rssFile = join(work, 'rss.txt');
    this.devNull = openSync('/dev/null', 'w');
    this.gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
    this.unzipPath = which('unzip');
  }

  /**
   * A node script run by the node under test (its RSS taken by the probe).
   * @param {string} script
   * @param {string[]} args
   * @returns {Command}
   */
  nodeCommand(script, args) {
    return { file: this.nodeBin, args: [script, ...args], node: true };
  }

  /** @param {string[]} args */
  cliCommand(args) {
    return this.nodeCommand(this.cli, args);
  }

  /**
   * The check every case times: JSON report, never failing on findings, so that an exit code
   * other than 0 means the tool broke.
   * @param {string} solution
   * @param {string | undefined} settings
   */
  checkCommand(solution, settings) {
    return this.cliCommand([
      'check',
      '--solution',
      solution,
      ...(settings ? ['--settings', settings] : []),
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
  }

  /**
   * `unzip -p` of the entries a check reads in an exported zip.
   * @param {string} zip
   * @returns {Baseline}
   */
  unzipBaseline(zip) {
    return {
      name: 'unzip -p',
      cmd: {
        file: /** @type {string} */ (this.unzipPath),
        args: [
          '-p',
          zip,
          'customizations.xml',
          'solution.xml',
          'Workflows/*',
          'environmentvariabledefinitions/*',
        ],
        okStatus: [0, 11], // 11: a pattern matched nothing (a zip without env vars)
      },
    };
  }

  /** "N runs", as the progress lines and the table's heading say it. */
  get runsText() {
    return `${this.runs} run${this.runs > 1 ? 's' : ''}`;
  }

  /** @param {string} label */
  announce(label) {
    console.error(`measuring ${label} (${this.runsText})…`);
  }

  /**
   * @param {Command} cmd
   * @param {{stdout?: 'null' | 'pipe'}} [how]
   * @returns {Sample & {stdout?: string}}
   */
  runOnce(cmd, how = {}) {
    rmSync(this.rssFile, { force: true });
    const env = { ...baseEnv, ...cmd.env };
    if (cmd.node) {
      env.NODE_OPTIONS = `--require=${this.probe}`;
      env.CONNREF_BENCH_RSS_FILE = this.rssFile;
    }
    // Every command runs under `sh -c '"$@"; times'`, so baseline and connref-gate pay the same
    // wrapper, and `times` gives the CPU time (user + sys) of the command: unlike wall time, that
    // hardly moves when other work shares the machine.
    const started = process.hrtime.bigint();
    const result = spawnSync('/bin/sh', ['-c', TIMES_WRAPPER, 'sh', cmd.file, ...cmd.args], {
      cwd: cmd.cwd ?? this.work,
      env,
      stdio: ['ignore', how.stdout === 'pipe' ? 'pipe' : this.devNull, 'pipe'],
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
    if (cmd.node && existsSync(this.rssFile)) {
      for (const line of readFileSync(this.rssFile, 'utf8').trim().split('\n')) {
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
      stdout:
        how.stdout === 'pipe' ? (result.stdout ?? Buffer.alloc(0)).toString('utf8') : undefined,
    };
  }

  /**
   * Peak RSS (KiB) of any command via GNU time, or undefined when /usr/bin/time is absent.
   * @param {Command} cmd
   */
  gnuTimeRss(cmd) {
    if (!this.gnuTime) return undefined;
    const result = spawnSync(this.gnuTime, ['-f', '%M', cmd.file, ...cmd.args], {
      cwd: cmd.cwd ?? this.work,
      env: baseEnv,
      stdio: ['ignore', this.devNull, 'pipe'],
      timeout: 15 * 60 * 1000,
    });
    const last = (result.stderr ?? Buffer.alloc(0)).toString('utf8').trim().split('\n').pop() ?? '';
    const kib = Number(last);
    return Number.isFinite(kib) && kib > 0 ? kib : undefined;
  }

  /**
   * Runs each command `runs` times, interleaved, after one warm-up each.
   * @template {string} K
   * @param {Record<K, Command>} commands
   * @returns {Record<K, Measured>}
   */
  measure(commands) {
    const entries = /** @type {[K, Command][]} */ (Object.entries(commands));
    const out = /** @type {Record<K, Measured>} */ ({});
    for (const [name] of entries)
      out[name] = { median: NaN, samples: [], cpuSamples: [], processes: 0 };
    const rounds = this.runs + (this.warmup ? 1 : 0);
    for (let round = 0; round < rounds; round++) {
      for (const [name, cmd] of entries) {
        const slot = out[name];
        if (slot.error) continue;
        const s = this.runOnce(cmd);
        const error = failed(s, cmd);
        if (error) {
          slot.error = error;
          continue;
        }
        if (this.warmup && round === 0) continue;
        slot.samples.push(s.ms);
        if (s.cpuMs !== undefined) slot.cpuSamples.push(s.cpuMs);
        if (s.rssKiB !== undefined) slot.rssKiB = Math.max(slot.rssKiB ?? 0, s.rssKiB);
        slot.processes = Math.max(slot.processes, s.processes);
      }
    }
    for (const [name] of entries) {
      const slot = out[name];
      if (slot.samples.length) slot.median = median(slot.samples);
      if (slot.cpuSamples.length) slot.cpuMedian = median(slot.cpuSamples);
    }
    return out;
  }

  /**
   * One run with stdout captured: what connref-gate reported (to check the bench measures real work).
   * @param {Command} cmd
   */
  report(cmd) {
    const s = this.runOnce(cmd, { stdout: 'pipe' });
    try {
      return /** @type {any} */ (JSON.parse(s.stdout ?? ''));
    } catch {
      return { notJson: (s.stdout ?? '').trim().slice(0, 80) };
    }
  }

  /**
   * One more run under --cpu-prof, when --profile asked for it.
   * @param {Command} cmd
   * @param {string} label
   * @returns {string | undefined} the profile written
   */
  profile(cmd, label) {
    if (!this.profileDir) return undefined;
    mkdirSync(this.profileDir, { recursive: true });
    // On node's command line: Node 20 refuses --cpu-prof in NODE_OPTIONS.
    const flags = cmd.node
      ? ['--cpu-prof', `--cpu-prof-dir=${this.profileDir}`, `--cpu-prof-name=${label}.cpuprofile`]
      : [];
    this.runOnce({ ...cmd, args: [...flags, ...cmd.args] });
    return join(this.profileDir, `${label}.cpuprofile`);
  }

  close() {
    closeSync(this.devNull);
  }
}
