import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';

export const rule: Rule = {
  meta: {
    id: 'DS001',
    name: 'unusable-settings',
    defaultSeverity: 'error',
    description: 'The deployment-settings file is not valid JSON or not of the pac settings shape',
    details:
      'The settings file must be the JSON that pac solution create-settings writes: an object with ' +
      'ConnectionReferences (LogicalName, ConnectionId, ConnectorId) and EnvironmentVariables (SchemaName, Value) ' +
      'arrays. pac solution import rejects anything else. After this finding only the rules that need no settings ' +
      '(CR006 to CR010) run.',
    needsSettings: false,
    docsUrl: ruleDocsUrl('DS001'),
  },
  // The engine reports DS001 from the parser's UnusableSettings: a rule only ever sees usable
  // settings, so there is nothing left to check here.
  check() {},
};
