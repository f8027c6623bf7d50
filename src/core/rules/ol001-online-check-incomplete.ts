import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';

export const rule: Rule = {
  meta: {
    id: 'OL001',
    name: 'online-check-incomplete',
    defaultSeverity: 'warning',
    description: 'Online: a check against the target environment could not run, or not fully',
    details:
      'The online checks (CR012–CR016, EV006, EV007) need to sign in and read the target. When that fails (no ' +
      'credentials, a rejected sign-in, 401 or 403, a missing privilege, the network, throttling past the retry ' +
      'budget, the deadline, an answer that is not what the API returns), the gate says what it skipped and why ' +
      'instead of passing silently, and never turns the failure into a finding about a connection. A warning; an ' +
      'error with --online strict (fail closed).',
    needsSettings: false,
    docsUrl: ruleDocsUrl('OL001'),
  },
  check(context) {
    const target = context.target;
    if (!target) return;
    for (const problem of target.problems) {
      context.report({
        subject: target.environmentUrl,
        severity: target.strict ? 'error' : 'warning',
        message: `Online check of ${target.environmentUrl}: ${problem.skipped} not checked: ${problem.why.replace(/[.\s]+$/, '')}.`,
      });
    }
  },
};
