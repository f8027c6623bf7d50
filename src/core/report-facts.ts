// The facts of the report (SPEC section 5) for one solution: its connection references with what
// uses them and whether every settings file binds them, its flows, apps, agents and variables,
// sorted.
import type {
  ReportAgent,
  ReportSolution,
  ReportUser,
  SettingsFile,
  Solution,
  UnusableSettings,
} from './model.js';
import { connectorApiName, isBlank, isBoundConnectionId, nameKey } from './rules/helpers.js';
import { emptySettings, findPlaceholder } from './settings.js';

export function isUnusableSettings(
  settings: SettingsFile | UnusableSettings,
): settings is UnusableSettings {
  return 'reason' in settings;
}

function sortedBy<T>(items: readonly T[], ...keys: ((item: T) => string)[]): T[] {
  // Each item becomes one string, `lower NUL NUL text NUL NUL … index`, sorted by the engine's own
  // string order: no comparator call per comparison, which on thousands of flows ran mostly
  // before the JIT had warmed up. The separator sorts below every character, so the strings sort
  // as the key tuples would, then by index (a stable sort). A NUL in a text (facts have none: the
  // reader escapes control characters) is written NUL U+0001, which sorts just above it.
  const width = String(items.length).length;
  const sortKeys = items.map((item, index) => {
    let sortKey = '';
    for (const key of keys) {
      let text = key(item);
      if (text.includes('\0')) text = text.replaceAll('\0', '\0\u0001');
      sortKey += `${text.toLowerCase()}\0\0${text}\0\0`;
    }
    return sortKey + String(index).padStart(width, '0');
  });
  sortKeys.sort();
  return sortKeys.map((sortKey) => items[Number(sortKey.slice(sortKey.lastIndexOf('\0') + 1))]!);
}

/** Lower-case names of the references a settings file binds to a usable connection id. */
function boundReferenceNames(settings: SettingsFile): Set<string> {
  const names = new Set<string>();
  for (const entry of settings.connectionReferences) {
    if (isBoundConnectionId(entry.connectionId)) names.add(nameKey(entry.logicalName));
  }
  return names;
}

/** Lower-case names of the variables a settings file gives a usable value. */
function boundVariableNames(settings: SettingsFile): Set<string> {
  const names = new Set<string>();
  for (const entry of settings.environmentVariables) {
    if (!isBlank(entry.value) && findPlaceholder(entry.value!) === undefined) {
      names.add(nameKey(entry.schemaName));
    }
  }
  return names;
}

/**
 * `bound` must hold against every settings file checked: a reference bound for Test but not for
 * Prod is not bound. Unusable settings bind nothing.
 */
export function reportSolution(
  solution: Solution,
  settingsList: readonly (SettingsFile | UnusableSettings)[],
): ReportSolution {
  const usable = settingsList.map((s) => (isUnusableSettings(s) ? emptySettings(s.path) : s));
  const checked = usable.length === 0 ? [emptySettings()] : usable;
  const boundReferences = checked.map(boundReferenceNames);
  const boundVariables = checked.map(boundVariableNames);

  // Indexes built once: a large solution has hundreds of references and thousands of flows.
  const flowsByReference = new Map<string, Set<string>>();
  for (const flow of solution.flows) {
    for (const connection of flow.connections) {
      if (!connection.connectionReference) continue;
      const key = nameKey(connection.connectionReference);
      const names = flowsByReference.get(key) ?? new Set<string>();
      names.add(flow.name);
      flowsByReference.set(key, names);
    }
  }
  const appsByConnector = new Map<string, Set<string>>();
  for (const app of solution.canvasApps) {
    for (const connector of app.connectors) {
      const api = connectorApiName(connector.id);
      const names = appsByConnector.get(api) ?? new Set<string>();
      names.add(app.name);
      appsByConnector.set(api, names);
    }
  }

  // Agent display name -> the display names of its components that use the reference.
  const agentsByReference = new Map<string, Map<string, Set<string>>>();
  for (const agent of solution.agents) {
    for (const component of agent.components) {
      for (const use of component.uses) {
        const key = nameKey(use.connectionReference);
        const agents = agentsByReference.get(key) ?? new Map<string, Set<string>>();
        const components = agents.get(agent.displayName) ?? new Set<string>();
        components.add(component.displayName);
        agents.set(agent.displayName, components);
        agentsByReference.set(key, agents);
      }
    }
  }

  const connectionReferences = sortedBy(solution.connectionReferences, (r) => r.logicalName).map(
    (ref) => {
      const key = nameKey(ref.logicalName);
      const usedBy = new Map<string, ReportUser>();
      for (const name of flowsByReference.get(key) ?? []) {
        usedBy.set(`flow\0${name}`, { kind: 'flow', name });
      }
      for (const name of appsByConnector.get(connectorApiName(ref.connectorId)) ?? []) {
        usedBy.set(`canvasApp\0${name}`, { kind: 'canvasApp', name });
      }
      for (const [name, components] of agentsByReference.get(key) ?? []) {
        usedBy.set(`agent\0${name}`, {
          kind: 'agent',
          name,
          components: sortedBy([...components], (c) => c),
        });
      }
      return {
        logicalName: ref.logicalName,
        displayName: ref.displayName,
        connectorId: ref.connectorId,
        custom: ref.custom,
        bound: boundReferences.every((names) => names.has(key)),
        usedBy: sortedBy(
          [...usedBy.values()],
          (u) => u.kind,
          (u) => u.name,
        ),
      };
    },
  );

  const flows = sortedBy(
    solution.flows,
    (f) => f.name,
    (f) => f.file,
  ).map((flow) => ({
    name: flow.name,
    file: flow.file,
    connections: flow.connections.map((c) => ({
      key: c.key,
      api: c.api,
      connectionReference: c.connectionReference,
    })),
  }));

  const canvasApps = sortedBy(solution.canvasApps, (a) => a.name).map((app) => ({
    name: app.name,
    displayName: app.displayName,
    connectors: app.connectors.map((c) => ({ id: c.id, custom: c.custom })),
  }));

  const agents: ReportAgent[] = sortedBy(solution.agents, (a) => a.schemaName).map((agent) => ({
    name: agent.schemaName,
    displayName: agent.displayName,
    components: sortedBy(agent.components, (c) => c.schemaName).map((component) => {
      const names = new Map<string, string>();
      for (const use of component.uses) {
        const key = nameKey(use.connectionReference);
        if (!names.has(key)) names.set(key, use.connectionReference);
      }
      return {
        name: component.schemaName,
        kind: component.kind,
        connectionReferences: sortedBy([...names.values()], (n) => n),
      };
    }),
  }));

  const environmentVariables = sortedBy(solution.environmentVariables, (v) => v.schemaName).map(
    (variable) => {
      const hasDefault = variable.defaultValue !== undefined && variable.defaultValue !== '';
      const hasCurrentValue = variable.currentValue !== undefined && variable.currentValue !== '';
      return {
        schemaName: variable.schemaName,
        type: variable.type,
        hasDefault,
        hasCurrentValue,
        bound:
          hasDefault ||
          hasCurrentValue ||
          boundVariables.every((names) => names.has(nameKey(variable.schemaName))),
      };
    },
  );

  return {
    path: solution.path,
    uniqueName: solution.uniqueName,
    version: solution.version,
    managed: solution.managed,
    connectionReferences,
    flows,
    canvasApps,
    agents,
    environmentVariables,
  };
}
