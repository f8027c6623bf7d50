// Sections of the Markdown views: the findings tables, the deferred variables and the diagram. A
// rule that fires for many subjects in one section (78 CR002 placeholders against one settings
// file) is one row listing the subjects, so that the tables of references and variables keep
// their room within the size budget.
import type { Finding, Report, ReportSolution, Severity } from '../model.js';
import { findRule } from '../rules/index.js';
import { ruleDocsUrl } from '../version.js';
import {
  bySeverity,
  deferredVariableText,
  escapeCell,
  locationText,
  plural,
  settingsLabels,
} from './common.js';
import { connectionDiagram, hasDiagram, isLarge, type DiagramMode } from './mermaid.js';

export const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', note: 'ℹ️' };

/** From this many findings of one rule and severity in one section, they are one row. */
const GROUP_FROM = 3;
/** Line numbers listed in a grouped row's location. */
const LINES_SHOWN = 12;

// Text without these characters is shown as a code span as is; anything else is escaped instead,
// because backslash escapes do not work inside code spans.
const CODE_SAFE = /^[^`|<>&\\\r\n]+$/;

/** A name as a code span when that is safe, else as escaped text. */
export function codeCell(text: string): string {
  return CODE_SAFE.test(text) && text.trim() === text ? `\`${text}\`` : escapeCell(text);
}

