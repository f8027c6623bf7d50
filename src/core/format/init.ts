// What `init` (and `init --check`) says, as text for a terminal or a CI log and as markdown for a
// job summary: the names it added, kept and removed per settings file. Never a value: init does
// not substitute placeholders and prints names only.
import type { InitFileResult, InitResult } from '../init.js';
import { oneLine } from '../text.js';
import { TOOL_NAME } from '../version.js';
import { escapeCell, plural } from './common.js';

export interface InitReportLine {
  /** stdout for what init did or would do; stderr for a file it refuses to touch. */
  stream: 'stdout' | 'stderr';
  text: string;
  /** The settings file the line is about, as in InitFileResult.path (for an annotation). */
  file: string;
}

type Action = 'added' | 'kept' | 'removed';

const KINDS = [
  ['connection reference', 'connectionReferences'],
  ['environment variable', 'environmentVariables'],
] as const;
const KIND_WIDTH = 'environment variable'.length;

function count(names: InitFileResult['added']): number {
  return names.connectionReferences.length + names.environmentVariables.length;
}

/** True when `init --check` fails for this result: a file would change or cannot be read. */
export function initOutOfStep(result: InitResult): boolean {
  return result.files.some((file) => file.status !== 'unchanged');
}

function solutionText(result: InitResult): string {
  const { solution } = result;
  return `${oneLine(solution.uniqueName)} ${oneLine(solution.version)} (${oneLine(solution.path)})`;
}

function fileLines(file: InitFileResult, checkOnly: boolean): string[] {
  const lines: string[] = [];
  const verbs: Record<Action, string> = checkOnly
    ? { added: 'would add', kept: 'kept', removed: 'would remove' }
    : { added: 'added', kept: 'kept', removed: 'removed' };
  const width = Math.max(...Object.values(verbs).map((verb) => verb.length));
  // A drift check lists only the changes; a write lists everything, so the log shows the result.
  const actions: Action[] = checkOnly ? ['added', 'removed'] : ['added', 'removed', 'kept'];
  for (const action of actions) {
    for (const [kind, key] of KINDS) {
      for (const name of file[action][key]) {
        lines.push(
          `  ${verbs[action].padEnd(width)}  ${kind.padEnd(KIND_WIDTH)}  ${oneLine(name)}`,
        );
      }
    }
  }
  const added = count(file.added);
  const kept = count(file.kept);
  const removed = count(file.removed);
  if (checkOnly) {
    lines.push(
      `  ${added} to add, ${removed} to remove, ${kept} kept: run ${TOOL_NAME} init without --check to apply`,
    );
  } else {
    lines.push(`  ${added} added, ${kept} kept, ${removed} removed`);
    const unbound = file.added.connectionReferences.length;
    if (unbound > 0) {
      lines.push(
        `  next: set ConnectionId of the ${plural(unbound, 'added connection reference')} (a connection name, or a placeholder such as #{…}# filled by the pipeline); an environment variable left at null keeps the solution's default`,
      );
    }
  }
  return lines;
}

/** The report of an init run, line by line, each to its stream. */
export function formatInitText(result: InitResult, checkOnly: boolean): InitReportLine[] {
  const out: InitReportLine[] = [];
  const what = solutionText(result);
  for (const file of result.files) {
    const path = oneLine(file.path);
    switch (file.status) {
      case 'unusable':
        out.push({
          stream: 'stderr',
          text: `${TOOL_NAME}: ${oneLine(file.reason ?? path)}; init does not overwrite a file it cannot read as deployment settings (fix or move it)`,
          file: file.path,
        });
        break;
      case 'unchanged':
        out.push({
          stream: 'stdout',
          text: `${TOOL_NAME}: ${path} is up to date with ${what}: ${plural(file.kept.connectionReferences.length, 'connection reference')}, ${plural(file.kept.environmentVariables.length, 'environment variable')}`,
          file: file.path,
        });
        break;
      default:
        out.push({
          stream: 'stdout',
          text: checkOnly
            ? `${TOOL_NAME}: ${path} is out of step with ${what}: init would ${file.status === 'created' ? 'create it' : 'change it'}`
            : `${TOOL_NAME}: ${file.status} ${path} for ${what}`,
          file: file.path,
        });
        for (const line of fileLines(file, checkOnly)) {
          out.push({ stream: 'stdout', text: line, file: file.path });
        }
    }
  }
  return out;
}

function code(text: string): string {
  return /^[^`|<>&\\\r\n]+$/.test(text) ? `\`${text}\`` : escapeCell(text);
}

/** A job summary for `init --check`: per settings file, up to date or the changes init would make. */
export function formatInitMarkdown(result: InitResult): string {
  const outOfStep = initOutOfStep(result);
  const { solution } = result;
  const lines = [
    outOfStep
      ? `## ❌ ${TOOL_NAME}: the settings are out of step with the solution`
      : `## ✅ ${TOOL_NAME}: the settings are in step with the solution`,
    '',
    `${escapeCell(solution.uniqueName)} ${escapeCell(solution.version)} (${code(solution.path)}), ${plural(result.files.length, 'settings file')}.`,
    '',
  ];
  for (const file of result.files) {
    lines.push(`### ${code(file.path)}`, '');
    if (file.status === 'unusable') {
      lines.push(`❌ Not a usable settings file: ${escapeCell(file.reason ?? '')}`, '');
      continue;
    }
    if (file.status === 'unchanged') {
      lines.push(
        `✅ Up to date: ${plural(file.kept.connectionReferences.length, 'connection reference')}, ${plural(file.kept.environmentVariables.length, 'environment variable')}.`,
        '',
      );
      continue;
    }
    lines.push(
      file.status === 'created'
        ? '❌ The file does not exist: `init` would create it.'
        : '❌ `init` would change it:',
      '',
      '| Change | Kind | Name |',
      '| --- | --- | --- |',
    );
    for (const [action, label] of [
      ['added', 'add'],
      ['removed', 'remove'],
    ] as const) {
      for (const [kind, key] of KINDS) {
        for (const name of file[action][key]) lines.push(`| ${label} | ${kind} | ${code(name)} |`);
      }
    }
    lines.push(
      '',
      `Run \`${TOOL_NAME} init --solution ${oneLine(solution.path)} --settings ${oneLine(file.path)}\` and commit the result; it keeps every value already in the file.`,
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
