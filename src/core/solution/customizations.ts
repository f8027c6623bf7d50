// customizations.xml: the sections the rules need (connection references, and in zips the flows,
// canvas apps and connectors described inline), parsed alone: the rest is often many MB of
// entity metadata.
import type { CanvasApp, ConnectionReference, CustomConnector } from '../model.js';
import { LineIndex } from '../text.js';
import { canvasAppFrom } from './canvas-apps.js';
import { connectionReferenceFrom } from './connection-references.js';
import { customConnectorFrom } from './connectors.js';
import {
  asArray,
  child,
  hasDoctype,
  parseSection,
  sectionElements,
  SolutionContentError,
} from './content.js';
import { addWorkflowMetadata, WORKFLOW_CHILDREN, type FlowMetadata } from './flows.js';

/** The components customizations.xml describes, keyed by lower-case name. */
export interface Customizations {
  connectionReferences: Map<string, ConnectionReference>;
  flowMetadata: Map<string, FlowMetadata>;
  canvasApps: Map<string, CanvasApp>;
  customConnectors: Map<string, CustomConnector>;
}

export function readCustomizations(xml: string, where: string): Customizations {
  const into: Customizations = {
    connectionReferences: new Map(),
    flowMetadata: new Map(),
    canvasApps: new Map(),
    customConnectors: new Map(),
  };
  let lineIndex: LineIndex | undefined;
  const lines = () => (lineIndex ??= new LineIndex(xml));
  // Sections are parsed alone, so a DOCTYPE in the prolog would never reach parseXml.
  if (hasDoctype(xml)) {
    throw new SolutionContentError(
      `${where} has a DOCTYPE, which Dataverse never writes; refusing to read it`,
      where,
    );
  }
  const rootClose = xml.lastIndexOf('</ImportExportXml');
  if (rootClose < 0 || !/^<\/ImportExportXml\s*>/.test(xml.slice(rootClose, rootClose + 64))) {
    throw new SolutionContentError(
      `${where} is truncated (no closing </ImportExportXml>); re-export the solution`,
      where,
    );
  }

  const references = parseSection(xml, 'connectionreferences', where);
  for (const { element, location } of references
    ? sectionElements(xml, references, 'connectionreference', where, lines)
    : []) {
    const reference = connectionReferenceFrom(element, location);
    const key = reference?.logicalName.toLowerCase();
    if (reference && !into.connectionReferences.has(key!)) {
      into.connectionReferences.set(key!, reference);
    }
  }

  const workflows = parseSection(xml, 'Workflows', where, WORKFLOW_CHILDREN);
  for (const element of asArray(child(workflows?.node, 'Workflow')))
    addWorkflowMetadata(element, where, into.flowMetadata);

  const canvasApps = parseSection(xml, 'CanvasApps', where);
  for (const { element, location } of canvasApps
    ? sectionElements(xml, canvasApps, 'CanvasApp', where, lines)
    : []) {
    const app = canvasAppFrom(element, location);
    if (app) into.canvasApps.set(app.name.toLowerCase(), app);
  }

  const connectors = parseSection(xml, 'Connectors', where);
  for (const { element, location } of connectors
    ? sectionElements(xml, connectors, 'Connector', where, lines)
    : []) {
    const connector = customConnectorFrom(element, location);
    if (connector) into.customConnectors.set(connector.name.toLowerCase(), connector);
  }
  return into;
}
