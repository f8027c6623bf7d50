// The JSON report of SPEC section 5. Every object is rebuilt key by key so that the key order
// is fixed by this file, not by how the report happened to be assembled: two runs on the same
// report give the same bytes. The order of solutions and findings is the engine's (sorted).
import type { Finding, Report, ReportSolution, ReportTarget } from '../model.js';

/** SPEC 5's `target` facts (`--environment` only), keys in a fixed order. */
function targetJson(target: ReportTarget) {
  return {
    connection: target.connection,
    ...(target.connector !== undefined && { connector: target.connector }),
    ...(target.status !== undefined && { status: target.status }),
    ...(target.owner !== undefined && { owner: target.owner }),
    ...(target.access !== undefined && { access: target.access }),
    ...(target.detail !== undefined && { detail: target.detail }),
  };
}

function solutionJson(solution: ReportSolution) {
  return {
    path: solution.path,
    uniqueName: solution.uniqueName,
    version: solution.version,
    managed: solution.managed,
    // The settings files this solution was checked against (each its own, in a monorepo).
    ...(solution.settings !== undefined && { settings: [...solution.settings] }),
    connectionReferences: solution.connectionReferences.map((reference) => ({
      logicalName: reference.logicalName,
      displayName: reference.displayName,
      connectorId: reference.connectorId,
      custom: reference.custom,
      bound: reference.bound,
      usedBy: reference.usedBy.map((user) => ({ kind: user.kind, name: user.name })),
      ...(reference.target && { target: targetJson(reference.target) }),
    })),
    flows: solution.flows.map((flow) => ({
      name: flow.name,
      file: flow.file,
      connections: flow.connections.map((connection) => ({
        key: connection.key,
        api: connection.api,
        connectionReference: connection.connectionReference,
      })),
    })),
    canvasApps: solution.canvasApps.map((app) => ({
      name: app.name,
      displayName: app.displayName,
      connectors: app.connectors.map((connector) => ({
        id: connector.id,
        custom: connector.custom,
      })),
    })),
    agents: solution.agents.map((agent) => ({
      name: agent.name,
      displayName: agent.displayName,
      components: agent.components.map((component) => ({
        name: component.name,
        kind: component.kind,
        connectionReferences: [...component.connectionReferences],
      })),
    })),
    environmentVariables: solution.environmentVariables.map((variable) => ({
      schemaName: variable.schemaName,
      type: variable.type,
      hasDefault: variable.hasDefault,
      hasCurrentValue: variable.hasCurrentValue,
      bound: variable.bound,
    })),
  };
}

function findingJson(finding: Finding, sharedNames: ReadonlySet<string>) {
  // `location` is omitted where there is no file, `line` where there is no line (SPEC 5);
  // `settings` appears only when several settings files were checked; `solutionPath` only when
  // solutions of the same unique name were checked, to tell whose finding it is.
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    solution: finding.solution,
    subject: finding.subject,
    ...(finding.location && {
      location: {
        file: finding.location.file,
        ...(finding.location.line !== undefined && { line: finding.location.line }),
      },
    }),
    ...(finding.settings !== undefined && { settings: finding.settings }),
    ...(finding.solutionPath !== undefined &&
      sharedNames.has(finding.solution) && { solutionPath: finding.solutionPath }),
  };
}

export function formatJson(report: Report): string {
  const seen = new Set<string>();
  const sharedNames = new Set<string>();
  for (const { uniqueName } of report.solutions) {
    if (seen.has(uniqueName)) sharedNames.add(uniqueName);
    seen.add(uniqueName);
  }
  const json = {
    tool: { name: report.tool.name, version: report.tool.version },
    solutions: report.solutions.map(solutionJson),
    findings: report.findings.map((finding) => findingJson(finding, sharedNames)),
    // With placeholders deferred: what the deploy stage must define, once each.
    ...(report.deferredVariables !== undefined && {
      deferredVariables: report.deferredVariables.map((variable) => ({
        name: variable.name,
        environmentName: variable.environmentName,
        settings: [...variable.settings],
      })),
    }),
    summary: {
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      notes: report.summary.notes,
    },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
