// What the CI adapters (GitHub Action, Azure DevOps task) share beyond the gate itself: parsing
// raw input values, making paths repository-relative, splitting secrets for masking, and the
// one-line texts they log. Platform-neutral: each adapter reads its own inputs, names them in its
// own style (`fail-on` or `failOn`) and hands the raw strings here.
import { statSync } from 'node:fs';
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { UsageError, errorMessage } from './errors.js';
import { plural } from './format/common.js';
import type { GateOutcome } from './gate.js';
import type { InitFileResult, InitResult } from './init.js';
import type { FailOn, PlaceholderMode, SeverityOverride, Summary } from './model.js';
import type { OnlineSummary } from './online/stage.js';
import { parseRuleOverrides } from './rules/index.js';
import { TOOL_NAME } from './version.js';

// ---------------------------------------------------------------------------------------------
// Input values

/** `check`: the gate. `init-check`: `init --check`, a drift check of the settings files. */
export type AdapterCommand = 'check' | 'init-check';

export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'never'];

/** A multi-line input: trimmed lines, without empty lines and `#` comment lines. */
export function inputLines(value: string | undefined): string[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * `check` (default, also for an empty value) or `init --check`; spacing and case do not matter.
 * `ci` names where the drift check runs (`a workflow`, `a pipeline`) in the hint for `init`.
 */
export function parseCommand(raw: string, name: string, ci: string): AdapterCommand {
  const value = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  if (value === '' || value === 'check') return 'check';
  if (value === 'init --check') return 'init-check';
  const hint =
    value === 'init'
      ? ` (init writes the settings file: run it where you commit, and use 'init --check' in ${ci})`
      : '';
  throw new UsageError(`input '${name}' is '${raw}': use check or init --check${hint}`);
}

/** The one-line refusal of an output input (`sarif-file`, `resolved-settings`) with `init --check`. */
export function notForInitCheck(name: string): UsageError {
  return new UsageError(
    `input '${name}' is for command 'check': 'init --check' compares the settings with the solution and writes nothing`,
  );
}

/** `error` (default), `warning` or `never`, in any case. */
export function parseFailOn(raw: string, name: string): FailOn {
  const value = raw.trim().toLowerCase() || 'error';
  if (!(FAIL_ON_VALUES as readonly string[]).includes(value)) {
    throw new UsageError(`input '${name}' is '${raw}': use one of ${FAIL_ON_VALUES.join(', ')}`);
  }
  return value as FailOn;
}

/** `resolve` (default) or `defer`, in any case. */
export function parsePlaceholders(raw: string, name: string): PlaceholderMode {
  const value = raw.trim().toLowerCase() || 'resolve';
  if (value !== 'resolve' && value !== 'defer') {
    throw new UsageError(
      `input '${name}' is '${raw}': use resolve (a placeholder left is an error) or defer (pull-request validation: the deploy stage fills them in)`,
    );
  }
  return value;
}

/** true/yes/on or false/no/off, in any case; empty gives `fallback`. */
export function parseBoolean(raw: string, name: string, fallback: boolean): boolean {
  const value = raw.trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', 'on'].includes(value)) return true;
  if (['false', 'no', 'off'].includes(value)) return false;
  throw new UsageError(`input '${name}' is '${raw}': use true or false`);
}

/** Rule overrides, one `ID=SEVERITY` per line; a bad one is a UsageError naming the input. */
export function parseRulesInput(lines: string[], name: string): Record<string, SeverityOverride> {
  try {
    return parseRuleOverrides(lines);
  } catch (error) {
    throw new UsageError(`input '${name}': ${errorMessage(error)}`);
  }
}

/** The solution lines, which must not be empty. */
export function requireSolutions(lines: string[], name: string): string[] {
  if (lines.length === 0) {
    throw new UsageError(
      `input '${name}' is required: give one solution path or glob per line (a zip, an unpacked folder, or a folder holding several)`,
    );
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Paths

export interface PathBase {
  /** The working directory, absolute. */
  workingDirectory: string;
  /**
   * The base the core resolves and reports paths against: the repository root when the working
   * directory is inside it (so that annotations, issues and SARIF URIs are repository-relative),
   * else the working directory itself.
   */
  cwd: string;
  /** True when the working directory is the repository root or inside it. */
  insideRepository: boolean;
  /** A path or glob given relative to the working directory, as the core takes it (relative to cwd). */
  toCorePattern(pattern: string): string;
}

/**
 * The working directory (`input`, relative to the repository root `root`, e.g. GITHUB_WORKSPACE
 * or Build.SourcesDirectory) and how paths given relative to it reach the core. Throws a
 * UsageError naming the input when it is not a folder.
 */
export function pathBase(root: string, input: string, name: string): PathBase {
  const workingDirectory = resolve(root, input);
  if (!isDirectory(workingDirectory)) {
    throw new UsageError(`input '${name}': ${workingDirectory} does not exist or is not a folder`);
  }
  // Inside the repository, hand the core repository-relative patterns: every path it reports is
  // then relative to the repository root, which is what annotations and code scanning expect.
  const prefix = relative(root, workingDirectory).split(sep).join('/');
  const insideRepository =
    prefix === '' || (prefix !== '..' && !prefix.startsWith('../') && !isAbsolute(prefix));
  return {
    workingDirectory,
    cwd: insideRepository ? root : workingDirectory,
    insideRepository,
    toCorePattern: (pattern) =>
      !insideRepository || prefix === '' || isAbsolute(pattern)
        ? pattern
        : posix.join(prefix, pattern),
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Secrets

/** The non-blank lines of a secret value: runners mask line by line. */
export function secretLines(secret: string): string[] {
  return secret.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

/**
 * The strings to hide: every non-blank secret and each line of a multi-line one, once each,
 * longest first (so that a longer value is replaced before a line inside it).
 */
export function secretParts(secrets: readonly string[]): string[] {
  const parts = new Set<string>();
  for (const secret of secrets) {
    if (secret.trim() !== '') parts.add(secret);
    for (const line of secretLines(secret)) parts.add(line);
  }
  return [...parts].sort((a, b) => b.length - a.length);
}

// ---------------------------------------------------------------------------------------------
// One-line texts

/**
 * Why the gate failed: "3 errors at or above fail-on=error (and 1 warning below it)", with the
 * option named as the platform names it (`fail-on`, `failOn`, `--fail-on`).
 */
export function failReason(summary: Summary, failOn: FailOn, optionName: string): string {
  const above = [plural(summary.errors, 'error')];
  const below: string[] = [];
  if (failOn === 'warning') above.push(plural(summary.warnings, 'warning'));
  else if (summary.warnings) below.push(plural(summary.warnings, 'warning'));
  if (summary.notes) below.push(plural(summary.notes, 'note'));
  const rest = below.length ? ` (and ${below.join(', ')} below it)` : '';
  return `${above.join(', ')} at or above ${optionName}=${failOn}${rest}`;
}

/**
 * What to log about the resolved settings file: where it went and how many entries it holds
 * (never its content), or why it was not written. Undefined when none was asked for.
 */
export function resolvedSettingsNote(
  outcome: Pick<GateOutcome, 'written' | 'notWritten' | 'resolvedSettings'>,
  requested: string | undefined,
): { written: boolean; text: string } | undefined {
  const path = outcome.written.resolvedSettings;
  if (path) {
    const counts = outcome.resolvedSettings;
    const holds = counts
      ? ` (${plural(counts.connectionReferences, 'connection reference')}, ${plural(counts.environmentVariables, 'environment variable')})`
      : '';
    return { written: true, text: `${TOOL_NAME}: resolved settings written to ${path}${holds}` };
  }
  const why = outcome.notWritten?.resolvedSettings;
  if (why) return { written: false, text: `${TOOL_NAME}: ${why}` };
  if (requested) {
    return { written: false, text: `${TOOL_NAME}: resolved settings not written to ${requested}` };
  }
  return undefined;
}

/** The settings files that fail `init --check`: out of step, missing, or unusable. */
export function initOutOfStepFiles(result: InitResult): InitFileResult[] {
  return result.files.filter((file) => file.status !== 'unchanged');
}

/**
 * The error for one created or updated file of `init --check` (an unusable file has its own line
 * from formatInitText): what init would do, and what to run.
 */
export function initOutOfStepMessage(result: InitResult, file: InitFileResult): string {
  const count = (names: InitFileResult['added']) =>
    names.connectionReferences.length + names.environmentVariables.length;
  const what =
    file.status === 'created'
      ? 'it does not exist'
      : `init would add ${count(file.added)} and remove ${count(file.removed)} entries`;
  return `${file.path} is out of step with ${result.solution.uniqueName}: ${what}. Run ${TOOL_NAME} init and commit the result.`;
}

/** The verdict of `init --check`, one line: how many files are out of step, or that all are in step. */
export function initCheckVerdict(result: InitResult): string {
  const outOfStep = initOutOfStepFiles(result).length;
  const files = plural(result.files.length, 'settings file');
  const solution = result.solution.uniqueName;
  return outOfStep > 0
    ? `${TOOL_NAME}: ${outOfStep} of ${files} out of step with ${solution}`
    : `${TOOL_NAME}: ${files} in step with ${solution}`;
}

/**
 * What the online stage did, one line for the log: where, as whom, which route, how much. Never a
 * token or secret (the identity is named by its application id).
 */
export function onlineSummaryText(summary: OnlineSummary): string {
  const listed =
    summary.route === undefined
      ? ''
      : `, ${summary.route} route: ${plural(summary.connectionsListed ?? 0, 'connection')} in ${plural(summary.pages ?? 0, 'page')}`;
  const requests = summary.requests.dataverse + summary.requests.powerApps;
  const proxy = summary.proxy ? ` through the proxy ${summary.proxy}` : '';
  return `${TOOL_NAME}: checked ${summary.environmentUrl} as ${summary.identity}${proxy}${listed}; ${plural(requests, 'request')} in ${(summary.ms / 1000).toFixed(1)} s`;
}
