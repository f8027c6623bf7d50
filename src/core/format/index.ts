// The output formats, and one entry point that picks a format by name (CLI `--format`).
import type { Report } from '../model.js';
import { formatJson } from './json.js';
import { formatMarkdown, type MarkdownOptions } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export { formatJson } from './json.js';
export { formatText, type TextOptions } from './text.js';
export {
  AZURE_DEVOPS_COMMENT_BUDGET,
  AZURE_DEVOPS_COMMENT_MAX_LENGTH,
  COMMENT_MARKER,
  DEFAULT_MARKDOWN_MAX_LENGTH,
  GITHUB_COMMENT_BUDGET,
  GITHUB_COMMENT_MAX_LENGTH,
  GITHUB_SUMMARY_MAX_BYTES,
  SUMMARY_MAX_BYTES,
  commentState,
  escapeCell,
  formatMarkdown,
  formatPullRequestComment,
  type CommentState,
  type MarkdownOptions,
  type PullRequestCommentOptions,
} from './markdown.js';
export { SARIF_SCHEMA, formatSarif, pathToUri, type SarifOptions } from './sarif.js';
export { connectionDiagram, mermaidText, type DiagramOptions } from './mermaid.js';
export { formatInitMarkdown, formatInitText, initOutOfStep, type InitReportLine } from './init.js';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

export interface FormatOptions extends Pick<MarkdownOptions, 'failOn' | 'maxLength'> {
  /** Text format only. */
  color?: boolean;
}

export function formatReport(
  report: Report,
  format: OutputFormat,
  options: FormatOptions = {},
): string {
  switch (format) {
    case 'text':
      return formatText(report, { color: options.color ?? false });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'markdown':
      return formatMarkdown(report, { failOn: options.failOn, maxLength: options.maxLength });
  }
}
