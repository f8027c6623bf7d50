// Markdown for job summaries and pull-request comments (GitHub and Azure DevOps): per solution a
// diagram of what uses which connection reference and connector, a table of connection references
// and one of environment variables, then the findings. Each host limits the size (a GitHub job
// summary 1 MiB, a GitHub comment 65,536 characters, an Azure DevOps comment 150,000), so the
// document is fitted into a budget: the diagram is summarized first, then tables shrink, then the
// diagram goes; findings go last and always most severe first.
import { isFailing } from '../engine.js';
import type {
  FailOn,
  Finding,
  Report,
  ReportConnectionReference,
  ReportEnvironmentVariable,
  ReportSolution,
  ReportUser,
} from '../model.js';
import { TOOL_NAME } from '../version.js';
import { targetCell } from './target.js';
import {
  bySeverity,
  connectorName,
  escapeCell,
  groupBySettings,
  groupBySolution,
  groupSettingsFiles,
  matrixCell,
  plural,
  againstText,
  perFileNote,
  settingsLabels,
  summaryText,
  type CellState,
  type SettingsGroups,
  type SolutionGroup,
} from './common.js';
import {
  codeCell,
  deferredSection,
  diagramSection,
  findingsSection,
  SEVERITY_ICON,
  table,
  type FindingsDetail,
} from './markdown-sections.js';
import type { DiagramMode } from './mermaid.js';

export { escapeCell };

/** The budget when none is given (the CLI's `--format markdown`). */
export const DEFAULT_MARKDOWN_MAX_LENGTH = 60_000;
/** GitHub rejects a job summary over 1 MiB ("supports content up to a size of 1024k"), in bytes. */
export const GITHUB_SUMMARY_MAX_BYTES = 1_048_576;
/** GitHub rejects a comment body over 65,536 characters. */
export const GITHUB_COMMENT_MAX_LENGTH = 65_536;
/**
 * Azure DevOps rejects a pull-request comment over 150,000 characters ("A discussion comment
 * cannot be longer than 150000 characters"; the REST API's answer, not in its documentation).
 */
export const AZURE_DEVOPS_COMMENT_MAX_LENGTH = 150_000;
/**
 * The budget of a job summary (GitHub's and, with no documented limit of its own, the Azure
 * DevOps summary attachment's): 1 MiB less room for the line an adapter appends.
 */
export const SUMMARY_MAX_BYTES = GITHUB_SUMMARY_MAX_BYTES - 8 * 1024;
/** The budgets of the pull-request comments, a little under each host's limit. */
export const GITHUB_COMMENT_BUDGET = GITHUB_COMMENT_MAX_LENGTH - 536;
export const AZURE_DEVOPS_COMMENT_BUDGET = AZURE_DEVOPS_COMMENT_MAX_LENGTH - 1_000;

export interface MarkdownOptions {
  /** Size budget in characters (default 60,000 unless `maxBytes` is given). */
  maxLength?: number;
  /** Size budget in UTF-8 bytes (a job summary); with `maxLength`, both hold. */
  maxBytes?: number;
  /** Draw each solution's Mermaid diagram (default true; Azure DevOps renders Mermaid only in wikis). */
  diagram?: boolean;
  /** When given, the headline states whether the report fails the gate. */
  failOn?: FailOn;
  /** Link to the run that produced the report (the full log). */
  runUrl?: string;
}

const MAX_USERS_SHOWN = 5;
const MAX_COMPONENTS_SHOWN = 3;

