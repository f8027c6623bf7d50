// The options of the online checks and their validation: light on purpose, since the engine
// imports it on every run, while the stage itself is loaded only when --environment is given.
import { UsageError } from '../errors.js';
import { oneLine } from '../text.js';
import type { OnlineCredential } from './credentials.js';
import { resolveEndpoints, type CloudName, type OnlineEndpoints } from './endpoints.js';
import type { ProxySettings } from './proxy.js';

export type OnlineMode = 'warn' | 'strict';

export const DEFAULT_ONLINE_TIMEOUT_MS = 60_000;

/** What the adapters hand the core to check the target (`--environment` and friends). */
export interface OnlineOptions {
  /** The target's Dataverse URL, e.g. `https://contoso-prod.crm4.dynamics.com`. */
  environmentUrl: string;
  /** `strict`: OL001 is an error (default `warn`). */
  mode?: OnlineMode;
  /** Default: inferred from the environment URL. */
  cloud?: CloudName;
  /** The environment id the Power Apps API uses; default: asked from Dataverse. */
  environmentId?: string;
  credential: OnlineCredential;
  /** For AZURE_AUTHORITY_HOST, CONNREF_GATE_POWERAPPS_URL, CONNREF_GATE_POWERAPPS_SCOPE. */
  env?: Record<string, string | undefined>;
  /** The whole stage's deadline (default 60 s). */
  timeoutMs?: number;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Attempts per request and the first backoff (defaults 4 and 500 ms). */
  retry?: { maxAttempts?: number; baseDelayMs?: number };
  /** Largest response body read (default 32 MiB). */
  maxResponseBytes?: number;
  /** An extra trusted CA (PEM) for this process; a new process takes NODE_EXTRA_CA_CERTS. */
  ca?: string;
  /** How the environment URL was given, for one-line errors (default `--environment`). */
  environmentOption?: string;
  /**
   * The adapter's proxy (the Azure Pipelines agent's). Without it, HTTPS_PROXY and NO_PROXY of
   * the process environment decide, for sign-in and the requests alike.
   */
  proxy?: ProxySettings;
}

/** How a message names a bad value of option or input `name` (`--online` or `online`). */
function badValue(name: string, raw: string): string {
  return name.startsWith('--') ? `bad ${name} ${raw}` : `input '${name}' is '${raw}'`;
}

/** `--online` / the `online` input: warn (the default, when not given) or strict. */
export function parseOnlineMode(raw: string | undefined, name: string): OnlineMode {
  const mode = (raw ?? 'warn').trim().toLowerCase();
  if (mode !== 'warn' && mode !== 'strict') {
    throw new UsageError(`${badValue(name, raw ?? '')}: use warn or strict`);
  }
  return mode;
}

/** `--online-timeout` / its input: seconds, in ms; undefined when not given (the default). */
export function parseOnlineTimeout(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(seconds > 0) || seconds > 3600) {
    throw new UsageError(`${badValue(name, raw ?? '')}: give seconds, e.g. 60 (at most 3600)`);
  }
  return Math.round(seconds * 1000);
}

/**
 * With the online checks off, the first of these options or inputs that holds something other
 * than its default (`defaults`: name -> default, lower case; the Azure DevOps agent fills in a
 * task.json default for every input a pipeline leaves out). Such a value would silently do
 * nothing, so the adapters refuse it.
 */
export function strayOnlineInput(
  defaults: Readonly<Record<string, string>>,
  value: (name: string) => string | undefined,
): string | undefined {
  return Object.keys(defaults).find((name) => {
    const given = value(name)?.trim().toLowerCase();
    return given !== undefined && given !== '' && given !== defaults[name];
  });
}

/** Validates what can be validated before anything is read (a UsageError, one line). */
export function prepareOnline(options: OnlineOptions): OnlineEndpoints {
  const endpoints = resolveEndpoints({
    environmentUrl: options.environmentUrl,
    ...(options.cloud && { cloud: options.cloud }),
    ...(options.env && { env: options.env }),
    ...(options.environmentOption && { environmentOption: options.environmentOption }),
  });
  const id = options.environmentId?.trim();
  if (id !== undefined && (id === '' || id.length > 200 || !/^[A-Za-z0-9_.-]+$/.test(id))) {
    throw new UsageError(
      `environment id '${oneLine(options.environmentId ?? '', 100)}' is not an environment id (letters, digits, - and _, e.g. Default-<tenant id> or a GUID)`,
    );
  }
  if (options.proxy !== undefined && !URL.canParse(options.proxy.url)) {
    throw new UsageError('the proxy URL does not parse: give it as http://host:port');
  }
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) {
    throw new UsageError('the online timeout must be a positive number of seconds');
  }
  return endpoints;
}
