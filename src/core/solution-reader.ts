// Finds solutions under the paths a user gives and extracts the facts the rules need
// (SPEC section 1). Reads only solution.xml, customizations.xml, flow JSON and metadata,
// canvas-app metadata, connector metadata and environment-variable files: never media.
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { apiNameOf, FlowContentError, readFlowConnections } from './flows.js';
import type {
  CanvasApp,
  CanvasAppConnector,
  CloudFlow,
  ConnectionReference,
  CustomConnector,
  EnvironmentVariable,
  EnvironmentVariableType,
  FlowConnection,
  ManagedKind,
  MissingDependency,
  Solution,
  SolutionLayout,
  SolutionReadResult,
} from './model.js';
import type { ReadLimits } from './options.js';
import { expandPaths, lstatOrUndefined, toReportPath } from './paths.js';
import {
  FolderSolutionFiles,
  SolutionFileError,
  ZipSolutionFiles,
  type SolutionFiles,
} from './solution-files.js';
import {
  decodeText,
  escapeControlCharacters,
  LineIndex,
  oneLine,
  TextDecodingError,
} from './text.js';
import { ZipFormatError } from './zip.js';
import { readXml, XmlSyntaxError } from './xml.js';

/** One thing to read as a solution: a zip file or a solution root folder. */
export interface SolutionTarget {
  kind: 'zip' | 'folder';
  absPath: string;
  /** Relative to the working directory, forward slashes (what the report shows). */
  reportPath: string;
  /** Why the path is refused without being read (a symbolic link, a FIFO): SL001. */
  refused?: string;
}

// ---------------------------------------------------------------------------------------------
// Discovery

async function lowerNames(
  dir: string,
): Promise<Map<string, { name: string; isDir: boolean; isFile: boolean }>> {
  const map = new Map<string, { name: string; isDir: boolean; isFile: boolean }>();
  try {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      map.set(entry.name.toLowerCase(), {
        name: entry.name,
        isDir: entry.isDirectory(),
        isFile: entry.isFile(),
      });
    }
  } catch {
    // Unreadable folders hold no solutions.
  }
  return map;
}

