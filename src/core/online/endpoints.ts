// Where the online checks go: the target's Dataverse URL, the Power Apps API, Entra ID, and the
// token scope of each, by cloud (ONLINE.md section 6). Every endpoint can be moved (sovereign
// clouds, a local fake): AZURE_AUTHORITY_HOST, CONNREF_GATE_POWERAPPS_URL and
// CONNREF_GATE_POWERAPPS_SCOPE, and the environment URL itself.
import { UsageError } from '../errors.js';

const CLOUDS = ['Public', 'UsGov', 'UsGovHigh', 'UsGovDod', 'China'] as const;
export type CloudName = (typeof CLOUDS)[number];

interface CloudDefaults {
  authorityHost: string;
  powerAppsUrl: string;
  /** Sources disagree for GCC and GCC High (ONLINE.md): overridable with CONNREF_GATE_POWERAPPS_SCOPE. */
  powerAppsScope: string;
  /** The audience of a GitHub OIDC token exchanged for an Entra ID token in this cloud. */
  oidcAudience: string;
}

const DEFAULTS: Record<CloudName, CloudDefaults> = {
  Public: {
    authorityHost: 'https://login.microsoftonline.com',
    powerAppsUrl: 'https://api.powerapps.com',
    powerAppsScope: 'https://service.powerapps.com/.default',
    oidcAudience: 'api://AzureADTokenExchange',
  },
  UsGov: {
    authorityHost: 'https://login.microsoftonline.com',
    powerAppsUrl: 'https://gov.api.powerapps.us',
    powerAppsScope: 'https://gov.service.powerapps.us/.default',
    oidcAudience: 'api://AzureADTokenExchangeUSGov',
  },
  UsGovHigh: {
    authorityHost: 'https://login.microsoftonline.us',
    powerAppsUrl: 'https://high.api.powerapps.us',
    powerAppsScope: 'https://high.service.powerapps.us/.default',
    oidcAudience: 'api://AzureADTokenExchangeUSGov',
  },
  UsGovDod: {
    authorityHost: 'https://login.microsoftonline.us',
    powerAppsUrl: 'https://api.apps.appsplatform.us',
    powerAppsScope: 'https://service.apps.appsplatform.us/.default',
    oidcAudience: 'api://AzureADTokenExchangeUSGov',
  },
  China: {
    authorityHost: 'https://login.chinacloudapi.cn',
    powerAppsUrl: 'https://api.powerapps.cn',
    powerAppsScope: 'https://service.powerapps.cn/.default',
    oidcAudience: 'api://AzureADTokenExchangeChina',
  },
};

/** Entra ID hosts that MSAL knows; any other needs `disableInstanceDiscovery` (ONLINE.md 5). */
const KNOWN_AUTHORITY_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.microsoft.com',
  'login.windows.net',
  'sts.windows.net',
]);

/** The cloud name as given (any case), or a UsageError naming `what` (`--cloud`, input `cloud`). */
export function parseCloud(raw: string, what: string): CloudName {
  const value = raw.trim().toLowerCase();
  const cloud = CLOUDS.find((name) => name.toLowerCase() === value);
  if (cloud === undefined) {
    throw new UsageError(`${what} is '${raw}': use one of ${CLOUDS.join(', ')}`);
  }
  return cloud;
}

/**
 * The cloud of a Dataverse host, as Power Platform Build Tools infers it (`resolveCloudInstance`):
 * the host without its first label. Unknown domains (a local fake) are Public.
 */
export function inferCloud(host: string): CloudName {
  const labels = host.toLowerCase().split('.');
  const domain = labels.slice(1).join('.');
  if (domain === 'crm9.dynamics.com') return 'UsGov';
  if (domain === 'crm.microsoftdynamics.us') return 'UsGovHigh';
  if (domain === 'crm.appsplatform.us') return 'UsGovDod';
  if (domain === 'crm.dynamics.cn') return 'China';
  return 'Public';
}

/**
 * An https URL whose origin (and, where allowed, path prefix) is all that is used. `what` names
 * the option or variable in the one-line error.
 */
