import type { Agent, AgentComponent, CloudFlow, Location, Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { andList, definedReferenceNames, missingReferenceNames, nameKey } from './helpers.js';

/** Who names one undefined reference: flows, and agents with the components that name it. */
interface Users {
  name: string;
  flows: CloudFlow[];
  agents: Map<Agent, AgentComponent[]>;
  /** The first flow's file, else the first agent use (its set row or `data` line): flows are read first. */
  location: Location;
}

function flowList(flows: CloudFlow[]): string {
  const names = [...new Set(flows.map((flow) => flow.name))];
  return names.length === 1 ? `flow ${names[0]}` : `flows ${andList(names)}`;
}

function agentList(agents: Map<Agent, AgentComponent[]>): string {
  const described = [...agents].map(([agent, components]) => {
    const names = [...new Set(components.map((component) => component.displayName))];
    return `${agent.displayName} (${names.length === 1 ? 'component' : 'components'} ${andList(names)})`;
  });
  return `${described.length === 1 ? 'agent' : 'agents'} ${andList(described)}`;
}

function usersText(users: Users): string {
  const parts: string[] = [];
  if (users.flows.length > 0) parts.push(flowList(users.flows));
  if (users.agents.size > 0) parts.push(agentList(users.agents));
  const text = parts.join(' and ');
  const count = new Set(users.flows.map((flow) => flow.name)).size + users.agents.size;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} ${count === 1 ? 'uses' : 'use'}`;
}

export const rule: Rule = {
  meta: {
    id: 'CR006',
    name: 'undefined-connection-reference',
    defaultSeverity: 'error',
    description: 'A flow or an agent uses a connection reference that the solution does not define',
    details:
      'A flow or a Copilot Studio agent component that names a connection reference missing from the solution cannot ' +
      'be bound on import: the import fails, the flow is imported turned off, or the agent tool, action or knowledge ' +
      'source has no connection. When solution.xml lists the reference under MissingDependencies this is a warning: ' +
      'the import succeeds only if the target environment already holds that reference.',
    needsSettings: false,
    docsUrl: ruleDocsUrl('CR006'),
  },
  check(context) {
    const { solution } = context;
    const defined = definedReferenceNames(solution);
    const users = new Map<string, Users>();
    const usersOf = (name: string, location: Location): Users | undefined => {
      const key = nameKey(name);
      if (name === '' || defined.has(key)) return undefined;
      let entry = users.get(key);
      if (!entry) {
        entry = { name, flows: [], agents: new Map(), location };
        users.set(key, entry);
      }
      return entry;
    };
    for (const flow of solution.flows) {
      for (const connection of flow.connections) {
        if (connection.connectionReference === null) continue;
        const entry = usersOf(connection.connectionReference, flow.location);
        if (entry && !entry.flows.includes(flow)) entry.flows.push(flow);
      }
    }
    for (const agent of solution.agents) {
      for (const component of agent.components) {
        for (const use of component.uses) {
          const entry = usersOf(use.connectionReference, use.location);
          if (!entry) continue;
          const components = entry.agents.get(agent) ?? [];
          if (!components.includes(component)) components.push(component);
          entry.agents.set(agent, components);
        }
      }
    }
    const dependencies = missingReferenceNames(solution);
    for (const [key, entry] of users) {
      const expectedInTarget = dependencies.has(key);
      const { name } = entry;
      context.report({
        subject: name,
        location: entry.location,
        severity: expectedInTarget ? 'warning' : 'error',
        message: expectedInTarget
          ? `${usersText(entry)} connection reference ${name}, which solution ${solution.uniqueName} does not ` +
            'define but lists under MissingDependencies. Import the solution that holds it into the target first.'
          : `${usersText(entry)} connection reference ${name}, which solution ${solution.uniqueName} does not ` +
            'define. Add the connection reference to the solution (Add existing > Connection reference) and export again.',
      });
    }
  },
};
