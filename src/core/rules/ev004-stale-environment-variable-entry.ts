import type { Rule, SettingsFileContext } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { whichNoneDefines, nameKey, settingsVariablesByName } from './helpers.js';

function checkSettingsFile({ settings, solutions, report }: SettingsFileContext): void {
  const defined = new Set(
    solutions.flatMap((solution) =>
      solution.environmentVariables.map((v) => nameKey(v.schemaName)),
    ),
  );
  for (const [key, entries] of settingsVariablesByName(settings)) {
    if (defined.has(key)) continue;
    const entry = entries[0]!;
    report({
      subject: entry.schemaName,
      location: entry.location,
      message:
        `The deployment settings name environment variable ${entry.schemaName}, ${whichNoneDefines(solutions)}. ` +
        'Remove the stale entry, or correct the SchemaName.',
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'EV004',
    name: 'stale-environment-variable-entry',
    defaultSeverity: 'warning',
    description: 'A settings entry names an environment variable that the solution does not define',
    details:
      'An EnvironmentVariables entry whose SchemaName matches no environment variable in the solution is ignored by ' +
      'the import. It is usually left over from a removed variable, or a typo, in which case the variable it was ' +
      'meant for gets no value. Where several solutions are checked against one settings file (a monorepo), an ' +
      'entry is stale only when none of them defines it, and it is reported once for the file.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('EV004'),
  },
  check(context) {
    if (!context.settings) return;
    checkSettingsFile({ ...context, settings: context.settings, solutions: [context.solution] });
  },
  checkSettingsFile,
};
