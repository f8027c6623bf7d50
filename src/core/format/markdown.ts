// Markdown for job summaries and pull-request comments (GitHub and Azure DevOps): per solution a
// table of connection references and one of environment variables, then the findings. A GitHub
// comment holds at most 65,536 characters, so the document is fitted into a size budget: tables
// shrink first, findings go last and always most severe first.
import { isFailing } from '../engine.js';
import type {
  FailOn,
  Finding,
  Report,
  ReportConnectionReference,
  ReportEnvironmentVariable,
  ReportSolution,
  ReportUser,
  Severity,
} from '../model.js';
import { TOOL_NAME, ruleDocsUrl } from '../version.js';
import {
  bySeverity,
  connectorName,
  escapeCell,
  groupBySettings,
  groupBySolution,
  locationText,
  matrixCell,
  plural,
  againstText,
  perFileNote,
  settingsFilesOf,
  settingsLabels,
  summaryText,
  type CellState,
  type SettingsGroups,
  type SolutionGroup,
} from './common.js';

export { escapeCell };

export const DEFAULT_MARKDOWN_MAX_LENGTH = 60_000;

export interface MarkdownOptions {
  /** Size budget in characters (default 60,000; a GitHub comment is limited to 65,536). */
  maxLength?: number;
  /** When given, the headline states whether the report fails the gate. */
  failOn?: FailOn;
  /** Link to the run that produced the report (the full log). */
  runUrl?: string;
}

const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', note: 'ℹ️' };

