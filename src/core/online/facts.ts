// The TargetFacts of one (solution, settings) pair from what the online stage asked the target:
// which reference's connection was found, missing or unchecked, who may use it, which
// dependencies the target holds, and every check that could not run (OL001), by reason.
import type {
  ConnectionCheck,
  OnlineProblem,
  SettingsConnectionReference,
  SettingsFile,
  Solution,
  TargetAccess,
  TargetFacts,
} from '../model.js';
import { plural } from '../format/common.js';
import { isBoundConnectionId, nameKey } from '../rules/helpers.js';
import { oneLine } from '../text.js';
import type { variableDefinition } from './dataverse.js';
import { missingPrivilege } from './dataverse.js';
import type { OnlineEndpoints } from './endpoints.js';
import { OnlineRequestError } from './http.js';
import {
  connectionKey,
  type ConnectionListing,
  type ConnectionPermission,
  type ListedConnection,
} from './powerapps.js';

/** What the stage asked the target, each answer or why there is none. */
export interface StageResults {
  endpoints: OnlineEndpoints;
  strict: boolean;
  listing: Outcome<ConnectionListing>;
  importer: Outcome<string>;
  /** By connectionKey, for connections whose listing did not embed them. */
  permissions: Map<string, Outcome<ConnectionPermission[]>>;
  /** By lower-case name: whether the target holds the connection reference. */
  references: Map<string, Outcome<boolean>>;
  /** By lower-case schema name: the target's definition. */
  variables: Map<string, Outcome<Awaited<ReturnType<typeof variableDefinition>>>>;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; why: string };

export async function settle<T>(
  promise: Promise<T>,
  explain: (error: unknown) => string,
): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, why: explain(error) };
  }
}

/** A reference bound to something that could be a connection name: the candidates. */
export interface Candidate {
  logicalName: string;
  entry: SettingsConnectionReference;
  key: string;
}

/** The characters of a connection name; anything else is CR011's, never looked up. */
const CONNECTION_NAME = /^[A-Za-z0-9_-]{1,200}$/;

export function candidatesOf(
  solution: Solution,
  settings: SettingsFile | null,
): {
  candidates: Candidate[];
  skipped: Map<string, { entry: SettingsConnectionReference; why: string }>;
} {
  const candidates: Candidate[] = [];
  const skipped = new Map<string, { entry: SettingsConnectionReference; why: string }>();
  if (!settings) return { candidates, skipped };
  const entries = new Map<string, SettingsConnectionReference[]>();
  for (const entry of settings.connectionReferences) {
    const key = nameKey(entry.logicalName);
    entries.set(key, [...(entries.get(key) ?? []), entry]);
  }
  for (const ref of solution.connectionReferences) {
    const key = nameKey(ref.logicalName);
    const bound = (entries.get(key) ?? []).find((entry) => isBoundConnectionId(entry.connectionId));
    if (!bound) continue;
    const id = bound.connectionId!.trim();
    if (!CONNECTION_NAME.test(id)) {
      skipped.set(key, { entry: bound, why: 'its ConnectionId is no connection name (CR011)' });
      continue;
    }
    candidates.push({ logicalName: ref.logicalName, entry: bound, key: connectionKey(id) });
  }
  return { candidates, skipped };
}

/** `a, b, c and 4 more`, for problem texts. */
function names(list: readonly string[], max = 5): string {
  const shown = list.slice(0, max).join(', ');
  return list.length > max ? `${shown} and ${list.length - max} more` : shown;
}

/** Why a request failed, for OL001; a Dataverse 403 names the privilege the role lacks. */
export function explain(error: unknown): string {
  if (error instanceof OnlineRequestError) {
    const privilege =
      error.details.status === 403 ? missingPrivilege(error.details.serviceMessage) : undefined;
    if (privilege) {
      return `${error.message}: the application user's security role in the environment lacks the ${privilege} privilege`;
    }
    return error.message;
  }
  return oneLine(error instanceof Error ? error.message : String(error), 400);
}

