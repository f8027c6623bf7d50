// The online stage (SPEC section 6): asks the target environment, read-only, what the rules
// CR012–CR016, EV006, EV007 and OL001 need, under one deadline, and hands each (solution,
// settings) pair its TargetFacts. What the environment says is fetched once for all pairs.
//
// Signing in, the environment id, the importing identity and the connection listing need only the
// environment; they start together, and the permissions of the bound connections follow the
// listing while the dependency and variable look-ups run beside it.
import type { SettingsFile, Solution, TargetFacts } from '../model.js';
import { nameKey } from '../rules/helpers.js';
import { credentialSecrets, describeCredential, type TokenProvider } from './credentials.js';
import {
  environmentId as fetchEnvironmentId,
  hasConnectionReference,
  importerObjectId,
  variableDefinition,
} from './dataverse.js';
import type { OnlineEndpoints } from './endpoints.js';
import {
  buildFacts,
  candidatesOf,
  explain,
  settle,
  tokenObjectId,
  type Candidate,
  type Outcome,
  type StageResults,
} from './facts.js';
import { OnlineHttp, OnlineRequestError, type Audience } from './http.js';
import { DEFAULT_ONLINE_TIMEOUT_MS, prepareOnline, type OnlineOptions } from './options.js';
import {
  fetchPermissions,
  listConnections,
  type ConnectionListing,
  type ConnectionPermission,
} from './powerapps.js';
import { tokenProviderFor } from './sign-in.js';
import { describeProxy, proxyFor, proxyPasswords } from './proxy.js';

/** What the stage did, for logs and the benchmark. */
export interface OnlineSummary {
  environmentUrl: string;
  environmentId?: string;
  route?: 'admin' | 'caller';
  /** Requests sent, by API (retries included). */
  requests: Record<Audience, number>;
  connectionsListed?: number;
  pages?: number;
  /** Who signed in, in words. */
  identity: string;
  /** The proxy the requests went through (scheme, host and port), if any. */
  proxy?: string;
  ms: number;
}

/** A solution read and the settings files it is checked against (null: unusable). */
export interface OnlinePair {
  solution: Solution;
  settings: readonly (SettingsFile | null)[];
}

export interface OnlineStage {
  factsFor(solution: Solution, settings: SettingsFile | null): TargetFacts;
  summary: OnlineSummary;
  /** Secrets the credential holds: never in any output. */
  secrets: string[];
}

interface EnvironmentAnswers {
  listing: Outcome<ConnectionListing>;
  importer: Outcome<string>;
}

/**
 * Runs the online checks for solutions already read. Nothing is sent when nothing needs asking.
 * Never throws for what the target does or says: every failure becomes an OnlineProblem (OL001)
 * in the facts of the pairs it concerns.
 */
