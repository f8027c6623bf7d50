// Kept in step with package.json by test/version.test.ts; a literal so the bundles need no JSON import.
export const VERSION = '1.0.0';
export const TOOL_NAME = 'connref-gate';
export const REPOSITORY_URL = 'https://github.com/connref-gate/connref-gate';

/** The docs page of a rule, used by messages, SARIF helpUri and summaries. */
export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
