import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { nameKey, settingsVariablesByName } from './helpers.js';

export const rule: Rule = {
  meta: {
    id: 'EV002',
    name: 'empty-environment-variable-value',
    defaultSeverity: 'error',
    description: 'A settings entry gives an environment variable the empty string',
    details:
      'pac solution create-settings writes "Value": "" for every environment variable, and the import rejects the ' +
      'empty string as a value. Fill in the value, or remove the entry to keep the default value.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('EV002'),
  },
  check(context) {
    if (!context.settings) return;
    const entriesByName = settingsVariablesByName(context.settings);
    for (const variable of context.solution.environmentVariables) {
      const entry = (entriesByName.get(nameKey(variable.schemaName)) ?? []).find(
        (e) => e.value === '',
      );
      if (entry === undefined) continue;
      const hasFallback = Boolean(variable.defaultValue || variable.currentValue);
      context.report({
        subject: variable.schemaName,
        location: entry.valueLocation ?? entry.location,
        message:
          `Environment variable ${variable.schemaName} has an empty Value in the deployment settings, which the ` +
          'import rejects. Set the value for the target environment' +
          (hasFallback ? ', or remove the entry to keep the value in the solution.' : '.'),
      });
    }
  },
};
