import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import {
  connectorApiName,
  isBlank,
  missingReferenceNames,
  nameKey,
  settingsReferencesByName,
} from './helpers.js';

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
    const dependencies = missingReferenceNames(context.solution);
    for (const ref of context.solution.connectionReferences) {
      // An export may hold a reference as an empty element (no connectorid): one that another
      // solution brings, listed under MissingDependencies. Its connector is then unknown here.
      const connector = connectorApiName(ref.connectorId) || 'connector unknown';
      const entries = entriesByName.get(nameKey(ref.logicalName)) ?? [];
      if (entries.length === 0) {
        const emptyElement =
          ref.connectorId.trim() === ''
            ? ` Its element in the solution names no connector${dependencies.has(nameKey(ref.logicalName)) ? ', and solution.xml lists it under MissingDependencies: another solution brings it, so the target must already hold it' : ''}.`
            : '';
        context.report({
          subject: ref.logicalName,
          location: ref.location,
          message:
            `Connection reference ${ref.logicalName} (${connector}) has no entry in the deployment settings` +
            `${context.settings.path === '' ? ' (none was given or found for this solution)' : ''}, so the import leaves it unbound. Add {"LogicalName": "${ref.logicalName}", "ConnectionId": ` +
            `"<connection id in the target environment>", "ConnectorId": "${ref.connectorId.trim() || '<the id of its connector>'}"} to ConnectionReferences.${emptyElement}`,
        });
      } else if (entries.every((entry) => isBlank(entry.connectionId))) {
        const entry = entries[0]!;
        context.report({
          subject: ref.logicalName,
          location: entry.connectionIdLocation ?? entry.location,
          message:
            `Connection reference ${ref.logicalName} (${connector}) has ${entry.connectionId === null ? 'no' : 'an empty'} ` +
            'ConnectionId in the deployment settings, so the import leaves it unbound. Set ConnectionId to the id of a ' +
            `${ref.connectorId.trim() === '' ? 'matching' : connector} connection in the target environment.`,
        });
      }
    }
  },
};