/** The `oid` claim of a JWT access token, when it is one: a fallback for the importer's id. */
export function tokenObjectId(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload || payload.length > 16_384) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    const oid = (claims as Record<string, unknown> | null)?.['oid'];
    return typeof oid === 'string' && /^[0-9a-f-]{32,36}$/i.test(oid)
      ? oid.toLowerCase()
      : undefined;
  } catch {
    return undefined;
  }
}

function accessOf(
  connection: ListedConnection,
  permissions: ConnectionPermission[] | undefined,
  importer: string,
): TargetAccess {
  if (connection.createdById === importer) return { kind: 'owner' };
  const list = permissions ?? [];
  const own = list.filter((p) => p.principalId === importer);
  if (own.length > 0) {
    // The strongest role held, should there be several.
    const order = ['owner', 'canedit', 'canviewwithshare', 'canview'];
    const best = own
      .map((p) => p.role ?? 'unknown')
      .sort((a, b) => {
        const ia = order.indexOf(a.toLowerCase());
        const ib = order.indexOf(b.toLowerCase());
        return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
      })[0]!;
    return { kind: 'role', role: best };
  }
  const group = list.find((p) => /^(group|tenant)$/i.test(p.principalType ?? ''));
  if (group) {
    return {
      kind: 'group',
      principalType: group.principalType!,
      ...(group.role && { role: group.role }),
    };
  }
  return { kind: 'none' };
}

