// Helpers shared by the formatters: ordering and grouping that every output agrees on.
import type { Finding, Report, ReportSolution, Severity, Summary } from '../model.js';

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
    // Two solutions may share a unique name (the same solution as zip and folder); the first
    // one whose name matches collects the findings unless a path matches exactly.
    const group: SolutionGroup = { key: solution.uniqueName, solution, findings: [] };
    groups.push(group);
    if (!byKey.has(solution.path)) byKey.set(solution.path, group);
    if (!byKey.has(solution.uniqueName)) byKey.set(solution.uniqueName, group);
  }
  for (const finding of report.findings) {
    let group = byKey.get(finding.solution);
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
