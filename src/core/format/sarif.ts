// SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`) and other SARIF
// viewers. Code scanning needs a file location on every result, relative URIs to map results to
// repository files, and stable fingerprints to track an alert across runs.
import { createHash } from 'node:crypto';
import type { Finding, Report, RuleMeta, Severity } from '../model.js';
import { allRules } from '../rules/index.js';
import { REPOSITORY_URL, TOOL_NAME, ruleDocsUrl } from '../version.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const FINGERPRINT_KEY = 'connrefGate/v1';

export interface SarifOptions {
  /** The rules to describe in `tool.driver.rules` (default: every rule of connref-gate). */
  rules?: readonly RuleMeta[];
}

// GitHub reads `problem.severity` for alerts that are not security alerts.
const PROBLEM_SEVERITY: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  note: 'recommendation',
};

/** SARIF wants a rule's friendly name as one Pascal-case identifier: `unbound-x` -> `UnboundX`. */
function pascalCase(slug: string): string {
  return slug
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function ruleDescriptor(meta: RuleMeta) {
  const helpUri = meta.docsUrl || ruleDocsUrl(meta.id);
  return {
    id: meta.id,
    name: pascalCase(meta.name),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.details || meta.description },
    help: {
      text: `${meta.details || meta.description}\n\nSee ${helpUri}`,
      markdown: `**${meta.id}: ${meta.description}**\n\n${meta.details || meta.description}\n\n[Documentation](${helpUri})`,
    },
    helpUri,
    defaultConfiguration: { level: meta.defaultSeverity },
    properties: {
      tags: ['power-platform', 'deployment'],
      'problem.severity': PROBLEM_SEVERITY[meta.defaultSeverity],
    },
  };
}

/** A rule id that the rule list does not describe still needs a descriptor for `ruleIndex`. */
function unknownRule(id: string): RuleMeta {
  return {
    id,
    name: id.toLowerCase(),
    defaultSeverity: 'error',
    description: id,
    details: '',
    needsSettings: false,
    docsUrl: ruleDocsUrl(id),
  };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function pathToUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** Splits `X.zip!/entry` into the zip (the artifact) and the entry inside it. */
function splitZipEntry(file: string): { path: string; entry?: string } {
  const normalized = file.replace(/\\/g, '/');
  const bang = normalized.toLowerCase().indexOf('.zip!/');
  if (bang === -1) return { path: normalized };
  return { path: normalized.slice(0, bang + 4), entry: normalized.slice(bang + 6) };
}

function fallbackFile(finding: Finding, report: Report): string {
  const solution =
    report.solutions.find((s) => s.path === finding.solution) ??
    report.solutions.find((s) => s.uniqueName === finding.solution);
  return solution?.path ?? finding.settings ?? finding.solution;
}

function resultFor(
  finding: Finding,
  ruleIndex: number,
  report: Report,
  fingerprint: string,
): object {
  const file = finding.location?.file ?? fallbackFile(finding, report);
  const { path, entry } = splitZipEntry(file);
  const line = finding.location?.line;
  let text = finding.message;
  // Viewers cannot open an entry inside a zip: the zip is the location, the entry is named here.
  if (entry !== undefined) text += ` (in ${entry}${line !== undefined ? `, line ${line}` : ''})`;
  // Code scanning shows a result only with a region; a file-level finding points at line 1.
  const inFile = entry === undefined && line !== undefined;
  const column = inFile ? finding.location?.column : undefined;
  const region = {
    startLine: inFile ? line : 1,
    ...(column !== undefined && { startColumn: column }),
  };
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.severity,
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(path), uriBaseId: '%SRCROOT%' },
          region,
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    properties: {
      solution: finding.solution,
      subject: finding.subject,
      ...(finding.settings !== undefined && { settings: finding.settings }),
    },
  };
}

/**
 * Fingerprints leave out the line and the message so that an alert survives edits elsewhere in
 * the file and rewording; identical keys (one app using two custom connectors) are numbered.
 */
function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = [
      finding.ruleId,
      finding.solution,
      finding.subject,
      finding.settings ?? '',
      finding.location?.file ?? '',
    ].join('\u0000');
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

export function formatSarif(report: Report, options: SarifOptions = {}): string {
  const metas = [...(options.rules ?? allRules.map((rule) => rule.meta))];
  const indexById = new Map(metas.map((meta, index) => [meta.id, index]));
  for (const finding of report.findings) {
    if (!indexById.has(finding.ruleId)) {
      indexById.set(finding.ruleId, metas.length);
      metas.push(unknownRule(finding.ruleId));
    }
  }
  const prints = fingerprints(report.findings);
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: REPOSITORY_URL,
            rules: metas.map(ruleDescriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding, i) =>
          resultFor(finding, indexById.get(finding.ruleId) ?? 0, report, prints[i] ?? ''),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
