// Where the online checks go, by cloud (ONLINE.md section 6), and how the CLI picks its
// credential from the environment: pure functions, no network.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/core/errors.js';
import { credentialFromEnvironment, describeCredential } from '../src/core/online/credentials.js';
import { inferCloud, parseCloud, resolveEndpoints } from '../src/core/online/endpoints.js';
import { retryAfterMs, serviceError } from '../src/core/online/http.js';
import { connectionKey, parseConnection } from '../src/core/online/powerapps.js';

describe('clouds', () => {
  it('infers the cloud from the Dataverse domain as Build Tools does', () => {
    expect(inferCloud('contoso.crm4.dynamics.com')).toBe('Public');
    expect(inferCloud('contoso.crm.dynamics.com')).toBe('Public');
    expect(inferCloud('contoso.crm9.dynamics.com')).toBe('UsGov');
    expect(inferCloud('contoso.crm.microsoftdynamics.us')).toBe('UsGovHigh');
    expect(inferCloud('contoso.crm.appsplatform.us')).toBe('UsGovDod');
    expect(inferCloud('contoso.crm.dynamics.cn')).toBe('China');
    expect(inferCloud('127.0.0.1')).toBe('Public');
  });

  it('gives each cloud its authority, Power Apps API, scope and OIDC audience', () => {
    const of = (url: string) => resolveEndpoints({ environmentUrl: url });
    expect(of('https://contoso.crm4.dynamics.com')).toMatchObject({
      cloud: 'Public',
      dataverseOrigin: 'https://contoso.crm4.dynamics.com',
      dataverseScope: 'https://contoso.crm4.dynamics.com/.default',
      authorityHost: 'https://login.microsoftonline.com',
      powerAppsUrl: 'https://api.powerapps.com',
      powerAppsScope: 'https://service.powerapps.com/.default',
      oidcAudience: 'api://AzureADTokenExchange',
      disableInstanceDiscovery: false,
    });
    expect(of('https://contoso.crm9.dynamics.com')).toMatchObject({
      powerAppsUrl: 'https://gov.api.powerapps.us',
      powerAppsScope: 'https://gov.service.powerapps.us/.default',
      oidcAudience: 'api://AzureADTokenExchangeUSGov',
    });
    expect(of('https://contoso.crm.microsoftdynamics.us')).toMatchObject({
      authorityHost: 'https://login.microsoftonline.us',
      powerAppsUrl: 'https://high.api.powerapps.us',
    });
    expect(of('https://contoso.crm.appsplatform.us')).toMatchObject({
      powerAppsUrl: 'https://api.apps.appsplatform.us',
      powerAppsScope: 'https://service.apps.appsplatform.us/.default',
    });
    expect(of('https://contoso.crm.dynamics.cn')).toMatchObject({
      authorityHost: 'https://login.chinacloudapi.cn',
      powerAppsUrl: 'https://api.powerapps.cn',
      oidcAudience: 'api://AzureADTokenExchangeChina',
    });
  });

  it('moves every endpoint with the environment, and skips instance discovery for an unknown authority', () => {
    const endpoints = resolveEndpoints({
      environmentUrl: 'https://127.0.0.1:8443/',
      cloud: 'UsGovHigh',
      env: {
        AZURE_AUTHORITY_HOST: 'https://127.0.0.1:9443/',
        CONNREF_GATE_POWERAPPS_URL: 'https://127.0.0.1:7443/powerapps/',
        CONNREF_GATE_POWERAPPS_SCOPE: 'https://service.powerapps.us/.default',
      },
    });
    expect(endpoints).toMatchObject({
      cloud: 'UsGovHigh',
      environmentUrl: 'https://127.0.0.1:8443',
      authorityHost: 'https://127.0.0.1:9443',
      disableInstanceDiscovery: true,
      powerAppsUrl: 'https://127.0.0.1:7443/powerapps',
      powerAppsOrigin: 'https://127.0.0.1:7443',
      powerAppsScope: 'https://service.powerapps.us/.default',
    });
  });

  it('refuses what would send a token somewhere unsafe or unmeant, in one line', () => {
    const bad =
      (environmentUrl: string, env: Record<string, string> = {}) =>
      () =>
        resolveEndpoints({ environmentUrl, env });
    expect(bad('http://contoso.crm.dynamics.com')).toThrow(/not https/);
    expect(bad('https://user:pw@contoso.crm.dynamics.com')).toThrow(UsageError);
    expect(bad('https://contoso.crm.dynamics.com/?x=1')).toThrow(/query/);
    expect(bad('https://contoso.crm.dynamics.com/api/data')).toThrow(/has a path/);
    expect(
      bad('https://contoso.crm.dynamics.com', { CONNREF_GATE_POWERAPPS_URL: 'http://x' }),
    ).toThrow(/CONNREF_GATE_POWERAPPS_URL/);
    expect(
      bad('https://contoso.crm.dynamics.com', { CONNREF_GATE_POWERAPPS_SCOPE: 'not a scope' }),
    ).toThrow(/SCOPE/);
    expect(() => parseCloud('mars', '--cloud')).toThrow(
      "--cloud is 'mars': use one of Public, UsGov, UsGovHigh, UsGovDod, China",
    );
    expect(parseCloud('usgovhigh', '--cloud')).toBe('UsGovHigh');
  });
});

