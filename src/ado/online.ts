// The task's online settings: a Power Platform service connection (type powerplatform-spn, the
// one Power Platform Build Tools uses) and the options of the online checks. Secrets are
// registered with the agent's masker the moment they are read, before anything can log them.
import { readFileSync } from 'node:fs';
import * as tl from 'azure-pipelines-task-lib/task.js';
import { UsageError } from '../core/errors.js';
import type { OnlineCredential } from '../core/online/credentials.js';
import { parseCloud } from '../core/online/endpoints.js';
import {
  parseOnlineMode,
  parseOnlineTimeout,
  strayOnlineInput,
  type OnlineOptions,
} from '../core/online/options.js';
import type { ProxySettings } from '../core/online/proxy.js';

/**
 * The inputs that only mean something with a service connection, with their task.json defaults
 * (lower case): the agent fills in a default for every input a pipeline leaves out.
 */
const ONLINE_INPUTS: Record<string, string> = {
  environmentUrl: '',
  online: 'warn',
  cloud: 'auto',
  environmentId: '',
  onlineTimeout: '60',
};
const SERVICE_CONNECTION_INPUT = 'powerPlatformSPN';

/**
 * The job's access token: the `SystemVssConnection` endpoint the agent always provides, else
 * `System.AccessToken` mapped into the environment. Masked as soon as it is read. The pull-request
 * thread and workload identity federation both use it.
 */
export function systemAccessToken(): string | undefined {
  let token: string | undefined;
  try {
    // getEndpointAuthorization logs only whether the endpoint exists, never the token.
    token = tl.getEndpointAuthorization('SystemVssConnection', true)?.parameters?.['AccessToken'];
  } catch {
    token = undefined;
  }
  token ||= process.env['SYSTEM_ACCESSTOKEN'] || undefined;
  if (token) tl.setSecret(token);
  return token;
}

/**
 * The credential of a powerplatform-spn service connection: scheme `None` (tenantId,
 * applicationId, clientSecret) or `WorkloadIdentityFederation` (tenantid, serviceprincipalid,
 * with the job's token for the OIDC exchange). Read through getEndpointAuthorization, which logs
 * only whether the endpoint exists (getEndpointAuthorizationParameter debug-logs the value).
 */
function serviceConnectionCredential(id: string): OnlineCredential {
  let authorization: tl.EndpointAuthorization | undefined;
  try {
    authorization = tl.getEndpointAuthorization(id, true);
  } catch {
    // Its message would quote the value: say only what is wrong.
    throw new UsageError(
      `the service connection in '${SERVICE_CONNECTION_INPUT}' has authorization data that is not JSON`,
    );
  }
  if (!authorization) {
    throw new UsageError(
      `the service connection '${id}' in '${SERVICE_CONNECTION_INPUT}' has no authorization: authorize the pipeline to use it`,
    );
  }
  const parameters = authorization.parameters ?? {};
  const parameter = (...names: string[]) => {
    for (const name of names) {
      const key = Object.keys(parameters).find((k) => k.toLowerCase() === name.toLowerCase());
      const value = key === undefined ? undefined : parameters[key]?.trim();
      if (value) return value;
    }
    return undefined;
  };
  // Masked first: nothing below may log it before the agent knows it is a secret.
  const secret = parameter('clientSecret');
  if (secret) tl.setSecret(secret);
  const scheme = (authorization.scheme ?? '').trim();
  const lacking = (names: string[]) =>
    new UsageError(
      `the service connection in '${SERVICE_CONNECTION_INPUT}' (scheme ${scheme || 'None'}) lacks ${names.join(' and ')}: edit it in the project settings`,
    );
  if (/^workloadidentityfederation$/i.test(scheme)) {
    const tenantId = parameter('tenantid');
    const clientId = parameter('serviceprincipalid');
    const missing = [!tenantId && 'tenantid', !clientId && 'serviceprincipalid'].filter(
      (name): name is string => typeof name === 'string',
    );
    if (missing.length > 0) throw lacking(missing);
    const token = systemAccessToken();
    if (!token) {
      return {
        kind: 'none',
        why: 'workload identity federation needs the job access token (SystemVssConnection), which the agent did not provide',
      };
    }
    return {
      kind: 'azure-pipelines',
      tenantId: tenantId!,
      clientId: clientId!,
      serviceConnectionId: id,
      systemAccessToken: token,
    };
  }
  if (/^managedserviceidentity$/i.test(scheme)) {
    // Build Tools' scheme: the agent's own (system-assigned) identity, as `pac auth create
    // --managedIdentity` uses it; the connection holds no client id.
    return { kind: 'managed-identity' };
  }
  const tenantId = parameter('tenantId');
  const clientId = parameter('applicationId');
  const missing = [
    !tenantId && 'tenantId',
    !clientId && 'applicationId',
    !secret && 'clientSecret',
  ].filter((name): name is string => typeof name === 'string');
  if (missing.length > 0) throw lacking(missing);
  return { kind: 'client-secret', tenantId: tenantId!, clientId: clientId!, clientSecret: secret! };
}

