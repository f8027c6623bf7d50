// Findings → workflow annotations. GitHub shows at most 10 annotations of each type per step,
// so the first 10 of each type (most severe first) become annotations and the rest go to the log.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { AnnotationProperties } from '@actions/core';
import { collapseRepeated } from '../core/format/common.js';
import type { Finding, Severity } from '../core/model.js';

export type AnnotationKind = 'error' | 'warning' | 'notice';

/** GitHub's limit of annotations shown per type and step. */
export const ANNOTATIONS_PER_TYPE = 10;

const KIND: Record<Severity, AnnotationKind> = {
  error: 'error',
  warning: 'warning',
  note: 'notice',
};
const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

export interface Annotation {
  kind: AnnotationKind;
  message: string;
  properties: AnnotationProperties;
}

export interface AnnotationPlan {
  /** At most ANNOTATIONS_PER_TYPE per kind, errors first. */
  annotations: Annotation[];
  /** The findings beyond the limit, as log lines. */
  overflow: string[];
  /** How many findings of each kind did not become annotations. */
  more: Record<AnnotationKind, number>;
}

export interface PathBases {
  /** The base the core's `location.file` is relative to. */
  cwd: string;
  /** The repository root that annotation paths must be relative to. */
  workspace: string;
}

export function planAnnotations(findings: readonly Finding[], bases: PathBases): AnnotationPlan {
  // With several settings files, a finding in the solution itself is annotated once, not once
  // per environment: the same line would otherwise carry the same annotation three times.
  const sorted = collapseRepeated(findings)
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => RANK[a.finding.severity] - RANK[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);

  const plan: AnnotationPlan = {
    annotations: [],
    overflow: [],
    more: { error: 0, warning: 0, notice: 0 },
  };
  const shown: Record<AnnotationKind, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of sorted) {
    const annotation = toAnnotation(finding, bases);
    if (shown[annotation.kind] < ANNOTATIONS_PER_TYPE) {
      shown[annotation.kind] += 1;
      plan.annotations.push(annotation);
    } else {
      plan.more[annotation.kind] += 1;
      plan.overflow.push(logLine(finding));
    }
  }
  return plan;
}

export function toAnnotation(finding: Finding, bases: PathBases): Annotation {
  const properties: AnnotationProperties = { title: `${finding.ruleId} ${finding.subject}` };
  let message = finding.message;
  const location = finding.location;
  if (location) {
    const bang = location.file.indexOf('!/');
    if (bang >= 0) {
      // An entry inside a zip: annotate the zip itself and say where inside it.
      const entry = location.file.slice(bang + 2);
      const file = workspacePath(location.file.slice(0, bang), bases);
      if (file !== undefined) properties.file = file;
      message += ` (in ${entry}${location.line ? `, line ${location.line}` : ''} inside the zip)`;
    } else {
      const file = workspacePath(location.file, bases);
      if (file !== undefined) {
        properties.file = file;
        if (location.line) properties.startLine = location.line;
        if (location.line && location.column) properties.startColumn = location.column;
      }
    }
  }
  if (finding.settings && finding.settings !== location?.file) {
    message += ` [settings: ${finding.settings}]`;
  }
  return { kind: KIND[finding.severity], message, properties };
}

/** `file` (relative to cwd) as a workspace-relative path, or undefined when outside it. */
function workspacePath(file: string, bases: PathBases): string | undefined {
  const absolute = resolve(bases.cwd, file);
  const rel = relative(bases.workspace, absolute);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

function logLine(finding: Finding): string {
  const where = finding.location
    ? `${finding.location.file}${finding.location.line ? `:${finding.location.line}` : ''}: `
    : '';
  return `${where}${finding.severity} ${finding.ruleId} ${finding.subject}: ${finding.message}`;
}

/** "3 more errors and 1 more warning" (empty when nothing was left out). */
export function describeMore(more: Record<AnnotationKind, number>): string {
  const parts: string[] = [];
  const nouns: Record<AnnotationKind, [string, string]> = {
    error: ['error', 'errors'],
    warning: ['warning', 'warnings'],
    notice: ['note', 'notes'],
  };
  for (const kind of ['error', 'warning', 'notice'] as const) {
    const count = more[kind];
    if (count > 0) parts.push(`${count} more ${nouns[kind][count === 1 ? 0 : 1]}`);
  }
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