/** `agent Monitoring Agent (Kusto Query, Word MCP)`: an agent with the components that use it. */
function userText(user: ReportUser): string {
  const name = escapeCell(user.name);
  if (user.kind === 'flow') return `flow ${name}`;
  // Canvas apps store connector ids, not references: the cell says they match by connector.
  if (user.kind === 'canvasApp') return `canvas app ${name} (by connector)`;
  const components = user.components ?? [];
  const shown = components.slice(0, MAX_COMPONENTS_SHOWN).map(escapeCell);
  if (components.length > MAX_COMPONENTS_SHOWN) {
    shown.push(`${components.length - MAX_COMPONENTS_SHOWN} more`);
  }
  const detail = shown.length > 0 ? ` (${shown.join(', ')})` : '';
  return `agent ${name}${detail}`;
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

/** ⏳ for a reference whose ConnectionId waits for the deploy stage (placeholders deferred). */
function referenceBound(reference: ReportConnectionReference, deferred: Set<string>): string {
  return !reference.bound && deferred.has(reference.logicalName.toLowerCase())
    ? '⏳ at deploy'
    : bound(reference.bound);
}

/** Names whose only settings problem is a deferred placeholder (CR002 and no CR001). */
function deferredNames(report: Report, findings: readonly Finding[]): Set<string> {
  if (report.deferredVariables === undefined) return new Set();
  const about = (id: string) =>
    new Set(findings.filter((f) => f.ruleId === id).map((f) => f.subject.toLowerCase()));
  const unbound = about('CR001');
  return new Set([...about('CR002')].filter((name) => !unbound.has(name)));
}

function referenceRow(
  reference: ReportConnectionReference,
  deferred: Set<string>,
  withTarget = false,
): string[] {
  const cells = [
    codeCell(reference.logicalName),
    escapeCell(reference.displayName),
    `${codeCell(connectorName(reference.connectorId))}${reference.custom ? ' (custom)' : ''}`,
    referenceBound(reference, deferred),
    usedByCell(reference),
  ];
  if (withTarget) cells.push(targetCell(reference.target));
  return cells;
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

/**
 * How much of the detail fits: rows per table (Infinity: all), the diagram's form, how many
 * subjects a grouped finding lists and which findings are shown.
 */
interface Detail extends FindingsDetail {
  tableRows: number;
  diagram: DiagramMode | 'none';
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

const CELL_ICON: Record<CellState, string> = { ok: '✅', ...SEVERITY_ICON };

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

function solutionSection(
  report: Report,
  group: SolutionGroup,
  detail: Detail,
  settingsFiles: string[],
): string[] {
  const { solution } = group;
  const lines: string[] = [];
  const deferred = deferredNames(report, group.findings);
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
    if (detail.diagram !== 'none') {
      lines.push(...diagramSection(report, solution, group.findings, detail.diagram));
    }
    // With --environment, a column says what the target holds for each bound connection.
    const withTarget = solution.connectionReferences.some((r) => r.target !== undefined);
    lines.push(
      ...limitedTable(
        'Connection references',
        solution.connectionReferences,
        [
          'Logical name',
          'Display name',
          'Connector',
          groups ? 'Bound in all' : 'Bound',
          'Used by',
          ...(withTarget ? ['In the target'] : []),
        ],
        (reference) => referenceRow(reference, deferred, withTarget),
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
  lines.push(...deferredSection(report, detail.tableRows));
  for (const group of groupBySolution(report)) {
    lines.push(...solutionSection(report, group, detail, groupSettingsFiles(report, group)));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const TRUNCATED_NOTE = '\n\n_… cut to fit the size limit: the JSON report has everything._\n';

/** Whether a text is within the character and byte budgets. */
function fitsWithin(options: MarkdownOptions): (text: string) => boolean {
  const maxLength =
    options.maxLength ?? (options.maxBytes === undefined ? DEFAULT_MARKDOWN_MAX_LENGTH : Infinity);
  const maxBytes = options.maxBytes ?? Infinity;
  return (text) =>
    text.length <= maxLength &&
    // A character is at most 3 UTF-8 bytes per UTF-16 unit: count only when it might matter.
    (text.length * 3 <= maxBytes || Buffer.byteLength(text, 'utf8') <= maxBytes);
}

/** From the richest to the leanest, before findings are dropped. */
const LEVELS: readonly Omit<Detail, 'shownFindings'>[] = [
  { tableRows: Infinity, diagram: 'full', subjectsShown: 50 },
  { tableRows: Infinity, diagram: 'summary', subjectsShown: 50 },
  { tableRows: 25, diagram: 'summary', subjectsShown: 20 },
  { tableRows: 25, diagram: 'none', subjectsShown: 20 },
  { tableRows: 5, diagram: 'none', subjectsShown: 10 },
  { tableRows: 0, diagram: 'none', subjectsShown: 10 },
];

/**
 * Renders at the richest level of detail that fits the budget: the full diagram and all rows,
 * then the diagram summarized, 25 rows per table, no diagram, 5 rows, no tables, then as many
 * findings as fit (most severe first). A final hard cut only happens when even the headline and
 * the first finding do not fit.
 */
function fitMarkdown(report: Report, intro: string[], options: MarkdownOptions): string {
  const fits = fitsWithin(options);
  const allFindings = new Set(report.findings);
  const levels = LEVELS.filter((level) => options.diagram !== false || level.diagram === 'none');
  for (const level of levels) {
    const text = render(report, intro, options, { ...level, shownFindings: allFindings });
    if (fits(text)) return text;
  }
  const ranked = bySeverity(report.findings);
  const leanest = LEVELS[LEVELS.length - 1]!;
  const withFindings = (count: number) =>
    render(report, intro, options, { ...leanest, shownFindings: new Set(ranked.slice(0, count)) });
  // Binary search for the most findings that fit; the length grows with the count.
  let low = 0;
  let high = ranked.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (fits(withFindings(mid))) low = mid;
    else high = mid - 1;
  }
  const text = withFindings(low);
  if (fits(text)) return text;
  // Cut at a line end so that no table row or escape sequence is left half-written.
  let cut = text;
  while (cut.length > 0 && !fits(cut + TRUNCATED_NOTE)) {
    const target = Math.max(0, Math.floor(cut.length * 0.9) - TRUNCATED_NOTE.length);
    const lineEnd = cut.lastIndexOf('\n', target);
    cut = lineEnd > 0 ? cut.slice(0, lineEnd) : cut.slice(0, target);
  }
  return cut + TRUNCATED_NOTE;
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
  /** Size budget in characters (default 60,000): see GITHUB_COMMENT_MAX_LENGTH and AZURE_DEVOPS_COMMENT_MAX_LENGTH. */
  maxLength?: number;
  /** Draw the Mermaid diagrams (default true). */
  diagram?: boolean;
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
    diagram: options.diagram,
  });
}
