// Canvas apps: a `<CanvasApp>` element inside customizations.xml (zips) or the whole
// `CanvasApps/<app>.meta.xml` (unpacked), and the connectors its `ConnectionReferences` JSON names.
// Apps name connectors, never connection references (FORMAT-NOTES section 3).
import type { CanvasApp, CanvasAppConnector, Location } from '../model.js';
import { customConnectorApiPrefix, isCustomApiName } from './connectors.js';
import { asArray, child, childText, isObject, parseJson, parseXml, readText } from './content.js';
import type { SolutionFiles } from './files.js';
import { apiNameOf } from './flow-json.js';

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

/** A `<CanvasApp>` element, or undefined when it has no name. */
export function canvasAppFrom(element: unknown, location: Location): CanvasApp | undefined {
  const name = childText(element, 'Name');
  if (!name) return undefined;
  return {
    name,
    displayName: childText(element, 'DisplayName') || name,
    connectors: canvasAppConnectors(
      childText(element, 'ConnectionReferences'),
      childText(element, 'CdsDependencies'),
      location.file,
    ),
    location,
  };
}

/** Unpacked: one `CanvasApps/<app>.meta.xml` per app. */
export async function readCanvasAppFiles(
  files: SolutionFiles,
  into: Map<string, CanvasApp>,
): Promise<void> {
  for (const path of (await files.list('CanvasApps', 1)).filter((p) =>
    p.toLowerCase().endsWith('.meta.xml'),
  )) {
    const where = files.where(path);
    for (const element of asArray(child(parseXml(readText(files, path), where), 'CanvasApp'))) {
      const app = canvasAppFrom(element, { file: where });
      if (app) into.set(app.name.toLowerCase(), app);
    }
  }
}
