// The bench's cases on the generated inputs and the corpus, each connref-gate against a baseline
// that only reads what a check must read, and the targets they are judged by.
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MiB } from '../generate-solution.mjs';
import { catBaseline } from './harness.mjs';
import { agentInput } from './inputs.mjs';
import { appendNote, kib2mib, measuredFields } from './results.mjs';

export const TARGET_RATIO = 2.5;
export const TARGET_RSS_MIB = 150;
const TARGET_SET = 1.5;
const TARGET_STARTUP_MS = 150;
/** The online stage against the fake: at most this much over the same check offline. */
export const TARGET_ONLINE_MS = 1500;

/**
 * What every case needs: the options, the harness that runs commands, the results it adds to.
 * @typedef {object} Bench
 * @property {string} root the project
 * @property {string} work
 * @property {boolean} quick
 * @property {string[] | undefined} only
 * @property {(id: string) => boolean} want
 * @property {boolean} skipHuge
 * @property {import('./inputs.mjs').Scale} scale
 * @property {string} action the action's bundle
 * @property {string} corpus
 * @property {number} cores
 * @property {import('./harness.mjs').Harness} harness
 * @property {import('./results.mjs').Results} results
 */

/** @typedef {import('./harness.mjs').Command} Command */
/** @typedef {import('./harness.mjs').Baseline} Baseline */
/** @typedef {import('./inputs.mjs').Inputs} Inputs */

/** @param {string} path */
const sizeMiB = (path) => statSync(path).size / MiB;

/**
 * A --cpu-prof profile of one run, when --profile asked for them.
 * @param {Bench} bench
 * @param {Command} cmd
 * @param {string} label
 */
function profile({ harness, results }, cmd, label) {
  const written = harness.profile(cmd, label);
  if (written) results.notes.push(`cpu profile: ${written}`);
}

/**
 * @param {Bench} bench
 * @param {string} id
 * @param {string} label
 * @param {Baseline} baseline
 * @param {Command} tool
 * @param {{ratio?: number, rssMiB?: number, info?: boolean}} target
 */
export function compare(bench, id, label, baseline, tool, target) {
  const { harness, results } = bench;
  harness.announce(label);
  const { baseline: b, tool: t } = harness.measure({ baseline: baseline.cmd, tool });
  const baselineRssMiB = kib2mib(harness.gnuTimeRss(baseline.cmd));
  const error = t.error ?? (b.error ? `baseline: ${b.error}` : undefined);
  const fields = measuredFields(b, t, error);
  const missed =
    (target.ratio !== undefined && /** @type {number} */ (fields.ratio) > target.ratio) ||
    (target.rssMiB !== undefined && (fields.rssMiB ?? Infinity) > target.rssMiB);
  const targetText = [
    target.ratio !== undefined ? `≤ ${target.ratio}×` : '',
    target.rssMiB !== undefined ? `≤ ${target.rssMiB} MiB` : '',
  ]
    .filter(Boolean)
    .join(', ');
  results.add({
    id,
    label,
    baseline: baseline.name,
    ...fields,
    target: target.info ? `(info) ${targetText}` : targetText,
    baselineRssMiB,
    result: error ? 'ERR' : target.info ? 'INFO' : missed ? 'MISS' : 'PASS',
    note:
      error ??
      (t.processes > 1 ? `${t.processes} node processes; RSS is the largest one` : undefined),
  });
  if (!error) profile(bench, tool, id);
}

/**
 * The exported zips: the large one, and the same with huge media (which a check never reads).
 * @param {Bench} bench
 * @param {Inputs} inputs
 */
export function zipCases(bench, { large, huge }) {
  const { want, harness, results, scale } = bench;
  const cases = [
    {
      id: 'zip',
      solution: large,
      name: 'large zip',
      label: (/** @type {string} */ size) =>
        `large zip (${large.counts.flows} flows, ${large.counts.canvasApps} apps × ${scale.large.mediaBytesPerApp / MiB} MiB, ${size} MiB)`,
    },
    {
      id: 'zip-huge',
      solution: huge,
      name: 'large zip, huge media',
      label: (/** @type {string} */ size) =>
        `large zip, ${scale.hugeMedia / MiB} MiB per app (${size} MiB)`,
    },
  ];
  for (const { id, solution, name, label } of cases) {
    if (!solution || !want(id)) continue;
    if (!harness.unzipPath) {
      results.skip(id, name, 'unzip missing');
      continue;
    }
    const zip = /** @type {string} */ (solution.zipPath);
    compare(
      bench,
      id,
      label(sizeMiB(zip).toFixed(0)),
      harness.unzipBaseline(zip),
      harness.checkCommand(zip, solution.settingsPath),
      { ratio: TARGET_RATIO, rssMiB: TARGET_RSS_MIB },
    );
  }
}

