// Runs one rule on a hand-built solution, as the engine would, for the rule tests.
import type { RuleReport, SettingsFile, Solution } from '../../src/core/model.js';
import { findRule } from '../../src/core/rules/index.js';
import { emptySettings } from '../../src/core/settings.js';
import { API, makeReference } from './make-solution.js';
import { usableSettings } from './settings.js';

/** Runs one rule; `settings` text is parsed, undefined means no settings file, null unusable. */
export function runRule(
  id: string,
  solution: Solution,
  settings?: string | SettingsFile | null,
): RuleReport[] {
  const rule = findRule(id)!;
  const reports: RuleReport[] = [];
  rule.check({
    solution,
    settings:
      settings === null
        ? null
        : settings === undefined
          ? emptySettings()
          : typeof settings === 'string'
            ? usableSettings(settings)
            : settings,
    report: (r) => reports.push(r),
  });
  return reports;
}

export const office = makeReference('cr_office', 'shared_office365');
export const teams = makeReference('cr_teams', 'shared_teams');

/** A settings entry binding `name` to a connection of `api`. */
export const bound = (name: string, api = 'shared_office365', id = 'conn-1') => ({
  LogicalName: name,
  ConnectionId: id,
  ConnectorId: API + api,
});
