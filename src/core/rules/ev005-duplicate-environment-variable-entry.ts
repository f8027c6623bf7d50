import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { lines, settingsVariablesByName } from './helpers.js';

export const rule: Rule = {
  meta: {
    id: 'EV005',
    name: 'duplicate-environment-variable-entry',
    defaultSeverity: 'error',
    description: 'Two settings entries name the same environment variable',
    details:
      'When EnvironmentVariables holds the same SchemaName twice (names compare case-insensitively), which value ' +
      'the import uses is not under your control, and editing one copy silently has no effect.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('EV005'),
  },
  check(context) {
    if (!context.settings) return;
    for (const entries of settingsVariablesByName(context.settings).values()) {
      if (entries.length < 2) continue;
      const first = entries[0]!;
      context.report({
        subject: first.schemaName,
        location: entries[1]!.location,
        message:
          `Environment variable ${first.schemaName} has ${entries.length} entries in the deployment settings` +
          `${lines(entries)}. Keep one entry per environment variable.`,
      });
    }
  },
};