describe("the CLI's credential from the environment", () => {
  it('takes a secret, a certificate or a federated token file with both ids', () => {
    const ids = { AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c' };
    expect(credentialFromEnvironment({ ...ids, AZURE_CLIENT_SECRET: 's' })).toEqual({
      kind: 'client-secret',
      tenantId: 't',
      clientId: 'c',
      clientSecret: 's',
    });
    expect(
      credentialFromEnvironment({ ...ids, AZURE_CLIENT_CERTIFICATE_PATH: '/c.pem' }),
    ).toMatchObject({
      kind: 'client-certificate',
      certificatePath: '/c.pem',
    });
    expect(credentialFromEnvironment({ ...ids, AZURE_FEDERATED_TOKEN_FILE: '/t' })).toMatchObject({
      kind: 'federated-token-file',
      tokenFilePath: '/t',
    });
  });

  it('falls back to the Azure CLI, with the tenant when given', () => {
    expect(credentialFromEnvironment({})).toEqual({ kind: 'azure-cli' });
    expect(credentialFromEnvironment({ AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c' })).toEqual({
      kind: 'azure-cli',
      tenantId: 't',
    });
  });

  it('is a usage error when a secret comes without the ids, and never names the secret', () => {
    expect(() => credentialFromEnvironment({ AZURE_CLIENT_SECRET: 'hush-hush' })).toThrow(
      'AZURE_CLIENT_SECRET is set but AZURE_TENANT_ID and AZURE_CLIENT_ID are not',
    );
    expect(() =>
      credentialFromEnvironment({ AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 'x' }),
    ).toThrow(/AZURE_TENANT_ID is not/);
    expect(
      describeCredential({
        kind: 'client-secret',
        tenantId: 't',
        clientId: 'c',
        clientSecret: 'hush',
      }),
    ).not.toContain('hush');
  });
});

describe('reading what the services answer', () => {
  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('0')).toBe(0);
    expect(retryAfterMs(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThan(8000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });

  it('reads error bodies with and without the error wrapper, on one bounded line', () => {
    const body = (value: unknown) => Buffer.from(JSON.stringify(value));
    expect(serviceError(body({ error: { code: 'Forbidden', message: 'no' } }))).toEqual({
      code: 'Forbidden',
      message: 'no',
    });
    expect(
      serviceError(body({ code: 'AuthorizationHeaderInvalid', message: 'bad\ntoken' })),
    ).toEqual({
      code: 'AuthorizationHeaderInvalid',
      message: 'bad\\ntoken',
    });
    expect(
      serviceError(body({ error: 'invalid_client', error_description: 'AADSTS7000215' })),
    ).toEqual({
      code: 'invalid_client',
      message: 'AADSTS7000215',
    });
    expect(serviceError(Buffer.from('<html>gateway</html>'))).toEqual({});
    expect(
      serviceError(body({ error: { message: 'x'.repeat(5000) } })).message!.length,
    ).toBeLessThanOrEqual(300);
  });

  it('compares connection names without case or hyphens', () => {
    expect(connectionKey('9C8B7A6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D')).toBe(
      connectionKey('9c8b7a6d5e4f4a3b8c2d1e0f9a8b7c6d'),
    );
    expect(connectionKey('shared-office365-AB12')).toBe('sharedoffice365ab12');
  });

  it('reads the recorded connection shape, and drops one of another environment', () => {
    const item = {
      name: 'abc123',
      properties: {
        apiId: '/providers/Microsoft.PowerApps/apis/shared_Office365',
        statuses: [
          { status: 'Error', target: 'token', error: { code: 'Unauthorized', message: 'expired' } },
        ],
        createdBy: { id: 'F99F', displayName: 'admin', userPrincipalName: 'admin@contoso.com' },
        environment: { id: '/providers/Microsoft.PowerApps/environments/Default-72f9' },
        permissions: [
          {
            name: 'x',
            properties: { roleName: 'CanView', principal: { id: 'ABC', type: 'Group' } },
          },
        ],
      },
    };
    expect(parseConnection(item, 'default-72F9')).toMatchObject({
      name: 'abc123',
      connector: 'shared_office365',
      apiSegment: 'shared_Office365',
      owner: 'admin@contoso.com',
      createdById: 'f99f',
      statuses: [{ status: 'Error', target: 'token', code: 'Unauthorized', message: 'expired' }],
      permissions: [{ principalId: 'abc', principalType: 'Group', role: 'CanView' }],
    });
    expect(parseConnection(item, 'another-env')).toBeUndefined();
    expect(parseConnection('not an object', 'x')).toBeUndefined();
    expect(parseConnection({ properties: {} }, 'x')).toBeUndefined();
  });
});
