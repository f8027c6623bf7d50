// The online checks' HTTP client: GET only, JSON only, each token pinned to the origin it was
// issued for, no redirect ever followed, a cap on the bytes read, retries of 429 and 5xx that
// honour Retry-After, a bounded number of requests in flight, and one deadline for everything.
//
// node:https rather than @azure/core-rest-pipeline (already loaded for @azure/identity): that
// pipeline follows redirects and buffers whole bodies, and its retries know no overall deadline;
// here a redirect, a foreign origin or a body past the cap must end the request before anything
// more is sent or read (docs/architecture.md, "Checking the target environment").
import { request as httpsRequest, type Agent } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { oneLine } from '../text.js';
import { describeProxy, httpsAgent, proxyFor, type ProxySettings } from './proxy.js';
import { TOOL_NAME, VERSION } from '../version.js';

/** Which token a request carries; each is only ever sent to its own origin. */
export type Audience = 'dataverse' | 'powerApps';

const AUDIENCE_NAMES: Record<Audience, string> = {
  dataverse: 'Dataverse',
  powerApps: 'the Power Apps API',
};

export type RequestErrorKind =
  'http' | 'network' | 'timeout' | 'redirect' | 'origin' | 'too-large' | 'malformed' | 'sign-in';

/** Why a request (or sign-in) failed, in words that can go into an OL001 message. */
export class OnlineRequestError extends Error {
  override name = 'OnlineRequestError';
  constructor(
    readonly kind: RequestErrorKind,
    message: string,
    readonly details: { status?: number; code?: string; serviceMessage?: string } = {},
  ) {
    super(message);
  }
}

/** Longest piece of a service's error text quoted in a message. */
const MAX_SERVICE_TEXT = 300;
/** Error bodies are read up to this size only: they are quoted, never processed. */
const MAX_ERROR_BYTES = 64 * 1024;

export interface HttpOptions {
  /** Aborted when the stage's deadline passes. */
  signal: AbortSignal;
  /** When the deadline passes (ms since the epoch): a retry that would end later is not made. */
  deadlineAt: number;
  origins: Record<Audience, string>;
  token(audience: Audience): Promise<string>;
  /** Requests in flight at once to each API (default 8). */
  concurrency?: number;
  /** Attempts per request, the first included (default 4). */
  maxAttempts?: number;
  /** First backoff when a 429 or 5xx carries no Retry-After (default 500 ms; doubles). */
  baseDelayMs?: number;
  /** Largest body read, decompressed (default 32 MiB). */
  maxResponseBytes?: number;
  /** Extra trusted CA certificates (PEM), besides Node's own and NODE_EXTRA_CA_CERTS. */
  ca?: string;
  /** The adapter's proxy; without it HTTPS_PROXY and NO_PROXY decide (proxy.ts). */
  proxy?: ProxySettings;
  /** Called for each request sent (for counts). */
  onRequest?(audience: Audience, url: URL): void;
}

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

interface RawResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);
const RETRIED_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'EAI_AGAIN']);

/** Delay asked for by Retry-After (seconds or an HTTP date), in ms, or undefined. */
export function retryAfterMs(
  value: string | string[] | undefined,
  now = Date.now(),
): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `value` as a JSON object, or undefined for anything else (an array, a string, null). */
export function jsonObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `code: message` of an error body (`{"error": {…}}` or a bare `{"code", "message"}`), bounded. */
export function serviceError(body: Buffer): { code?: string; message?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      body
        .subarray(0, MAX_ERROR_BYTES)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
  } catch {
    const text = body.subarray(0, MAX_ERROR_BYTES).toString('utf8').trim();
    return text && !/^\s*</.test(text) ? { message: oneLine(text, MAX_SERVICE_TEXT) } : {};
  }
  const top = jsonObject(parsed);
  const inner = jsonObject(top?.['error']) ?? top;
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() !== ''
      ? oneLine(value.trim(), MAX_SERVICE_TEXT)
      : undefined;
  const code =
    text(inner?.['code']) ?? (typeof top?.['error'] === 'string' ? text(top['error']) : undefined);
  const message = text(inner?.['message']) ?? text(top?.['error_description']);
  return { ...(code && { code }), ...(message && { message }) };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function decoded(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '')
    .toLowerCase()
    .trim();
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(createGunzip());
  if (encoding === 'deflate') return response.pipe(createInflate());
  if (encoding === 'br') return response.pipe(createBrotliDecompress());
  return response;
}

const contexts = new Map<string, SecureContext>();
let defaultSecureContext: SecureContext | undefined;

/** Node's own trust (its CAs and NODE_EXTRA_CA_CERTS), as a context made once. */
function defaultContext(): SecureContext {
  return (defaultSecureContext ??= createSecureContext());
}

