// The Power Apps API calls (ONLINE.md sections 2.3 and 2.4): one listing of the environment's
// connections, on the admin route or, when the identity is no management application, on the
// caller route; and a connection's permissions when the listing does not embed them.
import type { TargetConnection } from '../model.js';
import { connectorApiName } from '../rules/helpers.js';
import { oneLine } from '../text.js';
import type { OnlineEndpoints } from './endpoints.js';
import { jsonObject, OnlineRequestError, type OnlineHttp } from './http.js';

/** A permission on a connection (`properties.permissions[]` or the permissions route). */
export interface ConnectionPermission {
  /** Lower case. */
  principalId?: string;
  /** `User`, `ServicePrincipal`, `Group`, `Tenant`, `NotSpecified`… */
  principalType?: string;
  /** `Owner`, `CanEdit`, `CanViewWithShare`, `CanView`. */
  role?: string;
}

/** A listed connection with what the usability check needs besides the report facts. */
export interface ListedConnection extends TargetConnection {
  /** `properties.createdBy.id`, lower case. */
  createdById?: string;
  /** The connector's api name as the service spells it, for the permissions URL. */
  apiSegment: string;
  /** undefined when the listing did not embed them. */
  permissions?: ConnectionPermission[];
}

export interface ConnectionListing {
  route: 'admin' | 'caller';
  /** By connectionKey. */
  connections: Map<string, ListedConnection>;
  pages: number;
  /** Undefined when every page was read; else why not (a missing id then proves nothing). */
  incomplete?: string;
  /** Why the admin route was refused, when the caller route was used. */
  adminRefused?: string;
}

/** Most pages followed: 50,000 connections at 100 a page. */
const MAX_PAGES = 500;
const MAX_TEXT = 200;

/**
 * The form in which connection names compare: ids come as 32 hex digits, as GUIDs, or as
 * `shared-office365-<guid>`, in either case (ONLINE.md 2.4).
 */
export function connectionKey(id: string): string {
  return id.trim().toLowerCase().replaceAll('-', '');
}

function text(value: unknown, max = MAX_TEXT): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? oneLine(value.trim(), max) : undefined;
}

function lastSegment(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || undefined;
}

function parsePermission(value: unknown): ConnectionPermission | undefined {
  const item = jsonObject(value);
  if (!item) return undefined;
  const properties = jsonObject(item['properties']);
  const principal = jsonObject(properties?.['principal']);
  const principalId = text(principal?.['id']) ?? text(item['name']);
  const permission: ConnectionPermission = {};
  if (principalId) permission.principalId = principalId.toLowerCase();
  const principalType = text(principal?.['type']);
  if (principalType) permission.principalType = principalType;
  const role = text(properties?.['roleName']);
  if (role) permission.role = role;
  return permission;
}

/** A listed item, or undefined when it is no connection of this environment. */
export function parseConnection(
  value: unknown,
  environmentId: string,
): ListedConnection | undefined {
  const item = jsonObject(value);
  if (!item) return undefined;
  const properties = jsonObject(item['properties']) ?? {};
  const name = text(item['name']) ?? lastSegment(text(item['id']));
  if (!name) return undefined;
  const environment = jsonObject(properties['environment']);
  const environmentName =
    text(environment?.['name']) ?? lastSegment(text(environment?.['id'], 1000));
  // A listing that ignored its filter must not make an id from another environment look found:
  // that is the very mistake CR012 is about.
  if (environmentName && environmentName.toLowerCase() !== environmentId.toLowerCase()) {
    return undefined;
  }
  const apiId = text(properties['apiId'], 1000) ?? '';
  const statuses: TargetConnection['statuses'] = [];
  if (Array.isArray(properties['statuses'])) {
    for (const raw of properties['statuses'].slice(0, 20)) {
      const entry = jsonObject(raw);
      const status = text(entry?.['status'], 100);
      if (!entry || !status) continue;
      const error = jsonObject(entry['error']);
      const parsed: TargetConnection['statuses'][number] = { status };
      const target = text(entry['target'], 100);
      const code = text(error?.['code'], 100);
      const message = text(error?.['message'], 300);
      if (target) parsed.target = target;
      if (code) parsed.code = code;
      if (message) parsed.message = message;
      statuses.push(parsed);
    }
  }
  const createdBy = jsonObject(properties['createdBy']);
  const connection: ListedConnection = {
    name,
    connector: connectorApiName(apiId),
    apiSegment: lastSegment(apiId) ?? '',
    statuses,
  };
  const displayName = text(properties['displayName']);
  if (displayName) connection.displayName = displayName;
  const owner =
    text(createdBy?.['userPrincipalName']) ??
    text(createdBy?.['email']) ??
    text(createdBy?.['displayName']) ??
    text(createdBy?.['id']);
  if (owner) connection.owner = owner;
  const createdById = text(createdBy?.['id']);
  if (createdById) connection.createdById = createdById.toLowerCase();
  if (Array.isArray(properties['permissions'])) {
    connection.permissions = properties['permissions']
      .map(parsePermission)
      .filter((p): p is ConnectionPermission => p !== undefined);
  }
  return connection;
}

