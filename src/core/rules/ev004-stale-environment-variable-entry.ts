import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { definedVariableNames, settingsVariablesByName } from './helpers.js';

export const rule: Rule = {
  meta: {
    id: 'EV004',
    name: 'stale-environment-variable-entry',
    defaultSeverity: 'warning',
    description: 'A settings entry names an environment variable that the solution does not define',
    details:
      'An EnvironmentVariables entry whose SchemaName matches no environment variable in the solution is ignored by ' +
      'the import. It is usually left over from a removed variable, or a typo, in which case the variable it was ' +
      'meant for gets no value.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('EV004'),
  },
  check(context) {
    if (!context.settings) return;
    const defined = definedVariableNames(context.solution);
    for (const [key, entries] of settingsVariablesByName(context.settings)) {
      if (defined.has(key)) continue;
      const entry = entries[0]!;
      context.report({
        subject: entry.schemaName,
        location: entry.location,
        message:
          `The deployment settings name environment variable ${entry.schemaName}, which solution ` +
          `${context.solution.uniqueName} does not define. Remove the stale entry, or correct the SchemaName.`,
      });
    }
  },
};