export async function runOnlineStage(
  pairs: readonly OnlinePair[],
  options: OnlineOptions,
  endpoints: OnlineEndpoints = prepareOnline(options),
): Promise<OnlineStage> {
  const started = Date.now();
  const requests: Record<Audience, number> = { dataverse: 0, powerApps: 0 };
  const summary: OnlineSummary = {
    environmentUrl: endpoints.environmentUrl,
    requests,
    identity: describeCredential(options.credential),
    ms: 0,
  };
  const origins = [endpoints.dataverseOrigin, endpoints.powerAppsOrigin];
  const proxy = origins
    .map((origin) => proxyFor(new URL(origin), options.proxy))
    .find((url) => url !== undefined);
  if (proxy) summary.proxy = describeProxy(proxy);
  const timeoutMs = options.timeoutMs ?? DEFAULT_ONLINE_TIMEOUT_MS;
  const controller = new AbortController();
  const deadlineAt = Date.now() + timeoutMs;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  timer.unref?.();
  const deadlineText = `${Math.round(timeoutMs / 100) / 10} s`;
  const explainAll = (error: unknown) =>
    controller.signal.aborted && !(error instanceof OnlineRequestError && error.kind !== 'timeout')
      ? `the online checks did not finish within ${deadlineText} (the deadline of the online stage)`
      : explain(error);

  // Loading @azure/identity and building the credential: once, and only when asked for.
  let provider: Promise<TokenProvider> | undefined;
  const tokens = new Map<Audience, Promise<string>>();
  const token = (audience: Audience): Promise<string> => {
    let promise = tokens.get(audience);
    if (!promise) {
      provider ??= tokenProviderFor(options.credential, endpoints, options.ca, options.proxy);
      const scope = audience === 'dataverse' ? endpoints.dataverseScope : endpoints.powerAppsScope;
      promise = provider.then((p) => p.getToken(scope, controller.signal));
      // Each caller sees the rejection; none is left unhandled.
      promise.catch(() => undefined);
      tokens.set(audience, promise);
    }
    return promise;
  };
  let http: OnlineHttp | undefined;
  const client = (): OnlineHttp =>
    (http ??= new OnlineHttp({
      signal: controller.signal,
      deadlineAt,
      origins: { dataverse: endpoints.dataverseOrigin, powerApps: endpoints.powerAppsOrigin },
      token,
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
      ...(options.retry?.maxAttempts !== undefined && { maxAttempts: options.retry.maxAttempts }),
      ...(options.retry?.baseDelayMs !== undefined && { baseDelayMs: options.retry.baseDelayMs }),
      ...(options.maxResponseBytes !== undefined && { maxResponseBytes: options.maxResponseBytes }),
      ...(options.ca !== undefined && { ca: options.ca }),
      ...(options.proxy !== undefined && { proxy: options.proxy }),
      onRequest: (audience) => requests[audience]++,
    }));
  const close = () => {
    clearTimeout(timer);
    http?.close();
  };

  // The environment's answers that every connection check needs, asked once.
  let environment: Promise<EnvironmentAnswers> | undefined;
  const askEnvironment = (): Promise<EnvironmentAnswers> =>
    (environment ??= (async () => {
      const api = client();
      // Both sign-ins at once: the Power Apps token is needed as soon as the id is known.
      void token('powerApps');
      const environmentId = options.environmentId
        ? Promise.resolve(options.environmentId.trim())
        : fetchEnvironmentId(api, endpoints);
      // Settled at once: it runs while the connections are listed.
      const importer = settle(
        importerObjectId(api, endpoints).catch(async (error: unknown) => {
          // A role without read on system users: the token's own oid claim still names it.
          const fromToken = await token('dataverse').then(tokenObjectId, () => undefined);
          if (fromToken) return fromToken;
          throw error;
        }),
        explainAll,
      );
      const listing = await settle(
        environmentId.then((id) => {
          summary.environmentId = id;
          return listConnections(api, endpoints, id);
        }),
        explainAll,
      );
      if (listing.ok) {
        summary.route = listing.value.route;
        summary.connectionsListed = listing.value.connections.size;
        summary.pages = listing.value.pages;
      }
      return { listing, importer: await importer };
    })());

  const results: StageResults = {
    endpoints,
    strict: options.mode === 'strict',
    listing: { ok: false, why: 'not asked' },
    importer: { ok: false, why: 'not asked' },
    permissions: new Map(),
    references: new Map(),
    variables: new Map(),
  };
  // What the environment must answer, over all pairs.
  const wanted = new Map<string, Candidate>();
  for (const { solution, settings: list } of pairs) {
    for (const settings of list.length === 0 ? [null] : list) {
      for (const c of candidatesOf(solution, settings).candidates) wanted.set(c.key, c);
    }
  }
  const referenceNames = new Map<string, string>();
  const variableNames = new Map<string, string>();
  for (const { solution } of pairs) {
    for (const dependency of solution.missingDependencies) {
      if (dependency.kind === 'connectionreference') {
        referenceNames.set(nameKey(dependency.name), dependency.name);
      } else if (dependency.kind === 'environmentvariable') {
        variableNames.set(nameKey(dependency.name), dependency.name);
      }
    }
    for (const variable of solution.environmentVariables) {
      variableNames.set(nameKey(variable.schemaName), variable.schemaName);
    }
  }

  try {
    const connectionWork = async () => {
      if (wanted.size === 0) return;
      const answers = await askEnvironment();
      results.listing = answers.listing;
      results.importer = answers.importer;
      if (!answers.listing.ok || !answers.importer.ok) return;
      const found = answers.listing.value;
      if (found.route !== 'admin') return;
      const importerId = answers.importer.value;
      // Permissions only where the listing does not settle it: not embedded, not the owner.
      await Promise.all(
        [...wanted.keys()].map(async (key) => {
          const connection = found.connections.get(key);
          if (!connection || connection.permissions || connection.createdById === importerId) {
            return;
          }
          results.permissions.set(
            key,
            await settle<ConnectionPermission[]>(
              fetchPermissions(client(), endpoints, summary.environmentId!, connection),
              explainAll,
            ),
          );
        }),
      );
    };
    const dependencyWork = async () => {
      await Promise.all([
        ...[...referenceNames].map(async ([key, name]) => {
          results.references.set(
            key,
            await settle(hasConnectionReference(client(), endpoints, name), explainAll),
          );
        }),
        ...[...variableNames].map(async ([key, name]) => {
          results.variables.set(
            key,
            await settle(variableDefinition(client(), endpoints, name), explainAll),
          );
        }),
      ]);
    };
    await Promise.all([connectionWork(), dependencyWork()]);
  } finally {
    close();
  }
  summary.ms = Date.now() - started;
  return {
    factsFor: (solution, settings) => buildFacts(results, solution, settings),
    summary,
    secrets: [
      ...credentialSecrets(options.credential),
      ...proxyPasswords(options.proxy, [...origins, endpoints.authorityHost]),
    ],
  };
}
