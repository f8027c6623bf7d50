// Human output for a terminal or a CI log: one block per solution, most severe finding first,
// each finding with its location first so that editors and terminals can jump to it.
import type { Finding, Report, Severity } from '../model.js';
import {
  againstText,
  bySeverity,
  deferredVariableText,
  groupSettingsFiles,
  perFileNote,
  groupBySettings,
  groupBySolution,
  locationText,
  plural,
  summaryText,
} from './common.js';
import { targetSummary } from './target.js';

export interface TextOptions {
  /** ANSI colours; the CLI asks only on a TTY, never with NO_COLOR, always with FORCE_COLOR. */
  color: boolean;
}

type Style = (text: string) => string;

function ansi(open: number, close: number): Style {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const plain: Style = (text) => text;

interface Palette {
  bold: Style;
  dim: Style;
  severity: Record<Severity, Style>;
  pass: Style;
}

const COLORS: Palette = {
  bold: ansi(1, 22),
  dim: ansi(2, 22),
  severity: { error: ansi(31, 39), warning: ansi(33, 39), note: ansi(36, 39) },
  pass: ansi(32, 39),
};

const NO_COLORS: Palette = {
  bold: plain,
  dim: plain,
  severity: { error: plain, warning: plain, note: plain },
  pass: plain,
};

/**
 * Names and messages come from the solution: a control character in them (an escape sequence in
 * a flow name) must not drive the terminal, so it is shown as a visible code instead.
 */
function safe(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

// Severity words are padded to the longest one so that rule ids line up.
const SEVERITY_WIDTH = 'warning'.length;

function findingLines(finding: Finding, palette: Palette, showSettings = true): string[] {
  const severity = palette.severity[finding.severity](finding.severity.padEnd(SEVERITY_WIDTH));
  const indent = ' '.repeat(2 + SEVERITY_WIDTH + 2);
  const where = locationText(finding);
  const lines = [`  ${severity}  ${palette.bold(finding.ruleId)}  ${safe(finding.subject)}`];
  // Messages are single sentences today, but a newline must not break the layout.
  for (const messageLine of finding.message.split(/\r?\n/))
    lines.push(`${indent}${safe(messageLine)}`);
  const context = [
    where === undefined ? undefined : safe(where),
    showSettings && finding.settings !== undefined ? `settings ${finding.settings}` : undefined,
  ]
    .filter((part): part is string => part !== undefined)
    .join(', ');
  if (context !== '') lines.push(`${indent}${palette.dim(context)}`);
  return lines;
}

/**
 * With placeholders deferred, CR002's notes name each placeholder left for the deploy stage, and
 * the list at the end names each variable once: a pull-request gate of a kit with 18 placeholders
 * in 3 files would print 54 notes of three lines. In the text (a log read by a person) they fold
 * into one line per block; JSON, SARIF and markdown keep every one.
 */
function foldDeferred(
  findings: readonly Finding[],
  report: Report,
  palette: Palette,
): { shown: Finding[]; folded: string[] } {
  if (!report.deferredVariables?.length) return { shown: [...findings], folded: [] };
  const deferred = findings.filter((f) => f.ruleId === 'CR002' && f.severity === 'note');
  if (deferred.length < 2) return { shown: [...findings], folded: [] };
  const severity = palette.severity.note('note'.padEnd(SEVERITY_WIDTH));
  return {
    shown: findings.filter((f) => !(f.ruleId === 'CR002' && f.severity === 'note')),
    folded: [
      `  ${severity}  ${palette.bold('CR002')}  ${plural(deferred.length, 'placeholder')} left for the deploy stage (placeholders deferred; the variables are listed below)`,
    ],
  };
}

function findingBlock(
  findings: readonly Finding[],
  report: Report,
  palette: Palette,
  showSettings: boolean,
): string[] {
  const { shown, folded } = foldDeferred(findings, report, palette);
  const lines = bySeverity(shown).flatMap((finding) =>
    findingLines(finding, palette, showSettings),
  );
  return [...lines, ...folded];
}

export function formatText(report: Report, options: TextOptions): string {
  const palette = options.color ? COLORS : NO_COLORS;
  const lines: string[] = [];
  for (const group of groupBySolution(report)) {
    const { solution } = group;
    const settingsFiles = groupSettingsFiles(report, group);
    const header = solution
      ? `${palette.bold(safe(solution.uniqueName))} ${safe(solution.version)} (${solution.managed}) ${palette.dim(safe(solution.path))}`
      : palette.bold(safe(group.key));
    lines.push(header);
    if (solution) {
      lines.push(
        `  ${[
          plural(solution.connectionReferences.length, 'connection reference'),
          plural(solution.flows.length, 'cloud flow'),
          plural(solution.canvasApps.length, 'canvas app'),
          plural(solution.agents.length, 'agent'),
          plural(solution.environmentVariables.length, 'environment variable'),
        ].join(', ')}`,
      );
      const target = targetSummary(solution);
      if (target) lines.push(`  ${safe(target)}`);
    }
    if (group.findings.length === 0) {
      lines.push(`  ${palette.pass('no findings')}`);
    } else if (settingsFiles.length > 1) {
      // Several settings files (environments): what does not depend on them once, then per file.
      const groups = groupBySettings(group.findings, settingsFiles);
      if (groups.common.length > 0) {
        const repeated = groups.common.some((f) => f.settings !== undefined);
        lines.push(
          `  ${palette.bold(repeated ? `In the solution, the same against each of the ${groups.repeatedFor} settings files:` : 'In the solution:')}`,
        );
        lines.push(...findingBlock(groups.common, report, palette, false));
      }
      for (const { settings, findings } of groups.bySettings) {
        const count = findings.length === 0 ? ` ${palette.pass('no findings')}` : '';
        lines.push(`  ${palette.bold(`Against ${safe(settings)}:`)}${count}`);
        lines.push(...findingBlock(findings, report, palette, false));
      }
    } else {
      lines.push(...findingBlock(group.findings, report, palette, true));
    }
    lines.push('');
  }
  const deferred = report.deferredVariables;
  if (deferred !== undefined && deferred.length > 0) {
    // The files once, when every variable is in the same ones (the usual case: one per stage).
    const files = deferred[0]!.settings.join(', ');
    const same = deferred.every((variable) => variable.settings.join(', ') === files);
    lines.push(
      palette.bold(
        `Placeholders deferred: the deploy stage must define ${plural(deferred.length, 'variable')}${same ? ` (in ${safe(files)})` : ''}:`,
      ),
    );
    for (const variable of deferred) {
      const where = same ? '' : `  ${palette.dim(safe(variable.settings.join(', ')))}`;
      lines.push(`  ${safe(deferredVariableText(variable))}${where}`);
    }
    lines.push('');
  }
  const { summary } = report;
  const checked = plural(report.solutions.length, 'solution');
  const verdictStyle =
    summary.errors > 0
      ? palette.severity.error
      : summary.warnings > 0
        ? palette.severity.warning
        : palette.pass;
  lines.push(
    verdictStyle(
      `${checked} checked${againstText(report)}: ${summaryText(summary)}${perFileNote(report)}`,
    ),
  );
  return `${lines.join('\n')}\n`;
}