/**
 * A TLS context that trusts Node's CAs and `ca` too, made once: a `ca` list given per request
 * makes Node parse every root certificate again for each connection (about 100 ms).
 */
export function trustingContext(ca: string): SecureContext {
  let context = contexts.get(ca);
  if (!context) {
    context = createSecureContext({ ca: [...rootCertificates, ca] });
    contexts.set(ca, context);
  }
  return context;
}

export class OnlineHttp {
  /** One per API: each has its own origin, so each may or may not go through a proxy. */
  private readonly agents: Record<Audience, Agent>;
  private readonly proxies: Record<Audience, string | undefined>;
  /** One pool per API: the listing's pages must not queue behind a hundred Dataverse look-ups. */
  private readonly semaphores: Record<Audience, Semaphore>;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxResponseBytes: number;

  constructor(private readonly options: HttpOptions) {
    const concurrency = Math.max(1, options.concurrency ?? 8);
    this.semaphores = {
      dataverse: new Semaphore(concurrency),
      powerApps: new Semaphore(concurrency),
    };
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.baseDelayMs = Math.max(0, options.baseDelayMs ?? 500);
    this.maxResponseBytes = options.maxResponseBytes ?? 32 * 1024 * 1024;
    const agentOptions = {
      keepAlive: true,
      // Per origin, as the pools are.
      maxSockets: concurrency,
      // One TLS context for every connection: without it Node builds one per connection. Through
      // a proxy it serves the TLS session inside the tunnel, with the origin.
      secureContext: options.ca ? trustingContext(options.ca) : defaultContext(),
    };
    const proxyOf = (audience: Audience) => {
      const origin = options.origins[audience];
      return origin ? proxyFor(new URL(origin), options.proxy) : undefined;
    };
    this.proxies = { dataverse: proxyOf('dataverse'), powerApps: proxyOf('powerApps') };
    this.agents = {
      dataverse: httpsAgent(this.proxies.dataverse, agentOptions),
      powerApps: httpsAgent(this.proxies.powerApps, agentOptions),
    };
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agents.dataverse.destroy();
    this.agents.powerApps.destroy();
  }

  /**
   * GETs `url` with the token of `audience` and returns the parsed JSON. Throws
   * OnlineRequestError; a URL outside the audience's origin is refused before anything is sent.
   */
  async getJson(audience: Audience, url: URL): Promise<unknown> {
    const where = AUDIENCE_NAMES[audience];
    if (url.protocol !== 'https:' || url.origin !== this.options.origins[audience]) {
      throw new OnlineRequestError(
        'origin',
        `${where} pointed to ${oneLine(url.origin, 200)}, another origin than ${this.options.origins[audience]}; not followed, so that its token goes nowhere else`,
      );
    }
    for (let attempt = 1; ; attempt++) {
      let response: RawResponse;
      try {
        response = await this.send(audience, url);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (
          error instanceof OnlineRequestError ||
          !RETRIED_ERRORS.has(code ?? '') ||
          attempt >= this.maxAttempts
        ) {
          throw this.asRequestError(error, where, audience);
        }
        await this.wait(this.backoff(attempt), where, 'the connection failed');
        continue;
      }
      const { status } = response;
      if (status >= 200 && status < 300) return this.parse(response.body, where);
      if (status >= 300 && status < 400) {
        const location = String(response.headers.location ?? '');
        let target = 'elsewhere';
        try {
          target = new URL(location, url).origin;
        } catch {
          // an unparsable Location is still a redirect that is not followed
        }
        throw new OnlineRequestError(
          'redirect',
          `${where} answered HTTP ${status}, a redirect to ${oneLine(target, 200)}; redirects are not followed with a token`,
          { status },
        );
      }
      const service = serviceError(response.body);
      if (RETRIED_STATUSES.has(status) && attempt < this.maxAttempts) {
        const asked = retryAfterMs(response.headers['retry-after']);
        await this.wait(asked ?? this.backoff(attempt), where, `it answered HTTP ${status}`);
        continue;
      }
      const quoted = [service.code, service.message].filter(Boolean).join(': ');
      const retried = RETRIED_STATUSES.has(status) ? ` after ${attempt} attempts` : '';
      throw new OnlineRequestError(
        'http',
        `${where} answered HTTP ${status}${retried}${quoted ? ` (${quoted})` : ''}`,
        {
          status,
          ...(service.code && { code: service.code }),
          ...(service.message && { serviceMessage: service.message }),
        },
      );
    }
  }

