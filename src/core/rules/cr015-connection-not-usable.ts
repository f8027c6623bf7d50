import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { connectionChecks, connectionIdText, connectorMatch } from './online-helpers.js';

export const rule: Rule = {
  meta: {
    id: 'CR015',
    name: 'connection-not-usable',
    defaultSeverity: 'error',
    description: 'Online: the identity that imports can neither own nor use the bound connection',
    details:
      'The identity that runs the check is taken as the one that imports. When it neither created the connection ' +
      'nor holds a permission on it (Owner, CanEdit, CanViewWithShare or CanView), the import succeeds but the ' +
      'flows that use the connection stay off (ConnectionAuthorizationFailed). A connection shared with a group or ' +
      'the whole tenant is not reported: membership is not checked (the report says so). When the identity is no ' +
      'management application of the Power Apps API, the gate can only list the connections it may use, and an ' +
      'id missing from that list is reported here without claiming whether it is missing or not shared.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('CR015'),
  },
  check(context) {
    const environment = context.target?.environmentUrl;
    for (const { ref, check } of connectionChecks(context)) {
      if (check.state === 'not-visible') {
        context.report({
          subject: ref.logicalName,
          location: check.entry.connectionIdLocation ?? check.entry.location,
          message:
            `${connectionIdText(check.entry)} of connection reference ${ref.logicalName} is not among the ` +
            `connections this identity can use in ${environment}: either it is not a connection there ` +
            '(the import fails with ConnectionNotFound) or it is not shared with this identity (flows stay off ' +
            'after import). This identity may only list its own connections, so which one cannot be told: ' +
            'register it as a management application (New-PowerAppManagementApp) for a full check, and share ' +
            'the connection with it or bind one it owns.',
        });
        continue;
      }
      if (check.state !== 'found' || check.access?.kind !== 'none' || !check.connection) continue;
      if (connectorMatch(ref, check.connection.connector) === 'other') continue;
      context.report({
        subject: ref.logicalName,
        location: check.entry.connectionIdLocation ?? check.entry.location,
        message:
          `The identity that imports neither owns the connection bound to connection reference ${ref.logicalName} ` +
          `in ${environment}${check.connection.owner ? ` (owned by ${check.connection.owner})` : ''} nor holds a ` +
          'permission on it: the import succeeds, but flows that use it stay off (ConnectionAuthorizationFailed). ' +
          'Share the connection with the importing identity (Can use + share), or bind a connection it owns.',
      });
    }
  },
};
