// How the formatters show the `target` facts of the online checks (SPEC 5): a table cell for
// markdown and a one-line count for text. Texts from the target are escaped by the callers'
// own rules (escapeCell, the text formatter's control-character escape).
import type { ReportSolution, ReportTarget } from '../model.js';
import { escapeCell, plural } from './common.js';
import { oneLine } from '../text.js';

const MAX_DETAIL = 160;

/** The markdown cell: found (its connector, status, owner) or what is wrong. */
export function targetCell(target: ReportTarget | undefined): string {
  if (!target) return '—';
  const parts: string[] = [];
  const detail = target.detail ? escapeCell(oneLine(target.detail, MAX_DETAIL)) : undefined;
  switch (target.connection) {
    case 'found':
      parts.push(
        target.status && target.status.toLowerCase() !== 'connected' ? '⚠️ found' : '✅ found',
      );
      break;
    case 'missing':
      parts.push('❌ no such connection');
      break;
    case 'wrong-connector':
      parts.push('❌ another connector');
      break;
    case 'not-usable':
      parts.push('❌ not usable by the importer');
      break;
    case 'unchecked':
      parts.push('not checked');
      break;
  }
  if (target.connector) parts.push(`\`${target.connector.replace(/[`|\\]/g, '')}\``);
  if (target.status) parts.push(escapeCell(target.status));
  if (target.owner) parts.push(`owner ${escapeCell(target.owner)}`);
  if (
    target.access &&
    target.access !== 'owner' &&
    target.access !== 'none' &&
    target.access !== 'group' &&
    target.access !== 'listed'
  ) {
    parts.push(`shared as ${escapeCell(target.access)}`);
  }
  if (detail) parts.push(detail);
  return parts.join(', ');
}

/** `target: 3 found, 1 missing`, or undefined without online facts. */
export function targetSummary(solution: ReportSolution): string | undefined {
  const counts = new Map<string, number>();
  for (const reference of solution.connectionReferences) {
    if (!reference.target) continue;
    const state = reference.target.connection;
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  if (counts.size === 0) return undefined;
  const words: [ReportTarget['connection'], string][] = [
    ['found', 'found'],
    ['missing', 'missing'],
    ['wrong-connector', 'of another connector'],
    ['not-usable', 'not usable'],
    ['unchecked', 'not checked'],
  ];
  const parts = words
    .filter(([state]) => counts.has(state))
    .map(([state, word]) => `${counts.get(state)} ${word}`);
  return `connections in the target: ${parts.join(', ')} (of ${plural(solution.connectionReferences.length, 'reference')})`;
}
