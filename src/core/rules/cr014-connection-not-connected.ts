import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { connectionChecks, connectorMatch } from './online-helpers.js';

export const rule: Rule = {
  meta: {
    id: 'CR014',
    name: 'connection-not-connected',
    defaultSeverity: 'warning',
    description: "Online: the bound connection's status is not Connected",
    details:
      'A connection in Error (most often Unauthorized: its token expired or its password changed) imports, but ' +
      'the flows that use it fail or do not turn on. The message quotes the status, its target, and the error ' +
      'code and message the service gives. Fix the connection in make.powerapps.com (sign in again) or bind ' +
      'another one. A warning, because connections have been seen in Error that still work.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('CR014'),
  },
  check(context) {
    const environment = context.target?.environmentUrl;
    for (const { ref, check } of connectionChecks(context)) {
      const connection = check.connection;
      if (check.state !== 'found' || !connection) continue;
      // A connection of another connector is CR013's; its status does not matter then.
      if (connectorMatch(ref, connection.connector) === 'other') continue;
      const bad = connection.statuses.find((s) => s.status.toLowerCase() !== 'connected');
      if (!bad) continue;
      const error = [bad.code, bad.message && `"${bad.message}"`].filter(Boolean).join(': ');
      context.report({
        subject: ref.logicalName,
        location: check.entry.connectionIdLocation ?? check.entry.location,
        message:
          `The connection bound to connection reference ${ref.logicalName} in ${environment} has status ` +
          `${bad.status}${bad.target ? ` (target ${bad.target})` : ''}${error ? `: ${error}` : ''}. Flows that use ` +
          'it fail until it is fixed: open the connection in make.powerapps.com and sign in again, or bind a ' +
          'connection that is Connected.',
      });
    }
  },
};
