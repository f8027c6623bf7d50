import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { lines, settingsReferencesByName } from './helpers.js';

export const rule: Rule = {
  meta: {
    id: 'CR005',
    name: 'duplicate-connection-reference-entry',
    defaultSeverity: 'error',
    description: 'Two settings entries name the same connection reference',
    details:
      'When ConnectionReferences holds the same LogicalName twice (names compare case-insensitively), which ' +
      'ConnectionId the import uses is not under your control, and editing one copy silently has no effect.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('CR005'),
  },
  check(context) {
    if (!context.settings) return;
    for (const entries of settingsReferencesByName(context.settings).values()) {
      if (entries.length < 2) continue;
      const first = entries[0]!;
      context.report({
        subject: first.logicalName,
        location: entries[1]!.location,
        message:
          `Connection reference ${first.logicalName} has ${entries.length} entries in the deployment settings` +
          `${lines(entries)}. Keep one entry per connection reference.`,
      });
    }
  },
};
