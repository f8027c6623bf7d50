import type { Rule, Solution } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { connectorApiName, nameKey } from './helpers.js';

/** Lower-cased names of the connection references that a flow, canvas app or agent uses. */
export function usedReferenceNames(solution: Solution): Set<string> {
  const used = new Set<string>();
  for (const flow of solution.flows) {
    for (const connection of flow.connections) {
      if (connection.connectionReference) used.add(nameKey(connection.connectionReference));
    }
  }
  // Canvas apps store connector ids, not reference names: a reference counts as used by an app
  // that uses its connector.
  const appConnectors = new Set(
    solution.canvasApps.flatMap((app) => app.connectors.map((c) => connectorApiName(c.id))),
  );
  for (const ref of solution.connectionReferences) {
    if (appConnectors.has(connectorApiName(ref.connectorId))) used.add(nameKey(ref.logicalName));
  }
  // An agent's tool, action or knowledge source breaks without its reference, also where only a
  // set row or a knowledge source names it.
  for (const agent of solution.agents) {
    for (const component of agent.components) {
      for (const use of component.uses) used.add(nameKey(use.connectionReference));
    }
  }
  return used;
}

export const rule: Rule = {
  meta: {
    id: 'CR010',
    name: 'unused-connection-reference',
    defaultSeverity: 'note',
    description:
      'A connection reference is defined but no flow, canvas app or agent in the solution uses it',
    details:
      'An unused connection reference still has to be bound in every target environment, so it costs a connection ' +
      'and a settings entry for nothing. It is often left behind after a flow was changed to another reference. ' +
      'A reference counts as used by a Copilot Studio agent when a row of Assets/botcomponent_connectionreferenceset.xml, ' +
      "a `connectionReference:` in a component's data, or a knowledge source names it.",
    needsSettings: false,
    docsUrl: ruleDocsUrl('CR010'),
  },
  check(context) {
    const used = usedReferenceNames(context.solution);
    for (const ref of context.solution.connectionReferences) {
      if (used.has(nameKey(ref.logicalName))) continue;
      context.report({
        subject: ref.logicalName,
        location: ref.location,
        message:
          `Connection reference ${ref.logicalName} is used by no flow, canvas app or agent in solution ` +
          `${context.solution.uniqueName}. Remove it from the solution if nothing outside the solution needs it.`,
      });
    }
  },
};
