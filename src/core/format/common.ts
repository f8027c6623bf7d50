// Helpers shared by the formatters: ordering and grouping that every output agrees on.
import type {
  DeferredVariable,
  Finding,
  Report,
  ReportSolution,
  Severity,
  Summary,
} from '../model.js';
import { findRule } from '../rules/index.js';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** Most severe first; otherwise the report's own (deterministic) order is kept. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => {
      const rank = SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity];
      return rank !== 0 ? rank : a.index - b.index;
    })
    .map(({ finding }) => finding);
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function summaryText(summary: Summary): string {
  return [
    plural(summary.errors, 'error'),
    plural(summary.warnings, 'warning'),
    plural(summary.notes, 'note'),
  ].join(', ');
}

/** `file:line` (or just the file), or undefined when the finding has no location. */
export function locationText(finding: Finding): string | undefined {
  if (!finding.location) return undefined;
  const { file, line } = finding.location;
  return line === undefined ? file : `${file}:${line}`;
}

/** The findings of one solution, or of a path that could not be read as one. */
export interface SolutionGroup {
  /** The solution's unique name, or the path for an unreadable solution. */
  key: string;
  solution?: ReportSolution;
  findings: Finding[];
}

/**
 * Groups findings by solution, in the order of `report.solutions`; findings that belong to no
 * listed solution (SL001 on an unreadable path, DS001 before any solution) follow in the order
 * they first appear. A finding names its solution by unique name, or by path when unreadable.
 */
export function groupBySolution(report: Report): SolutionGroup[] {
  const groups: SolutionGroup[] = [];
  const byKey = new Map<string, SolutionGroup>();
  for (const solution of report.solutions) {
    // Two solutions may share a unique name (a managed and an unmanaged export side by side): a
    // finding goes to the solution its `solutionPath` names, else to the first of that name.
    const group: SolutionGroup = { key: solution.uniqueName, solution, findings: [] };
    groups.push(group);
    if (!byKey.has(solution.path)) byKey.set(solution.path, group);
    if (!byKey.has(solution.uniqueName)) byKey.set(solution.uniqueName, group);
  }
  for (const finding of report.findings) {
    let group =
      (finding.solutionPath !== undefined ? byKey.get(finding.solutionPath) : undefined) ??
      byKey.get(finding.solution);
    if (!group) {
      group = { key: finding.solution, findings: [] };
      groups.push(group);
      byKey.set(finding.solution, group);
    }
    group.findings.push(finding);
  }
  return groups;
}

/** Short connector name: `/providers/Microsoft.PowerApps/apis/shared_office365` -> `shared_office365`. */
export function connectorName(connectorId: string): string {
  const slash = connectorId.lastIndexOf('/');
  return slash === -1 ? connectorId : connectorId.slice(slash + 1);
}

// ---------------------------------------------------------------------------------------------
// Several settings files (environments)

/**
 * The settings files one group's findings are shown by (a matrix and a section per file), when
 * there are several: a solution's own files; for a path that could not be read, the run's; for
 * findings about a settings file as a whole (a monorepo's stale entries), none.
 */
export function groupSettingsFiles(report: Report, group: SolutionGroup): string[] {
  if (group.solution?.settings !== undefined) {
    return group.solution.settings.length > 1 ? group.solution.settings : [];
  }
  const files = settingsFilesOf(report);
  return files.includes(group.key) ? [] : files;
}

/** `connectionreference.x (CONNECTIONREFERENCE_X)`, or the name alone when they are the same. */
export function deferredVariableText(variable: DeferredVariable): string {
  return variable.environmentName === variable.name
    ? variable.name
    : `${variable.name} (${variable.environmentName})`;
}

/** The settings files a report was checked against, when there were several. */
export function settingsFilesOf(report: Report): string[] {
  if (report.settingsFiles && report.settingsFiles.length > 1) return report.settingsFiles;
  const tagged = [
    ...new Set(report.findings.flatMap((f) => (f.settings === undefined ? [] : [f.settings]))),
  ];
  return tagged.length > 1 ? tagged.sort() : [];
}

export interface SettingsGroups {
  /**
   * Findings that do not depend on the settings: those of rules that need none (CR006 to CR010),
   * which the engine repeats for every settings file, shown once; and those without a file.
   */
  common: Finding[];
  /** How many settings files the common findings were repeated for. */
  repeatedFor: number;
  /** Per settings file, in the given order, the findings that depend on it (DS001 included). */
  bySettings: { settings: string; findings: Finding[] }[];
}

function dependsOnSettings(finding: Finding): boolean {
  if (finding.settings === undefined) return false;
  if (finding.ruleId === 'DS001') return true;
  return findRule(finding.ruleId)?.meta.needsSettings ?? true;
}

