// Custom connectors: those defined in the solution (`<Connectors>` in customizations.xml, or
// `Connectors/*.xml` unpacked), and how a connector id or name tells a custom connector.
import type { ConnectionReference, CustomConnector, Location } from '../model.js';
import { apiNameOf } from './flow-json.js';
import { asArray, child, childText, parseXml, readText } from './content.js';
import type { SolutionFiles } from './files.js';

/** Custom connector api names end in `-5f<environment hash>`: `shared_cr715-5finstagrampost-5f70b18ed495d69cb6`. */
const CUSTOM_API_NAME = /^shared_[a-z0-9]+-5f.+-5f[0-9a-f]{12,}$/i;

export function isCustomApiName(apiName: string): boolean {
  return CUSTOM_API_NAME.test(apiName);
}

/** `cat_approvals-20kit` / `cr715_5Finstagrampost` → `shared_cat-5fapprovals-20kit-5f` prefix. */
export function customConnectorApiPrefix(connectorName: string): string {
  const lower = connectorName.toLowerCase();
  const underscore = lower.indexOf('_');
  if (underscore < 0) return `shared_${lower}-5f`;
  const publisher = lower.slice(0, underscore);
  const rest = lower.slice(underscore + 1).replace(/^5f/, '');
  return `shared_${publisher}-5f${rest}-5f`;
}

/** A `<Connector>` element, or undefined when it has no name. */
export function customConnectorFrom(
  element: unknown,
  location: Location,
): CustomConnector | undefined {
  const name = childText(element, 'name');
  if (!name) return undefined;
  const connectorId = childText(element, 'connectorid');
  const displayName = childText(element, 'displayname');
  return {
    name,
    ...(connectorId ? { connectorId } : {}),
    ...(displayName ? { displayName } : {}),
    location,
  };
}

/** Unpacked: one `Connectors/<name>.xml` per connector (zips describe them in customizations.xml). */
export async function readConnectorFiles(
  files: SolutionFiles,
  into: Map<string, CustomConnector>,
): Promise<void> {
  for (const path of (await files.list('Connectors', 1)).filter((p) =>
    p.toLowerCase().endsWith('.xml'),
  )) {
    const where = files.where(path);
    for (const element of asArray(child(parseXml(readText(files, path), where), 'Connector'))) {
      const connector = customConnectorFrom(element, { file: where });
      if (connector) into.set(connector.name.toLowerCase(), connector);
    }
  }
}

/** A connection reference to a connector defined in this solution is a custom one too. */
export function markCustomReferences(
  references: readonly ConnectionReference[],
  connectors: Iterable<CustomConnector>,
): ConnectionReference[] {
  const customPrefixes = [...connectors].map((c) => customConnectorApiPrefix(c.name));
  return references.map((reference) => {
    if (reference.custom) return reference;
    const api = apiNameOf(reference.connectorId).toLowerCase();
    return customPrefixes.some((prefix) => api.startsWith(prefix))
      ? { ...reference, custom: true }
      : reference;
  });
}
