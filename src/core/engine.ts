// Runs the rules over every (solution, settings file) pair, and the rules about a settings file as a
// whole once per file, and builds the report of SPEC section 5.
import { basename } from 'node:path';
import { UsageError } from './errors.js';
import type {
  DeferredVariable,
  FailOn,
  PlaceholderMode,
  Finding,
  Location,
  Report,
  ReportSolution,
  RuleReport,
  Severity,
  SeverityOverride,
  SettingsFile,
  Solution,
  SolutionReadResult,
  Summary,
  TargetFacts,
  UnusableSettings,
} from './model.js';
import { attachTargetFacts } from './online/report.js';
import { prepareOnline } from './online/options.js';
import type { OnlineSummary } from './online/stage.js';
import { DEFAULT_LIMITS, type CheckOptions, type ReadLimits } from './options.js';
import { toReportPath } from './paths.js';
import { environmentName, placeholderVariables } from './rules/cr002-unresolved-placeholder.js';
import { definedReferenceNames, definedVariableNames, nameKey } from './rules/helpers.js';
import { allRules, findRule } from './rules/index.js';
import { isUnusableSettings, reportSolution } from './report-facts.js';
import { emptySettings, findPlaceholder, readSettingsFile } from './settings.js';
import { pairSettings } from './settings-pairing.js';
import { findSolutions, type SolutionTarget } from './solution/discovery.js';
import { readSolution } from './solution/reader.js';
import { TOOL_NAME, VERSION } from './version.js';

export interface CheckResult {
  report: Report;
  /** Values that came from placeholder substitution: adapters mask them in their logs. */
  secrets: string[];
  /** The usable settings files after substitution (for `--resolved-settings`). */
  settingsFiles: SettingsFile[];
  /** Every solution path found (readable or not), as reported. Always set by `check`. */
  solutionPaths?: string[];
  /** Every settings file given (usable or not), as reported. Always set by `check`. */
  settingsPaths?: string[];
  /** What the online stage did (`--environment` only). */
  online?: OnlineSummary;
}

/** The online stage's facts per (solution, settings) pair, for checkPairs. */
interface TargetFactsSource {
  factsFor(solution: Solution, settings: SettingsFile | null): TargetFacts;
}

export { isUnusableSettings };

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/**
 * Shorter secrets are not redacted: masking `true`, `no` or `5000` everywhere would mangle ordinary
 * text and break JSON and SARIF structure (`"bound": ***`). The rules never print a substituted
 * value in the first place; this is the last line of defence for the long ones (connection ids).
 */
export const MIN_REDACTED_SECRET_LENGTH = 6;

/** Replaces every occurrence of a secret with `***`, longest secret first. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  const ordered = [...new Set(secrets)]
    .filter((s) => s.length >= MIN_REDACTED_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  for (const secret of ordered) result = result.split(secret).join('***');
  return result;
}

/** Upper-cases ids and rejects unknown ones, for overrides that did not come through parseRuleOverrides. */
function normalizeOverrides(
  overrides: Record<string, SeverityOverride> | undefined,
): Map<string, SeverityOverride> {
  const normalized = new Map<string, SeverityOverride>();
  for (const [id, severity] of Object.entries(overrides ?? {})) {
    const rule = findRule(id);
    if (rule === undefined) throw new UsageError(`unknown rule id "${id}" in rule overrides`);
    if (!['error', 'warning', 'note', 'off'].includes(severity)) {
      throw new UsageError(
        `bad severity "${String(severity)}" for rule ${rule.meta.id}; use error, warning, note or off`,
      );
    }
    normalized.set(rule.meta.id, severity);
  }
  return normalized;
}

function compareText(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareLocation(a: Location | undefined, b: Location | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  return (
    compareText(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0)
  );
}

/** Severity, then solution, rule, subject, location; the rest only makes the order total. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareText(a.solution, b.solution) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.subject, b.subject) ||
    compareLocation(a.location, b.location) ||
    compareText(a.settings, b.settings) ||
    compareText(a.solutionPath, b.solutionPath) ||
    compareText(a.message, b.message)
  );
}

function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, notes: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') summary.errors++;
    else if (finding.severity === 'warning') summary.warnings++;
    else summary.notes++;
  }
  return summary;
}

/** True when the summary holds a finding at or above `failOn`. */
export function isFailing(summary: Summary, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'warning') return summary.errors + summary.warnings > 0;
  return summary.errors > 0;
}

