// Cloud flows: `Workflows/*.json` and their metadata, a `<Workflow>` element inside
// customizations.xml (zips) or `Workflows/<file>.json.data.xml` (unpacked). The flow JSON itself
// is read by flow-json.ts.
import { basename } from 'node:path';
import type { CloudFlow, FlowConnection } from '../model.js';
import {
  asArray,
  attr,
  child,
  childText,
  parseXml,
  readText,
  SolutionContentError,
} from './content.js';
import type { SolutionFiles } from './files.js';
import { FlowContentError, readFlowConnections } from './flow-json.js';

export interface FlowMetadata {
  name: string;
  id?: string;
  category?: string;
  where: string;
}

/** What the reader uses of a workflow element: the rest is checked but never built. */
export const WORKFLOW_CHILDREN: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Workflow', new Set(['JsonFileName', 'Category'])],
]);

/** Adds a `<Workflow>` element's metadata, keyed by its JSON file's lower-case path. */
export function addWorkflowMetadata(
  element: unknown,
  where: string,
  into: Map<string, FlowMetadata>,
): void {
  const jsonFile = childText(element, 'JsonFileName');
  if (!jsonFile) return;
  const key = jsonFile.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
  const id = attr(element, 'WorkflowId')?.replace(/[{}]/g, '').toLowerCase();
  const metadata: FlowMetadata = {
    name: attr(element, 'Name') ?? basename(jsonFile).replace(/\.json$/i, ''),
    where,
  };
  if (id) metadata.id = id;
  const category = childText(element, 'Category');
  if (category !== undefined) metadata.category = category;
  into.set(key, metadata);
}

/**
 * Every cloud flow under `Workflows/`, with the metadata found in customizations.xml (`metadata`)
 * completed from the unpacked `.json.data.xml` files.
 */
export async function readFlows(
  files: SolutionFiles,
  metadata: Map<string, FlowMetadata>,
): Promise<CloudFlow[]> {
  const workflowFiles = await files.list('Workflows', 1);
  for (const path of workflowFiles.filter((p) => p.toLowerCase().endsWith('.json.data.xml'))) {
    const where = files.where(path);
    for (const element of asArray(
      child(parseXml(readText(files, path), where, WORKFLOW_CHILDREN), 'Workflow'),
    )) {
      addWorkflowMetadata(element, where, metadata);
    }
  }

  // Every Workflows/*.json except classic workflows, business rules and BPFs (their metadata
  // Category is not 5; they are XAML and have no JSON anyway).
  const flows: CloudFlow[] = [];
  // One at a time, so only one flow's bytes are alive at once.
  for (const path of workflowFiles.filter((p) => p.toLowerCase().endsWith('.json'))) {
    const meta = metadata.get(path.toLowerCase());
    if (meta?.category !== undefined && meta.category !== '5') continue;
    const where = files.where(path);
    let connections: FlowConnection[];
    try {
      connections = readFlowConnections(files.read(path));
    } catch (error) {
      if (!(error instanceof FlowContentError)) throw error;
      throw new SolutionContentError(`${where} ${error.message}`, where);
    }
    flows.push({
      name: meta?.name ?? basename(path).replace(/\.json$/i, ''),
      ...(meta?.id ? { id: meta.id } : {}),
      file: path,
      location: { file: where },
      connections,
    });
  }
  return flows;
}
