// The public core API: what the CLI, the GitHub Action and the Azure DevOps task build on.
// Platform-neutral: nothing here may import @actions/* or azure-pipelines-task-lib.
export type * from './model.js';
export { DEFAULT_LIMITS, type CheckOptions, type ReadLimits } from './options.js';
export { UsageError, errorMessage } from './errors.js';
export { REPOSITORY_URL, TOOL_NAME, VERSION, ruleDocsUrl } from './version.js';
export {
  check,
  checkPairs,
  checkSolutions,
  compareFindings,
  exitCodeFor,
  isFailing,
  isUnusableSettings,
  MIN_REDACTED_SECRET_LENGTH,
  redactSecrets,
  type CheckPairsOptions,
  type CheckResult,
  type SolutionPair,
} from './engine.js';
export {
  MAX_JSON_DEPTH,
  emptySettings,
  findPlaceholder,
  parseSettings,
  readSettingsFile,
  substitutePlaceholders,
  type ParseSettingsResult,
} from './settings.js';
export { allRules, findRule, parseRuleOverrides } from './rules/index.js';
export {
  DEFAULT_SETTINGS_FILE,
  init,
  InitSolutionError,
  type InitFileResult,
  type InitNames,
  type InitOptions,
  type InitResult,
} from './init.js';
export { resolveSettings, type ResolvedSettings } from './resolved-settings.js';
export * from './format/index.js';
