import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { connectorApiName } from './helpers.js';
import { connectionChecks, connectionIdText, connectorMatch } from './online-helpers.js';

export const rule: Rule = {
  meta: {
    id: 'CR013',
    name: 'connection-wrong-connector',
    defaultSeverity: 'error',
    description:
      "Online: the bound connection belongs to another connector than the reference's connectorid",
    details:
      "The import looks the connection up under the reference's connector; a connection of another connector " +
      "is not found there and the import fails. The gate compares the connection's apiId with the reference's " +
      'connectorid by api name, case-insensitively. Custom connectors whose names differ only in the ' +
      'environment-specific hash are a warning, as in CR003.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('CR013'),
  },
  check(context) {
    const environment = context.target?.environmentUrl;
    for (const { ref, check } of connectionChecks(context)) {
      if (check.state !== 'found' || !check.connection) continue;
      const match = connectorMatch(ref, check.connection.connector);
      if (match === 'same') continue;
      const expected = connectorApiName(ref.connectorId);
      context.report({
        subject: ref.logicalName,
        location: check.entry.connectionIdLocation ?? check.entry.location,
        severity: match === 'hash' ? 'warning' : 'error',
        message:
          match === 'hash'
            ? `${connectionIdText(check.entry)} of connection reference ${ref.logicalName} is a connection of custom ` +
              `connector ${check.connection.connector} in ${environment}, which differs from the solution's ${expected} ` +
              'only in the environment-specific hash. Make sure it is a connection of the custom connector this ' +
              'solution brings.'
            : `${connectionIdText(check.entry)} of connection reference ${ref.logicalName} is a connection of ` +
              `${check.connection.connector} in ${environment}, but the reference uses ${expected}: the import ` +
              `cannot bind it. Set ConnectionId to a ${expected} connection.`,
      });
    }
  },
};