/** Groups one solution's findings by settings file; `findings` keep their order in each group. */
export function groupBySettings(
  findings: readonly Finding[],
  settingsFiles: string[],
): SettingsGroups {
  const common: Finding[] = [];
  const seen = new Set<string>();
  const bySettings = new Map(settingsFiles.map((s) => [s, [] as Finding[]]));
  for (const finding of findings) {
    if (dependsOnSettings(finding)) {
      let group = bySettings.get(finding.settings!);
      if (!group) bySettings.set(finding.settings!, (group = []));
      group.push(finding);
      continue;
    }
    const location = finding.location;
    const key = [
      finding.ruleId,
      finding.severity,
      finding.subject,
      finding.message,
      location?.file,
      location?.line,
    ].join('\0');
    if (seen.has(key)) continue;
    seen.add(key);
    common.push(finding);
  }
  return {
    common,
    repeatedFor: settingsFiles.length,
    bySettings: [...bySettings].map(([settings, group]) => ({ settings, findings: group })),
  };
}

/**
 * The findings with those that do not depend on the settings file (rules that need none, which
 * the engine repeats for every file) listed once and without a file: for views that would
 * otherwise show the same finding on the same line once per environment (annotations, issues).
 */
export function collapseRepeated(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const finding of findings) {
    if (finding.settings === undefined || dependsOnSettings(finding)) {
      out.push(finding);
      continue;
    }
    const key = [
      finding.solution,
      finding.ruleId,
      finding.severity,
      finding.subject,
      finding.message,
      finding.location?.file,
      finding.location?.line,
    ].join('\0');
    if (seen.has(key)) continue;
    seen.add(key);
    const single: Finding = { ...finding };
    delete single.settings;
    out.push(single);
  }
  return out;
}

/**
 * Short column names for settings files: the path segments in which they differ
 * (`config/Prod/deploymentSettings.json`, `config/Test/…` → `Prod`, `Test`), else the paths.
 */
export function settingsLabels(paths: readonly string[]): string[] {
  if (paths.length < 2) return [...paths];
  const split = paths.map((p) => p.split('/'));
  let prefix = 0;
  while (split.every((s) => s.length > prefix + 1 && s[prefix] === split[0]![prefix])) prefix++;
  let suffix = 0;
  while (
    split.every(
      (s) =>
        s.length > prefix + suffix + 1 &&
        s[s.length - 1 - suffix] === split[0]![split[0]!.length - 1 - suffix],
    )
  ) {
    suffix++;
  }
  const labels = split.map((s) => s.slice(prefix, s.length - suffix).join('/'));
  return new Set(labels).size === labels.length && labels.every((l) => l !== '')
    ? labels
    : [...paths];
}

export type CellState = 'ok' | Severity;

/**
 * The state of one reference (or variable) against one settings file: the most severe finding
 * about it from the rules that read the settings, with their ids; an unusable file fails all.
 */
export function matrixCell(
  findings: readonly Finding[],
  kind: 'reference' | 'variable',
  name: string,
): { state: CellState; rules: string[] } {
  if (findings.some((f) => f.ruleId === 'DS001')) return { state: 'error', rules: ['DS001'] };
  const prefix = kind === 'reference' ? 'CR' : 'EV';
  const key = name.toLowerCase();
  const about = findings.filter(
    (f) => f.ruleId.startsWith(prefix) && dependsOnSettings(f) && f.subject.toLowerCase() === key,
  );
  if (about.length === 0) return { state: 'ok', rules: [] };
  const worst = bySeverity(about)[0]!.severity;
  const rules = [...new Set(about.filter((f) => f.severity === worst).map((f) => f.ruleId))].sort();
  return { state: worst, rules };
}

/** ` against 3 settings files`, when there were several; else empty. */
export function againstText(report: Report): string {
  const files = settingsFilesOf(report);
  return files.length > 1 ? ` against ${plural(files.length, 'settings file')}` : '';
}

/** Says how the counts add up when findings in the solution repeat for every settings file. */
export function perFileNote(report: Report): string {
  if (settingsFilesOf(report).length < 2) return '';
  const repeated = report.findings.some(
    (f) =>
      f.settings !== undefined &&
      f.ruleId !== 'DS001' &&
      findRule(f.ruleId)?.meta.needsSettings === false,
  );
  return repeated ? ' (a finding in the solution counts once per settings file)' : '';
}

/**
 * Escapes text for a table cell: `|` would end the cell, `<`/`>`/`&` could open HTML, markdown
 * punctuation could start emphasis or links, and a newline would end the row.
 */
export function escapeCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/\r\n|\r|\n/g, '<br>');
}
