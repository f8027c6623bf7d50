// The one flow that every entry point (CLI, GitHub Action, Azure DevOps task) shares: check,
// write the requested report files, decide pass or fail. Adapters only map their inputs to
// GateOptions and the outcome to their platform.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import { check, isFailing, redactSecrets, type CheckResult } from './engine.js';
import { UsageError } from './errors.js';
import { formatJson, formatMarkdown, formatSarif } from './format/index.js';
import type { FailOn, Report } from './model.js';
import type { CheckOptions } from './options.js';
import { toReportPath } from './paths.js';

export interface GateOptions extends CheckOptions {
  failOn: FailOn;
  /** Where to write SARIF, relative to cwd; nothing is written when absent or empty. */
  sarifFile?: string;
  /** Where to write the JSON report (SPEC section 5), relative to cwd. */
  reportFile?: string;
  // The `--resolved-settings` issue adds its output file here and in GateOutcome.written.
}

export interface GateOutcome {
  result: CheckResult;
  /** Shorthand for `result.report`. */
  report: Report;
  /** Findings reach `failOn`. */
  failed: boolean;
  /** The job summary: verdict, tables and findings, within the default size budget. */
  markdown: string;
  /** Report files written, as given in the options (relative to cwd). */
  written: { sarifFile?: string; reportFile?: string };
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Refuses an output path inside a solution that was checked (or onto a solution zip): a report
 * written there would change the solution source and could be packed into the next import.
 * Overwriting a settings file that was just checked is refused too.
 */
export function assertWritable(
  target: string,
  result: CheckResult,
  cwd: string,
  what: string,
): void {
  const absTarget = resolve(cwd, target);
  for (const settings of result.settingsFiles) {
    if (absTarget === resolve(cwd, settings.path)) {
      throw new UsageError(
        `refusing to overwrite the settings file ${settings.path} with the ${what}`,
      );
    }
  }
  for (const solution of result.report.solutions) {
    if (isInside(absTarget, resolve(cwd, solution.path))) {
      throw new UsageError(
        `refusing to write the ${what} ${target} inside the solution ${solution.path}: choose a path outside it`,
      );
    }
  }
}

/** Writes text to a path relative to cwd, creating parent folders. */
export async function writeOutputFile(path: string, text: string, cwd: string): Promise<void> {
  const absPath = resolve(cwd, path);
  try {
    await mkdir(dirname(absPath), { recursive: true });
    await writeFile(absPath, text, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot write ${toReportPath(absPath, cwd)} (${code}): check the path`);
  }
}

export async function runGate(options: GateOptions): Promise<GateOutcome> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const sarifFile = options.sarifFile?.trim() || undefined;
  const reportFile = options.reportFile?.trim() || undefined;
  const result = await check({ ...options, cwd });
  const { report, secrets } = result;

  // Check every target before writing anything, so that a refused path leaves no partial output.
  if (sarifFile) assertWritable(sarifFile, result, cwd, 'SARIF file');
  if (reportFile) assertWritable(reportFile, result, cwd, 'report file');

  // The report never holds secret values; redacting again guards against a rule that slips.
  const written: GateOutcome['written'] = {};
  if (sarifFile) {
    await writeOutputFile(sarifFile, redactSecrets(formatSarif(report), secrets), cwd);
    written.sarifFile = sarifFile;
  }
  if (reportFile) {
    await writeOutputFile(reportFile, redactSecrets(formatJson(report), secrets), cwd);
    written.reportFile = reportFile;
  }
  return {
    result,
    report,
    failed: isFailing(report.summary, options.failOn),
    markdown: redactSecrets(formatMarkdown(report, { failOn: options.failOn }), secrets),
    written,
  };
}
