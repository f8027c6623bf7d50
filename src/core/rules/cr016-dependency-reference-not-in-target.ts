import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { nameKey } from './helpers.js';

export const rule: Rule = {
  meta: {
    id: 'CR016',
    name: 'dependency-reference-not-in-target',
    defaultSeverity: 'error',
    description:
      'Online: a connection reference listed under MissingDependencies does not exist in the target',
    details:
      'A connection reference under MissingDependencies in solution.xml is one the solution uses but does not ' +
      'bring: the target must already hold it, or the import fails on the missing dependency. Import the ' +
      'solution that brings it first, or add the reference to this solution.',
    needsSettings: false,
    docsUrl: ruleDocsUrl('CR016'),
  },
  check(context) {
    const target = context.target;
    if (!target) return;
    const seen = new Set<string>();
    for (const dependency of context.solution.missingDependencies) {
      if (dependency.kind !== 'connectionreference') continue;
      const key = nameKey(dependency.name);
      if (seen.has(key) || target.referenceDependencies.get(key) !== 'missing') continue;
      seen.add(key);
      context.report({
        subject: dependency.name,
        message:
          `Connection reference ${dependency.name} is listed under MissingDependencies in solution.xml, so ` +
          `${context.solution.uniqueName} expects ${target.environmentUrl} to hold it, but it does not: the ` +
          'import fails on the missing dependency. Import the solution that brings it first, or add the ' +
          'connection reference to this solution.',
      });
    }
  },
};
