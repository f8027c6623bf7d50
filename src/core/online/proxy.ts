// Which proxy, if any, carries the online requests. Corporate networks and self-hosted agents
// reach Dataverse and the Power Apps API only through one. Without settings from the adapter
// (the Azure Pipelines agent's proxy), the process environment decides: HTTPS_PROXY (or
// ALL_PROXY) and NO_PROXY, read by proxy-from-env as curl and @azure/identity read them, so that
// sign-in and the requests take the same way.
import { Agent, type AgentOptions } from 'node:https';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';
import { oneLine } from '../text.js';

/** A proxy an adapter knows of (the Azure Pipelines agent's), instead of the environment's. */
export interface ProxySettings {
  /** `http://[user:password@]host:port`; the user and password go in Proxy-Authorization only. */
  url: string;
  /** Regular expressions on a target URL that is reached directly (the agent's bypass list). */
  bypass?: readonly RegExp[];
}

/** The proxy URL for a request to `target`, or undefined for a direct connection. */
export function proxyFor(target: URL, proxy: ProxySettings | undefined): string | undefined {
  if (proxy) {
    return proxy.bypass?.some((pattern) => pattern.test(target.href)) ? undefined : proxy.url;
  }
  return getProxyForUrl(target.href) || undefined;
}

/**
 * A proxy URL fit for messages: scheme, host and port, never the user or the password. A value
 * that is no URL is named as such rather than quoted, since it may hold a password too.
 */
export function describeProxy(url: string): string {
  try {
    const parsed = new URL(url);
    return oneLine(`${parsed.protocol}//${parsed.host}`, 200);
  } catch {
    return 'the proxy (its URL does not parse)';
  }
}

/**
 * https-proxy-agent with the agent's TLS options applied inside the tunnel: agent-base hands
 * connect() the request's options only, so a trusted CA's context given to the agent would not
 * reach the TLS session with the origin (measured: UNABLE_TO_VERIFY_LEAF_SIGNATURE).
 */
class TunnelAgent extends HttpsProxyAgent<string> {
  constructor(
    proxy: string,
    private readonly tls: AgentOptions,
  ) {
    super(proxy, tls);
  }

  override connect(...[request, options]: Parameters<HttpsProxyAgent<string>['connect']>) {
    const { secureContext } = this.tls;
    return super.connect(request, { ...options, ...(secureContext && { secureContext }) });
  }
}

/** The agent for HTTPS requests through `proxyUrl` (a CONNECT tunnel), or direct. */
export function httpsAgent(proxyUrl: string | undefined, options: AgentOptions): Agent {
  return proxyUrl ? (new TunnelAgent(proxyUrl, options) as unknown as Agent) : new Agent(options);
}

/** The passwords in the proxy URLs used for these origins: redacted from every message. */
export function proxyPasswords(
  proxy: ProxySettings | undefined,
  origins: readonly string[],
): string[] {
  const passwords = new Set<string>();
  for (const origin of origins) {
    const url = URL.canParse(origin) ? proxyFor(new URL(origin), proxy) : undefined;
    if (!url || !URL.canParse(url)) continue;
    const { password } = new URL(url);
    if (password) passwords.add(password).add(decodeURIComponent(password));
  }
  return [...passwords];
}