export function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function table(header: string[], rows: string[][]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

/** How much of the findings fits: which are shown, and how many subjects a grouped row lists. */
export interface FindingsDetail {
  shownFindings: Set<Finding>;
  subjectsShown: number;
}

function severityCell(severity: Severity): string {
  return `${SEVERITY_ICON[severity]} ${severity}`;
}

function findingRow(finding: Finding): string[] {
  const where = locationText(finding);
  return [
    severityCell(finding.severity),
    `[${finding.ruleId}](${ruleDocsUrl(finding.ruleId)})`,
    codeCell(finding.subject),
    escapeCell(finding.message),
    where === undefined ? '—' : codeCell(where),
  ];
}

/** `config/Prod/deploymentSettings.json: lines 4, 9, 14 …`, or the first place and a count. */
function groupLocation(findings: readonly Finding[]): string {
  const files = [...new Set(findings.map((f) => f.location?.file))];
  if (files.length === 1 && files[0] !== undefined) {
    const lines = [
      ...new Set(findings.map((f) => f.location?.line).filter((l) => l !== undefined)),
    ];
    if (lines.length === 0) return codeCell(files[0]);
    const shown = lines.slice(0, LINES_SHOWN).join(', ');
    const more = lines.length > LINES_SHOWN ? ` … (${lines.length})` : '';
    return `${codeCell(files[0])}: ${lines.length === 1 ? 'line' : 'lines'} ${shown}${more}`;
  }
  const first = findings.find((f) => f.location !== undefined);
  const where = first === undefined ? undefined : locationText(first);
  if (where === undefined) return '—';
  return `${codeCell(where)} and ${plural(findings.length - 1, 'more place')}`;
}

function groupRow(findings: readonly Finding[], subjectsShown: number): string[] {
  const first = findings[0]!;
  const subjects = [...new Set(findings.map((f) => f.subject))];
  const listed = subjects.slice(0, Math.max(1, subjectsShown)).map(codeCell);
  if (subjects.length > listed.length) listed.push(`and ${subjects.length - listed.length} more`);
  const description = findRule(first.ruleId)?.meta.description ?? first.ruleId;
  return [
    severityCell(first.severity),
    `[${first.ruleId}](${ruleDocsUrl(first.ruleId)}) ×${findings.length}`,
    listed.join(', '),
    `${escapeCell(description)} (${plural(findings.length, 'finding')}). The first: ${escapeCell(first.message)}`,
    groupLocation(findings),
  ];
}

/**
 * The rows of one section's findings, most severe first: a rule and severity with at least
 * GROUP_FROM findings is one row; only shown findings count (the size budget drops the rest).
 */
function findingRows(findings: readonly Finding[], detail: FindingsDetail): string[][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of bySeverity(findings)) {
    if (!detail.shownFindings.has(finding)) continue;
    const key = `${finding.ruleId}\u0000${finding.severity}`;
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  const rows: string[][] = [];
  for (const group of groups.values()) {
    if (group.length >= GROUP_FROM) rows.push(groupRow(group, detail.subjectsShown));
    else rows.push(...group.map(findingRow));
  }
  return rows;
}

const FINDING_HEADER = ['Severity', 'Rule', 'Subject', 'Message', 'Location'];

export function findingsSection(
  title: string,
  findings: Finding[],
  detail: FindingsDetail,
): string[] {
  const rows = findingRows(findings, detail);
  const shown = findings.filter((finding) => detail.shownFindings.has(finding)).length;
  const lines = [`#### ${title} (${findings.length})`, ''];
  if (rows.length > 0) lines.push(...table(FINDING_HEADER, rows));
  const hidden = findings.length - shown;
  if (hidden > 0) {
    if (rows.length > 0) lines.push('');
    lines.push(
      `_… ${plural(hidden, 'more finding')} not shown (size limit): the JSON report lists them all._`,
    );
  }
  return [...lines, ''];
}

const DIAGRAM_LEGEND =
  '_Solid arrows: a flow or agent uses the reference; dotted: a canvas app uses its connector (apps are matched by connector only). Red: unbound; amber: connector mismatch; blue, dashed: bound at deploy (placeholder deferred); dashed red outline: not in the solution._';

export function diagramSection(
  report: Report,
  solution: ReportSolution,
  findings: readonly Finding[],
  mode: DiagramMode | 'none',
): string[] {
  if (mode === 'none' || !hasDiagram(solution)) return [];
  const source = connectionDiagram(solution, findings, {
    mode,
    deferred: report.deferredVariables !== undefined,
  });
  if (source === undefined) return [];
  const summarized = mode === 'summary' || isLarge(solution);
  return [
    `#### Connections${summarized ? ' (summarized by connector)' : ''}`,
    '',
    '```mermaid',
    source,
    '```',
    '',
    DIAGRAM_LEGEND,
    '',
  ];
}

/** Every variable the deploy stage must define, once (placeholders deferred). */
export function deferredSection(report: Report, tableRows: number): string[] {
  const variables = report.deferredVariables;
  if (variables === undefined || variables.length === 0) return [];
  const lines = [
    `### Placeholders left for the deploy stage (${variables.length})`,
    '',
    `Placeholders are deferred: the deploy stage must define ${plural(variables.length, 'variable')} before it checks the settings again and imports.`,
    '',
  ];
  const rows = Math.max(tableRows, 5);
  // Short names for the files (`Prod`, `Test`), as the matrix of references by file has them.
  const files = [...new Set(variables.flatMap((variable) => variable.settings))].sort();
  const short = settingsLabels(files);
  const labels = new Map(files.map((file, i) => [file, short[i]!]));
  const legend = files.filter((file) => labels.get(file) !== file);
  lines.push(
    ...table(
      ['Variable', 'Settings files'],
      variables
        .slice(0, rows)
        .map((variable) => [
          codeCell(deferredVariableText(variable)),
          variable.settings.length === files.length && files.length > 1
            ? `all ${files.length}`
            : variable.settings.map((file) => codeCell(labels.get(file) ?? file)).join(', '),
        ]),
    ),
  );
  if (legend.length > 0) {
    lines.push(
      '',
      `_${legend.map((file) => `${codeCell(labels.get(file)!)} is ${codeCell(file)}`).join(', ')}._`,
    );
  }
  if (variables.length > rows) {
    lines.push(
      '',
      `_… ${variables.length - rows} more variables not shown (size limit): the JSON report lists them all._`,
    );
  }
  return [...lines, ''];
}
