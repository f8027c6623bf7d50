import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { nameKey } from './helpers.js';

export const rule: Rule = {
  meta: {
    id: 'EV007',
    name: 'unmanaged-variable-in-target',
    defaultSeverity: 'warning',
    description:
      'Online: the target already holds an unmanaged definition of an environment variable the solution brings',
    details:
      'When the target holds an unmanaged definition of a variable that a managed solution brings, the managed ' +
      'import silently absorbs it: the definition stays with an unmanaged layer on top, which later upgrades and ' +
      'uninstalls do not remove. Usually someone created the variable by hand in the target. Remove the unmanaged ' +
      'definition (or its layer) before a managed import, or accept it knowingly.',
    needsSettings: false,
    docsUrl: ruleDocsUrl('EV007'),
  },
  check(context) {
    const target = context.target;
    if (!target) return;
    const seen = new Set<string>();
    for (const variable of context.solution.environmentVariables) {
      const key = nameKey(variable.schemaName);
      if (seen.has(key) || !target.unmanagedVariables.has(key)) continue;
      seen.add(key);
      context.report({
        subject: variable.schemaName,
        location: variable.location,
        message:
          `${target.environmentUrl} already holds an unmanaged definition of environment variable ` +
          `${variable.schemaName}, which ${context.solution.uniqueName} brings: a managed import silently absorbs ` +
          'it and leaves an unmanaged layer on top. Remove the unmanaged definition from the target first, or ' +
          'accept the layer knowingly.',
      });
    }
  },
};