export function buildFacts(
  results: StageResults,
  solution: Solution,
  settings: SettingsFile | null,
): TargetFacts {
  const { endpoints, strict, listing, importer, permissions, references, variables } = results;
  const facts: TargetFacts = {
    environmentUrl: endpoints.environmentUrl,
    strict,
    connections: new Map(),
    referenceDependencies: new Map(),
    variableDependencies: new Map(),
    unmanagedVariables: new Set(),
    problems: [],
  };
  // Problems by reason: one OL001 per reason, naming everything it left unchecked.
  const skippedByWhy = new Map<string, string[]>();
  const skip = (why: string, what: string) => {
    skippedByWhy.set(why, [...(skippedByWhy.get(why) ?? []), what]);
  };

  const { candidates, skipped } = candidatesOf(solution, settings);
  for (const [key, { entry, why }] of skipped) {
    facts.connections.set(key, {
      logicalName: entry.logicalName,
      entry,
      state: 'unchecked',
      why,
    });
  }
  const unchecked = new Map<string, string[]>();
  const accessUnchecked = new Map<string, string[]>();
  for (const candidate of candidates) {
    const check: ConnectionCheck = {
      logicalName: candidate.logicalName,
      entry: candidate.entry,
      state: 'unchecked',
    };
    facts.connections.set(nameKey(candidate.logicalName), check);
    if (!listing.ok) {
      check.why = listing.why;
      unchecked.set(listing.why, [...(unchecked.get(listing.why) ?? []), candidate.logicalName]);
      continue;
    }
    const found = listing.value;
    check.route = found.route;
    const connection = found.connections.get(candidate.key);
    if (!connection) {
      if (found.incomplete !== undefined) {
        check.why = `the connection listing is incomplete: ${found.incomplete}`;
        unchecked.set(check.why, [...(unchecked.get(check.why) ?? []), candidate.logicalName]);
      } else {
        check.state = found.route === 'admin' ? 'missing' : 'not-visible';
      }
      continue;
    }
    check.state = 'found';
    check.connection = {
      name: connection.name,
      connector: connection.connector,
      statuses: connection.statuses,
      ...(connection.displayName && { displayName: connection.displayName }),
      ...(connection.owner && { owner: connection.owner }),
    };
    if (found.route === 'caller') {
      const own =
        importer.ok && connection.permissions
          ? accessOf(connection, connection.permissions, importer.value)
          : undefined;
      check.access = own && own.kind !== 'none' ? own : { kind: 'listed' };
      continue;
    }
    if (!importer.ok) {
      const why = `the importing identity could not be told: ${importer.why}`;
      check.access = { kind: 'unchecked', why };
      accessUnchecked.set(why, [...(accessUnchecked.get(why) ?? []), candidate.logicalName]);
      continue;
    }
    let list = connection.permissions;
    if (!list && connection.createdById !== importer.value) {
      const fetched = permissions.get(candidate.key);
      if (!fetched?.ok) {
        const why = `its permissions could not be read: ${fetched?.why ?? 'not asked'}`;
        check.access = { kind: 'unchecked', why };
        accessUnchecked.set(why, [...(accessUnchecked.get(why) ?? []), candidate.logicalName]);
        continue;
      }
      list = fetched.value;
    }
    check.access = accessOf(connection, list, importer.value);
  }
  for (const [why, refs] of unchecked) {
    skip(
      why,
      `the connection checks (CR012–CR015) of ${plural(refs.length, 'reference', 'references')} (${names(refs)})`,
    );
  }
  for (const [why, refs] of accessUnchecked) {
    skip(
      why,
      `whether the importing identity may use the connections of ${plural(refs.length, 'reference', 'references')} (${names(refs)}) (CR015)`,
    );
  }

  const referenceUnchecked = new Map<string, string[]>();
  for (const dependency of solution.missingDependencies) {
    if (dependency.kind !== 'connectionreference') continue;
    const key = nameKey(dependency.name);
    const outcome = references.get(key);
    if (outcome?.ok) {
      facts.referenceDependencies.set(key, outcome.value ? 'present' : 'missing');
    } else {
      facts.referenceDependencies.set(key, 'unchecked');
      const why = outcome?.why ?? 'not asked';
      referenceUnchecked.set(why, [...(referenceUnchecked.get(why) ?? []), dependency.name]);
    }
  }
  for (const [why, refs] of referenceUnchecked) {
    skip(
      why,
      `whether the target holds ${plural(refs.length, 'missing dependency', 'missing dependencies')} ${names(refs)} (CR016)`,
    );
  }
  const variableUnchecked = new Map<string, string[]>();
  for (const dependency of solution.missingDependencies) {
    if (dependency.kind !== 'environmentvariable') continue;
    const key = nameKey(dependency.name);
    const outcome = variables.get(key);
    if (outcome?.ok) {
      facts.variableDependencies.set(key, outcome.value.exists ? 'present' : 'missing');
    } else {
      facts.variableDependencies.set(key, 'unchecked');
      const why = outcome?.why ?? 'not asked';
      variableUnchecked.set(why, [...(variableUnchecked.get(why) ?? []), dependency.name]);
    }
  }
  for (const [why, vars] of variableUnchecked) {
    skip(
      why,
      `whether the target defines ${plural(vars.length, 'missing dependency', 'missing dependencies')} ${names(vars)} (EV006)`,
    );
  }
  const definedUnchecked = new Map<string, string[]>();
  for (const variable of solution.environmentVariables) {
    const key = nameKey(variable.schemaName);
    const outcome = variables.get(key);
    if (outcome?.ok) {
      if (outcome.value.exists && outcome.value.managed === false)
        facts.unmanagedVariables.add(key);
    } else {
      const why = outcome?.why ?? 'not asked';
      definedUnchecked.set(why, [...(definedUnchecked.get(why) ?? []), variable.schemaName]);
    }
  }
  for (const [why, vars] of definedUnchecked) {
    skip(
      why,
      `whether the target holds unmanaged definitions of ${plural(vars.length, 'environment variable', 'environment variables')} (${names(vars)}) (EV007)`,
    );
  }

  for (const [why, what] of skippedByWhy) {
    const problem: OnlineProblem = { skipped: what.join('; '), why };
    facts.problems.push(problem);
  }
  return facts;
}
