// The Dataverse Web API calls (ONLINE.md sections 2.1, 2.2 and 2.5): the environment id, the
// importing identity's object id, and the dependency look-ups. GET only.
import { oneLine } from '../text.js';
import type { OnlineEndpoints } from './endpoints.js';
import { jsonObject, OnlineRequestError, type OnlineHttp } from './http.js';
import { odataString } from './powerapps.js';

type Json = Record<string, unknown>;

const GUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

function api(endpoints: OnlineEndpoints, path: string): URL {
  return new URL(`${endpoints.dataverseOrigin}/api/data/v9.2/${path}`);
}

function malformed(what: string): OnlineRequestError {
  return new OnlineRequestError('malformed', `Dataverse answered ${what}`);
}

/**
 * `Detail.EnvironmentId` of RetrieveCurrentOrganization: the id the Power Apps API knows the
 * environment by. A string, not necessarily a GUID (default environments: `Default-<tenant>`).
 */
export async function environmentId(http: OnlineHttp, endpoints: OnlineEndpoints): Promise<string> {
  const body = await http.getJson(
    'dataverse',
    api(
      endpoints,
      "RetrieveCurrentOrganization(AccessType=@p)?@p=Microsoft.Dynamics.CRM.EndpointAccessType'Default'",
    ),
  );
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
export async function importerObjectId(
  http: OnlineHttp,
  endpoints: OnlineEndpoints,
): Promise<string> {
  const whoAmI = await http.getJson('dataverse', api(endpoints, 'WhoAmI'));
  const userId = jsonObject(whoAmI)?.['UserId'];
  if (typeof userId !== 'string' || !GUID.test(userId)) throw malformed('WhoAmI without a UserId');
  const user = await http.getJson(
    'dataverse',
    api(endpoints, `systemusers(${userId})?$select=azureactivedirectoryobjectid`),
  );
  const objectId = jsonObject(user)?.['azureactivedirectoryobjectid'];
  if (typeof objectId !== 'string' || !GUID.test(objectId)) {
    throw malformed(`no azureactivedirectoryobjectid for the system user ${oneLine(userId, 60)}`);
  }
  return objectId.toLowerCase();
}

/** The rows of an OData collection, or malformed. */
function rows(body: unknown, what: string): Json[] {
  const value = jsonObject(body)?.['value'];
  if (!Array.isArray(value)) throw malformed(`${what} without a "value" list`);
  return value.map(jsonObject).filter((row): row is Json => row !== undefined);
}

/** Whether the target holds a connection reference of this logical name. */
export async function hasConnectionReference(
  http: OnlineHttp,
  endpoints: OnlineEndpoints,
  logicalName: string,
): Promise<boolean> {
  const filter = `connectionreferencelogicalname eq ${odataString(logicalName)}`;
  const body = await http.getJson(
    'dataverse',
    api(
      endpoints,
      `connectionreferences?$select=connectionreferencelogicalname,connectionid,connectorid,statecode&$filter=${encodeURIComponent(filter)}`,
    ),
  );
  const wanted = logicalName.toLowerCase();
  return rows(body, 'the connection reference query').some(
    (row) =>
      typeof row['connectionreferencelogicalname'] !== 'string' ||
      row['connectionreferencelogicalname'].toLowerCase() === wanted,
  );
}

/** The target's definition of a variable: absent, or whether it is managed. */
export async function variableDefinition(
  http: OnlineHttp,
  endpoints: OnlineEndpoints,
  schemaName: string,
): Promise<{ exists: false } | { exists: true; managed: boolean | undefined }> {
  const filter = `schemaname eq ${odataString(schemaName)}`;
  const body = await http.getJson(
    'dataverse',
    api(
      endpoints,
      `environmentvariabledefinitions?$select=schemaname,ismanaged&$filter=${encodeURIComponent(filter)}`,
    ),
  );
  const wanted = schemaName.toLowerCase();
  const match = rows(body, 'the environment variable query').find(
    (row) => typeof row['schemaname'] !== 'string' || row['schemaname'].toLowerCase() === wanted,
  );
  if (!match) return { exists: false };
  const managed = match['ismanaged'];
  return { exists: true, managed: typeof managed === 'boolean' ? managed : undefined };
}

/**
 * "…is missing prvReadconnectionreference privilege…": the privilege a 403 names, so that OL001
 * can say which one the application user's role lacks.
 */
export function missingPrivilege(message: string | undefined): string | undefined {
  return /\b(prv[A-Za-z]+)\b/.exec(message ?? '')?.[1];
}