/** A solution root: `Other/Solution.xml`, or `solution.xml` beside `customizations.xml`. */
async function isSolutionRoot(dir: string): Promise<boolean> {
  const names = await lowerNames(dir);
  if (names.get('solution.xml')?.isFile && names.get('customizations.xml')?.isFile) return true;
  const other = names.get('other');
  if (other?.isDir) {
    const inner = await lowerNames(join(dir, other.name));
    if (inner.get('solution.xml')?.isFile) return true;
  }
  return false;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

async function collectUnder(dir: string, out: string[], zips: string[]): Promise<void> {
  if (await isSolutionRoot(dir)) {
    out.push(dir);
    return;
  }
  for (const entry of (await lowerNames(dir)).values()) {
    const path = join(dir, entry.name);
    if (entry.isFile && entry.name.toLowerCase().endsWith('.zip')) zips.push(path);
    else if (entry.isDir && !SKIPPED_FOLDERS.has(entry.name)) await collectUnder(path, out, zips);
  }
}

/**
 * Expands solution paths and globs (SPEC section 1) into solution targets.
 * Throws UsageError when a path does not exist or a glob matches nothing.
 */
export async function findSolutions(patterns: string[], cwd: string): Promise<SolutionTarget[]> {
  const targets = new Map<string, SolutionTarget>();
  const add = (kind: 'zip' | 'folder', absPath: string, refused?: string) => {
    if (!targets.has(absPath))
      targets.set(absPath, {
        kind,
        absPath,
        reportPath: toReportPath(absPath, cwd),
        ...(refused ? { refused } : {}),
      });
  };
  for (const path of await expandPaths(patterns, cwd, 'solution')) {
    // lstat: a path (or glob match) that is a link is refused, never followed out of the checkout.
    const stats = await lstatOrUndefined(path);
    if (!stats) continue;
    if (stats.isSymbolicLink()) {
      add(
        'zip',
        path,
        'is a symbolic link; solutions are not read through links (a pull request controls them): name the file or folder itself',
      );
      continue;
    }
    if (!stats.isFile() && !stats.isDirectory()) {
      add('zip', path, 'is not a regular file or folder; name a solution zip or folder');
      continue;
    }
    if (stats.isFile()) {
      // A Solution.xml names its solution: its folder, or the parent of `Other/`.
      if (basename(path).toLowerCase() === 'solution.xml') {
        const folder = dirname(path);
        add('folder', basename(folder).toLowerCase() === 'other' ? dirname(folder) : folder);
      } else {
        add('zip', path);
      }
      continue;
    }
    if (
      basename(path).toLowerCase() === 'other' &&
      (await lowerNames(path)).get('solution.xml')?.isFile
    ) {
      add('folder', dirname(path));
      continue;
    }
    if (await isSolutionRoot(path)) {
      add('folder', path);
      continue;
    }
    const roots: string[] = [];
    const zips: string[] = [];
    await collectUnder(path, roots, zips);
    // A folder with nothing in it is still reported, so the user learns why (SL001).
    if (roots.length === 0 && zips.length === 0) add('folder', path);
    for (const root of roots) add('folder', root);
    for (const zip of zips) add('zip', zip);
  }
  return [...targets.values()].sort((a, b) =>
    a.reportPath < b.reportPath ? -1 : a.reportPath > b.reportPath ? 1 : 0,
  );
}

// ---------------------------------------------------------------------------------------------
// XML and JSON helpers

type XmlNode = Record<string, unknown>;

const ARRAY_ELEMENTS = new Set([
  'connectionreference',
  'Workflow',
  'CanvasApp',
  'Connector',
  'MissingDependency',
  'LocalizedName',
  'environmentvariabledefinition',
]);

/** Real solution files nest less than 20 deep; deeper is hostile or broken. */
const MAX_XML_DEPTH = 100;

/** Invalid XML in a file that matters: SL001 at that file. */
class SolutionContentError extends SolutionFileError {}

/**
 * Characters XML 1.0 forbids: C0 controls but tab/LF/CR, U+FFFE and U+FFFF. Lone surrogates are
 * forbidden too, but text reaches the parser only through strict decoding (readText), which
 * refuses them, and sections are cut at ASCII `<`, so no pair is split.
 */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Whether a text holds a DOCTYPE (any case); indexOf first, as `<!` is rare in Dataverse XML. */
function hasDoctype(text: string): boolean {
  for (let at = text.indexOf('<!'); at !== -1; at = text.indexOf('<!', at + 2)) {
    if (text.slice(at + 2, at + 9).toUpperCase() === 'DOCTYPE') return true;
  }
  return false;
}

/** Reads a file as text; bytes that are not valid UTF-8/UTF-16 are SL001 at that file. */
function readText(files: SolutionFiles, path: string): string {
  const bytes = files.read(path);
  try {
    return decodeText(bytes, { strict: true });
  } catch (error) {
    if (!(error instanceof TextDecodingError)) throw error;
    const where = files.where(path);
    throw new SolutionContentError(
      `${where} ${error.message}; re-export or re-unpack the solution`,
      where,
    );
  }
}

/** What the reader uses of a workflow element: the rest is checked but never built. */
const WORKFLOW_CHILDREN: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Workflow', new Set(['JsonFileName', 'Category'])],
]);

/** What readManifest uses of solution.xml: not the (large) RootComponents list. */
const MANIFEST_CHILDREN: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['SolutionManifest', new Set(['UniqueName', 'Version', 'Managed', 'MissingDependencies'])],
]);