// Text without these characters is shown as a code span as is; anything else is escaped instead,
// because backslash escapes do not work inside code spans.
const CODE_SAFE = /^[^`|<>&\\\r\n]+$/;

/** A name as a code span when that is safe, else as escaped text. */
function codeCell(text: string): string {
  return CODE_SAFE.test(text) && text.trim() === text ? `\`${text}\`` : escapeCell(text);
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(header: string[], rows: string[][]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

const MAX_USERS_SHOWN = 5;

const USER_KIND: Record<ReportUser['kind'], string> = {
  flow: 'flow',
  canvasApp: 'canvas app',
  agent: 'agent',
};

const MAX_COMPONENTS_SHOWN = 3;

/** `agent Monitoring Agent (Kusto Query, Word MCP)`: an agent with the components that use it. */
function userText(user: ReportUser): string {
  const components = user.components ?? [];
  const shown = components.slice(0, MAX_COMPONENTS_SHOWN).map(escapeCell);
  if (components.length > MAX_COMPONENTS_SHOWN) {
    shown.push(`${components.length - MAX_COMPONENTS_SHOWN} more`);
  }
  const detail = shown.length > 0 ? ` (${shown.join(', ')})` : '';
  return `${USER_KIND[user.kind]} ${escapeCell(user.name)}${detail}`;
}

function usedByCell(reference: ReportConnectionReference): string {
  if (reference.usedBy.length === 0) return '—';
  const names = reference.usedBy.slice(0, MAX_USERS_SHOWN).map(userText);
  const more = reference.usedBy.length - MAX_USERS_SHOWN;
  if (more > 0) names.push(`${more} more`);
  return names.join('<br>');
}

function bound(value: boolean): string {
  return value ? '✅' : '❌';
}

function referenceRow(reference: ReportConnectionReference): string[] {
  return [
    codeCell(reference.logicalName),
    escapeCell(reference.displayName),
    `${codeCell(connectorName(reference.connectorId))}${reference.custom ? ' (custom)' : ''}`,
    bound(reference.bound),
    usedByCell(reference),
  ];
}

function variableRow(variable: ReportEnvironmentVariable): string[] {
  const values = [variable.hasDefault && 'default', variable.hasCurrentValue && 'current'].filter(
    Boolean,
  );
  return [
    codeCell(variable.schemaName),
    variable.type,
    values.length > 0 ? values.join(', ') : '—',
    bound(variable.bound),
  ];
}

function findingRow(finding: Finding): string[] {
  const where = locationText(finding);
  return [
    `${SEVERITY_ICON[finding.severity]} ${finding.severity}`,
    `[${finding.ruleId}](${ruleDocsUrl(finding.ruleId)})`,
    codeCell(finding.subject),
    escapeCell(finding.message),
    where === undefined ? '—' : codeCell(where),
  ];
}

/** How much of the detail fits: rows per table (Infinity: all) and which findings are shown. */
interface Detail {
  tableRows: number;
  shownFindings: Set<Finding>;
}

function limitedTable<T>(
  title: string,
  items: readonly T[],
  header: string[],
  toRow: (item: T) => string[],
  noun: string,
  maxRows: number,
): string[] {
  if (items.length === 0) return [];
  const lines = [`#### ${title} (${items.length})`, ''];
  if (maxRows <= 0) {
    lines.push(
      `_${plural(items.length, noun)} not shown to keep this summary within its size limit._`,
    );
    return [...lines, ''];
  }
  lines.push(...table(header, items.slice(0, maxRows).map(toRow)));
  if (items.length > maxRows) {
    lines.push('', `_… ${items.length - maxRows} more ${noun}s not shown (size limit)._`);
  }
  return [...lines, ''];
}

const FINDING_HEADER = ['Severity', 'Rule', 'Subject', 'Message', 'Location'];

function findingsSection(title: string, findings: Finding[], detail: Detail): string[] {
  const shown = findings.filter((finding) => detail.shownFindings.has(finding));
  const lines = [`#### ${title} (${findings.length})`, ''];
  if (shown.length > 0) lines.push(...table(FINDING_HEADER, shown.map(findingRow)));
  const hidden = findings.length - shown.length;
  if (hidden > 0) {
    if (shown.length > 0) lines.push('');
    lines.push(
      `_… ${plural(hidden, 'more finding')} not shown (size limit): the JSON report lists them all._`,
    );
  }
  return [...lines, ''];
}

const CELL_ICON: Record<CellState, string> = { ok: '✅', error: '❌', warning: '⚠️', note: 'ℹ️' };

/**
 * With several settings files: references and variables by settings file, each cell the most
 * severe finding about that name against that file (✅ when there is none).
 */
function matrixSection(
  solution: ReportSolution,
  groups: SettingsGroups,
  labels: string[],
  detail: Detail,
): string[] {
  const findingsOf = groups.bySettings.map((g) => g.findings);
  const cell = (kind: 'reference' | 'variable', name: string) =>
    findingsOf.map((findings) => {
      const { state, rules } = matrixCell(findings, kind, name);
      return rules.length === 0 ? CELL_ICON[state] : `${CELL_ICON[state]} ${rules.join(', ')}`;
    });
  const columns = labels.map((label) => codeCell(label));
  const lines = [
    ...limitedTable(
      'Connection references by settings file',
      solution.connectionReferences,
      ['Logical name', ...columns],
      (ref) => [codeCell(ref.logicalName), ...cell('reference', ref.logicalName)],
      'connection reference',
      detail.tableRows,
    ),
    ...limitedTable(
      'Environment variables by settings file',
      solution.environmentVariables,
      ['Schema name', ...columns],
      (variable) => [codeCell(variable.schemaName), ...cell('variable', variable.schemaName)],
      'environment variable',
      detail.tableRows,
    ),
  ];
  if (lines.length === 0) return [];
  const legend = groups.bySettings
    .map((g, i) =>
      labels[i] === g.settings ? undefined : `${codeCell(labels[i]!)} is ${codeCell(g.settings)}`,
    )
    .filter((text): text is string => text !== undefined);
  lines.push(
    `_✅ nothing found, ❌ error, ⚠️ warning, with the rule ids${legend.length > 0 ? `; ${legend.join(', ')}` : ''}._`,
    '',
  );
  return lines;
}

function solutionSection(group: SolutionGroup, detail: Detail, settingsFiles: string[]): string[] {
  const { solution } = group;
  const lines: string[] = [];
  const groups =
    settingsFiles.length > 1 ? groupBySettings(group.findings, settingsFiles) : undefined;
  if (solution) {
    lines.push(
      `### ${escapeCell(solution.uniqueName)} ${escapeCell(solution.version)} (${solution.managed})`,
      '',
      `${codeCell(solution.path)}: ${[
        plural(solution.connectionReferences.length, 'connection reference'),
        plural(solution.flows.length, 'cloud flow'),
        plural(solution.canvasApps.length, 'canvas app'),
        plural(solution.agents.length, 'agent'),
        plural(solution.environmentVariables.length, 'environment variable'),
      ].join(
        ', ',
      )}${groups ? `, checked against ${plural(settingsFiles.length, 'settings file')}` : ''}`,
      '',
    );
    lines.push(
      ...limitedTable(
        'Connection references',
        solution.connectionReferences,
        ['Logical name', 'Display name', 'Connector', groups ? 'Bound in all' : 'Bound', 'Used by'],
        referenceRow,
        'connection reference',
        detail.tableRows,
      ),
      ...limitedTable(
        'Environment variables',
        solution.environmentVariables,
        ['Schema name', 'Type', 'Value in solution', groups ? 'Bound in all' : 'Bound'],
        variableRow,
        'environment variable',
        detail.tableRows,
      ),
    );
    if (groups)
      lines.push(...matrixSection(solution, groups, settingsLabels(settingsFiles), detail));
  } else {
    lines.push(`### ${codeCell(group.key)}`, '');
  }
  if (group.findings.length === 0) {
    lines.push('No findings.', '');
    return lines;
  }
  if (!groups)
    return [...lines, ...findingsSection('Findings', bySeverity(group.findings), detail)];
  // Findings that do not depend on the settings come once, then each settings file's own.
  if (groups.common.length > 0) {
    const title = groups.common.some((f) => f.settings !== undefined)
      ? `Findings in the solution, the same against each of the ${groups.repeatedFor} settings files`
      : 'Findings in the solution';
    lines.push(...findingsSection(title, bySeverity(groups.common), detail));
  }
  for (const { settings, findings } of groups.bySettings) {
    if (findings.length === 0) {
      lines.push(`#### Findings against ${codeCell(settings)} (0)`, '', 'No findings.', '');
      continue;
    }
    lines.push(
      ...findingsSection(`Findings against ${codeCell(settings)}`, bySeverity(findings), detail),
    );
  }
  return lines;
}

/** The headline: the verdict when `failOn` is known, else a plain title. */
export function headline(report: Report, failOn?: FailOn): string {
  if (failOn === undefined) return `## ${TOOL_NAME} report`;
  return isFailing(report.summary, failOn)
    ? `## ❌ ${TOOL_NAME}: fails the gate`
    : `## ✅ ${TOOL_NAME}: passes the gate`;
}

function summaryLine(report: Report, options: MarkdownOptions): string {
  const parts = [
    `${plural(report.solutions.length, 'solution')} checked${againstText(report)}: ${summaryText(report.summary)}${perFileNote(report)}`,
  ];
  if (options.failOn !== undefined) {
    parts.push(
      options.failOn === 'never'
        ? 'the gate is set never to fail'
        : `the gate fails on ${options.failOn === 'error' ? 'errors' : 'warnings or errors'}`,
    );
  }
  if (options.runUrl) {
    // A parenthesis or space in the URL would end the link early.
    const url = options.runUrl.replace(
      /[()\s<>]/g,
      (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
    parts.push(`[run details](${url})`);
  }
  return `${parts.join(' · ')}.`;
}

function render(report: Report, intro: string[], options: MarkdownOptions, detail: Detail): string {
  const lines = [...intro, summaryLine(report, options), ''];
  const settingsFiles = settingsFilesOf(report);
  for (const group of groupBySolution(report)) {
    lines.push(...solutionSection(group, detail, settingsFiles));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const TRUNCATED_NOTE = '\n\n_… cut to fit the size limit: the JSON report has everything._\n';

/**
 * Renders at the richest level of detail that fits `maxLength`: all rows, then 25 and 5 rows
 * per table, then no tables, then as many findings as fit (most severe first). A final hard cut
 * only happens when even the headline and the first finding do not fit.
 */
function fitMarkdown(report: Report, intro: string[], options: MarkdownOptions): string {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  const allFindings = new Set(report.findings);
  for (const tableRows of [Infinity, 25, 5, 0]) {
    const text = render(report, intro, options, { tableRows, shownFindings: allFindings });
    if (text.length <= maxLength) return text;
  }
  const ranked = bySeverity(report.findings);
  const withFindings = (count: number) =>
    render(report, intro, options, {
      tableRows: 0,
      shownFindings: new Set(ranked.slice(0, count)),
    });
  // Binary search for the most findings that fit; the length grows with the count.
  let low = 0;
  let high = ranked.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (withFindings(mid).length <= maxLength) low = mid;
    else high = mid - 1;
  }
  const text = withFindings(low);
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, Math.max(0, maxLength - TRUNCATED_NOTE.length));
  // Cut at a line end so that no table row or escape sequence is left half-written.
  const lineEnd = cut.lastIndexOf('\n');
  return (lineEnd > 0 ? cut.slice(0, lineEnd) : cut) + TRUNCATED_NOTE;
}

export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  return fitMarkdown(report, [headline(report, options.failOn), ''], options);
}

// ---------------------------------------------------------------------------------------------
// The single pull-request comment that the GitHub and Azure DevOps adapters create once and then
// update in place. Hidden markers let an adapter find its own comment and tell whether the
// previous run failed, so that a fix is announced instead of passing silently.

/** Identifies the comment written by connref-gate among all comments of a pull request. */
export const COMMENT_MARKER = '<!-- connref-gate -->';

export type CommentState = 'pass' | 'fail';

const STATE_PATTERN = /<!-- connref-gate:state=(pass|fail) -->/;

function stateMarker(state: CommentState): string {
  return `<!-- connref-gate:state=${state} -->`;
}

/** The gate state recorded in an earlier comment body, if it is one of ours. */
export function commentState(body: string | undefined): CommentState | undefined {
  if (body === undefined) return undefined;
  return STATE_PATTERN.exec(body)?.[1] as CommentState | undefined;
}

export interface PullRequestCommentOptions {
  failOn: FailOn;
  /** The body of the comment this one replaces, to announce when earlier problems are fixed. */
  previousBody?: string;
  /** Link to the pipeline or workflow run. */
  runUrl?: string;
  /** Size budget (default 60,000; a GitHub comment is limited to 65,536 characters). */
  maxLength?: number;
}

export function formatPullRequestComment(
  report: Report,
  options: PullRequestCommentOptions,
): string {
  const state: CommentState = isFailing(report.summary, options.failOn) ? 'fail' : 'pass';
  const intro = [COMMENT_MARKER, stateMarker(state), headline(report, options.failOn), ''];
  if (state === 'pass' && commentState(options.previousBody) === 'fail') {
    intro.push('**All clear: the problems reported earlier are fixed.**', '');
  }
  return fitMarkdown(report, intro, {
    failOn: options.failOn,
    runUrl: options.runUrl,
    maxLength: options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH,
  });
}
