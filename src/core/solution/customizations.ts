// customizations.xml: the sections the rules need (connection references, and in zips the flows,
// canvas apps and connectors described inline). The whole file is parsed in one pass, so that a
// comment, CDATA section or processing instruction naming a section is never taken for it, but
// only those four children of the root are built: the rest is often many MB of entity metadata.
import type { CanvasApp, ConnectionReference, CustomConnector } from '../model.js';
import { canvasAppFrom } from './canvas-apps.js';
import { connectionReferenceFrom } from './connection-references.js';
import { customConnectorFrom } from './connectors.js';
import { asArray, child, elementLocation, parseXml, SolutionContentError } from './content.js';
import { addWorkflowMetadata, WORKFLOW_CHILDREN, type FlowMetadata } from './flows.js';

/** The components customizations.xml describes, keyed by lower-case name. */
export interface Customizations {
  connectionReferences: Map<string, ConnectionReference>;
  flowMetadata: Map<string, FlowMetadata>;
  canvasApps: Map<string, CanvasApp>;
  customConnectors: Map<string, CustomConnector>;
}

/** The children of `<ImportExportXml>` the reader uses. */
const SECTIONS: ReadonlySet<string> = new Set([
  'connectionreferences',
  'Workflows',
  'CanvasApps',
  'Connectors',
]);

export function readCustomizations(xml: string, where: string): Customizations {
  const into: Customizations = {
    connectionReferences: new Map(),
    flowMetadata: new Map(),
    canvasApps: new Map(),
    customConnectors: new Map(),
  };
  const root = child(parseXml(xml, where, WORKFLOW_CHILDREN, SECTIONS), 'ImportExportXml');
  if (root === undefined) {
    throw new SolutionContentError(
      `${where} has no <ImportExportXml> root element: not a customizations.xml; re-export the solution`,
      where,
    );
  }
  const section = (name: string, element: string) => asArray(child(child(root, name), element));

  for (const element of section('connectionreferences', 'connectionreference')) {
    const reference = connectionReferenceFrom(element, elementLocation(element, where));
    const key = reference?.logicalName.toLowerCase();
    if (reference && !into.connectionReferences.has(key!)) {
      into.connectionReferences.set(key!, reference);
    }
  }
  for (const element of section('Workflows', 'Workflow')) {
    addWorkflowMetadata(element, where, into.flowMetadata);
  }
  for (const element of section('CanvasApps', 'CanvasApp')) {
    const app = canvasAppFrom(element, elementLocation(element, where));
    if (app) into.canvasApps.set(app.name.toLowerCase(), app);
  }
  for (const element of section('Connectors', 'Connector')) {
    const connector = customConnectorFrom(element, elementLocation(element, where));
    if (connector) into.customConnectors.set(connector.name.toLowerCase(), connector);
  }
  return into;
}
