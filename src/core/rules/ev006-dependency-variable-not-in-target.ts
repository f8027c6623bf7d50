import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { nameKey } from './helpers.js';

export const rule: Rule = {
  meta: {
    id: 'EV006',
    name: 'dependency-variable-not-in-target',
    defaultSeverity: 'error',
    description:
      'Online: an environment variable listed under MissingDependencies has no definition in the target',
    details:
      'An environment variable under MissingDependencies in solution.xml is one the solution uses but does not ' +
      'bring: the target must already define it, or the import fails on the missing dependency. Import the ' +
      'solution that brings the definition first, or add it to this solution.',
    needsSettings: false,
    docsUrl: ruleDocsUrl('EV006'),
  },
  check(context) {
    const target = context.target;
    if (!target) return;
    const seen = new Set<string>();
    for (const dependency of context.solution.missingDependencies) {
      if (dependency.kind !== 'environmentvariable') continue;
      const key = nameKey(dependency.name);
      if (seen.has(key) || target.variableDependencies.get(key) !== 'missing') continue;
      seen.add(key);
      context.report({
        subject: dependency.name,
        message:
          `Environment variable ${dependency.name} is listed under MissingDependencies in solution.xml, so ` +
          `${context.solution.uniqueName} expects ${target.environmentUrl} to define it, but it has no ` +
          'definition there: the import fails on the missing dependency. Import the solution that brings the ' +
          'definition first, or add it to this solution.',
      });
    }
  },
};