  private backoff(attempt: number): number {
    // Exponential with jitter, so that parallel requests do not come back in step.
    return Math.round(this.baseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
  }

  private async wait(ms: number, where: string, why: string): Promise<void> {
    if (Date.now() + ms >= this.options.deadlineAt) {
      throw new OnlineRequestError(
        'timeout',
        `${where} could not be read before the deadline: ${why}, and the retry would come after it (wait ${Math.ceil(ms / 1000)} s)`,
      );
    }
    try {
      await sleep(ms, this.options.signal);
    } catch (error) {
      throw this.asRequestError(error, where);
    }
  }

  private asRequestError(error: unknown, where: string, audience?: Audience): OnlineRequestError {
    if (error instanceof OnlineRequestError) return error;
    if (this.options.signal.aborted) {
      return new OnlineRequestError('timeout', `${where} did not answer before the deadline`);
    }
    const code = (error as NodeJS.ErrnoException).code;
    const message = error instanceof Error ? error.message : String(error);
    const proxy = audience === undefined ? undefined : this.proxies[audience];
    const through = proxy ? ` through the proxy ${describeProxy(proxy)}` : '';
    return new OnlineRequestError(
      'network',
      `${where} could not be reached${through} (${oneLine(code ? `${code}: ${message}` : message, MAX_SERVICE_TEXT)})`,
    );
  }

  private parse(body: Buffer, where: string): unknown {
    try {
      return JSON.parse(body.toString('utf8').replace(/^\uFEFF/, '')) as unknown;
    } catch {
      throw new OnlineRequestError(
        'malformed',
        `${where} answered with something that is not JSON`,
      );
    }
  }

  private async send(audience: Audience, url: URL): Promise<RawResponse> {
    const semaphore = this.semaphores[audience];
    await semaphore.acquire();
    try {
      const token = await this.options.token(audience);
      if (this.options.signal.aborted) throw this.options.signal.reason;
      this.options.onRequest?.(audience, url);
      return await this.exchange(audience, url, token);
    } finally {
      semaphore.release();
    }
  }

  private exchange(audience: Audience, url: URL, token: string): Promise<RawResponse> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'Accept-Encoding': 'gzip, deflate, br',
      'User-Agent': `${TOOL_NAME}/${VERSION}`,
    };
    if (audience === 'dataverse') {
      headers['OData-MaxVersion'] = '4.0';
      headers['OData-Version'] = '4.0';
    }
    const limit = this.maxResponseBytes;
    const where = AUDIENCE_NAMES[audience];
    return new Promise<RawResponse>((resolve, reject) => {
      const req = httpsRequest(url, {
        method: 'GET',
        headers,
        agent: this.agents[audience],
        signal: this.options.signal,
      });
      // A proxy that refuses the tunnel has its own answer replayed as the response: it must not
      // pass for the service's (a 403 from a proxy is no missing permission in the target).
      let refusedTunnel: { statusCode: number; statusText?: string } | undefined;
      req.on('proxyConnect', (connect: { statusCode: number; statusText?: string }) => {
        if (connect.statusCode !== 200) refusedTunnel = connect;
      });
      req.on('error', reject);
      req.on('response', (response) => {
        if (refusedTunnel) {
          response.resume();
          const { statusCode, statusText } = refusedTunnel;
          const proxy = describeProxy(this.proxies[audience] ?? '');
          reject(
            new OnlineRequestError(
              'network',
              `the proxy ${proxy} refused the connection to ${where} (HTTP ${statusCode}${statusText ? ` ${oneLine(statusText, 100)}` : ''})${statusCode === 407 ? ': it asks for credentials; give them in the proxy URL (http://user:password@host:port)' : ''}`,
              { status: statusCode },
            ),
          );
          return;
        }
        const status = response.statusCode ?? 0;
        // A body that is only quoted (an error) is read to a much smaller cap.
        const cap = status >= 200 && status < 300 ? limit : MAX_ERROR_BYTES;
        let stream: Readable;
        try {
          stream = decoded(response);
        } catch (error) {
          reject(error as Error);
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          resolve({ status, headers: response.headers, body: Buffer.concat(chunks) });
        };
        stream.on('data', (chunk: Buffer) => {
          if (done) return;
          size += chunk.length;
          if (size > cap) {
            if (cap === MAX_ERROR_BYTES) {
              // Enough to quote: keep what fits and stop reading.
              chunks.push(chunk.subarray(0, chunk.length - (size - cap)));
              finish();
            } else {
              done = true;
              reject(
                new OnlineRequestError(
                  'too-large',
                  `${where} answered with more than ${Math.round(cap / (1024 * 1024))} MiB; not read further`,
                ),
              );
            }
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        stream.on('end', finish);
        stream.on('error', (error) => {
          if (done) return;
          done = true;
          reject(
            new OnlineRequestError(
              'malformed',
              `${where} sent a body that could not be read (${oneLine(error.message, 200)})`,
            ),
          );
        });
        response.on('aborted', () => {
          if (done) return;
          done = true;
          reject(new OnlineRequestError('network', `${where} closed the connection mid-answer`));
        });
      });
      req.end();
    });
  }
}