/** The exit code of a check (SPEC section 3): 1 when failing, else 0. */
export function exitCodeFor(summary: Summary, failOn: FailOn): 0 | 1 {
  return isFailing(summary, failOn) ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Running the rules

/** One solution (read or not) and the settings files it is checked against. */
export interface SolutionPair {
  result: SolutionReadResult;
  /** Empty: checked against empty settings (SPEC section 2). */
  settings: readonly (SettingsFile | UnusableSettings)[];
}

export interface CheckPairsOptions {
  overrides?: Record<string, SeverityOverride>;
  secrets?: readonly string[];
  placeholders?: PlaceholderMode;
  /** With `--environment`: what the target holds, for the online rules and the report. */
  online?: TargetFactsSource;
}

/**
 * The rules over already-read solutions and settings, every solution against every settings file:
 * what `check` does after reading, exposed so it can be tested without files. Settings files order
 * does not matter; the report is sorted.
 */
export function checkSolutions(
  results: readonly SolutionReadResult[],
  settingsList: readonly (SettingsFile | UnusableSettings)[],
  overrides: Record<string, SeverityOverride> = {},
  secrets: readonly string[] = [],
  placeholders: PlaceholderMode = 'resolve',
): Report {
  return checkPairs(
    results.map((result) => ({ result, settings: settingsList })),
    { overrides, secrets, placeholders },
  );
}

/** The rules over solutions each paired with its own settings files (SPEC sections 2 and 5). */
export function checkPairs(
  pairs: readonly SolutionPair[],
  options: CheckPairsOptions = {},
): Report {
  const severityOf = normalizeOverrides(options.overrides);
  const secrets = options.secrets ?? [];
  const placeholders = options.placeholders ?? 'resolve';
  const settingsPaths = [...new Set(pairs.flatMap((pair) => pair.settings.map((s) => s.path)))];
  const tagSettings = settingsPaths.length > 1;
  const findings: Finding[] = [];
  const add = (
    ruleId: string,
    severity: Severity,
    solution: string,
    report: RuleReport,
    settingsPath?: string,
    solutionPath?: string,
  ): void => {
    const override = severityOf.get(ruleId);
    if (override === 'off') return;
    const finding: Finding = {
      ruleId,
      severity: override ?? severity,
      message: redactSecrets(report.message, secrets),
      solution,
      subject: report.subject,
    };
    if (report.location) finding.location = { ...report.location };
    if (tagSettings && settingsPath) finding.settings = settingsPath;
    if (solutionPath !== undefined) finding.solutionPath = solutionPath;
    findings.push(finding);
  };

  // A settings file is unusable whatever it is paired with, so DS001 goes with every solution it
  // is paired with, readable or not: each pair's findings are then complete on their own.
  const reportUnusable = (
    solutionName: string,
    pair: SolutionPair,
    solutionPath?: string,
  ): void => {
    for (const settings of pair.settings) {
      if (!isUnusableSettings(settings)) continue;
      const report = {
        subject: basename(settings.path),
        message: settings.reason,
        location: settings.location,
      };
      add('DS001', 'error', solutionName, report, settings.path, solutionPath);
    }
  };

  const solutions: ReportSolution[] = [];
  // Per usable settings file, the solutions checked against it: stale entries are judged once
  // per file against all of them (SPEC section 2, "Several solutions, one settings file").
  const bySettings = new Map<string, { settings: SettingsFile; solutions: Solution[] }>();
  for (const pair of pairs) {
    const { result } = pair;
    if (!result.ok) {
      const { unreadable } = result;
      add('SL001', 'error', unreadable.path, {
        subject: basename(unreadable.path),
        message: unreadable.reason,
        location: unreadable.location,
      });
      reportUnusable(unreadable.path, pair);
      continue;
    }
    const { solution } = result;
    const facts: ReportSolution = {
      ...reportSolution(solution, pair.settings),
      settings: [...new Set(pair.settings.map((s) => s.path))].sort(compareText),
    };
    solutions.push(facts);
    reportUnusable(solution.uniqueName, pair, solution.path);
    const checked = pair.settings.length === 0 ? [emptySettings()] : pair.settings;
    const targets: { settings: SettingsFile | null; facts: TargetFacts }[] = [];
    for (const settings of checked) {
      const usable = isUnusableSettings(settings) ? null : settings;
      const target = options.online?.factsFor(solution, usable);
      if (target) targets.push({ settings: usable, facts: target });
      if (usable && usable.path !== '') {
        const entry = bySettings.get(usable.path) ?? { settings: usable, solutions: [] };
        if (!entry.solutions.includes(solution)) entry.solutions.push(solution);
        bySettings.set(usable.path, entry);
      }
      for (const rule of allRules) {
        if (rule.checkSettingsFile !== undefined) continue;
        if (usable === null && rule.meta.needsSettings) continue;
        rule.check({
          solution,
          settings: usable,
          placeholders,
          ...(target && { target }),
          report: (report) =>
            add(
              rule.meta.id,
              report.severity ?? rule.meta.defaultSeverity,
              solution.uniqueName,
              report,
              settings.path,
              solution.path,
            ),
        });
      }
    }
    if (options.online) attachTargetFacts(facts, solution, targets);
  }

  for (const [path, { settings, solutions: checkedWith }] of bySettings) {
    // One solution: its finding, as ever. Several: the file's own, named by its path.
    const owner = checkedWith.length === 1 ? checkedWith[0]!.uniqueName : path;
    const ownerPath = checkedWith.length === 1 ? checkedWith[0]!.path : undefined;
    for (const rule of allRules) {
      rule.checkSettingsFile?.({
        settings,
        solutions: checkedWith,
        report: (report) =>
          add(
            rule.meta.id,
            report.severity ?? rule.meta.defaultSeverity,
            owner,
            report,
            path,
            ownerPath,
          ),
      });
    }
  }

  findings.sort(compareFindings);
  solutions.sort((a, b) => compareText(a.path, b.path) || compareText(a.uniqueName, b.uniqueName));
  const report: Report = {
    tool: { name: TOOL_NAME, version: VERSION },
    solutions,
    findings,
    summary: summarize(findings),
  };
  if (tagSettings) report.settingsFiles = [...settingsPaths].sort(compareText);
  if (placeholders === 'defer') report.deferredVariables = deferredVariables(pairs);
  return report;
}

/**
 * Every variable that the placeholders left in the values of defined references and variables
 * ask for (the entries CR002 looks at), once, with the files that hold it. A value that came
 * partly from a substitution is secret: its placeholders are not listed.
 */
function deferredVariables(pairs: readonly SolutionPair[]): DeferredVariable[] {
  const found = new Map<string, Set<string>>();
  const note = (value: string | null, secret: boolean, path: string): void => {
    if (value === null || secret || findPlaceholder(value) === undefined) return;
    for (const name of placeholderVariables(value)) {
      const files = found.get(name) ?? new Set<string>();
      files.add(path);
      found.set(name, files);
    }
  };
  for (const { result, settings: list } of pairs) {
    if (!result.ok) continue;
    const references = definedReferenceNames(result.solution);
    const variables = definedVariableNames(result.solution);
    for (const settings of list) {
      if (isUnusableSettings(settings)) continue;
      for (const entry of settings.connectionReferences) {
        if (references.has(nameKey(entry.logicalName))) {
          note(entry.connectionId, entry.secret, settings.path);
        }
      }
      for (const entry of settings.environmentVariables) {
        if (variables.has(nameKey(entry.schemaName)))
          note(entry.value, entry.secret, settings.path);
      }
    }
  }
  return [...found]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, files]) => ({
      name,
      environmentName: environmentName(name),
      settings: [...files].sort(compareText),
    }));
}

