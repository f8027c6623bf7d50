// SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`) and other SARIF
// viewers. Code scanning needs a file location on every result, relative URIs to map results to
// repository files, and stable fingerprints to track an alert across runs.
import { createHash } from 'node:crypto';
import type { Finding, Report, RuleMeta, Severity } from '../model.js';
import { andList } from '../rules/helpers.js';
import { allRules } from '../rules/index.js';
import { collapseRepeated } from './common.js';
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

/**
 * One code-scanning alert: findings that say the same thing at the same place (a finding in the
 * solution, repeated for every settings file; CR001 for a reference that several settings files
 * leave unbound; DS001 for a file shared by several solutions) are one result that names the
 * settings files and solutions it holds for.
 */
interface SarifFinding {
  finding: Finding;
  settings: string[];
  solutions: string[];
}

function mergeRepeated(findings: readonly Finding[]): SarifFinding[] {
  const merged = new Map<string, SarifFinding>();
  for (const finding of collapseRepeated(findings)) {
    const key = [
      finding.ruleId,
      finding.severity,
      finding.subject,
      finding.message,
      finding.location?.file ?? `\u0001${finding.solution}`,
      finding.location?.line,
      finding.location?.column,
    ].join('\u0000');
    const entry = merged.get(key);
    if (entry === undefined) {
      merged.set(key, {
        finding,
        settings: finding.settings === undefined ? [] : [finding.settings],
        solutions: [finding.solution],
      });
      continue;
    }
    if (finding.settings !== undefined && !entry.settings.includes(finding.settings)) {
      entry.settings.push(finding.settings);
    }
    if (!entry.solutions.includes(finding.solution)) entry.solutions.push(finding.solution);
  }
  return [...merged.values()];
}

/** ` (against config/Prod/deploymentSettings.json)`, unless the finding is in that very file. */
function againstSettings(settings: readonly string[], file: string | undefined): string {
  if (settings.length === 0 || (settings.length === 1 && settings[0] === file)) return '';
  return ` (against ${andList(settings)})`;
}

function resultFor(
  { finding, settings, solutions }: SarifFinding,
  ruleIndex: number,
  report: Report,
  fingerprint: string,
): object {
  const file = finding.location?.file ?? fallbackFile(finding, report);
  const { path, entry } = splitZipEntry(file);
  const line = finding.location?.line;
  let text = finding.message + againstSettings(settings, finding.location?.file);
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
      ...(solutions.length > 1 && { solutions }),
      subject: finding.subject,
      ...(settings.length === 1 && { settings: settings[0] }),
      ...(settings.length > 1 && { settingsFiles: settings }),
    },
  };
}

/**
 * Fingerprints leave out the line and the message so that an alert survives edits elsewhere in
 * the file and rewording, and the settings files, since one alert may hold for several; identical
 * keys (one app using two custom connectors) are numbered.
 */
function fingerprints(results: readonly SarifFinding[]): string[] {
  const seen = new Map<string, number>();
  return results.map(({ finding }) => {
    const key = [
      finding.ruleId,
      finding.solution,
      finding.subject,
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
  const results = mergeRepeated(report.findings);
  const prints = fingerprints(results);
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
        results: results.map((result, i) =>
          resultFor(result, indexById.get(result.finding.ruleId) ?? 0, report, prints[i] ?? ''),
        ),
        // With placeholders deferred: what the deploy stage must define, once each.
        ...(report.deferredVariables !== undefined && {
          properties: { deferredVariables: report.deferredVariables },
        }),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
