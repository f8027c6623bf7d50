import { UsageError } from '../errors.js';
import type { Rule, SeverityOverride } from '../model.js';
import { rule as cr001 } from './cr001-unbound-connection-reference.js';
import { rule as cr002 } from './cr002-unresolved-placeholder.js';
import { rule as cr003 } from './cr003-connector-mismatch.js';
import { rule as cr004 } from './cr004-stale-connection-reference-entry.js';
import { rule as cr005 } from './cr005-duplicate-connection-reference-entry.js';
import { rule as cr006 } from './cr006-undefined-connection-reference.js';
import { rule as cr007 } from './cr007-direct-connection.js';
import { rule as cr008 } from './cr008-canvas-app-custom-connector.js';
import { rule as cr009 } from './cr009-duplicate-display-name.js';
import { rule as cr010 } from './cr010-unused-connection-reference.js';
import { rule as cr011 } from './cr011-implausible-connection-id.js';
import { rule as cr012 } from './cr012-connection-not-in-target.js';
import { rule as cr013 } from './cr013-connection-wrong-connector.js';
import { rule as cr014 } from './cr014-connection-not-connected.js';
import { rule as cr015 } from './cr015-connection-not-usable.js';
import { rule as cr016 } from './cr016-dependency-reference-not-in-target.js';
import { rule as ds001 } from './ds001-unusable-settings.js';
import { rule as ev001 } from './ev001-environment-variable-without-value.js';
import { rule as ev002 } from './ev002-empty-environment-variable-value.js';
import { rule as ev003 } from './ev003-environment-variable-type-mismatch.js';
import { rule as ev004 } from './ev004-stale-environment-variable-entry.js';
import { rule as ev005 } from './ev005-duplicate-environment-variable-entry.js';
import { rule as ev006 } from './ev006-dependency-variable-not-in-target.js';
import { rule as ev007 } from './ev007-unmanaged-variable-in-target.js';
import { rule as ol001 } from './ol001-online-check-incomplete.js';
import { rule as sl001 } from './sl001-unreadable-solution.js';

/** Every rule, in id order. */
export const allRules: readonly Rule[] = Object.freeze([
  cr001,
  cr002,
  cr003,
  cr004,
  cr005,
  cr006,
  cr007,
  cr008,
  cr009,
  cr010,
  cr011,
  cr012,
  cr013,
  cr014,
  cr015,
  cr016,
  ds001,
  ev001,
  ev002,
  ev003,
  ev004,
  ev005,
  ev006,
  ev007,
  ol001,
  sl001,
]);

const rulesById = new Map(allRules.map((rule) => [rule.meta.id, rule]));

/** The rule with this id (any casing), or undefined. */
export function findRule(id: string): Rule | undefined {
  return rulesById.get(id.trim().toUpperCase());
}

const SEVERITY_OVERRIDES: readonly SeverityOverride[] = ['error', 'warning', 'note', 'off'];

/**
 * Parses `ID=error|warning|note|off` overrides, as given to `--rule` or the adapters' `rules`
 * input. An entry may hold several overrides on separate lines or separated by commas; blank
 * lines and `#` comments are ignored. Throws UsageError for anything else.
 */
export function parseRuleOverrides(entries: readonly string[]): Record<string, SeverityOverride> {
  // Keys are only ever known rule ids, so a plain object is safe.
  const overrides: Record<string, SeverityOverride> = {};
  for (const entry of entries) {
    for (const rawLine of entry.split(/\r?\n/)) {
      const line = rawLine.replace(/#.*$/, '');
      for (const part of line.split(',')) {
        const override = part.trim();
        if (override === '') continue;
        const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(override);
        if (!match) {
          throw new UsageError(
            `rule override "${override}" is not of the form ID=error|warning|note|off (e.g. CR010=off)`,
          );
        }
        const rule = findRule(match[1]!);
        if (rule === undefined) {
          throw new UsageError(
            `unknown rule id "${match[1]}" in rule override "${override}"; known ids: ${allRules.map((r) => r.meta.id).join(', ')}`,
          );
        }
        const severity = match[2]!.toLowerCase() as SeverityOverride;
        if (!SEVERITY_OVERRIDES.includes(severity)) {
          throw new UsageError(
            `bad severity "${match[2]}" in rule override "${override}"; use error, warning, note or off`,
          );
        }
        overrides[rule.meta.id] = severity;
      }
    }
  }
  return overrides;
}
