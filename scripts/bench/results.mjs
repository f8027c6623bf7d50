// The bench's rows and what it prints: a Markdown table (to paste into docs), the notes under it,
// and the same rows as JSON for --json.
import { writeFileSync } from 'node:fs';

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

/** @typedef {import('./harness.mjs').Measured} Measured */

// The JSON keeps one field order, whatever order a case builds its row in.
const ROW_FIELDS = /** @type {const} */ ([
  'id',
  'label',
  'baseline',
  'baselineMs',
  'toolMs',
  'ratio',
  'target',
  'rssMiB',
  'baselineRssMiB',
  'baselineCpuMs',
  'toolCpuMs',
  'result',
  'note',
]);

export const kib2mib = (/** @type {number | undefined} */ k) =>
  k === undefined ? undefined : k / 1024;

/**
 * A row's numbers for a command measured against its baseline; an error leaves out the
 * measured side, which did not do the work.
 * @param {Measured} b the baseline
 * @param {Measured} t what is measured
 * @param {string | undefined} error
 */
export function measuredFields(b, t, error) {
  return {
    baselineMs: b.median,
    toolMs: error ? undefined : t.median,
    ratio: error ? undefined : t.median / b.median,
    rssMiB: kib2mib(t.rssKiB),
    baselineCpuMs: b.cpuMedian,
    toolCpuMs: error ? undefined : t.cpuMedian,
  };
}

/**
 * Adds a reason to a row's note.
 * @param {Row} row
 * @param {string} why
 */
export function appendNote(row, why) {
  row.note = row.note ? `${row.note}; ${why}` : why;
}

export class Results {
  constructor() {
    /** @type {Row[]} */
    this.rows = [];
    /** @type {string[]} */
    this.notes = [];
    /** The benchmark itself did not work (a command crashed, a report was not what it should be). */
    this.broken = false;
  }

  /** @param {Row} row */
  add(row) {
    this.rows.push(
      /** @type {Row} */ (Object.fromEntries(ROW_FIELDS.map((field) => [field, row[field]]))),
    );
    if (row.result === 'ERR') this.broken = true;
  }

  /** @param {string} id @param {string} label @param {string} why */
  skip(id, label, why) {
    this.add({
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
   * Prints the heading, the table and the notes; writes the JSON when asked.
   * @param {{heading: string, jsonOut?: string, json: Record<string, unknown>}} output
   */
  print({ heading, jsonOut, json }) {
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
      ...this.rows.map(
        (r) =>
          `| ${r.label} | ${r.baseline || '—'} | ${ms(r.baselineMs)} | ${ms(r.toolMs)} | ${r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`} | ${r.target || '—'} | ${mib(r.rssMiB)}${r.baselineRssMiB !== undefined ? ` (${mib(r.baselineRssMiB)})` : ''} | ${r.result}${r.note ? ` (${r.note})` : ''} | ${cpu(r)} |`,
      ),
    ];
    console.log(`\n${heading}\n`);
    console.log(lines.join('\n'));
    if (this.notes.length) console.log(`\n${this.notes.map((n) => `- ${n}`).join('\n')}`);
    if (jsonOut) {
      writeFileSync(
        jsonOut,
        `${JSON.stringify({ ...json, rows: this.rows, notes: this.notes }, null, 2)}\n`,
      );
    }
  }
}