function parseXml(
  text: string,
  where: string,
  keepChildren?: ReadonlyMap<string, ReadonlySet<string>>,
): XmlNode {
  // Dataverse never writes a DOCTYPE; refusing it rules out entity expansion attacks outright.
  if (hasDoctype(text)) {
    throw new SolutionContentError(
      `${where} has a DOCTYPE, which Dataverse never writes; refusing to read it`,
      where,
    );
  }
  const invalid = INVALID_XML_CHARACTER.exec(text);
  if (invalid) {
    const code = invalid[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new SolutionContentError(
      `${where} is not well-formed XML (character U+${code} is not allowed in XML); re-export or re-unpack the solution`,
      where,
    );
  }
  try {
    return readXml(text, { arrayNames: ARRAY_ELEMENTS, maxDepth: MAX_XML_DEPTH, keepChildren });
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw new SolutionContentError(
      `${where} is not well-formed XML (${error.message}); re-export or re-unpack the solution`,
      where,
    );
  }
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SolutionContentError(
      `${where} is not valid JSON (${(error as Error).message}); re-export or re-unpack the solution`,
      where,
    );
  }
}

function isObject(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text content of an element that may also carry attributes. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isObject(value) && typeof value['#text'] === 'string') return value['#text'];
  if (isObject(value) || value === '') return '';
  return undefined;
}

function child(node: unknown, name: string): unknown {
  return isObject(node) ? node[name] : undefined;
}

function childText(node: unknown, name: string): string | undefined {
  return textOf(child(node, name));
}

