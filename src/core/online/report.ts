// The `target` facts of SPEC section 5: per connection reference of the report, what the target
// holds for its bound connection. With several settings files the worst state wins.
import type {
  ConnectionCheck,
  ConnectionReference,
  ReportSolution,
  ReportTarget,
  SettingsFile,
  Solution,
  TargetFacts,
} from '../model.js';
import { findPlaceholder } from '../settings.js';
import { isBlank, nameKey } from '../rules/helpers.js';
import { connectorMatch } from '../rules/online-helpers.js';

const RANK: Record<ReportTarget['connection'], number> = {
  found: 0,
  unchecked: 1,
  'not-usable': 2,
  'wrong-connector': 3,
  missing: 4,
};

function accessText(check: ConnectionCheck): Pick<ReportTarget, 'access' | 'detail'> {
  const access = check.access;
  if (!access) return {};
  switch (access.kind) {
    case 'owner':
      return { access: 'owner' };
    case 'role':
      return /^canview$/i.test(access.role)
        ? {
            access: access.role,
            detail:
              'shared as Can use only: enough to import, but an import that must re-share the connection needs Can use + share',
          }
        : { access: access.role };
    case 'group':
      return {
        access: 'group',
        detail: `shared with a ${access.principalType === 'Tenant' ? 'whole tenant' : 'group'}; membership not checked`,
      };
    case 'listed':
      return {
        access: 'listed',
        detail: 'among the connections this identity can use (it may only list its own)',
      };
    case 'none':
      return { access: 'none' };
    case 'unchecked':
      return { detail: `usability not checked: ${access.why}` };
  }
}

/** The target facts of one reference from one check. */
function reportTargetOf(
  ref: ConnectionReference | undefined,
  check: ConnectionCheck | undefined,
  why: () => string,
): ReportTarget {
  if (!check) return { connection: 'unchecked', detail: why() };
  if (check.state === 'unchecked') {
    return { connection: 'unchecked', ...(check.why && { detail: check.why }) };
  }
  if (check.state === 'missing') {
    return { connection: 'missing', detail: 'no connection of this name in the environment' };
  }
  if (check.state === 'not-visible') {
    return {
      connection: 'not-usable',
      detail:
        'not among the connections this identity can use: missing or not shared (this identity may only list its own)',
    };
  }
  const connection = check.connection!;
  const bad = connection.statuses.find((s) => s.status.toLowerCase() !== 'connected');
  const status = bad?.status ?? connection.statuses[0]?.status;
  const facts: ReportTarget = {
    connection: 'found',
    ...(connection.connector && { connector: connection.connector }),
    ...(status && { status }),
    ...(connection.owner && { owner: connection.owner }),
    ...accessText(check),
  };
  if (ref && connectorMatch(ref, connection.connector) === 'other') {
    facts.connection = 'wrong-connector';
  } else if (check.access?.kind === 'none') {
    facts.connection = 'not-usable';
  }
  return facts;
}

/** Why a reference without a check was not checked, from the settings. */
function notCheckedWhy(logicalName: string, settings: SettingsFile | null): string {
  if (!settings) return 'the settings file is not usable';
  const entries = settings.connectionReferences.filter(
    (entry) => nameKey(entry.logicalName) === nameKey(logicalName),
  );
  if (entries.length === 0) return 'no settings entry binds it';
  if (entries.every((entry) => isBlank(entry.connectionId))) return 'its ConnectionId is empty';
  if (entries.some((entry) => entry.connectionId && findPlaceholder(entry.connectionId))) {
    return 'its ConnectionId still holds a placeholder';
  }
  return 'not checked';
}

/** Sets `target` on every connection reference of a report solution. */
export function attachTargetFacts(
  report: ReportSolution,
  solution: Solution,
  pairs: readonly { settings: SettingsFile | null; facts: TargetFacts }[],
): void {
  const refs = new Map(solution.connectionReferences.map((r) => [nameKey(r.logicalName), r]));
  for (const reference of report.connectionReferences) {
    let worst: ReportTarget | undefined;
    const key = nameKey(reference.logicalName);
    for (const { settings, facts } of pairs) {
      const target = reportTargetOf(refs.get(key), facts.connections.get(key), () =>
        notCheckedWhy(reference.logicalName, settings),
      );
      if (!worst || RANK[target.connection] > RANK[worst.connection]) worst = target;
    }
    if (worst) reference.target = worst;
  }
}