/**
 * @param {Bench} bench
 * @returns {string | undefined} the agent's solution, when the case ran
 */
export function agentCase(bench) {
  if (!bench.want('agents')) return undefined;
  const dir = agentInput(bench);
  compare(
    bench,
    'agents',
    `unpacked agent (${bench.scale.agentComponents} components)`,
    catBaseline(dir),
    bench.harness.checkCommand(dir, undefined),
    { ratio: TARGET_RATIO },
  );
  return dir;
}

/**
 * @param {Bench} bench
 * @param {Inputs} inputs
 */
export function unpackedCase(bench, { large }) {
  if (!bench.want('unpacked')) return;
  const folder = /** @type {string} */ (large.unpackedDir);
  compare(
    bench,
    'unpacked',
    `unpacked large (${large.unpackedFiles.length} files)`,
    catBaseline(folder),
    bench.harness.checkCommand(folder, large.settingsPath),
    { ratio: TARGET_RATIO },
  );
}

/**
 * Many solutions in one run against the largest alone, spread over the machine's cores.
 * @param {Bench} bench
 * @param {Inputs} inputs
 */
export function setCase(bench, { set }) {
  const { harness, results, cores } = bench;
  if (!set || !bench.want('set')) return;
  console.error(`measuring ${set.solutions.length} solutions in one run vs the largest alone…`);
  const all = harness.checkCommand(set.dir, set.settingsPath);
  const m = harness.measure({
    all,
    zip: harness.checkCommand(set.largestZip, set.settingsPath),
    folder: harness.checkCommand(set.largestFolder, set.settingsPath),
  });
  const error = m.all.error ?? m.zip.error ?? m.folder.error;
  // "The largest alone": the slower of the largest zip and the largest unpacked folder.
  const largest = Math.max(m.zip.median, m.folder.median);
  const reference = (largest * set.solutions.length) / cores;
  const zipCpu = m.zip.cpuMedian;
  const folderCpu = m.folder.cpuMedian;
  results.add({
    id: 'set',
    label: `${set.solutions.length} solutions in one run (${set.solutions.filter((s) => s.kind === 'zip').length} zips + ${set.solutions.filter((s) => s.kind === 'folder').length} folders)`,
    baseline: `largest alone × ${set.solutions.length} / ${cores} cores`,
    baselineMs: error ? undefined : reference,
    toolMs: error ? undefined : m.all.median,
    ratio: error ? undefined : m.all.median / reference,
    target: `≤ ${TARGET_SET}×`,
    rssMiB: kib2mib(m.all.rssKiB),
    baselineRssMiB: undefined,
    baselineCpuMs:
      zipCpu !== undefined && folderCpu !== undefined
        ? (Math.max(zipCpu, folderCpu) * set.solutions.length) / cores
        : undefined,
    toolCpuMs: error ? undefined : m.all.cpuMedian,
    result: error ? 'ERR' : m.all.median / reference <= TARGET_SET ? 'PASS' : 'MISS',
    note:
      error ??
      `largest alone: zip ${m.zip.median.toFixed(0)} ms, folder ${m.folder.median.toFixed(0)} ms`,
  });
  if (!error) profile(bench, all, 'set');
}

/**
 * The CLI's and the action's start-up against node's own.
 * @param {Bench} bench
 * @returns {number | undefined} the median of `node -e 0`, when a row measured it
 */
export function startupCases(bench) {
  const { harness, results, want, root, action } = bench;
  /** @type {number | undefined} */
  let nodeStartMs;
  /** @type {Baseline} */
  const nodeBaseline = {
    name: 'node -e 0',
    cmd: { file: harness.nodeBin, args: ['-e', '0'], node: true },
  };
  /**
   * @param {string} id
   * @param {string} label
   * @param {Command} cmd
   */
  const startup = (id, label, cmd, { target = true } = {}) => {
    console.error(`measuring ${label}…`);
    const { baseline: b, tool: t } = harness.measure({ baseline: nodeBaseline.cmd, tool: cmd });
    if (!b.error) nodeStartMs = Math.min(nodeStartMs ?? Infinity, b.median);
    results.add({
      id,
      label,
      baseline: nodeBaseline.name,
      ...measuredFields(b, t, t.error),
      target: target ? `≤ ${TARGET_STARTUP_MS} ms` : 'none',
      baselineRssMiB: kib2mib(b.rssKiB),
      result: t.error ? 'ERR' : !target ? 'INFO' : t.median <= TARGET_STARTUP_MS ? 'PASS' : 'MISS',
      note: t.error ?? (target ? undefined : 'a runner step takes seconds to start: no target'),
    });
  };
  if (want('startup-cli'))
    startup(
      'startup-cli',
      'start-up: node dist/cli.js --version',
      harness.cliCommand(['--version']),
    );
  if (want('startup-action')) {
    if (!existsSync(action))
      results.skip(
        'startup-action',
        'start-up: node dist/index.js',
        `${relative(root, action)} missing`,
      );
    else
      startup(
        'startup-action',
        'start-up: node dist/index.js (no inputs, fails fast)',
        { ...harness.nodeCommand(action, []), okStatus: [0, 1, 2] },
        { target: false },
      );
  }
  return nodeStartMs;
}