function attr(node: unknown, name: string): string | undefined {
  const value = child(node, `@${name}`);
  return typeof value === 'string' ? value : undefined;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Finds a case-insensitively named child: exports differ in the case of a few elements. */
function childCI(node: unknown, name: string): unknown {
  if (!isObject(node)) return undefined;
  if (name in node) return node[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(node)) if (key.toLowerCase() === lower) return node[key];
  return undefined;
}

/**
 * The `<tag>…</tag>` section of a large customizations.xml, parsed on its own: the rules need
 * four small sections, not the (often many-MB) entity metadata around them.
 */
function parseSection(
  xml: string,
  tag: string,
  where: string,
  keepChildren?: ReadonlyMap<string, ReadonlySet<string>>,
): { node: unknown; offset: number } | undefined {
  // Not `<tag(\s[^>]*?)?(/?)>`: on many `<tag ` without a `>` that regex is quadratic.
  const open = new RegExp(`<${tag}(?=[\\s/>])`).exec(xml);
  if (!open) return undefined;
  const openEnd = xml.indexOf('>', open.index);
  if (openEnd < 0) return undefined;
  if (xml[openEnd - 1] === '/') return { node: '', offset: open.index };
  const closeTag = `</${tag}>`;
  const end = xml.indexOf(closeTag, open.index);
  if (end < 0) {
    throw new SolutionContentError(
      `${where} is truncated: <${tag}> is never closed; re-export the solution`,
      where,
    );
  }
  const parsed = parseXml(xml.slice(open.index, end + closeTag.length), where, keepChildren);
  return { node: parsed[tag], offset: open.index };
}

// ---------------------------------------------------------------------------------------------
// Connector classification

/** Custom connector api names end in `-5f<environment hash>`: `shared_cr715-5finstagrampost-5f70b18ed495d69cb6`. */
const CUSTOM_API_NAME = /^shared_[a-z0-9]+-5f.+-5f[0-9a-f]{12,}$/i;

export function isCustomApiName(apiName: string): boolean {
  return CUSTOM_API_NAME.test(apiName);
}

/** `cat_approvals-20kit` / `cr715_5Finstagrampost` → `shared_cat-5fapprovals-20kit-5f` prefix. */
function customConnectorApiPrefix(connectorName: string): string {
  const lower = connectorName.toLowerCase();
  const underscore = lower.indexOf('_');
  if (underscore < 0) return `shared_${lower}-5f`;
  const publisher = lower.slice(0, underscore);
  const rest = lower.slice(underscore + 1).replace(/^5f/, '');
  return `shared_${publisher}-5f${rest}-5f`;
}

// ---------------------------------------------------------------------------------------------
// Fact extraction

const ENVIRONMENT_VARIABLE_TYPES: Record<string, EnvironmentVariableType> = {
  '100000000': 'String',
  '100000001': 'Number',
  '100000002': 'Boolean',
  '100000003': 'JSON',
  '100000004': 'DataSource',
  '100000005': 'Secret',
};

const LEGACY_PACKAGE_REASON =
  'is a legacy export package (manifest.json with Microsoft.Flow/ or Microsoft.PowerApps/), not a Dataverse solution: export it from Solutions in Power Apps instead';

interface Collected {
  connectionReferences: Map<string, ConnectionReference>;
  flowMetadata: Map<string, FlowMetadata>;
  canvasApps: Map<string, CanvasApp>;
  customConnectors: Map<string, CustomConnector>;
}

function collectConnectionReferences(
  xml: string,
  where: string,
  into: Collected,
  lines: () => LineIndex,
): void {
  const section = parseSection(xml, 'connectionreferences', where);
  if (!section) return;
  for (const { element, location } of sectionElements(
    xml,
    section,
    'connectionreference',
    where,
    lines,
  )) {
    const logicalName = attr(element, 'connectionreferencelogicalname');
    if (!logicalName) continue;
    const connectorId = childText(element, 'connectorid') ?? '';
    const customConnectorId = childText(child(element, 'customconnectorid'), 'connectorid');
    const reference: ConnectionReference = {
      logicalName,
      displayName: childText(element, 'connectionreferencedisplayname') ?? logicalName,
      connectorId,
      custom: Boolean(customConnectorId) || isCustomApiName(apiNameOf(connectorId)),
      location,
    };
    if (customConnectorId) reference.customConnectorId = customConnectorId;
    if (!into.connectionReferences.has(logicalName.toLowerCase())) {
      into.connectionReferences.set(logicalName.toLowerCase(), reference);
    }
  }
}

interface FlowMetadata {
  name: string;
  id?: string;
  category?: string;
  where: string;
}

function addWorkflowMetadata(element: unknown, where: string, into: Collected): void {
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
  into.flowMetadata.set(key, metadata);
}

function canvasAppConnectors(
  connectionReferencesJson: string | undefined,
  dependenciesJson: string | undefined,
  where: string,
): CanvasAppConnector[] {
  if (!connectionReferencesJson || connectionReferencesJson.trim() === '') return [];
  const parsed = parseJson(connectionReferencesJson, where);
  if (!isObject(parsed)) return [];
  // Connectors the app depends on as solution components (componenttype 372) are custom.
  const customDependencies = new Set<string>();
  if (dependenciesJson && dependenciesJson.trim() !== '') {
    const dependencies = child(parseJson(dependenciesJson, where), 'cdsdependencies');
    for (const dependency of asArray(dependencies)) {
      const logicalName = child(dependency, 'logicalname');
      if (child(dependency, 'componenttype') === 372 && typeof logicalName === 'string') {
        customDependencies.add(customConnectorApiPrefix(logicalName));
      }
    }
  }
  const connectors: CanvasAppConnector[] = [];
  for (const entry of Object.values(parsed)) {
    const id = child(entry, 'id');
    if (typeof id !== 'string') continue;
    const api = apiNameOf(id).toLowerCase();
    const customApiLogicalName = child(entry, 'customApiLogicalName');
    const custom =
      typeof customApiLogicalName === 'string' ||
      child(entry, 'isCustomApiSolutionAware') === true ||
      child(entry, 'isCustomApiConnection') === true ||
      isCustomApiName(api) ||
      [...customDependencies].some((prefix) => api.startsWith(prefix));
    const displayName = child(entry, 'displayName');
    connectors.push({
      id,
      custom,
      ...(typeof displayName === 'string' ? { displayName } : {}),
      ...(typeof customApiLogicalName === 'string' ? { customApiLogicalName } : {}),
    });
  }
  return connectors.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function addCanvasApp(element: unknown, location: CanvasApp['location'], into: Collected): void {
  const name = childText(element, 'Name');
  if (!name) return;
  into.canvasApps.set(name.toLowerCase(), {
    name,
    displayName: childText(element, 'DisplayName') || name,
    connectors: canvasAppConnectors(
      childText(element, 'ConnectionReferences'),
      childText(element, 'CdsDependencies'),
      location.file,
    ),
    location,
  });
}

function addCustomConnector(
  element: unknown,
  location: CustomConnector['location'],
  into: Collected,
): void {
  const name = childText(element, 'name');
  if (!name) return;
  const connectorId = childText(element, 'connectorid');
  const displayName = childText(element, 'displayname');
  into.customConnectors.set(name.toLowerCase(), {
    name,
    ...(connectorId ? { connectorId } : {}),
    ...(displayName ? { displayName } : {}),
    location,
  });
}

/**
 * The `<tag>` elements of a parsed section of customizations.xml, each with where it is: the
 * lines come from the raw text, as the parser keeps no positions.
 */
function sectionElements(
  xml: string,
  section: { node: unknown; offset: number },
  tag: string,
  where: string,
  lines: () => LineIndex,
): { element: unknown; location: ConnectionReference['location'] }[] {
  const pattern = new RegExp(`<${tag}[\\s>]`, 'g');
  pattern.lastIndex = section.offset;
  return asArray(child(section.node, tag)).map((element) => {
    const match = pattern.exec(xml);
    return {
      element,
      location: match ? { file: where, line: lines().lineOf(match.index) } : { file: where },
    };
  });
}

function readCustomizations(xml: string, where: string, into: Collected): void {
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
  collectConnectionReferences(xml, where, into, lines);

  const workflows = parseSection(xml, 'Workflows', where, WORKFLOW_CHILDREN);
  for (const element of asArray(child(workflows?.node, 'Workflow')))
    addWorkflowMetadata(element, where, into);

  const canvasApps = parseSection(xml, 'CanvasApps', where);
  for (const { element, location } of canvasApps
    ? sectionElements(xml, canvasApps, 'CanvasApp', where, lines)
    : []) {
    addCanvasApp(element, location, into);
  }

  const connectors = parseSection(xml, 'Connectors', where);
  for (const { element, location } of connectors
    ? sectionElements(xml, connectors, 'Connector', where, lines)
    : []) {
    addCustomConnector(element, location, into);
  }
}

function readManifest(
  xml: string,
  where: string,
): {
  uniqueName: string;
  version: string;
  managed: ManagedKind;
  missingDependencies: MissingDependency[];
} {
  const root = parseXml(xml, where, MANIFEST_CHILDREN);
  const manifest = child(childCI(root, 'ImportExportXml'), 'SolutionManifest');
  if (!isObject(manifest)) {
    throw new SolutionContentError(
      `${where} has no <SolutionManifest>: not a solution.xml; re-export the solution`,
      where,
    );
  }
  const managedCode = childText(manifest, 'Managed');
  const managed: ManagedKind =
    managedCode === '1' ? 'managed' : managedCode === '2' ? 'both' : 'unmanaged';
  const missingDependencies: MissingDependency[] = [];
  for (const dependency of asArray(
    child(child(manifest, 'MissingDependencies'), 'MissingDependency'),
  )) {
    const required = child(dependency, 'Required');
    const type = attr(required, 'type') ?? '';
    const displayName = attr(required, 'displayName');
    const referenceName = attr(required, 'id.connectionreferencelogicalname');
    if (type.toLowerCase() === 'connectionreference' || referenceName) {
      const name = referenceName ?? displayName;
      if (name)
        missingDependencies.push({
          kind: 'connectionreference',
          name,
          ...(displayName ? { displayName } : {}),
        });
    } else if (type.toLowerCase() === 'environmentvariabledefinition' || type === '380') {
      const name = attr(required, 'id.schemaname') ?? attr(required, 'schemaName') ?? displayName;
      if (name)
        missingDependencies.push({
          kind: 'environmentvariable',
          name,
          ...(displayName ? { displayName } : {}),
        });
    } else {
      const name = attr(required, 'schemaName') ?? attr(required, 'id') ?? displayName ?? type;
      missingDependencies.push({ kind: 'other', name, ...(displayName ? { displayName } : {}) });
    }
  }
  return {
    uniqueName: childText(manifest, 'UniqueName') ?? '',
    version: childText(manifest, 'Version') ?? '',
    managed,
    missingDependencies,
  };
}

function typeOf(code: string | undefined): EnvironmentVariableType {
  return (code && ENVIRONMENT_VARIABLE_TYPES[code.trim()]) || 'Unknown';
}

/** `environmentvariablevalues.json`: `{"environmentvariablevalues":{"environmentvariablevalue": {…} | [{…}]}}`. */
function currentValueOf(json: unknown): string | undefined {
  const values = child(child(json, 'environmentvariablevalues'), 'environmentvariablevalue');
  for (const value of asArray(values)) {
    const text = child(value, 'value');
    if (typeof text === 'string') return text;
  }
  return undefined;
}

async function readEnvironmentVariables(files: SolutionFiles): Promise<EnvironmentVariable[]> {
  const variables = new Map<string, EnvironmentVariable>();

  // 2021+: environmentvariabledefinitions/<schema>/environmentvariabledefinition.xml (+ values json)
  const modern = await files.list('environmentvariabledefinitions', 2);
  const modernByLowerName = new Map(modern.map((p) => [p.toLowerCase(), p]));
  for (const path of modern.filter((p) =>
    p.toLowerCase().endsWith('/environmentvariabledefinition.xml'),
  )) {
    const where = files.where(path);
    const root = parseXml(readText(files, path), where);
    for (const definition of asArray(child(root, 'environmentvariabledefinition'))) {
      const schemaName = attr(definition, 'schemaname') ?? childText(definition, 'schemaname');
      if (!schemaName) continue;
      const typeCode = childText(definition, 'type');
      const defaultValue = childText(definition, 'defaultvalue');
      const displayName = attr(child(definition, 'displayname'), 'default');
      const variable: EnvironmentVariable = {
        schemaName,
        type: typeOf(typeCode),
        location: { file: where },
        ...(typeCode ? { typeCode } : {}),
        ...(defaultValue !== undefined && defaultValue !== '' ? { defaultValue } : {}),
        ...(displayName ? { displayName } : {}),
      };
      const valuesPath = `${path.slice(0, path.lastIndexOf('/'))}/environmentvariablevalues.json`;
      const actualValuesPath = modernByLowerName.get(valuesPath.toLowerCase());
      if (actualValuesPath) {
        const current = currentValueOf(
          parseJson(readText(files, actualValuesPath), files.where(actualValuesPath)),
        );
        if (current !== undefined && current !== '') variable.currentValue = current;
      }
      variables.set(schemaName.toLowerCase(), variable);
    }
  }

  // 2020 SolutionPackager 9.1: EnvironmentVariables/<schema>.xml + environment_variable_values.json
  const legacy = await files.list('EnvironmentVariables', 1);
  const legacyValues = new Map<string, string>();
  const valuesFile = legacy.find((p) =>
    p.toLowerCase().endsWith('/environment_variable_values.json'),
  );
  if (valuesFile) {
    const json = parseJson(readText(files, valuesFile), files.where(valuesFile));
    for (const value of asArray(child(json, 'EnvironmentVariableValues'))) {
      const schemaName = child(value, 'EnvironmentVariableDefinition.SchemaName');
      const text = child(value, 'Value');
      if (typeof schemaName === 'string' && typeof text === 'string' && text !== '') {
        legacyValues.set(schemaName.toLowerCase(), text);
      }
    }
  }
  for (const path of legacy.filter((p) => p.toLowerCase().endsWith('.xml'))) {
    const where = files.where(path);
    const definition = child(parseXml(readText(files, path), where), 'Definition');
    const schemaName = childText(definition, 'SchemaName');
    if (!schemaName || variables.has(schemaName.toLowerCase())) continue;
    const typeCode = childText(definition, 'Type');
    const defaultValue = childText(definition, 'DefaultValue');
    const localized = asArray(
      child(child(child(definition, 'DisplayName'), 'LocalizedNames'), 'LocalizedName'),
    );
    const displayName = attr(localized[0], 'description');
    const currentValue = legacyValues.get(schemaName.toLowerCase());
    variables.set(schemaName.toLowerCase(), {
      schemaName,
      type: typeOf(typeCode),
      location: { file: where },
      ...(typeCode ? { typeCode } : {}),
      ...(defaultValue ? { defaultValue } : {}),
      ...(currentValue ? { currentValue } : {}),
      ...(displayName ? { displayName } : {}),
    });
  }
  return [...variables.values()].sort((a, b) => compareText(a.schemaName, b.schemaName));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function isLegacyPackage(files: SolutionFiles): Promise<boolean> {
  if (!(await files.find('manifest.json'))) return false;
  for (const folder of ['Microsoft.Flow', 'Microsoft.PowerApps']) {
    if ((await files.list(folder, 4)).length > 0) return true;
  }
  return false;
}

async function readFacts(files: SolutionFiles, target: SolutionTarget): Promise<Solution> {
  const solutionXml =
    (await files.find('Other/Solution.xml')) ?? (await files.find('solution.xml'));
  if (!solutionXml) {
    if (await isLegacyPackage(files))
      throw new SolutionFileError(
        `${target.reportPath} ${LEGACY_PACKAGE_REASON}`,
        target.reportPath,
      );
    throw new SolutionFileError(
      `${target.reportPath} holds no solution.xml or Other/Solution.xml: point at an exported solution zip or an unpacked solution folder`,
      target.reportPath,
    );
  }
  const layout: SolutionLayout =
    target.kind === 'zip'
      ? 'zip'
      : solutionXml.toLowerCase().startsWith('other/')
        ? 'unpacked'
        : 'extracted';
  const manifest = readManifest(readText(files, solutionXml), files.where(solutionXml));

  const collected: Collected = {
    connectionReferences: new Map(),
    flowMetadata: new Map(),
    canvasApps: new Map(),
    customConnectors: new Map(),
  };
  const customizationsXml =
    layout === 'unpacked'
      ? await files.find('Other/Customizations.xml')
      : await files.find('customizations.xml');
  if (!customizationsXml) {
    throw new SolutionFileError(
      `${target.reportPath} has no ${layout === 'unpacked' ? 'Other/Customizations.xml' : 'customizations.xml'}: re-export or re-unpack the solution`,
      target.reportPath,
    );
  }
  readCustomizations(readText(files, customizationsXml), files.where(customizationsXml), collected);

  // Unpacked: one metadata file per flow, app and connector instead of customizations.xml sections.
  const workflowFiles = await files.list('Workflows', 1);
  for (const path of workflowFiles.filter((p) => p.toLowerCase().endsWith('.json.data.xml'))) {
    const where = files.where(path);
    for (const element of asArray(
      child(parseXml(readText(files, path), where, WORKFLOW_CHILDREN), 'Workflow'),
    )) {
      addWorkflowMetadata(element, where, collected);
    }
  }
  for (const path of (await files.list('CanvasApps', 1)).filter((p) =>
    p.toLowerCase().endsWith('.meta.xml'),
  )) {
    const where = files.where(path);
    for (const element of asArray(child(parseXml(readText(files, path), where), 'CanvasApp'))) {
      addCanvasApp(element, { file: where }, collected);
    }
  }
  for (const path of (await files.list('Connectors', 1)).filter((p) =>
    p.toLowerCase().endsWith('.xml'),
  )) {
    const where = files.where(path);
    for (const element of asArray(child(parseXml(readText(files, path), where), 'Connector'))) {
      addCustomConnector(element, { file: where }, collected);
    }
  }

  // Cloud flows: every Workflows/*.json except classic workflows, business rules and BPFs
  // (their metadata Category is not 5; they are XAML and have no JSON anyway).
  const flows: CloudFlow[] = [];
  // One at a time, so only one flow's bytes are alive at once.
  for (const path of workflowFiles.filter((p) => p.toLowerCase().endsWith('.json'))) {
    const meta = collected.flowMetadata.get(path.toLowerCase());
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

  // A connection reference to a connector defined in this solution is a custom one too.
  const customPrefixes = [...collected.customConnectors.values()].map((c) =>
    customConnectorApiPrefix(c.name),
  );
  const connectionReferences = [...collected.connectionReferences.values()].map((reference) => {
    if (reference.custom) return reference;
    const api = apiNameOf(reference.connectorId).toLowerCase();
    return customPrefixes.some((prefix) => api.startsWith(prefix))
      ? { ...reference, custom: true }
      : reference;
  });

  return {
    path: target.reportPath,
    layout,
    uniqueName: manifest.uniqueName || basename(target.absPath),
    version: manifest.version,
    managed: manifest.managed,
    connectionReferences: connectionReferences.sort((a, b) =>
      compareText(a.logicalName, b.logicalName),
    ),
    flows: flows.sort((a, b) => compareText(a.file, b.file)),
    canvasApps: [...collected.canvasApps.values()].sort((a, b) => compareText(a.name, b.name)),
    customConnectors: [...collected.customConnectors.values()].sort((a, b) =>
      compareText(a.name, b.name),
    ),
    environmentVariables: await readEnvironmentVariables(files),
    missingDependencies: manifest.missingDependencies,
  };
}

/** Reads one solution's facts. Never throws for bad content: returns `ok: false` (SL001). */
export async function readSolution(
  target: SolutionTarget,
  limits: ReadLimits,
): Promise<SolutionReadResult> {
  if (target.refused) {
    return {
      ok: false,
      unreadable: {
        path: escapeControlCharacters(target.reportPath),
        reason: oneLine(`${target.reportPath} ${target.refused}`),
        location: { file: escapeControlCharacters(target.reportPath) },
      },
    };
  }
  let files: SolutionFiles | undefined;
  try {
    files =
      target.kind === 'zip'
        ? await ZipSolutionFiles.open(target.absPath, target.reportPath, limits)
        : new FolderSolutionFiles(target.absPath, target.reportPath, limits);
    return { ok: true, solution: withoutControlCharacters(await readFacts(files, target)) };
  } catch (error) {
    return { ok: false, unreadable: toUnreadable(error, target) };
  } finally {
    await files?.close().catch(() => undefined);
  }
}

/**
 * Escapes control characters in every string of freshly read facts, in place: a line break in a
 * name from a pull request must not become a workflow command in a CI log. Real facts hardly ever
 * hold one, and one native JSON.stringify tells (it writes C0 controls as escapes and leaves
 * U+007F-U+009F, U+2028 and U+2029 as they are) far faster than walking every object.
 */
function withoutControlCharacters<T>(facts: T): T {
  return /\\[bfnrtu]|[\u007f-\u009f\u2028\u2029]/.test(JSON.stringify(facts))
    ? escapeStrings(facts)
    : facts;
}

function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeControlCharacters(value) as T;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = escapeStrings(value[i]);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = escapeStrings(record[key]);
  }
  return value;
}

function toUnreadable(error: unknown, target: SolutionTarget) {
  const unreadable = describeUnreadable(error, target);
  return {
    path: escapeControlCharacters(unreadable.path),
    reason: oneLine(unreadable.reason),
    location: { ...unreadable.location, file: escapeControlCharacters(unreadable.location.file) },
  };
}

function describeUnreadable(error: unknown, target: SolutionTarget) {
  if (error instanceof SolutionFileError) {
    const reason =
      error.message.startsWith(target.reportPath) || error.message.startsWith(error.file)
        ? error.message
        : `${error.file}: ${error.message}`;
    return { path: target.reportPath, reason, location: { file: error.file } };
  }
  if (error instanceof ZipFormatError) {
    return {
      path: target.reportPath,
      reason: `${target.reportPath}: ${error.message}; export the solution again as a .zip`,
      location: { file: target.reportPath },
    };
  }
  const code = (error as { code?: string }).code;
  const reason =
    code === 'ENOENT'
      ? `${target.reportPath} does not exist`
      : code === 'EACCES' || code === 'EPERM'
        ? `${target.reportPath} cannot be read (check its permissions)`
        : code === 'EISDIR'
          ? `${target.reportPath} is a folder, not a zip`
          : `${target.reportPath} cannot be read: ${(error as Error)?.message ?? String(error)}`;
  return { path: target.reportPath, reason, location: { file: target.reportPath } };
}
