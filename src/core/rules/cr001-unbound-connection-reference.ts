import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { connectorApiName, isBlank, nameKey, settingsReferencesByName } from './helpers.js';

export const rule: Rule = {
  meta: {
    id: 'CR001',
    name: 'unbound-connection-reference',
    defaultSeverity: 'error',
    description:
      'A connection reference in the solution has no connection in the deployment settings',
    details:
      'Every connection reference defined in the solution needs a settings entry with a non-empty ConnectionId. ' +
      'Without one the import leaves the reference unbound: flows that use it are imported turned off, and an ' +
      'unattended import fails with ConnectionNotFound or "Invalid Connection".',
    needsSettings: true,
    docsUrl: ruleDocsUrl('CR001'),
  },
  check(context) {
    if (!context.settings) return;
    const entriesByName = settingsReferencesByName(context.settings);
    for (const ref of context.solution.connectionReferences) {
      const connector = connectorApiName(ref.connectorId);
      const entries = entriesByName.get(nameKey(ref.logicalName)) ?? [];
      if (entries.length === 0) {
        context.report({
          subject: ref.logicalName,
          location: ref.location,
          message:
            `Connection reference ${ref.logicalName} (${connector}) has no entry in the deployment settings` +
            `${context.settings.path === '' ? ' (none was given or found for this solution)' : ''}, so the import leaves it unbound. Add {"LogicalName": "${ref.logicalName}", "ConnectionId": ` +
            `"<connection id in the target environment>", "ConnectorId": "${ref.connectorId}"} to ConnectionReferences.`,
        });
      } else if (entries.every((entry) => isBlank(entry.connectionId))) {
        const entry = entries[0]!;
        context.report({
          subject: ref.logicalName,
          location: entry.connectionIdLocation ?? entry.location,
          message:
            `Connection reference ${ref.logicalName} (${connector}) has ${entry.connectionId === null ? 'no' : 'an empty'} ` +
            'ConnectionId in the deployment settings, so the import leaves it unbound. Set ConnectionId to the id of a ' +
            `${connector} connection in the target environment.`,
        });
      }
    }
  },
};
