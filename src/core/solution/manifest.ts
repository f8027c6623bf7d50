// solution.xml: unique name, version, managed flag and MissingDependencies (SPEC section 1).
import type { ManagedKind, MissingDependency } from '../model.js';
import {
  asArray,
  attr,
  child,
  childCI,
  childText,
  isObject,
  parseXml,
  SolutionContentError,
} from './content.js';

/** What readManifest uses of solution.xml: not the (large) RootComponents list. */
const MANIFEST_CHILDREN: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['SolutionManifest', new Set(['UniqueName', 'Version', 'Managed', 'MissingDependencies'])],
]);

export interface SolutionManifest {
  uniqueName: string;
  version: string;
  managed: ManagedKind;
  missingDependencies: MissingDependency[];
}

export function readManifest(xml: string, where: string): SolutionManifest {
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
