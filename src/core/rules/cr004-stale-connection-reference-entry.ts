import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { definedReferenceNames, settingsReferencesByName } from './helpers.js';

export const rule: Rule = {
  meta: {
    id: 'CR004',
    name: 'stale-connection-reference-entry',
    defaultSeverity: 'warning',
    description: 'A settings entry names a connection reference that the solution does not define',
    details:
      'A ConnectionReferences entry whose LogicalName matches no connection reference in the solution is ignored by ' +
      'the import. It is usually left over from a renamed or removed reference, or a typo, in which case the ' +
      'reference it was meant for is unbound.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('CR004'),
  },
  check(context) {
    if (!context.settings) return;
    const defined = definedReferenceNames(context.solution);
    for (const [key, entries] of settingsReferencesByName(context.settings)) {
      if (defined.has(key)) continue;
      const entry = entries[0]!;
      context.report({
        subject: entry.logicalName,
        location: entry.location,
        message:
          `The deployment settings name connection reference ${entry.logicalName}, which solution ` +
          `${context.solution.uniqueName} does not define. Remove the stale entry, or correct the LogicalName.`,
      });
    }
  },
};