/**
 * One solution after another: reading is synchronous underneath (a thread-pool round trip per
 * small file cost more than the read), so reading several at once would only interleave them and
 * keep more of them in memory. A worker thread was measured too, and lost on two cores
 * (docs/performance.md).
 */
async function readAll(
  targets: readonly SolutionTarget[],
  limits: ReadLimits,
): Promise<SolutionReadResult[]> {
  const results: SolutionReadResult[] = [];
  for (const target of targets) results.push(await readSolution(target, limits));
  return results;
}

/**
 * Checks solutions against settings files (SPEC sections 1 to 5). Throws UsageError for bad
 * options and paths that do not exist; bad content becomes SL001 and DS001 findings.
 */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? {};
  // Validate overrides before any reading, so a typo fails fast.
  normalizeOverrides(options.rules);
  const placeholders = options.placeholders ?? 'resolve';
  if (placeholders !== 'resolve' && placeholders !== 'defer') {
    throw new UsageError(`bad placeholders mode "${String(placeholders)}": use resolve or defer`);
  }
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  // Bad endpoints fail as fast as bad overrides.
  const endpoints = options.online ? prepareOnline(options.online) : undefined;

  const targets = await findSolutions(options.solutions, cwd);
  const { perTarget } = await pairSettings(targets, options, cwd);

  // Each file is read once, however many solutions it goes with.
  const parsed = new Map<string, SettingsFile | UnusableSettings>();
  const secrets = new Set<string>();
  for (const absPath of [...new Set(perTarget.flat())].sort()) {
    const result = await readSettingsFile(absPath, toReportPath(absPath, cwd), env);
    if ('unusable' in result) {
      parsed.set(absPath, result.unusable);
    } else {
      parsed.set(absPath, result.settings);
      for (const secret of result.secrets) secrets.add(secret);
    }
  }

  const results = await readAll(targets, limits);
  const pairs = results.map((result, index) => ({
    result,
    settings: perTarget[index]!.map((path) => parsed.get(path)!),
  }));
  // After every offline read, so that a bad path fails before any sign-in. Loaded only here: an
  // offline run never loads the HTTP client or @azure/identity.
  const stage = endpoints
    ? await (
        await import('./online/stage.js')
      ).runOnlineStage(
        pairs.flatMap(({ result, settings }) =>
          result.ok
            ? [
                {
                  solution: result.solution,
                  settings: settings.map((s) => (isUnusableSettings(s) ? null : s)),
                },
              ]
            : [],
        ),
        options.online!,
        endpoints,
      )
    : undefined;
  for (const secret of stage?.secrets ?? []) secrets.add(secret);
  const secretList = [...secrets];
  const report = checkPairs(pairs, {
    overrides: options.rules,
    secrets: secretList,
    placeholders,
    ...(stage && { online: stage }),
  });
  const settingsList = [...parsed.values()];
  return {
    report,
    secrets: secretList,
    ...(stage && { online: stage.summary }),
    settingsFiles: settingsList.filter((s): s is SettingsFile => !isUnusableSettings(s)),
    solutionPaths: targets.map((target) => target.reportPath),
    settingsPaths: settingsList.map((settings) => settings.path),
  };
}
