// Hand-built solutions for rule and engine tests: only the facts a test cares about need stating.
import type {
  CanvasApp,
  CanvasAppConnector,
  CloudFlow,
  ConnectionReference,
  EnvironmentVariable,
  EnvironmentVariableType,
  FlowConnection,
  MissingDependency,
  Solution,
} from '../../src/core/model.js';

export const API = '/providers/Microsoft.PowerApps/apis/';

export function makeSolution(overrides: Partial<Solution> = {}): Solution {
  return {
    path: 'src/Contoso',
    layout: 'unpacked',
    uniqueName: 'Contoso',
    version: '1.0.0.0',
    managed: 'unmanaged',
    connectionReferences: [],
    flows: [],
    canvasApps: [],
    customConnectors: [],
    environmentVariables: [],
    missingDependencies: [],
    agents: [],
    ...overrides,
  };
}

let nextLine = 10;

export function makeReference(
  logicalName: string,
  api = 'shared_office365',
  extra: Partial<ConnectionReference> = {},
): ConnectionReference {
  return {
    logicalName,
    displayName: `${logicalName} display`,
    connectorId: api.startsWith('/') ? api : API + api,
    custom: false,
    location: { file: 'src/Contoso/Other/Customizations.xml', line: nextLine++ },
    ...extra,
  };
}

/** A connection through a reference (`via` a logical name) or direct (`via` null). */
export function makeConnection(api: string, via: string | null, key = api): FlowConnection {
  return { key, api, connectionReference: via };
}

export function makeFlow(name: string, connections: FlowConnection[]): CloudFlow {
  const file = `Workflows/${name.replace(/\W/g, '')}-0000.json`;
  return { name, file, location: { file: `src/Contoso/${file}` }, connections };
}

export function makeCanvasApp(
  name: string,
  connectors: Partial<CanvasAppConnector>[],
  displayName = `${name} app`,
): CanvasApp {
  return {
    name,
    displayName,
    connectors: connectors.map((c) => ({ id: `${API}shared_office365`, custom: false, ...c })),
    location: { file: `src/Contoso/CanvasApps/${name}.meta.xml` },
  };
}

export function makeVariable(
  schemaName: string,
  type: EnvironmentVariableType = 'String',
  extra: Partial<EnvironmentVariable> = {},
): EnvironmentVariable {
  return {
    schemaName,
    type,
    location: {
      file: `src/Contoso/environmentvariabledefinitions/${schemaName}/environmentvariabledefinition.xml`,
    },
    ...extra,
  };
}

export function missingReference(name: string): MissingDependency {
  return { kind: 'connectionreference', name };
}

/** Settings JSON text in the pac format, one entry per line (so entry n sits on line n + offset). */
export function settingsJson(
  references: { LogicalName: string; ConnectionId?: string | null; ConnectorId?: string | null }[],
  variables: { SchemaName: string; Value?: string | null }[] = [],
): string {
  const lines = ['{', '  "ConnectionReferences": ['];
  references.forEach((r, i) =>
    lines.push(`    ${JSON.stringify(r)}${i < references.length - 1 ? ',' : ''}`),
  );
  lines.push('  ],', '  "EnvironmentVariables": [');
  variables.forEach((v, i) =>
    lines.push(`    ${JSON.stringify(v)}${i < variables.length - 1 ? ',' : ''}`),
  );
  lines.push('  ]', '}');
  return lines.join('\n');
}
