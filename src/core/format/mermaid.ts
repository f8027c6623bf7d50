// A Mermaid flowchart of one solution for the job summary and the pull-request comment: flows,
// canvas apps and agents → connection references → connectors, with unbound, mismatched, deferred
// and missing references marked. Past a size it is summarized by connector, so that a large
// solution still gives a picture that fits and can be read.
import type { Finding, ReportSolution } from '../model.js';
import { connectorName, plural } from './common.js';
import { nameKey } from '../rules/helpers.js';

/** Past this many references (or users), the diagram is summarized by connector. */
const DIAGRAM_REFERENCE_LIMIT = 40;
const DIAGRAM_USER_LIMIT = 60;
/** At most this many connectors in the summarized form; the rest are one node. */
export const DIAGRAM_CONNECTOR_LIMIT = 30;
const LABEL_LENGTH = 60;

export type DiagramMode = 'full' | 'summary';

export interface DiagramOptions {
  mode: DiagramMode;
  /** Placeholders deferred: a reference whose ConnectionId waits for the deploy stage. */
  deferred: boolean;
}

type ReferenceState = 'ok' | 'unbound' | 'mismatch' | 'deferred';

const CLASS_DEFS = [
  'classDef unbound fill:#ffebe9,stroke:#cf222e,color:#1f2328',
  'classDef mismatch fill:#fff8c5,stroke:#9a6700,color:#1f2328',
  'classDef deferred fill:#ddf4ff,stroke:#0969da,stroke-dasharray:4 3,color:#1f2328',
  'classDef missing fill:#ffffff,stroke:#cf222e,stroke-dasharray:4 3,color:#1f2328',
];

/**
 * Text for a quoted Mermaid label. Names come from the solution (untrusted): every character that
 * could end the label, start markup, a comment or an entity, or break out of the Markdown code
 * fence is written as a Mermaid entity code (`#35;` for `#`), line breaks become spaces, and long
 * names are cut.
 */