/** The `value` array of a page, or an OnlineRequestError saying what is wrong. */
function pageItems(page: unknown, where: string): unknown[] {
  const value = jsonObject(page)?.['value'];
  if (!Array.isArray(value)) {
    throw new OnlineRequestError('malformed', `${where} answered JSON without a "value" list`);
  }
  return value;
}

function nextLinkOf(page: unknown): string | undefined {
  const record = jsonObject(page);
  const link = record?.['nextLink'] ?? record?.['@odata.nextLink'];
  return typeof link === 'string' && link.trim() !== '' ? link.trim() : undefined;
}

interface Paged {
  items: unknown[];
  pages: number;
  incomplete?: string;
}

/**
 * Every page from `first`: a failure on the first page throws; on a later one, what was read is
 * kept and `incomplete` says why the rest is not there. A link to another origin is not followed.
 */
async function readPages(
  http: OnlineHttp,
  first: URL,
  what: string,
  maxPages = MAX_PAGES,
): Promise<Paged> {
  const items: unknown[] = [];
  const seen = new Set<string>([first.href]);
  let url: URL | undefined = first;
  let pages = 0;
  while (url) {
    let page: unknown;
    try {
      page = await http.getJson('powerApps', url);
      const pageValues = pageItems(page, 'the Power Apps API');
      for (const item of pageValues) items.push(item);
    } catch (error) {
      if (pages === 0) throw error;
      const why = error instanceof Error ? error.message : String(error);
      return { items, pages, incomplete: `page ${pages + 1} of ${what} could not be read: ${why}` };
    }
    pages++;
    const link = nextLinkOf(page);
    if (link === undefined) break;
    let next: URL;
    try {
      next = new URL(link, url);
    } catch {
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
        incomplete: `page ${pages} of ${what} linked its next page to ${oneLine(next.origin, 200)}, another origin, which was not followed so that the token goes nowhere else`,
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

function encodeSegment(value: string): string {
  return encodeURIComponent(value);
}

/** OData string literal: `'` doubled (ONLINE.md 2.5). */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The environment's connections, listed once. The admin route first; on its 403 (the identity is
 * no admin and no management application), the caller route, whose listing holds only the
 * connections the identity may use.
 */
export async function listConnections(
  http: OnlineHttp,
  endpoints: OnlineEndpoints,
  environmentId: string,
): Promise<ConnectionListing> {
  const base = endpoints.powerAppsUrl;
  const admin = new URL(
    `${base}/providers/Microsoft.PowerApps/scopes/admin/environments/${encodeSegment(environmentId)}/connections?api-version=2016-11-01`,
  );
  let route: ConnectionListing['route'] = 'admin';
  let adminRefused: string | undefined;
  let paged: Paged;
  try {
    paged = await readPages(http, admin, 'the connection listing');
  } catch (error) {
    if (
      !(error instanceof OnlineRequestError) ||
      error.kind !== 'http' ||
      error.details.status !== 403
    ) {
      throw error;
    }
    adminRefused = error.message;
    route = 'caller';
    const caller = new URL(
      `${base}/providers/Microsoft.PowerApps/connections?api-version=2016-11-01&$filter=${encodeURIComponent(`environment eq ${odataString(environmentId)}`)}`,
    );
    try {
      paged = await readPages(http, caller, 'the connection listing');
    } catch (callerError) {
      const why = callerError instanceof Error ? callerError.message : String(callerError);
      throw new OnlineRequestError(
        callerError instanceof OnlineRequestError ? callerError.kind : 'network',
        `the admin route was refused (${adminRefused}), and so was the caller route: ${why}`,
        callerError instanceof OnlineRequestError ? callerError.details : {},
      );
    }
  }
  const connections = new Map<string, ListedConnection>();
  for (const item of paged.items) {
    const connection = parseConnection(item, environmentId);
    if (!connection) continue;
    const key = connectionKey(connection.name);
    if (!connections.has(key)) connections.set(key, connection);
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
export async function fetchPermissions(
  http: OnlineHttp,
  endpoints: OnlineEndpoints,
  environmentId: string,
  connection: ListedConnection,
): Promise<ConnectionPermission[]> {
  const url = new URL(
    `${endpoints.powerAppsUrl}/providers/Microsoft.PowerApps/scopes/admin/environments/${encodeSegment(environmentId)}/apis/${encodeSegment(connection.apiSegment || connection.connector)}/connections/${encodeSegment(connection.name)}/permissions?api-version=2017-06-01`,
  );
  const paged = await readPages(http, url, `the permissions of ${connection.name}`, 20);
  if (paged.incomplete !== undefined) {
    throw new OnlineRequestError('malformed', paged.incomplete);
  }
  return paged.items.map(parsePermission).filter((p): p is ConnectionPermission => p !== undefined);
}
