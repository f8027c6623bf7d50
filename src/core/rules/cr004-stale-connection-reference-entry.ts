import type { Rule, SettingsFileContext } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { whichNoneDefines, nameKey, settingsReferencesByName } from './helpers.js';

function checkSettingsFile({ settings, solutions, report }: SettingsFileContext): void {
  const defined = new Set(
    solutions.flatMap((solution) =>
      solution.connectionReferences.map((r) => nameKey(r.logicalName)),
    ),
  );
  for (const [key, entries] of settingsReferencesByName(settings)) {
    if (defined.has(key)) continue;
    const entry = entries[0]!;
    report({
      subject: entry.logicalName,
      location: entry.location,
      message:
        `The deployment settings name connection reference ${entry.logicalName}, ${whichNoneDefines(solutions)}. ` +
        'Remove the stale entry, or correct the LogicalName.',
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'CR004',
    name: 'stale-connection-reference-entry',
    defaultSeverity: 'warning',
    description: 'A settings entry names a connection reference that the solution does not define',
    details:
      'A ConnectionReferences entry whose LogicalName matches no connection reference in the solution is ignored by ' +
      'the import. It is usually left over from a renamed or removed reference, or a typo, in which case the ' +
      'reference it was meant for is unbound. Where several solutions are checked against one settings file (a ' +
      'monorepo), an entry is stale only when none of them defines it, and it is reported once for the file.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('CR004'),
  },
  check(context) {
    if (!context.settings) return;
    checkSettingsFile({ ...context, settings: context.settings, solutions: [context.solution] });
  },
  checkSettingsFile,
};
