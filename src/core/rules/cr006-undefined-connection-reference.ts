import type { CloudFlow, Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { andList, definedReferenceNames, nameKey } from './helpers.js';

/** `Flow A uses` or `Flows A and B use`: the verb agrees with the number of flows. */
function flowsUse(flows: CloudFlow[]): string {
  const names = [...new Set(flows.map((flow) => flow.name))];
  return names.length === 1 ? `Flow ${names[0]} uses` : `Flows ${andList(names)} use`;
}

export const rule: Rule = {
  meta: {
    id: 'CR006',
    name: 'undefined-connection-reference',
    defaultSeverity: 'error',
    description: 'A flow uses a connection reference that the solution does not define',
    details:
      'A flow that names a connection reference missing from the solution cannot be bound on import: the import ' +
      'fails, or the flow is imported turned off. When solution.xml lists the reference under MissingDependencies ' +
      'this is a warning: the import succeeds only if the target environment already holds that reference.',
    needsSettings: false,
    docsUrl: ruleDocsUrl('CR006'),
  },
  check(context) {
    const { solution } = context;
    const defined = definedReferenceNames(solution);
    const users = new Map<string, { name: string; flows: CloudFlow[] }>();
    for (const flow of solution.flows) {
      for (const connection of flow.connections) {
        const name = connection.connectionReference;
        if (name === null || name === '' || defined.has(nameKey(name))) continue;
        const entry = users.get(nameKey(name));
        if (entry === undefined) users.set(nameKey(name), { name, flows: [flow] });
        else if (!entry.flows.includes(flow)) entry.flows.push(flow);
      }
    }
    const dependencies = new Set(
      solution.missingDependencies
        .filter((dependency) => dependency.kind === 'connectionreference')
        .map((dependency) => nameKey(dependency.name)),
    );
    for (const [key, { name, flows }] of users) {
      const expectedInTarget = dependencies.has(key);
      context.report({
        subject: name,
        location: flows[0]!.location,
        severity: expectedInTarget ? 'warning' : 'error',
        message: expectedInTarget
          ? `${flowsUse(flows)} connection reference ${name}, which solution ${solution.uniqueName} does not ` +
            'define but lists under MissingDependencies. Import the solution that holds it into the target first.'
          : `${flowsUse(flows)} connection reference ${name}, which solution ${solution.uniqueName} does not ` +
            'define. Add the connection reference to the solution (Add existing > Connection reference) and export again.',
      });
    }
  },
};