/**
 * The agent's proxy (Agent.ProxyUrl, its credentials and bypass list): a self-hosted agent's
 * proxy is in these variables, not in HTTPS_PROXY. Read from the environment as task-lib's
 * getHttpProxyConfiguration reads them, but without it: it debug-logs the password in plain
 * before anything could mask it.
 */
function agentProxy(): ProxySettings | undefined {
  const variable = (name: string) => process.env[name]?.trim() || undefined;
  const password = process.env['AGENT_PROXYPASSWORD'] || undefined;
  if (password) tl.setSecret(password);
  const proxyUrl = variable('AGENT_PROXYURL');
  if (!proxyUrl) return undefined;
  let url: URL;
  try {
    url = new URL(proxyUrl);
  } catch {
    throw new UsageError(
      "the agent's proxy URL (Agent.ProxyUrl) does not parse: fix the agent's proxy settings",
    );
  }
  // The URL setters percent-encode what a user name or password may hold (@, :, /, \\).
  const user = variable('AGENT_PROXYUSERNAME');
  if (user) url.username = user;
  if (user && password) url.password = password;
  if (url.password) tl.setSecret(url.password);
  let patterns: unknown;
  try {
    patterns = JSON.parse(variable('AGENT_PROXYBYPASSLIST') ?? '[]');
  } catch {
    patterns = [];
  }
  const bypass = (Array.isArray(patterns) ? patterns : []).flatMap((pattern) => {
    try {
      return typeof pattern === 'string' ? [new RegExp(pattern, 'i')] : [];
    } catch {
      return [];
    }
  });
  return { url: url.href, bypass };
}

/** The CA certificates the agent is told to trust (Agent.CAInfo), for a TLS-inspecting proxy. */
function agentCa(): string | undefined {
  const file = tl.getVariable('Agent.CAInfo')?.trim();
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(
      `the agent's CA file ${file} (Agent.CAInfo) cannot be read: fix the agent's certificate settings`,
    );
  }
}

/**
 * The online options, or undefined without a service connection. An online input without one is
 * a UsageError: the check would silently not run.
 */
export function readOnlineSettings(
  command: 'check' | 'init-check',
  input: (name: string) => string | undefined,
): OnlineOptions | undefined {
  const connection = input(SERVICE_CONNECTION_INPUT);
  if (!connection) {
    const stray = strayOnlineInput(ONLINE_INPUTS, input);
    if (stray) {
      throw new UsageError(
        `input '${stray}' is for the online checks: give '${SERVICE_CONNECTION_INPUT}', a Power Platform service connection to the target environment`,
      );
    }
    return undefined;
  }
  if (command === 'init-check') {
    throw new UsageError(
      `input '${SERVICE_CONNECTION_INPUT}' is for command 'check': 'init --check' compares the settings with the solution and asks no environment`,
    );
  }
  const credential = serviceConnectionCredential(connection);
  const givenUrl = input('environmentUrl');
  const environmentUrl = givenUrl ?? tl.getEndpointUrl(connection, true)?.trim();
  if (!environmentUrl) {
    throw new UsageError(
      `the service connection in '${SERVICE_CONNECTION_INPUT}' has no server URL: set it to the environment URL, or give 'environmentUrl'`,
    );
  }
  const mode = parseOnlineMode(input('online'), 'online');
  const cloudText = input('cloud');
  const timeoutMs = parseOnlineTimeout(input('onlineTimeout'), 'onlineTimeout');
  const environmentId = input('environmentId');
  const proxy = agentProxy();
  const ca = agentCa();
  return {
    environmentUrl: environmentUrl.replace(/\/+$/, ''),
    environmentOption: givenUrl ? "input 'environmentUrl'" : 'the service connection URL',
    mode,
    ...(cloudText &&
      cloudText.toLowerCase() !== 'auto' && { cloud: parseCloud(cloudText, "input 'cloud'") }),
    ...(environmentId && { environmentId }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    credential,
    env: process.env,
    ...(proxy && { proxy }),
    ...(ca && { ca }),
  };
}
