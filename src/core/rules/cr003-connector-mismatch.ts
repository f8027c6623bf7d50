import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import {
  connectorApiName,
  customConnectorStem,
  isBlank,
  nameKey,
  settingsReferencesByName,
} from './helpers.js';

export const rule: Rule = {
  meta: {
    id: 'CR003',
    name: 'connector-mismatch',
    defaultSeverity: 'error',
    description:
      "The settings ConnectorId differs from the connector of the solution's connection reference",
    details:
      'The ConnectorId in the settings must name the same connector as the connection reference in the solution ' +
      '(compared by api name, case-insensitively). A different connector means the settings were written for another ' +
      'reference or another version of the solution, and the ConnectionId most likely belongs to the wrong connector, ' +
      'which the import rejects as an invalid connection. Custom connectors whose ids differ only in the ' +
      'environment-specific hash are a warning: check that the connection belongs to the custom connector in the target.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('CR003'),
  },
  check(context) {
    if (!context.settings) return;
    const entriesByName = settingsReferencesByName(context.settings);
    for (const ref of context.solution.connectionReferences) {
      if (isBlank(ref.connectorId)) continue;
      const expected = connectorApiName(ref.connectorId);
      for (const entry of entriesByName.get(nameKey(ref.logicalName)) ?? []) {
        if (entry.connectorId === null || isBlank(entry.connectorId)) continue;
        const actual = connectorApiName(entry.connectorId);
        if (actual === expected) continue;
        const stem = customConnectorStem(entry.connectorId);
        const hashOnly = stem !== undefined && stem === customConnectorStem(ref.connectorId);
        const given = entry.secret ? 'a different connector' : actual;
        context.report({
          subject: ref.logicalName,
          location: entry.connectorIdLocation ?? entry.location,
          severity: hashOnly ? 'warning' : 'error',
          message: hashOnly
            ? `ConnectorId of connection reference ${ref.logicalName} names custom connector ${given}, which differs from ` +
              `the solution's ${expected} only in the environment-specific hash. Make sure ConnectionId is a ` +
              'connection of this custom connector in the target environment.'
            : `ConnectorId of connection reference ${ref.logicalName} is ${given}, but the solution's connection ` +
              `reference uses ${expected}. Set ConnectorId to "${ref.connectorId}" and ConnectionId to a ` +
              `${expected} connection (regenerate with pac solution create-settings if the solution changed).`,
        });
        break;
      }
    }
  },
};
