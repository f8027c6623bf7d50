import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { andList } from './helpers.js';

export const rule: Rule = {
  meta: {
    id: 'CR007',
    name: 'direct-connection',
    defaultSeverity: 'error',
    description: 'A flow connection does not go through a connection reference',
    details:
      'A flow connection without connection.connectionReferenceLogicalName is bound to a connection of the source ' +
      'environment. The import cannot rebind it from the deployment settings, so the flow is imported turned off or ' +
      'fails to activate. The flow checker reports this as "Use connection references".',
    needsSettings: false,
    docsUrl: ruleDocsUrl('CR007'),
  },
  check(context) {
    for (const flow of context.solution.flows) {
      const direct = flow.connections.filter(
        (connection) =>
          connection.connectionReference === null || connection.connectionReference === '',
      );
      if (direct.length === 0) continue;
      const apis = andList([...new Set(direct.map((connection) => connection.api))]);
      context.report({
        subject: flow.name,
        location: flow.location,
        message:
          `Flow ${flow.name} connects to ${apis} directly, not through a connection reference, so the import ` +
          'cannot rebind it. Edit the flow inside the solution and switch each connection to a connection reference.',
      });
    }
  },
};
