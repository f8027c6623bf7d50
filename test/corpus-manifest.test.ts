// The counts in ../shared/corpus/MANIFEST.md were made by an independent script; the reader
// must see the same, and the zip and unpacked forms of one solution must give the same facts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Solution } from '../src/core/model.js';
import { DEFAULT_LIMITS } from '../src/core/options.js';
import { findSolutions } from '../src/core/solution/discovery.js';
import { readSolution } from '../src/core/solution/reader.js';
import { corpusDir, hasCorpus } from './helpers/corpus.js';

interface ManifestRow {
  path: string;
  connectionReferences: number;
  cloudFlows: number;
  flowConnections: number;
  viaReference: number;
  canvasApps: number;
  customConnectors: number;
  environmentVariables: number;
}

function manifestRows(): ManifestRow[] {
  if (!hasCorpus) return [];
  const text = readFileSync(join(corpusDir, 'MANIFEST.md'), 'utf8');
  const rows: ManifestRow[] = [];
  const pattern =
    /^\| (\S+) \|.*?CR=(\d+); cloud flows=(\d+) \(flow conn refs (\d+): via CR (\d+)\); canvas apps=(\d+) .*?custom connectors=(\d+).*?; env var defs=(\d+)/gm;
  for (const m of text.matchAll(pattern)) {
    rows.push({
      path: m[1]!,
      connectionReferences: Number(m[2]),
      cloudFlows: Number(m[3]),
      flowConnections: Number(m[4]),
      viaReference: Number(m[5]),
      canvasApps: Number(m[6]),
      customConnectors: Number(m[7]),
      environmentVariables: Number(m[8]),
    });
  }
  return rows;
}

async function readOne(relativePath: string): Promise<Solution> {
  const [target] = await findSolutions([join(corpusDir, relativePath)], corpusDir);
  const result = await readSolution(target!, DEFAULT_LIMITS);
  if (!result.ok) throw new Error(result.unreadable.reason);
  return result.solution;
}

describe.skipIf(!hasCorpus)('corpus counts (MANIFEST.md)', () => {
  const rows = manifestRows();

  it('finds the solution rows of the manifest', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it.each(rows.map((r) => [r.path, r] as const))('%s', async (_path, row) => {
    const solution = await readOne(row.path);
    const connections = solution.flows.flatMap((f) => f.connections);
    expect({
      path: undefined,
      connectionReferences: solution.connectionReferences.length,
      cloudFlows: solution.flows.length,
      flowConnections: connections.length,
      viaReference: connections.filter((c) => c.connectionReference !== null).length,
      canvasApps: solution.canvasApps.length,
      customConnectors: solution.customConnectors.length,
      environmentVariables: solution.environmentVariables.length,
    }).toEqual({ ...row, path: undefined });
  });
});

/** The facts that must not depend on the physical form of a solution. */
function comparable(solution: Solution) {
  return {
    uniqueName: solution.uniqueName,
    connectionReferences: solution.connectionReferences.map((r) => [
      r.logicalName,
      r.displayName,
      r.connectorId,
      r.custom,
    ]),
    flows: solution.flows.map((f) => [f.name, f.file, f.connections]),
    canvasApps: solution.canvasApps.map((a) => [a.name, a.displayName, a.connectors]),
    customConnectors: solution.customConnectors.map((c) => [c.name, c.connectorId]),
    environmentVariables: solution.environmentVariables.map((v) => [
      v.schemaName,
      v.type,
      v.defaultValue,
      v.currentValue,
    ]),
    agents: solution.agents.map((a) => [
      a.schemaName,
      a.displayName,
      a.location !== undefined,
      a.components.map((c) => [
        c.schemaName,
        c.displayName,
        c.kind,
        // The file of a use inside the solution, and its line, do not depend on the form.
        c.uses.map((u) => [
          u.connectionReference,
          u.location.file.slice(solution.path.length).replace(/^!?\//, ''),
          u.location.line,
        ]),
      ]),
    ]),
  };
}

describe.skipIf(!hasCorpus)('zip and unpacked forms give the same facts', () => {
  const pairs: [string, string][] = [
    [
      'pnp-powerapps-samples/PowerHappening/PowerHappeningBase.zip',
      'pnp-powerapps-samples/PowerHappening/unpacked/src',
    ],
    [
      'pnp-powerapps-samples/employee-survey-modern-control/solution.zip',
      'pnp-powerapps-samples/employee-survey-modern-control/unpacked/src',
    ],
    [
      'pnp-powerautomate-samples/sharepoint-group-creation-with-user-added/solution/Knowhere365SharePointGroupAutomation.zip',
      'pnp-powerautomate-samples/sharepoint-group-creation-with-user-added/unpacked',
    ],
    [
      'pnp-powerautomate-samples/sharepoint-hide-folders-in-library-view/solution/sharepoint-hide-folders-in-library-view.zip',
      'pnp-powerautomate-samples/sharepoint-hide-folders-in-library-view/unpacked/src',
    ],
    [
      'pnp-powerapps-samples/Chat-Canvas-Application/Chat_1_0_0_3_managed.zip',
      'pnp-powerapps-samples/Chat-Canvas-Application/Chat_1_0_0_4_unmanaged.zip',
    ],
    [
      'pnp-powerapps-samples/Editable-Subgrid/Subgrid_1_0_0_3_managed.zip',
      'pnp-powerapps-samples/Editable-Subgrid/Subgrid_1_0_0_4.zip',
    ],
    [
      'pnp-powerapps-samples/Granamic-UI-Template/GranamicUITemplate_1_0_0_3_managed.zip',
      'pnp-powerapps-samples/Granamic-UI-Template/GranamicUITemplate_1_0_0_4.zip',
    ],
    [
      'pnp-powerapps-samples/Power365CRM/Power365CRMCoreSolution_1_0_0_0.zip',
      'pnp-powerapps-samples/Power365CRM/Power365CRMCoreSolution_1_0_0_0_managed.zip',
    ],
    [
      'pnp-powerapps-samples/Power365CRM/Power365CRMSalesSolution_1_0_0_1.zip',
      'pnp-powerapps-samples/Power365CRM/Power365CRMSalesSolution_1_0_0_1_managed.zip',
    ],
    [
      'copilot-studio-azure-ai-search/GoldAgent.zip',
      'copilot-studio-azure-ai-search/GoldAgent/src',
    ],
    [
      'dataverse-monitoring-agent/DataverseMonitoringAgent_1_0_0_1.zip',
      'dataverse-monitoring-agent/src',
    ],
    [
      'dataverse-monitoring-agent/DataverseMonitoringAgent_1_0_0_1.zip',
      'dataverse-monitoring-agent/DataverseMonitoringAgent_1_0_0_1_managed.zip',
    ],
  ];

  it.each(pairs)('%s ~ %s', async (first, second) => {
    const [a, b] = await Promise.all([readOne(first), readOne(second)]);
    expect(comparable(b)).toEqual(comparable(a));
  });

  it('reads managed flags as exported', async () => {
    expect((await readOne(pairs[4]![0])).managed).toBe('managed');
    expect((await readOne(pairs[4]![1])).managed).toBe('unmanaged');
    expect((await readOne(pairs[0]![1])).managed).toBe('both');
  });
});