function httpsUrl(raw: string, what: string, allowPath: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(`${what} '${raw}' is not a URL: give https://host`);
  }
  if (url.protocol !== 'https:') {
    throw new UsageError(`${what} '${raw}' is not https: tokens are only sent over https`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new UsageError(`${what} must not hold a user name or password`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new UsageError(`${what} '${raw}' must not have a query or fragment`);
  }
  if (!allowPath && url.pathname !== '/') {
    throw new UsageError(
      `${what} '${raw}' has a path: give only the environment's address, e.g. https://contoso.crm4.dynamics.com`,
    );
  }
  return url;
}

export interface OnlineEndpoints {
  cloud: CloudName;
  /** The environment URL as the user gave it, without a trailing slash: OL001's subject. */
  environmentUrl: string;
  /** `https://contoso.crm4.dynamics.com`: where the Dataverse token may go. */
  dataverseOrigin: string;
  dataverseScope: string;
  /** Base of the Power Apps API calls, without a trailing slash (may hold a path prefix). */
  powerAppsUrl: string;
  /** Where the Power Apps token may go. */
  powerAppsOrigin: string;
  powerAppsScope: string;
  /** Entra ID, without a trailing slash. */
  authorityHost: string;
  /** True when the authority host is not one MSAL knows (a fake, a private cloud). */
  disableInstanceDiscovery: boolean;
  oidcAudience: string;
}

export interface EndpointOptions {
  environmentUrl: string;
  /** Default: inferred from the environment URL's domain. */
  cloud?: CloudName;
  /** The process environment: AZURE_AUTHORITY_HOST, CONNREF_GATE_POWERAPPS_URL, CONNREF_GATE_POWERAPPS_SCOPE. */
  env?: Record<string, string | undefined>;
  /** Name of the option that gave the environment URL, for errors (default `--environment`). */
  environmentOption?: string;
}

/** A variable of `env`, trimmed; undefined when unset or blank. */
export function envValue(
  env: Record<string, string | undefined>,
  name: string,
): string | undefined {
  const value = Object.hasOwn(env, name) ? env[name]?.trim() : undefined;
  return value ? value : undefined;
}

/** Resolves and validates every endpoint; a UsageError (one line) for a bad value. */
export function resolveEndpoints(options: EndpointOptions): OnlineEndpoints {
  const env = options.env ?? {};
  const environment = httpsUrl(
    options.environmentUrl,
    options.environmentOption ?? '--environment',
    false,
  );
  const cloud = options.cloud ?? inferCloud(environment.hostname);
  const defaults = DEFAULTS[cloud];

  const authorityRaw = envValue(env, 'AZURE_AUTHORITY_HOST') ?? defaults.authorityHost;
  const authority = httpsUrl(authorityRaw, 'AZURE_AUTHORITY_HOST', true);
  const powerAppsRaw = envValue(env, 'CONNREF_GATE_POWERAPPS_URL') ?? defaults.powerAppsUrl;
  const powerApps = httpsUrl(powerAppsRaw, 'CONNREF_GATE_POWERAPPS_URL', true);
  const scope = envValue(env, 'CONNREF_GATE_POWERAPPS_SCOPE') ?? defaults.powerAppsScope;
  if (/\s/.test(scope) || !/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i.test(scope)) {
    throw new UsageError(
      `CONNREF_GATE_POWERAPPS_SCOPE '${scope}' is not a scope such as https://service.powerapps.com/.default`,
    );
  }
  const strip = (url: URL) => `${url.origin}${url.pathname.replace(/\/+$/, '')}`;

  return {
    cloud,
    environmentUrl: environment.origin,
    dataverseOrigin: environment.origin,
    dataverseScope: `${environment.origin}/.default`,
    powerAppsUrl: strip(powerApps),
    powerAppsOrigin: powerApps.origin,
    powerAppsScope: scope,
    authorityHost: strip(authority),
    disableInstanceDiscovery: !KNOWN_AUTHORITY_HOSTS.has(authority.hostname.toLowerCase()),
    oidcAudience: defaults.oidcAudience,
  };
}
