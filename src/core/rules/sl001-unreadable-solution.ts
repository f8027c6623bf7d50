import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';

export const rule: Rule = {
  meta: {
    id: 'SL001',
    name: 'unreadable-solution',
    defaultSeverity: 'error',
    description: 'A solution cannot be read',
    details:
      'The path is not a readable Dataverse solution: not a zip, no solution.xml, malformed XML or JSON in a file ' +
      'that matters, or a legacy export package (manifest.json with Microsoft.Flow/ or Microsoft.PowerApps/) that ' +
      'pac solution import does not accept. No other rule can check it.',
    needsSettings: false,
    docsUrl: ruleDocsUrl('SL001'),
  },
  // The engine reports SL001 from the reader's UnreadableSolution: rules only ever see solutions
  // that were read, so there is nothing left to check here.
  check() {},
};
