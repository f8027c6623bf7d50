import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { andList } from './helpers.js';

export const rule: Rule = {
  meta: {
    id: 'CR009',
    name: 'duplicate-display-name',
    defaultSeverity: 'warning',
    description: 'Two connection references in the solution share a display name',
    details:
      'The import wizard, the maker portal and pipeline deployment steps show connection references by display ' +
      'name. Two references with the same display name are easy to bind to the wrong connection.',
    needsSettings: false,
    docsUrl: ruleDocsUrl('CR009'),
  },
  check(context) {
    const groups = new Map<string, string[]>();
    for (const ref of context.solution.connectionReferences) {
      const key = ref.displayName.trim().toLowerCase();
      if (key === '') continue;
      const group = groups.get(key);
      if (group) group.push(ref.logicalName);
      else groups.set(key, [ref.logicalName]);
    }
    for (const ref of context.solution.connectionReferences) {
      const names = groups.get(ref.displayName.trim().toLowerCase());
      if (names === undefined || names.length < 2) continue;
      const others = names.filter((name) => name !== ref.logicalName);
      context.report({
        subject: ref.logicalName,
        location: ref.location,
        message:
          `Connection reference ${ref.logicalName} shares the display name "${ref.displayName.trim()}" with ` +
          `${andList(others)}. Give each connection reference a distinct display name.`,
      });
    }
  },
};