export function mermaidText(text: string, max = LABEL_LENGTH): string {
  // eslint-disable-next-line no-control-regex -- control characters from a name become spaces
  let plain = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  if ([...plain].length > max) plain = `${[...plain].slice(0, max - 1).join('')}…`;
  return plain.replace(/[#"'<>&`;%\\{}[\]()|]/g, (ch) => `#${ch.codePointAt(0)};`);
}

function node(id: string, label: string): string {
  return `  ${id}["${label}"]`;
}

/** Lower-cased subjects of this solution's findings of one rule. */
function subjectsOf(findings: readonly Finding[], ruleId: string): Set<string> {
  return new Set(findings.filter((f) => f.ruleId === ruleId).map((f) => f.subject.toLowerCase()));
}

function referenceStates(
  solution: ReportSolution,
  findings: readonly Finding[],
  deferred: boolean,
): Map<string, ReferenceState> {
  const mismatched = subjectsOf(findings, 'CR003');
  const unbound = subjectsOf(findings, 'CR001');
  const placeholders = subjectsOf(findings, 'CR002');
  const states = new Map<string, ReferenceState>();
  for (const ref of solution.connectionReferences) {
    const key = ref.logicalName.toLowerCase();
    let state: ReferenceState = 'ok';
    if (mismatched.has(key)) state = 'mismatch';
    else if (!ref.bound) {
      state = deferred && placeholders.has(key) && !unbound.has(key) ? 'deferred' : 'unbound';
    }
    states.set(ref.logicalName, state);
  }
  return states;
}

const STATE_NOTE: Record<ReferenceState, string> = {
  ok: '',
  unbound: ' · unbound',
  mismatch: ' · connector mismatch',
  deferred: ' · bound at deploy',
};

interface MissingReference {
  name: string;
  /** The connector: a flow names it; an agent-made reference's name may (`<bot>.shared_x.<id>`). */
  api: string;
  users: { kind: 'flow' | 'agent'; name: string }[];
}

const AGENT_REFERENCE_API = /\.(shared_[^.]+)\./i;

/** References that flows or agents name but the solution does not define (CR006). */
function missingReferences(solution: ReportSolution): MissingReference[] {
  const defined = new Set(solution.connectionReferences.map((r) => nameKey(r.logicalName)));
  const missing = new Map<string, MissingReference>();
  const add = (name: string, api: string, kind: 'flow' | 'agent', user: string): void => {
    const key = nameKey(name);
    if (defined.has(key)) return;
    let entry = missing.get(key);
    if (entry === undefined) {
      entry = { name, api, users: [] };
      missing.set(key, entry);
    }
    if (!entry.users.some((u) => u.kind === kind && u.name === user)) {
      entry.users.push({ kind, name: user });
    }
  };
  for (const flow of solution.flows) {
    for (const connection of flow.connections) {
      const name = connection.connectionReference;
      if (name) add(name, connection.api, 'flow', flow.name);
    }
  }
  for (const agent of solution.agents) {
    for (const component of agent.components) {
      for (const name of component.connectionReferences) {
        add(
          name,
          AGENT_REFERENCE_API.exec(name)?.[1] ?? 'connector unknown',
          'agent',
          agent.displayName,
        );
      }
    }
  }
  return [...missing.values()];
}

interface Users {
  flows: Set<string>;
  apps: Set<string>;
  agents: Set<string>;
}

function usersOf(solution: ReportSolution): Users {
  const users: Users = { flows: new Set(), apps: new Set(), agents: new Set() };
  for (const ref of solution.connectionReferences) {
    for (const user of ref.usedBy) {
      if (user.kind === 'flow') users.flows.add(user.name);
      else if (user.kind === 'canvasApp') users.apps.add(user.name);
      else users.agents.add(user.name);
    }
  }
  for (const flow of solution.flows) {
    if (flow.connections.some((c) => c.connectionReference)) users.flows.add(flow.name);
  }
  return users;
}

/** True when the solution has anything to draw: references, or flows naming missing ones. */
export function hasDiagram(solution: ReportSolution): boolean {
  return solution.connectionReferences.length > 0 || missingReferences(solution).length > 0;
}

/** Whether the full form would be summarized anyway (too many references or users). */
export function isLarge(solution: ReportSolution): boolean {
  const users = usersOf(solution);
  return (
    solution.connectionReferences.length + missingReferences(solution).length >
      DIAGRAM_REFERENCE_LIMIT ||
    users.flows.size + users.apps.size + users.agents.size > DIAGRAM_USER_LIMIT
  );
}

/** The Mermaid source (no code fence), or undefined when there is nothing to draw. */
export function connectionDiagram(
  solution: ReportSolution,
  findings: readonly Finding[],
  options: DiagramOptions,
): string | undefined {
  if (!hasDiagram(solution)) return undefined;
  const states = referenceStates(solution, findings, options.deferred);
  const lines =
    options.mode === 'summary' || isLarge(solution)
      ? summaryDiagram(solution, states)
      : fullDiagram(solution, states);
  return ['flowchart LR', ...lines, ...CLASS_DEFS.map((line) => `  ${line}`)].join('\n');
}

/** Adds `class a,b name` lines for the nodes of each class. */
function classLines(classes: Map<string, string[]>): string[] {
  return [...classes]
    .filter(([, ids]) => ids.length > 0)
    .map(([name, ids]) => `  class ${ids.join(',')} ${name}`);
}

function fullDiagram(solution: ReportSolution, states: Map<string, ReferenceState>): string[] {
  const lines: string[] = [];
  const edges: string[] = [];
  const classes = new Map<string, string[]>([
    ['unbound', []],
    ['mismatch', []],
    ['deferred', []],
    ['missing', []],
  ]);
  const connectorIds = new Map<string, string>();
  const connector = (api: string): string => {
    const key = api.toLowerCase();
    let id = connectorIds.get(key);
    if (id === undefined) {
      id = `c${connectorIds.size}`;
      connectorIds.set(key, id);
      lines.push(node(id, mermaidText(api)));
    }
    return id;
  };
  const userIds = new Map<string, string>();
  const user = (kind: 'flow' | 'canvasApp' | 'agent', name: string): string => {
    const key = `${kind}\u0000${name}`;
    let id = userIds.get(key);
    if (id === undefined) {
      const prefix = kind === 'flow' ? 'f' : kind === 'canvasApp' ? 'a' : 'g';
      const noun = kind === 'flow' ? 'flow' : kind === 'canvasApp' ? 'canvas app' : 'agent';
      id = `${prefix}${userIds.size}`;
      userIds.set(key, id);
      lines.push(node(id, `${noun}: ${mermaidText(name)}`));
    }
    return id;
  };

  solution.connectionReferences.forEach((ref, index) => {
    const id = `r${index}`;
    const state = states.get(ref.logicalName) ?? 'ok';
    lines.push(node(id, `${mermaidText(ref.logicalName)}${STATE_NOTE[state]}`));
    if (state !== 'ok') classes.get(state)!.push(id);
    edges.push(`  ${id} --> ${connector(connectorName(ref.connectorId))}`);
    for (const used of ref.usedBy) {
      // A canvas app is matched by connector only: a dotted edge says no more than that.
      edges.push(
        `  ${user(used.kind, used.name)} ${used.kind === 'canvasApp' ? '-.->' : '-->'} ${id}`,
      );
    }
  });
  missingReferences(solution).forEach(({ name, api, users }, index) => {
    const id = `m${index}`;
    lines.push(node(id, `${mermaidText(name)} · not in the solution`));
    classes.get('missing')!.push(id);
    edges.push(`  ${id} --> ${connector(api)}`);
    for (const used of users) edges.push(`  ${user(used.kind, used.name)} --> ${id}`);
  });
  return [...lines, ...[...new Set(edges)], ...classLines(classes)];
}

interface ConnectorSummary {
  api: string;
  references: number;
  unbound: number;
  mismatched: number;
  deferred: number;
  missing: number;
  kinds: Set<'flow' | 'canvasApp' | 'agent'>;
}

function summaryDiagram(solution: ReportSolution, states: Map<string, ReferenceState>): string[] {
  const byConnector = new Map<string, ConnectorSummary>();
  const summaryOf = (api: string): ConnectorSummary => {
    const key = api.toLowerCase();
    let entry = byConnector.get(key);
    if (entry === undefined) {
      entry = {
        api,
        references: 0,
        unbound: 0,
        mismatched: 0,
        deferred: 0,
        missing: 0,
        kinds: new Set(),
      };
      byConnector.set(key, entry);
    }
    return entry;
  };
  for (const ref of solution.connectionReferences) {
    const entry = summaryOf(connectorName(ref.connectorId));
    entry.references++;
    const state = states.get(ref.logicalName);
    if (state === 'unbound') entry.unbound++;
    else if (state === 'mismatch') entry.mismatched++;
    else if (state === 'deferred') entry.deferred++;
    for (const used of ref.usedBy) entry.kinds.add(used.kind);
  }
  for (const { api, users } of missingReferences(solution)) {
    const entry = summaryOf(api);
    entry.missing++;
    for (const used of users) entry.kinds.add(used.kind);
  }

  const users = usersOf(solution);
  const lines: string[] = [];
  const kindNodes: [
    kind: 'flow' | 'canvasApp' | 'agent',
    id: string,
    count: number,
    noun: string,
  ][] = [
    ['flow', 'flows', users.flows.size, 'cloud flow'],
    ['canvasApp', 'apps', users.apps.size, 'canvas app'],
    ['agent', 'agents', users.agents.size, 'agent'],
  ];
  for (const [, id, count, noun] of kindNodes) {
    if (count > 0) lines.push(node(id, plural(count, noun)));
  }
  const sorted = [...byConnector.values()].sort(
    (a, b) =>
      b.references + b.missing - (a.references + a.missing) ||
      (a.api.toLowerCase() < b.api.toLowerCase() ? -1 : 1),
  );
  const shown = sorted.slice(0, DIAGRAM_CONNECTOR_LIMIT);
  const classes = new Map<string, string[]>([
    ['unbound', []],
    ['mismatch', []],
    ['deferred', []],
    ['missing', []],
  ]);
  const edges: string[] = [];
  shown.forEach((entry, index) => {
    const id = `c${index}`;
    const parts = [plural(entry.references, 'reference')];
    if (entry.unbound > 0) parts.push(`${entry.unbound} unbound`);
    if (entry.mismatched > 0) parts.push(`${entry.mismatched} connector mismatch`);
    if (entry.deferred > 0) parts.push(`${entry.deferred} bound at deploy`);
    if (entry.missing > 0) parts.push(`${entry.missing} not in the solution`);
    lines.push(node(id, `${mermaidText(entry.api)} · ${parts.join(', ')}`));
    const state =
      entry.unbound > 0
        ? 'unbound'
        : entry.mismatched > 0
          ? 'mismatch'
          : entry.missing > 0
            ? 'missing'
            : entry.deferred > 0
              ? 'deferred'
              : undefined;
    if (state) classes.get(state)!.push(id);
    for (const [kind, kindId, count] of kindNodes) {
      if (count > 0 && entry.kinds.has(kind)) {
        edges.push(`  ${kindId} ${kind === 'canvasApp' ? '-.->' : '-->'} ${id}`);
      }
    }
  });
  const rest = sorted.slice(DIAGRAM_CONNECTOR_LIMIT);
  if (rest.length > 0) {
    const references = rest.reduce((sum, entry) => sum + entry.references + entry.missing, 0);
    lines.push(
      node('more', `${plural(rest.length, 'more connector')} · ${plural(references, 'reference')}`),
    );
  }
  return [...lines, ...edges, ...classLines(classes)];
}
