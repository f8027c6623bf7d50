import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { connectorApiName } from './helpers.js';
import { connectionChecks, connectionIdText } from './online-helpers.js';

export const rule: Rule = {
  meta: {
    id: 'CR012',
    name: 'connection-not-in-target',
    defaultSeverity: 'error',
    description: 'Online: the ConnectionId is not a connection in the target environment',
    details:
      'With --environment, the gate lists the connections of the target environment (the Power Apps API admin ' +
      'route) and looks each bound ConnectionId up, as the import does. An id that is not there fails the import ' +
      'with ConnectionNotFound; most often it was copied from another environment. Set ConnectionId to a ' +
      "connection of the reference's connector in the target (pac connection list). When the identity may only " +
      'list its own connections (no management application), a missing id is reported as CR015 instead, since ' +
      'that route cannot tell a missing connection from one not shared.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('CR012'),
  },
  check(context) {
    const environment = context.target?.environmentUrl;
    for (const { ref, check } of connectionChecks(context)) {
      if (check.state !== 'missing') continue;
      context.report({
        subject: ref.logicalName,
        location: check.entry.connectionIdLocation ?? check.entry.location,
        message:
          `${connectionIdText(check.entry)} of connection reference ${ref.logicalName} is not a connection in ` +
          `${environment}: the import fails with ConnectionNotFound. It is often an id copied from another ` +
          `environment: set it to the name of a ${connectorApiName(ref.connectorId) || 'matching'} connection ` +
          `in ${environment} (pac connection list --environment ${environment}).`,
      });
    }
  },
};
