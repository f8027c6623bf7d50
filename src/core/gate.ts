// The one flow that every entry point (CLI, GitHub Action, Azure DevOps task) shares: check,
// write the requested report files, decide pass or fail. Adapters only map their inputs to
// GateOptions and the outcome to their platform.
import { resolve } from 'node:path';
import { check, isFailing, redactSecrets, type CheckResult } from './engine.js';
import { UsageError } from './errors.js';
import { SUMMARY_MAX_BYTES, formatJson, formatMarkdown, formatSarif } from './format/index.js';
import type { FailOn, Report } from './model.js';
import type { CheckOptions } from './options.js';
import { exists, isInside, toReportPath, writeRegularFile } from './paths.js';
import { resolveSettings, writePrivateFile } from './resolved-settings.js';
import { plural } from './format/common.js';

export interface GateOptions extends CheckOptions {
  failOn: FailOn;
  /** Where to write SARIF, relative to cwd; nothing is written when absent or empty. */
  sarifFile?: string;
  /** Where to write the JSON report (SPEC section 5), relative to cwd. */
  reportFile?: string;
  /**
   * Where to write the settings after substitution, restricted to what the solution defines
   * (`--resolved-settings`), relative to cwd. Needs exactly one solution and one settings file;
   * written (mode 0600) only when the check finds no errors.
   */
  resolvedSettingsFile?: string;
  /** Mermaid diagrams in the job summary (default true). */
  summaryDiagrams?: boolean;
}

export interface GateOutcome {
  result: CheckResult;
  /** Shorthand for `result.report`. */
  report: Report;
  /** Findings reach `failOn`. */
  failed: boolean;
  /** The job summary: verdict, diagrams, tables and findings, within 1 MiB less a margin. */
  markdown: string;
  /** Report files written, as given in the options (relative to cwd). */
  written: { sarifFile?: string; reportFile?: string; resolvedSettings?: string };
  /** Why an asked-for file was not written: one line, for the log. Always set by runGate. */
  notWritten?: { resolvedSettings?: string };
  /** What the resolved settings file holds, when it was written. */
  resolvedSettings?: { connectionReferences: number; environmentVariables: number };
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
    await writeRegularFile(absPath, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot write ${toReportPath(absPath, cwd)} (${code}): check the path`);
  }
}

function exactlyOne(what: string, paths: readonly string[]): void {
  if (paths.length === 1) return;
  const given =
    paths.length === 0
      ? 'none was given'
      : `${paths.length} were given (${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''})`;
  throw new UsageError(
    `the resolved settings file is for one solution and one settings file: it needs exactly one ${what}, but ${given}`,
  );
}

/** Refuses two outputs that are the same file: the second would overwrite the first. */
function assertDistinct(outputs: [string, string | undefined][], cwd: string): void {
  const seen = new Map<string, string>();
  for (const [what, path] of outputs) {
    if (!path) continue;
    const abs = resolve(cwd, path);
    const other = seen.get(abs);
    if (other !== undefined) {
      throw new UsageError(
        `the ${what} and the ${other} are the same file ${path}: give two paths`,
      );
    }
    seen.set(abs, what);
  }
}

export async function runGate(options: GateOptions): Promise<GateOutcome> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const sarifFile = options.sarifFile?.trim() || undefined;
  const reportFile = options.reportFile?.trim() || undefined;
  const resolvedSettingsFile = options.resolvedSettingsFile?.trim() || undefined;
  if (resolvedSettingsFile && options.placeholders === 'defer') {
    // Deferred placeholders pass as notes: pac would import them as literal text.
    throw new UsageError(
      'the resolved settings file is for the deploy stage, where placeholders are resolved: it is not written with placeholders deferred',
    );
  }
  const settingsGiven = [...(options.settings ?? []), ...(options.settingsPerSolution ?? [])];
  if (resolvedSettingsFile && !settingsGiven.some((p) => p.trim() !== '')) {
    exactlyOne('settings file', []);
  }
  assertDistinct(
    [
      ['SARIF file', sarifFile],
      ['report file', reportFile],
      ['resolved settings file', resolvedSettingsFile],
    ],
    cwd,
  );
  const result = await check({ ...options, cwd });
  const { report, secrets } = result;

  // Check every target before writing anything, so that a refused path leaves no partial output.
  if (sarifFile) assertWritable(sarifFile, result, cwd, 'SARIF file');
  if (reportFile) assertWritable(reportFile, result, cwd, 'report file');
  if (resolvedSettingsFile) {
    exactlyOne('solution', result.solutionPaths ?? []);
    exactlyOne('settings file', result.settingsPaths ?? []);
    assertWritable(resolvedSettingsFile, result, cwd, 'resolved settings file');
  }

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
  const notWritten: NonNullable<GateOutcome['notWritten']> = {};
  let resolvedSettings: GateOutcome['resolvedSettings'];
  if (resolvedSettingsFile) {
    const why = await resolvedSettingsBlocker(result, resolve(cwd, resolvedSettingsFile));
    if (why !== undefined) {
      notWritten.resolvedSettings = `resolved settings not written to ${resolvedSettingsFile}: ${why}`;
    } else {
      // The one output that must hold the substituted values: no redaction, mode 0600.
      const resolved = resolveSettings(report.solutions[0]!, result.settingsFiles[0]!);
      await writePrivateFile(resolvedSettingsFile, resolved.text, cwd);
      written.resolvedSettings = resolvedSettingsFile;
      resolvedSettings = {
        connectionReferences: resolved.connectionReferences,
        environmentVariables: resolved.environmentVariables,
      };
    }
  }
  // Built on first use: the adapters need it, the CLI's text/JSON/SARIF runs do not.
  let markdown: string | undefined;
  return {
    result,
    report,
    failed: isFailing(report.summary, options.failOn),
    get markdown() {
      return (markdown ??= redactSecrets(
        formatMarkdown(report, {
          failOn: options.failOn,
          maxBytes: SUMMARY_MAX_BYTES,
          diagram: options.summaryDiagrams,
        }),
        secrets,
      ));
    },
    written,
    notWritten,
    ...(resolvedSettings ? { resolvedSettings } : {}),
  };
}

/** Why the resolved settings cannot be written (one line), or undefined when they can. */
async function resolvedSettingsBlocker(
  result: CheckResult,
  absTarget: string,
): Promise<string | undefined> {
  const { report } = result;
  const left = (await exists(absTarget))
    ? '; the file already there is left as it was and is not from this run'
    : '';
  if (report.summary.errors > 0) {
    return `the check found ${plural(report.summary.errors, 'error')}, and pac would import these settings with them${left}`;
  }
  // Reachable only with SL001 or DS001 switched off.
  if (report.solutions.length !== 1) return `the solution could not be read${left}`;
  if (result.settingsFiles.length !== 1) return `the settings file is not usable${left}`;
  return undefined;
}