/** The largest real trees of the corpus, with a settings file where the corpus has one. */
const CORPUS_CASES = [
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

/** @param {Bench} bench */
export function corpusCases(bench) {
  const { corpus, root, want, results, harness } = bench;
  for (const c of CORPUS_CASES) {
    if (!want(c.id)) continue;
    const dir = join(corpus, c.dir);
    if (!existsSync(dir)) {
      results.skip(
        c.id,
        c.label,
        `${relative(root, dir)} is absent (the corpus lives in ../shared/corpus)`,
      );
      continue;
    }
    const settings =
      c.settings && existsSync(join(corpus, c.settings)) ? join(corpus, c.settings) : undefined;
    compare(bench, c.id, c.label, catBaseline(dir), harness.checkCommand(dir, settings), {
      ratio: TARGET_RATIO,
    });
  }
}

/**
 * What connref-gate reported for the generated inputs: proof that the timed runs did the work.
 * @param {Bench} bench
 * @param {Inputs} inputs
 * @param {string | undefined} agentDir
 */
export function checkReports(bench, { large, huge, set }, agentDir) {
  const { want, harness, results, scale } = bench;
  const { notes } = results;
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
    const r = harness.report(harness.checkCommand(solution, settings));
    const s = r.solutions?.[0];
    if (!s) {
      notes.push(`${label}: no report (${JSON.stringify(r).slice(0, 120)})`);
      results.broken = true;
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
    const expected = scale.agentComponents;
    const r = harness.report(harness.checkCommand(agentDir, undefined));
    const s = r.solutions?.[0];
    const components = s?.agents?.[0]?.components?.length;
    const rules = new Set((r.findings ?? []).map((/** @type {{ruleId: string}} */ f) => f.ruleId));
    const ok = components === expected && !rules.has('SL001') && !rules.has('CR010');
    notes.push(
      `agent: connref-gate reported ${s?.agents?.length} agent with ${components} components, rules ${[...rules].join(', ') || 'none'}${ok ? '' : ` — EXPECTED ${expected} components, no SL001 or CR010`}`,
    );
    if (!ok) results.broken = true;
  }
  if (set && want('set')) {
    const r = harness.report(harness.checkCommand(set.dir, set.settingsPath));
    notes.push(
      `${set.solutions.length} solutions: connref-gate reported ${r.solutions?.length} solutions, ${r.summary?.errors} errors, ${r.summary?.warnings} warnings`,
    );
  }
}

/**
 * Says why a case missed its ratio target, where the other rows tell: node's own start-up, or
 * the case's floor (start-up plus the check with a warm JIT).
 * @param {import('./results.mjs').Results} results
 * @param {number | undefined} nodeStartMs
 */
export function explainMisses({ rows }, nodeStartMs) {
  // A ratio target no node program can meet: node's own start-up is over the allowed time.
  if (nodeStartMs !== undefined) {
    for (const r of rows) {
      if (r.id.startsWith('startup') || r.id === 'set' || r.baselineMs === undefined) continue;
      if (r.result !== 'MISS' || !r.target.startsWith('≤ 2.5×')) continue;
      if (nodeStartMs > TARGET_RATIO * r.baselineMs) {
        appendNote(
          r,
          `out of reach for any node program: node -e 0 alone takes ${nodeStartMs.toFixed(0)} ms = ${(nodeStartMs / r.baselineMs).toFixed(1)}× this baseline`,
        );
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
    appendNote(
      r,
      f.ratio > TARGET_RATIO
        ? `over the target even with a warm JIT: start-up plus the warm check is ${f.ratio.toFixed(2)}×`
        : `floor ${f.ratio.toFixed(2)}×: the rest is the JIT warming up`,
    );
  }
}
