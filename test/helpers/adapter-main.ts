// What the unit tests of both adapters' main modules (src/github/main.ts, src/ado/main.ts) share:
// a gate outcome made from findings, as the mocked core gate returns it, and the one-reference
// solution that `init --check` reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GateOutcome } from '../../src/core/gate.js';
import type { Finding, Report, Summary } from '../../src/core/model.js';

/** What the mocked core gate reads and records, kept in each adapter's test state. */
export interface GateState {
  gate: unknown;
  gateError: unknown;
  gateOptions: unknown[];
}

/** The core gate: records its options, then returns state.gate or throws state.gateError. */
export function mockGateOf(state: GateState) {
  return {
    runGate: async (options: unknown) => {
      state.gateOptions.push(options);
      if (state.gateError) throw state.gateError;
      return state.gate;
    },
  };
}

export function summaryOf(findings: readonly Finding[]): Summary {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    notes: findings.filter((f) => f.severity === 'note').length,
  };
}

export interface OutcomeOptions {
  /** Whether the findings reach fail-on; by default, when there is an error. */
  failed?: boolean;
  /** The secrets the gate found (substituted placeholders). */
  secrets?: string[];
  /** How many (empty) solutions the report lists, named S0, S1, … */
  solutions?: number;
  markdown: string;
  reportFile: string;
}

export function gateOutcome(findings: Finding[], options: OutcomeOptions): GateOutcome {
  const summary = summaryOf(findings);
  const report: Report = {
    tool: { name: 'connref-gate', version: '0.1.0' },
    solutions: Array.from({ length: options.solutions ?? 0 }, (_, i) => ({
      path: `solutions/S${i}`,
      uniqueName: `S${i}`,
      version: '1.0.0.0',
      managed: 'unmanaged' as const,
      connectionReferences: [],
      flows: [],
      agents: [],
      canvasApps: [],
      environmentVariables: [],
    })),
    findings,
    summary,
  };
  return {
    result: { report, secrets: options.secrets ?? [], settingsFiles: [] },
    report,
    failed: options.failed ?? summary.errors > 0,
    markdown: options.markdown,
    written: { reportFile: options.reportFile, sarifFile: undefined },
  };
}

/** An unpacked solution Contoso 1.0.0.0 defining one connection reference, new_office. */
export function writeInitSolution(dir: string): void {
  mkdirSync(join(dir, 'Other'), { recursive: true });
  writeFileSync(
    join(dir, 'Other/Solution.xml'),
    '<ImportExportXml><SolutionManifest><UniqueName>Contoso</UniqueName><Version>1.0.0.0</Version><Managed>0</Managed></SolutionManifest></ImportExportXml>',
  );
  writeFileSync(
    join(dir, 'Other/Customizations.xml'),
    '<ImportExportXml><connectionreferences><connectionreference connectionreferencelogicalname="new_office"><connectorid>/providers/Microsoft.PowerApps/apis/shared_office365</connectorid></connectionreference></connectionreferences></ImportExportXml>',
  );
}
