export const id = 509;
export const ids = [509];
export const modules = {

/***/ 7509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runOnlineStage: () => (/* binding */ runOnlineStage)
});

// EXTERNAL MODULE: ./src/core/rules/helpers.ts
var helpers = __webpack_require__(8046);
// EXTERNAL MODULE: ./src/core/online/credentials.ts
var credentials = __webpack_require__(649);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/https-proxy-agent/dist/index.js
var dist = __webpack_require__(3669);
// EXTERNAL MODULE: ./node_modules/proxy-from-env/index.js
var proxy_from_env = __webpack_require__(8182);
;// CONCATENATED MODULE: ./src/core/online/proxy.ts
// Which proxy, if any, carries the online requests. Corporate networks and self-hosted agents
// reach Dataverse and the Power Apps API only through one. Without settings from the adapter
// (the Azure Pipelines agent's proxy), the process environment decides: HTTPS_PROXY (or
// ALL_PROXY) and NO_PROXY, read by proxy-from-env as curl and @azure/identity read them, so that
// sign-in and the requests take the same way.




/** The proxy URL for a request to `target`, or undefined for a direct connection. */
function proxyFor(target, proxy) {
    if (proxy) {
        return proxy.bypass?.some((pattern) => pattern.test(target.href)) ? undefined : proxy.url;
    }
    return (0,proxy_from_env/* getProxyForUrl */.T)(target.href) || undefined;
}
/**
 * A proxy URL fit for messages: scheme, host and port, never the user or the password. A value
 * that is no URL is named as such rather than quoted, since it may hold a password too.
 */
function describeProxy(url) {
    try {
        const parsed = new URL(url);
        return (0,core_text/* oneLine */.TN)(`${parsed.protocol}//${parsed.host}`, 200);
    }
    catch {
        return 'the proxy (its URL does not parse)';
    }
}
/**
 * https-proxy-agent with the agent's TLS options applied inside the tunnel: agent-base hands
 * connect() the request's options only, so a trusted CA's context given to the agent would not
 * reach the TLS session with the origin (measured: UNABLE_TO_VERIFY_LEAF_SIGNATURE).
 */
class TunnelAgent extends dist.HttpsProxyAgent {
    tls;
    constructor(proxy, tls) {
        super(proxy, tls);
        this.tls = tls;
    }
    connect(...[request, options]) {
        const { secureContext } = this.tls;
        return super.connect(request, { ...options, ...(secureContext && { secureContext }) });
    }
}
/** The agent for HTTPS requests through `proxyUrl` (a CONNECT tunnel), or direct. */
function httpsAgent(proxyUrl, options) {
    return proxyUrl ? new TunnelAgent(proxyUrl, options) : new external_node_https_.Agent(options);
}
/** The passwords in the proxy URLs used for these origins: redacted from every message. */
function proxyPasswords(proxy, origins) {
    const passwords = new Set();
    for (const origin of origins) {
        const url = URL.canParse(origin) ? proxyFor(new URL(origin), proxy) : undefined;
        if (!url || !URL.canParse(url))
            continue;
        const { password } = new URL(url);
        if (password)
            passwords.add(password).add(decodeURIComponent(password));
    }
    return [...passwords];
}

// EXTERNAL MODULE: ./src/core/version.ts
var version = __webpack_require__(3323);
;// CONCATENATED MODULE: ./src/core/online/http.ts
// The online checks' HTTP client: GET only, JSON only, each token pinned to the origin it was
// issued for, no redirect ever followed, a cap on the bytes read, retries of 429 and 5xx that
// honour Retry-After, a bounded number of requests in flight, and one deadline for everything.
//
// node:https rather than @azure/core-rest-pipeline (already loaded for @azure/identity): that
// pipeline follows redirects and buffers whole bodies, and its retries know no overall deadline;
// here a redirect, a foreign origin or a body past the cap must end the request before anything
// more is sent or read (docs/architecture.md, "Checking the target environment").






