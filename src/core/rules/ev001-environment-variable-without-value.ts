import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { nameKey, settingsVariablesByName } from './helpers.js';

export const rule: Rule = {
  meta: {
    id: 'EV001',
    name: 'environment-variable-without-value',
    defaultSeverity: 'error',
    description:
      'An environment variable has no default value, no current value and no settings value',
    details:
      'An environment variable without a default value, without a current value in the solution and without a ' +
      'Value in the deployment settings has no value after import: an unattended import fails asking for it, and ' +
      'flows and apps that read it break.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('EV001'),
  },
  check(context) {
    if (!context.settings) return;
    const entriesByName = settingsVariablesByName(context.settings);
    for (const variable of context.solution.environmentVariables) {
      if (variable.defaultValue !== undefined && variable.defaultValue !== '') continue;
      if (variable.currentValue !== undefined && variable.currentValue !== '') continue;
      const entries = entriesByName.get(nameKey(variable.schemaName)) ?? [];
      // An entry with "" is EV002's finding, not this one.
      if (entries.some((entry) => entry.value !== null)) continue;
      context.report({
        subject: variable.schemaName,
        location: entries[0]
          ? (entries[0].valueLocation ?? entries[0].location)
          : variable.location,
        message:
          `Environment variable ${variable.schemaName} (${variable.type}) has no default value, no current value ` +
          `and no value in the deployment settings${context.settings.path === '' ? ' (none was given or found for this solution)' : ''}. Add {"SchemaName": "${variable.schemaName}", "Value": "…"} ` +
          'to EnvironmentVariables, or give the variable a default value in the solution.',
      });
    }
  },
};