const AUDIENCE_NAMES = {
    dataverse: 'Dataverse',
    powerApps: 'the Power Apps API',
};
/** Why a request (or sign-in) failed, in words that can go into an OL001 message. */
class OnlineRequestError extends Error {
    kind;
    details;
    name = 'OnlineRequestError';
    constructor(kind, message, details = {}) {
        super(message);
        this.kind = kind;
        this.details = details;
    }
}
/** Longest piece of a service's error text quoted in a message. */
const MAX_SERVICE_TEXT = 300;
/** Error bodies are read up to this size only: they are quoted, never processed. */
const MAX_ERROR_BYTES = 64 * 1024;
class Semaphore {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    async acquire() {
        if (this.active < this.limit) {
            this.active++;
            return;
        }
        await new Promise((resolve) => this.waiting.push(resolve));
    }
    release() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.active--;
    }
}
const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);
const RETRIED_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'EAI_AGAIN']);
/** Delay asked for by Retry-After (seconds or an HTTP date), in ms, or undefined. */
function retryAfterMs(value, now = Date.now()) {
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!text)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** `value` as a JSON object, or undefined for anything else (an array, a string, null). */
function jsonObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
/** `code: message` of an error body (`{"error": {…}}` or a bare `{"code", "message"}`), bounded. */
function serviceError(body) {
    let parsed;
    try {
        parsed = JSON.parse(body
            .subarray(0, MAX_ERROR_BYTES)
            .toString('utf8')
            .replace(/^\uFEFF/, ''));
    }
    catch {
        const text = body.subarray(0, MAX_ERROR_BYTES).toString('utf8').trim();
        return text && !/^\s*</.test(text) ? { message: (0,core_text/* oneLine */.TN)(text, MAX_SERVICE_TEXT) } : {};
    }
    const top = jsonObject(parsed);
    const inner = jsonObject(top?.['error']) ?? top;
    const text = (value) => typeof value === 'string' && value.trim() !== ''
        ? (0,core_text/* oneLine */.TN)(value.trim(), MAX_SERVICE_TEXT)
        : undefined;
    const code = text(inner?.['code']) ?? (typeof top?.['error'] === 'string' ? text(top['error']) : undefined);
    const message = text(inner?.['message']) ?? text(top?.['error_description']);
    return { ...(code && { code }), ...(message && { message }) };
}
function sleep(ms, signal) {
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
function decoded(response) {
    const encoding = String(response.headers['content-encoding'] ?? '')
        .toLowerCase()
        .trim();
    if (encoding === 'gzip' || encoding === 'x-gzip')
        return response.pipe((0,external_node_zlib_.createGunzip)());
    if (encoding === 'deflate')
        return response.pipe((0,external_node_zlib_.createInflate)());
    if (encoding === 'br')
        return response.pipe((0,external_node_zlib_.createBrotliDecompress)());
    return response;
}
const contexts = new Map();
let defaultSecureContext;
/** Node's own trust (its CAs and NODE_EXTRA_CA_CERTS), as a context made once. */
function defaultContext() {
    return (defaultSecureContext ??= (0,external_node_tls_.createSecureContext)());
}
/**
 * A TLS context that trusts Node's CAs and `ca` too, made once: a `ca` list given per request
 * makes Node parse every root certificate again for each connection (about 100 ms).
 */
function trustingContext(ca) {
    let context = contexts.get(ca);
    if (!context) {
        context = (0,external_node_tls_.createSecureContext)({ ca: [...external_node_tls_.rootCertificates, ca] });
        contexts.set(ca, context);
    }
    return context;
}
class OnlineHttp {
    options;
    /** One per API: each has its own origin, so each may or may not go through a proxy. */
    agents;
    proxies;
    /** One pool per API: the listing's pages must not queue behind a hundred Dataverse look-ups. */
    semaphores;
    maxAttempts;
    baseDelayMs;
    maxResponseBytes;
    constructor(options) {
        this.options = options;
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
        const proxyOf = (audience) => {
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
    close() {
        this.agents.dataverse.destroy();
        this.agents.powerApps.destroy();
    }
    /**
     * GETs `url` with the token of `audience` and returns the parsed JSON. Throws
     * OnlineRequestError; a URL outside the audience's origin is refused before anything is sent.
     */
    async getJson(audience, url) {
        const where = AUDIENCE_NAMES[audience];
        if (url.protocol !== 'https:' || url.origin !== this.options.origins[audience]) {
            throw new OnlineRequestError('origin', `${where} pointed to ${(0,core_text/* oneLine */.TN)(url.origin, 200)}, another origin than ${this.options.origins[audience]}; not followed, so that its token goes nowhere else`);
        }
        for (let attempt = 1;; attempt++) {
            let response;
            try {
                response = await this.send(audience, url);
            }
            catch (error) {
                const code = error.code;
                if (error instanceof OnlineRequestError ||
                    !RETRIED_ERRORS.has(code ?? '') ||
                    attempt >= this.maxAttempts) {
                    throw this.asRequestError(error, where, audience);
                }
                await this.wait(this.backoff(attempt), where, 'the connection failed');
                continue;
            }
            const { status } = response;
            if (status >= 200 && status < 300)
                return this.parse(response.body, where);
            if (status >= 300 && status < 400) {
                const location = String(response.headers.location ?? '');
                let target = 'elsewhere';
                try {
                    target = new URL(location, url).origin;
                }
                catch {
                    // an unparsable Location is still a redirect that is not followed
                }
                throw new OnlineRequestError('redirect', `${where} answered HTTP ${status}, a redirect to ${(0,core_text/* oneLine */.TN)(target, 200)}; redirects are not followed with a token`, { status });
            }
            const service = serviceError(response.body);
            if (RETRIED_STATUSES.has(status) && attempt < this.maxAttempts) {
                const asked = retryAfterMs(response.headers['retry-after']);
                await this.wait(asked ?? this.backoff(attempt), where, `it answered HTTP ${status}`);
                continue;
            }
            const quoted = [service.code, service.message].filter(Boolean).join(': ');
            const retried = RETRIED_STATUSES.has(status) ? ` after ${attempt} attempts` : '';
            throw new OnlineRequestError('http', `${where} answered HTTP ${status}${retried}${quoted ? ` (${quoted})` : ''}`, {
                status,
                ...(service.code && { code: service.code }),
                ...(service.message && { serviceMessage: service.message }),
            });
        }
    }
    backoff(attempt) {
        // Exponential with jitter, so that parallel requests do not come back in step.
        return Math.round(this.baseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
    }
    async wait(ms, where, why) {
        if (Date.now() + ms >= this.options.deadlineAt) {
            throw new OnlineRequestError('timeout', `${where} could not be read before the deadline: ${why}, and the retry would come after it (wait ${Math.ceil(ms / 1000)} s)`);
        }
        try {
            await sleep(ms, this.options.signal);
        }
        catch (error) {
            throw this.asRequestError(error, where);
        }
    }
    asRequestError(error, where, audience) {
        if (error instanceof OnlineRequestError)
            return error;
        if (this.options.signal.aborted) {
            return new OnlineRequestError('timeout', `${where} did not answer before the deadline`);
        }
        const code = error.code;
        const message = error instanceof Error ? error.message : String(error);
        const proxy = audience === undefined ? undefined : this.proxies[audience];
        const through = proxy ? ` through the proxy ${describeProxy(proxy)}` : '';
        return new OnlineRequestError('network', `${where} could not be reached${through} (${(0,core_text/* oneLine */.TN)(code ? `${code}: ${message}` : message, MAX_SERVICE_TEXT)})`);
    }
    parse(body, where) {
        try {
            return JSON.parse(body.toString('utf8').replace(/^\uFEFF/, ''));
        }
        catch {
            throw new OnlineRequestError('malformed', `${where} answered with something that is not JSON`);
        }
    }
    async send(audience, url) {
        const semaphore = this.semaphores[audience];
        await semaphore.acquire();
        try {
            const token = await this.options.token(audience);
            if (this.options.signal.aborted)
                throw this.options.signal.reason;
            this.options.onRequest?.(audience, url);
            return await this.exchange(audience, url, token);
        }
        finally {
            semaphore.release();
        }
    }
    exchange(audience, url, token) {
        const headers = {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            'Accept-Encoding': 'gzip, deflate, br',
            'User-Agent': `${version/* TOOL_NAME */.lH}/${version/* VERSION */.xv}`,
        };
        if (audience === 'dataverse') {
            headers['OData-MaxVersion'] = '4.0';
            headers['OData-Version'] = '4.0';
        }
        const limit = this.maxResponseBytes;
        const where = AUDIENCE_NAMES[audience];
        return new Promise((resolve, reject) => {
            const req = (0,external_node_https_.request)(url, {
                method: 'GET',
                headers,
                agent: this.agents[audience],
                signal: this.options.signal,
            });
            // A proxy that refuses the tunnel has its own answer replayed as the response: it must not
            // pass for the service's (a 403 from a proxy is no missing permission in the target).
            let refusedTunnel;
            req.on('proxyConnect', (connect) => {
                if (connect.statusCode !== 200)
                    refusedTunnel = connect;
            });
            req.on('error', reject);
            req.on('response', (response) => {
                if (refusedTunnel) {
                    response.resume();
                    const { statusCode, statusText } = refusedTunnel;
                    const proxy = describeProxy(this.proxies[audience] ?? '');
                    reject(new OnlineRequestError('network', `the proxy ${proxy} refused the connection to ${where} (HTTP ${statusCode}${statusText ? ` ${(0,core_text/* oneLine */.TN)(statusText, 100)}` : ''})${statusCode === 407 ? ': it asks for credentials; give them in the proxy URL (http://user:password@host:port)' : ''}`, { status: statusCode }));
                    return;
                }
                const status = response.statusCode ?? 0;
                // A body that is only quoted (an error) is read to a much smaller cap.
                const cap = status >= 200 && status < 300 ? limit : MAX_ERROR_BYTES;
                let stream;
                try {
                    stream = decoded(response);
                }
                catch (error) {
                    reject(error);
                    return;
                }
                const chunks = [];
                let size = 0;
                let done = false;
                const finish = () => {
                    if (done)
                        return;
                    done = true;
                    resolve({ status, headers: response.headers, body: Buffer.concat(chunks) });
                };
                stream.on('data', (chunk) => {
                    if (done)
                        return;
                    size += chunk.length;
                    if (size > cap) {
                        if (cap === MAX_ERROR_BYTES) {
                            // Enough to quote: keep what fits and stop reading.
                            chunks.push(chunk.subarray(0, chunk.length - (size - cap)));
                            finish();
                        }
                        else {
                            done = true;
                            reject(new OnlineRequestError('too-large', `${where} answered with more than ${Math.round(cap / (1024 * 1024))} MiB; not read further`));
                        }
                        req.destroy();
                        return;
                    }
                    chunks.push(chunk);
                });
                stream.on('end', finish);
                stream.on('error', (error) => {
                    if (done)
                        return;
                    done = true;
                    reject(new OnlineRequestError('malformed', `${where} sent a body that could not be read (${(0,core_text/* oneLine */.TN)(error.message, 200)})`));
                });
                response.on('aborted', () => {
                    if (done)
                        return;
                    done = true;
                    reject(new OnlineRequestError('network', `${where} closed the connection mid-answer`));
                });
            });
            req.end();
        });
    }
}

;// CONCATENATED MODULE: ./src/core/online/powerapps.ts



/** Most pages followed: 50,000 connections at 100 a page. */
const MAX_PAGES = 500;
const MAX_TEXT = 200;
/**
 * The form in which connection names compare: ids come as 32 hex digits, as GUIDs, or as
 * `shared-office365-<guid>`, in either case (ONLINE.md 2.4).
 */
function connectionKey(id) {
    return id.trim().toLowerCase().replaceAll('-', '');
}
function powerapps_text(value, max = MAX_TEXT) {
    return typeof value === 'string' && value.trim() !== '' ? (0,core_text/* oneLine */.TN)(value.trim(), max) : undefined;
}
function lastSegment(path) {
    if (!path)
        return undefined;
    const trimmed = path.replace(/\/+$/, '');
    return trimmed.slice(trimmed.lastIndexOf('/') + 1) || undefined;
}
function parsePermission(value) {
    const item = jsonObject(value);
    if (!item)
        return undefined;
    const properties = jsonObject(item['properties']);
    const principal = jsonObject(properties?.['principal']);
    const principalId = powerapps_text(principal?.['id']) ?? powerapps_text(item['name']);
    const permission = {};
    if (principalId)
        permission.principalId = principalId.toLowerCase();
    const principalType = powerapps_text(principal?.['type']);
    if (principalType)
        permission.principalType = principalType;
    const role = powerapps_text(properties?.['roleName']);
    if (role)
        permission.role = role;
    return permission;
}
/** A listed item, or undefined when it is no connection of this environment. */
function parseConnection(value, environmentId) {
    const item = jsonObject(value);
    if (!item)
        return undefined;
    const properties = jsonObject(item['properties']) ?? {};
    const name = powerapps_text(item['name']) ?? lastSegment(powerapps_text(item['id']));
    if (!name)
        return undefined;
    const environment = jsonObject(properties['environment']);
    const environmentName = powerapps_text(environment?.['name']) ?? lastSegment(powerapps_text(environment?.['id'], 1000));
    // A listing that ignored its filter must not make an id from another environment look found:
    // that is the very mistake CR012 is about.
    if (environmentName && environmentName.toLowerCase() !== environmentId.toLowerCase()) {
        return undefined;
    }
    const apiId = powerapps_text(properties['apiId'], 1000) ?? '';
    const statuses = [];
    if (Array.isArray(properties['statuses'])) {
        for (const raw of properties['statuses'].slice(0, 20)) {
            const entry = jsonObject(raw);
            const status = powerapps_text(entry?.['status'], 100);
            if (!entry || !status)
                continue;
            const error = jsonObject(entry['error']);
            const parsed = { status };
            const target = powerapps_text(entry['target'], 100);
            const code = powerapps_text(error?.['code'], 100);
            const message = powerapps_text(error?.['message'], 300);
            if (target)
                parsed.target = target;
            if (code)
                parsed.code = code;
            if (message)
                parsed.message = message;
            statuses.push(parsed);
        }
    }
    const createdBy = jsonObject(properties['createdBy']);
    const connection = {
        name,
        connector: (0,helpers/* connectorApiName */.fw)(apiId),
        apiSegment: lastSegment(apiId) ?? '',
        statuses,
    };
    const displayName = powerapps_text(properties['displayName']);
    if (displayName)
        connection.displayName = displayName;
    const owner = powerapps_text(createdBy?.['userPrincipalName']) ??
        powerapps_text(createdBy?.['email']) ??
        powerapps_text(createdBy?.['displayName']) ??
        powerapps_text(createdBy?.['id']);
    if (owner)
        connection.owner = owner;
    const createdById = powerapps_text(createdBy?.['id']);
    if (createdById)
        connection.createdById = createdById.toLowerCase();
    if (Array.isArray(properties['permissions'])) {
        connection.permissions = properties['permissions']
            .map(parsePermission)
            .filter((p) => p !== undefined);
    }
    return connection;
}
/** The `value` array of a page, or an OnlineRequestError saying what is wrong. */
function pageItems(page, where) {
    const value = jsonObject(page)?.['value'];
    if (!Array.isArray(value)) {
        throw new OnlineRequestError('malformed', `${where} answered JSON without a "value" list`);
    }
    return value;
}
function nextLinkOf(page) {
    const record = jsonObject(page);
    const link = record?.['nextLink'] ?? record?.['@odata.nextLink'];
    return typeof link === 'string' && link.trim() !== '' ? link.trim() : undefined;
}
/**
 * Every page from `first`: a failure on the first page throws; on a later one, what was read is
 * kept and `incomplete` says why the rest is not there. A link to another origin is not followed.
 */
async function readPages(http, first, what, maxPages = MAX_PAGES) {
    const items = [];
    const seen = new Set([first.href]);
    let url = first;
    let pages = 0;
    while (url) {
        let page;
        try {
            page = await http.getJson('powerApps', url);
            const pageValues = pageItems(page, 'the Power Apps API');
            for (const item of pageValues)
                items.push(item);
        }
        catch (error) {
            if (pages === 0)
                throw error;
            const why = error instanceof Error ? error.message : String(error);
            return { items, pages, incomplete: `page ${pages + 1} of ${what} could not be read: ${why}` };
        }
        pages++;
        const link = nextLinkOf(page);
        if (link === undefined)
            break;
        let next;
        try {
            next = new URL(link, url);
        }
        catch {
            return {
                items,
                pages,
                incomplete: `page ${pages} of ${what} ended in a next link that is no URL`,
            };
        }
        if (next.origin !== url.origin || next.protocol !== 'https:') {
            return {
                items,
                pages,
                incomplete: `page ${pages} of ${what} linked its next page to ${(0,core_text/* oneLine */.TN)(next.origin, 200)}, another origin, which was not followed so that the token goes nowhere else`,
            };
        }
        if (seen.has(next.href)) {
            return {
                items,
                pages,
                incomplete: `page ${pages} of ${what} linked back to an earlier page`,
            };
        }
        if (pages >= maxPages) {
            return {
                items,
                pages,
                incomplete: `${what} has more than ${maxPages} pages; the rest was not read`,
            };
        }
        seen.add(next.href);
        url = next;
    }
    return { items, pages };
}
function encodeSegment(value) {
    return encodeURIComponent(value);
}
/** OData string literal: `'` doubled (ONLINE.md 2.5). */
function odataString(value) {
    return `'${value.replaceAll("'", "''")}'`;
}
/**
 * The environment's connections, listed once. The admin route first; on its 403 (the identity is
 * no admin and no management application), the caller route, whose listing holds only the
 * connections the identity may use.
 */
async function listConnections(http, endpoints, environmentId) {
    const base = endpoints.powerAppsUrl;
    const admin = new URL(`${base}/providers/Microsoft.PowerApps/scopes/admin/environments/${encodeSegment(environmentId)}/connections?api-version=2016-11-01`);
    let route = 'admin';
    let adminRefused;
    let paged;
    try {
        paged = await readPages(http, admin, 'the connection listing');
    }
    catch (error) {
        if (!(error instanceof OnlineRequestError) ||
            error.kind !== 'http' ||
            error.details.status !== 403) {
            throw error;
        }
        adminRefused = error.message;
        route = 'caller';
        const caller = new URL(`${base}/providers/Microsoft.PowerApps/connections?api-version=2016-11-01&$filter=${encodeURIComponent(`environment eq ${odataString(environmentId)}`)}`);
        try {
            paged = await readPages(http, caller, 'the connection listing');
        }
        catch (callerError) {
            const why = callerError instanceof Error ? callerError.message : String(callerError);
            throw new OnlineRequestError(callerError instanceof OnlineRequestError ? callerError.kind : 'network', `the admin route was refused (${adminRefused}), and so was the caller route: ${why}`, callerError instanceof OnlineRequestError ? callerError.details : {});
        }
    }
    const connections = new Map();
    for (const item of paged.items) {
        const connection = parseConnection(item, environmentId);
        if (!connection)
            continue;
        const key = connectionKey(connection.name);
        if (!connections.has(key))
            connections.set(key, connection);
    }
    return {
        route,
        connections,
        pages: paged.pages,
        ...(paged.incomplete !== undefined && { incomplete: paged.incomplete }),
        ...(adminRefused !== undefined && { adminRefused }),
    };
}
/** The permissions of one connection (admin route), for a listing that did not embed them. */
async function fetchPermissions(http, endpoints, environmentId, connection) {
    const url = new URL(`${endpoints.powerAppsUrl}/providers/Microsoft.PowerApps/scopes/admin/environments/${encodeSegment(environmentId)}/apis/${encodeSegment(connection.apiSegment || connection.connector)}/connections/${encodeSegment(connection.name)}/permissions?api-version=2017-06-01`);
    const paged = await readPages(http, url, `the permissions of ${connection.name}`, 20);
    if (paged.incomplete !== undefined) {
        throw new OnlineRequestError('malformed', paged.incomplete);
    }
    return paged.items.map(parsePermission).filter((p) => p !== undefined);
}

;// CONCATENATED MODULE: ./src/core/online/dataverse.ts
// The Dataverse Web API calls (ONLINE.md sections 2.1, 2.2 and 2.5): the environment id, the
// importing identity's object id, and the dependency look-ups. GET only.



const GUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
function api(endpoints, path) {
    return new URL(`${endpoints.dataverseOrigin}/api/data/v9.2/${path}`);
}
function malformed(what) {
    return new OnlineRequestError('malformed', `Dataverse answered ${what}`);
}
/**
 * `Detail.EnvironmentId` of RetrieveCurrentOrganization: the id the Power Apps API knows the
 * environment by. A string, not necessarily a GUID (default environments: `Default-<tenant>`).
 */
async function dataverse_environmentId(http, endpoints) {
    const body = await http.getJson('dataverse', api(endpoints, "RetrieveCurrentOrganization(AccessType=@p)?@p=Microsoft.Dynamics.CRM.EndpointAccessType'Default'"));
    const id = jsonObject(jsonObject(body)?.['Detail'])?.['EnvironmentId'];
    if (typeof id !== 'string' || id.trim() === '' || id.length > 200 || /[\s/?#]/.test(id.trim())) {
        throw malformed('RetrieveCurrentOrganization without a usable Detail.EnvironmentId');
    }
    return id.trim();
}
/**
 * The Entra object id of the identity that signs in (and imports): WhoAmI's UserId, then that
 * system user's azureactivedirectoryobjectid, the id connection owners and permissions name.
 */
async function importerObjectId(http, endpoints) {
    const whoAmI = await http.getJson('dataverse', api(endpoints, 'WhoAmI'));
    const userId = jsonObject(whoAmI)?.['UserId'];
    if (typeof userId !== 'string' || !GUID.test(userId))
        throw malformed('WhoAmI without a UserId');
    const user = await http.getJson('dataverse', api(endpoints, `systemusers(${userId})?$select=azureactivedirectoryobjectid`));
    const objectId = jsonObject(user)?.['azureactivedirectoryobjectid'];
    if (typeof objectId !== 'string' || !GUID.test(objectId)) {
        throw malformed(`no azureactivedirectoryobjectid for the system user ${(0,core_text/* oneLine */.TN)(userId, 60)}`);
    }
    return objectId.toLowerCase();
}
/** The rows of an OData collection, or malformed. */
function rows(body, what) {
    const value = jsonObject(body)?.['value'];
    if (!Array.isArray(value))
        throw malformed(`${what} without a "value" list`);
    return value.map(jsonObject).filter((row) => row !== undefined);
}
/** Whether the target holds a connection reference of this logical name. */
async function hasConnectionReference(http, endpoints, logicalName) {
    const filter = `connectionreferencelogicalname eq ${odataString(logicalName)}`;
    const body = await http.getJson('dataverse', api(endpoints, `connectionreferences?$select=connectionreferencelogicalname,connectionid,connectorid,statecode&$filter=${encodeURIComponent(filter)}`));
    const wanted = logicalName.toLowerCase();
    return rows(body, 'the connection reference query').some((row) => typeof row['connectionreferencelogicalname'] !== 'string' ||
        row['connectionreferencelogicalname'].toLowerCase() === wanted);
}
/** The target's definition of a variable: absent, or whether it is managed. */
async function variableDefinition(http, endpoints, schemaName) {
    const filter = `schemaname eq ${odataString(schemaName)}`;
    const body = await http.getJson('dataverse', api(endpoints, `environmentvariabledefinitions?$select=schemaname,ismanaged&$filter=${encodeURIComponent(filter)}`));
    const wanted = schemaName.toLowerCase();
    const match = rows(body, 'the environment variable query').find((row) => typeof row['schemaname'] !== 'string' || row['schemaname'].toLowerCase() === wanted);
    if (!match)
        return { exists: false };
    const managed = match['ismanaged'];
    return { exists: true, managed: typeof managed === 'boolean' ? managed : undefined };
}
/**
 * "…is missing prvReadconnectionreference privilege…": the privilege a 403 names, so that OL001
 * can say which one the application user's role lacks.
 */
function missingPrivilege(message) {
    return /\b(prv[A-Za-z]+)\b/.exec(message ?? '')?.[1];
}

// EXTERNAL MODULE: ./src/core/format/common.ts
var common = __webpack_require__(5806);
;// CONCATENATED MODULE: ./src/core/online/facts.ts






async function settle(promise, explain) {
    try {
        return { ok: true, value: await promise };
    }
    catch (error) {
        return { ok: false, why: explain(error) };
    }
}
/** The characters of a connection name; anything else is CR011's, never looked up. */
const CONNECTION_NAME = /^[A-Za-z0-9_-]{1,200}$/;
function candidatesOf(solution, settings) {
    const candidates = [];
    const skipped = new Map();
    if (!settings)
        return { candidates, skipped };
    const entries = new Map();
    for (const entry of settings.connectionReferences) {
        const key = (0,helpers/* nameKey */.Rc)(entry.logicalName);
        entries.set(key, [...(entries.get(key) ?? []), entry]);
    }
    for (const ref of solution.connectionReferences) {
        const key = (0,helpers/* nameKey */.Rc)(ref.logicalName);
        const bound = (entries.get(key) ?? []).find((entry) => (0,helpers/* isBoundConnectionId */._1)(entry.connectionId));
        if (!bound)
            continue;
        const id = bound.connectionId.trim();
        if (!CONNECTION_NAME.test(id)) {
            skipped.set(key, { entry: bound, why: 'its ConnectionId is no connection name (CR011)' });
            continue;
        }
        candidates.push({ logicalName: ref.logicalName, entry: bound, key: connectionKey(id) });
    }
    return { candidates, skipped };
}
/** `a, b, c and 4 more`, for problem texts. */
function names(list, max = 5) {
    const shown = list.slice(0, max).join(', ');
    return list.length > max ? `${shown} and ${list.length - max} more` : shown;
}
/** Why a request failed, for OL001; a Dataverse 403 names the privilege the role lacks. */
function explain(error) {
    if (error instanceof OnlineRequestError) {
        const privilege = error.details.status === 403 ? missingPrivilege(error.details.serviceMessage) : undefined;
        if (privilege) {
            return `${error.message}: the application user's security role in the environment lacks the ${privilege} privilege`;
        }
        return error.message;
    }
    return (0,core_text/* oneLine */.TN)(error instanceof Error ? error.message : String(error), 400);
}
/** The `oid` claim of a JWT access token, when it is one: a fallback for the importer's id. */
function tokenObjectId(token) {
    const payload = token.split('.')[1];
    if (!payload || payload.length > 16_384)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        const oid = claims?.['oid'];
        return typeof oid === 'string' && /^[0-9a-f-]{32,36}$/i.test(oid)
            ? oid.toLowerCase()
            : undefined;
    }
    catch {
        return undefined;
    }
}
function accessOf(connection, permissions, importer) {
    if (connection.createdById === importer)
        return { kind: 'owner' };
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
        })[0];
        return { kind: 'role', role: best };
    }
    const group = list.find((p) => /^(group|tenant)$/i.test(p.principalType ?? ''));
    if (group) {
        return {
            kind: 'group',
            principalType: group.principalType,
            ...(group.role && { role: group.role }),
        };
    }
    return { kind: 'none' };
}
function buildFacts(results, solution, settings) {
    const { endpoints, strict, listing, importer, permissions, references, variables } = results;
    const facts = {
        environmentUrl: endpoints.environmentUrl,
        strict,
        connections: new Map(),
        referenceDependencies: new Map(),
        variableDependencies: new Map(),
        unmanagedVariables: new Set(),
        problems: [],
    };
    // Problems by reason: one OL001 per reason, naming everything it left unchecked.
    const skippedByWhy = new Map();
    const skip = (why, what) => {
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
    const unchecked = new Map();
    const accessUnchecked = new Map();
    for (const candidate of candidates) {
        const check = {
            logicalName: candidate.logicalName,
            entry: candidate.entry,
            state: 'unchecked',
        };
        facts.connections.set((0,helpers/* nameKey */.Rc)(candidate.logicalName), check);
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
            }
            else {
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
            const own = importer.ok && connection.permissions
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
        skip(why, `the connection checks (CR012–CR015) of ${(0,common/* plural */.LS)(refs.length, 'reference', 'references')} (${names(refs)})`);
    }
    for (const [why, refs] of accessUnchecked) {
        skip(why, `whether the importing identity may use the connections of ${(0,common/* plural */.LS)(refs.length, 'reference', 'references')} (${names(refs)}) (CR015)`);
    }
    const referenceUnchecked = new Map();
    for (const dependency of solution.missingDependencies) {
        if (dependency.kind !== 'connectionreference')
            continue;
        const key = (0,helpers/* nameKey */.Rc)(dependency.name);
        const outcome = references.get(key);
        if (outcome?.ok) {
            facts.referenceDependencies.set(key, outcome.value ? 'present' : 'missing');
        }
        else {
            facts.referenceDependencies.set(key, 'unchecked');
            const why = outcome?.why ?? 'not asked';
            referenceUnchecked.set(why, [...(referenceUnchecked.get(why) ?? []), dependency.name]);
        }
    }
    for (const [why, refs] of referenceUnchecked) {
        skip(why, `whether the target holds ${(0,common/* plural */.LS)(refs.length, 'missing dependency', 'missing dependencies')} ${names(refs)} (CR016)`);
    }
    const variableUnchecked = new Map();
    for (const dependency of solution.missingDependencies) {
        if (dependency.kind !== 'environmentvariable')
            continue;
        const key = (0,helpers/* nameKey */.Rc)(dependency.name);
        const outcome = variables.get(key);
        if (outcome?.ok) {
            facts.variableDependencies.set(key, outcome.value.exists ? 'present' : 'missing');
        }
        else {
            facts.variableDependencies.set(key, 'unchecked');
            const why = outcome?.why ?? 'not asked';
            variableUnchecked.set(why, [...(variableUnchecked.get(why) ?? []), dependency.name]);
        }
    }
    for (const [why, vars] of variableUnchecked) {
        skip(why, `whether the target defines ${(0,common/* plural */.LS)(vars.length, 'missing dependency', 'missing dependencies')} ${names(vars)} (EV006)`);
    }
    const definedUnchecked = new Map();
    for (const variable of solution.environmentVariables) {
        const key = (0,helpers/* nameKey */.Rc)(variable.schemaName);
        const outcome = variables.get(key);
        if (outcome?.ok) {
            if (outcome.value.exists && outcome.value.managed === false)
                facts.unmanagedVariables.add(key);
        }
        else {
            const why = outcome?.why ?? 'not asked';
            definedUnchecked.set(why, [...(definedUnchecked.get(why) ?? []), variable.schemaName]);
        }
    }
    for (const [why, vars] of definedUnchecked) {
        skip(why, `whether the target holds unmanaged definitions of ${(0,common/* plural */.LS)(vars.length, 'environment variable', 'environment variables')} (${names(vars)}) (EV007)`);
    }
    for (const [why, what] of skippedByWhy) {
        const problem = { skipped: what.join('; '), why };
        facts.problems.push(problem);
    }
    return facts;
}

// EXTERNAL MODULE: ./src/core/online/options.ts
var online_options = __webpack_require__(113);
;// CONCATENATED MODULE: ./src/core/online/sign-in.ts
// Signing in: every credential is @azure/identity's, loaded with a dynamic import() on the online
// path only, so that an offline run never loads it (ncc bundles it as a chunk of its own).
// Nothing here logs; errors carry no secret.



/**
 * A TokenProvider for a credential. `ca` adds a trusted CA for Entra ID (and the Azure Pipelines
 * OIDC endpoint) in this process, as NODE_EXTRA_CA_CERTS does for a new one. Sign-in goes the way
 * the requests go (proxy.ts): an adapter's proxy, else HTTPS_PROXY and NO_PROXY.
 */
async function tokenProviderFor(credential, endpoints, ca, proxy) {
    if (credential.kind === 'token-provider')
        return credential.provider;
    if (credential.kind === 'none') {
        throw new OnlineRequestError('sign-in', credential.why);
    }
    const identity = await __webpack_require__.e(/* import() */ 276).then(__webpack_require__.bind(__webpack_require__, 1276));
    // The request's agent, set here, is what core-rest-pipeline sends with: its own proxy agent
    // would drop a trusted CA ("TLS settings are not supported in combination with custom Proxy"),
    // and its NO_PROXY reading differs from the requests'.
    const agents = new Map();
    const agentFor = (url) => {
        const proxyUrl = proxyFor(url, proxy);
        let agent = agents.get(proxyUrl ?? '');
        if (!agent) {
            agent = httpsAgent(proxyUrl, {
                keepAlive: true,
                ...(ca && { secureContext: trustingContext(ca) }),
            });
            agents.set(proxyUrl ?? '', agent);
        }
        return agent;
    };
    const options = {
        authorityHost: endpoints.authorityHost,
        disableInstanceDiscovery: endpoints.disableInstanceDiscovery,
        additionalPolicies: [
            {
                position: 'perCall',
                policy: {
                    name: 'connrefGateAgent',
                    sendRequest(request, next) {
                        const url = new URL(request.url);
                        if (url.protocol === 'https:')
                            request.agent = agentFor(url);
                        return next(request);
                    },
                },
            },
        ],
    };
    const secrets = [
        ...(0,credentials/* credentialSecrets */.DJ)(credential),
        ...proxyPasswords(proxy, [endpoints.authorityHost]),
    ];
    let tokenCredential;
    try {
        tokenCredential = createCredential(identity, credential, options);
    }
    catch (error) {
        throw new OnlineRequestError('sign-in', `signing in as ${(0,credentials/* describeCredential */.t8)(credential)} failed: ${(0,credentials/* signInFailure */.VZ)(error, secrets)}`);
    }
    return {
        async getToken(scope, signal) {
            let token;
            try {
                token = await tokenCredential.getToken(scope, { abortSignal: signal });
            }
            catch (error) {
                if (signal.aborted) {
                    throw new OnlineRequestError('timeout', 'signing in did not finish before the deadline');
                }
                const why = (0,credentials/* signInFailure */.VZ)(error, secrets);
                throw new OnlineRequestError('sign-in', credential.kind === 'azure-cli'
                    ? `no credentials: AZURE_TENANT_ID and AZURE_CLIENT_ID with AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE are not set, and the Azure CLI login could not be used (${why})`
                    : `signing in as ${(0,credentials/* describeCredential */.t8)(credential)} failed: ${why}`);
            }
            if (!token?.token) {
                throw new OnlineRequestError('sign-in', `signing in as ${(0,credentials/* describeCredential */.t8)(credential)} gave no token`);
            }
            return token.token;
        },
    };
}
function createCredential(identity, credential, options) {
    switch (credential.kind) {
        case 'client-secret':
            return new identity.ClientSecretCredential(credential.tenantId, credential.clientId, credential.clientSecret, options);
        case 'client-certificate':
            return new identity.ClientCertificateCredential(credential.tenantId, credential.clientId, {
                certificatePath: credential.certificatePath,
                ...(credential.certificatePassword && {
                    certificatePassword: credential.certificatePassword,
                }),
            }, { ...options, sendCertificateChain: credential.sendCertificateChain ?? false });
        case 'federated-token-file':
            return new identity.WorkloadIdentityCredential({
                ...options,
                tenantId: credential.tenantId,
                clientId: credential.clientId,
                tokenFilePath: credential.tokenFilePath,
            });
        case 'client-assertion':
            return new identity.ClientAssertionCredential(credential.tenantId, credential.clientId, () => credential.getAssertion(), options);
        case 'azure-pipelines':
            return new identity.AzurePipelinesCredential(credential.tenantId, credential.clientId, credential.serviceConnectionId, credential.systemAccessToken, options);
        case 'managed-identity':
            return new identity.ManagedIdentityCredential({
                ...options,
                ...(credential.clientId && { clientId: credential.clientId }),
            });
        case 'azure-cli':
            return new identity.AzureCliCredential({
                ...(credential.tenantId && { tenantId: credential.tenantId }),
            });
    }
}

;// CONCATENATED MODULE: ./src/core/online/stage.ts









/**
 * Runs the online checks for solutions already read. Nothing is sent when nothing needs asking.
 * Never throws for what the target does or says: every failure becomes an OnlineProblem (OL001)
 * in the facts of the pairs it concerns.
 */
async function runOnlineStage(pairs, options, endpoints = (0,online_options/* prepareOnline */.Ps)(options)) {
    const started = Date.now();
    const requests = { dataverse: 0, powerApps: 0 };
    const summary = {
        environmentUrl: endpoints.environmentUrl,
        requests,
        identity: (0,credentials/* describeCredential */.t8)(options.credential),
        ms: 0,
    };
    const origins = [endpoints.dataverseOrigin, endpoints.powerAppsOrigin];
    const proxy = origins
        .map((origin) => proxyFor(new URL(origin), options.proxy))
        .find((url) => url !== undefined);
    if (proxy)
        summary.proxy = describeProxy(proxy);
    const timeoutMs = options.timeoutMs ?? online_options/* DEFAULT_ONLINE_TIMEOUT_MS */.ls;
    const controller = new AbortController();
    const deadlineAt = Date.now() + timeoutMs;
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    timer.unref?.();
    const deadlineText = `${Math.round(timeoutMs / 100) / 10} s`;
    const explainAll = (error) => controller.signal.aborted && !(error instanceof OnlineRequestError && error.kind !== 'timeout')
        ? `the online checks did not finish within ${deadlineText} (the deadline of the online stage)`
        : explain(error);
    // Loading @azure/identity and building the credential: once, and only when asked for.
    let provider;
    const tokens = new Map();
    const token = (audience) => {
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
    let http;
    const client = () => (http ??= new OnlineHttp({
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
    let environment;
    const askEnvironment = () => (environment ??= (async () => {
        const api = client();
        // Both sign-ins at once: the Power Apps token is needed as soon as the id is known.
        void token('powerApps');
        const environmentId = options.environmentId
            ? Promise.resolve(options.environmentId.trim())
            : dataverse_environmentId(api, endpoints);
        // Settled at once: it runs while the connections are listed.
        const importer = settle(importerObjectId(api, endpoints).catch(async (error) => {
            // A role without read on system users: the token's own oid claim still names it.
            const fromToken = await token('dataverse').then(tokenObjectId, () => undefined);
            if (fromToken)
                return fromToken;
            throw error;
        }), explainAll);
        const listing = await settle(environmentId.then((id) => {
            summary.environmentId = id;
            return listConnections(api, endpoints, id);
        }), explainAll);
        if (listing.ok) {
            summary.route = listing.value.route;
            summary.connectionsListed = listing.value.connections.size;
            summary.pages = listing.value.pages;
        }
        return { listing, importer: await importer };
    })());
    const results = {
        endpoints,
        strict: options.mode === 'strict',
        listing: { ok: false, why: 'not asked' },
        importer: { ok: false, why: 'not asked' },
        permissions: new Map(),
        references: new Map(),
        variables: new Map(),
    };
    // What the environment must answer, over all pairs.
    const wanted = new Map();
    for (const { solution, settings: list } of pairs) {
        for (const settings of list.length === 0 ? [null] : list) {
            for (const c of candidatesOf(solution, settings).candidates)
                wanted.set(c.key, c);
        }
    }
    const referenceNames = new Map();
    const variableNames = new Map();
    for (const { solution } of pairs) {
        for (const dependency of solution.missingDependencies) {
            if (dependency.kind === 'connectionreference') {
                referenceNames.set((0,helpers/* nameKey */.Rc)(dependency.name), dependency.name);
            }
            else if (dependency.kind === 'environmentvariable') {
                variableNames.set((0,helpers/* nameKey */.Rc)(dependency.name), dependency.name);
            }
        }
        for (const variable of solution.environmentVariables) {
            variableNames.set((0,helpers/* nameKey */.Rc)(variable.schemaName), variable.schemaName);
        }
    }
    try {
        const connectionWork = async () => {
            if (wanted.size === 0)
                return;
            const answers = await askEnvironment();
            results.listing = answers.listing;
            results.importer = answers.importer;
            if (!answers.listing.ok || !answers.importer.ok)
                return;
            const found = answers.listing.value;
            if (found.route !== 'admin')
                return;
            const importerId = answers.importer.value;
            // Permissions only where the listing does not settle it: not embedded, not the owner.
            await Promise.all([...wanted.keys()].map(async (key) => {
                const connection = found.connections.get(key);
                if (!connection || connection.permissions || connection.createdById === importerId) {
                    return;
                }
                results.permissions.set(key, await settle(fetchPermissions(client(), endpoints, summary.environmentId, connection), explainAll));
            }));
        };
        const dependencyWork = async () => {
            await Promise.all([
                ...[...referenceNames].map(async ([key, name]) => {
                    results.references.set(key, await settle(hasConnectionReference(client(), endpoints, name), explainAll));
                }),
                ...[...variableNames].map(async ([key, name]) => {
                    results.variables.set(key, await settle(variableDefinition(client(), endpoints, name), explainAll));
                }),
            ]);
        };
        await Promise.all([connectionWork(), dependencyWork()]);
    }
    finally {
        close();
    }
    summary.ms = Date.now() - started;
    return {
        factsFor: (solution, settings) => buildFacts(results, solution, settings),
        summary,
        secrets: [
            ...(0,credentials/* credentialSecrets */.DJ)(options.credential),
            ...proxyPasswords(options.proxy, [...origins, endpoints.authorityHost]),
        ],
    };
}


/***/ })

};
