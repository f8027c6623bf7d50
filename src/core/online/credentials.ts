// How the online checks sign in, as the adapters describe it (OnlineCredential). Light on purpose:
// the adapters load it at start-up; sign-in.ts turns a credential into a TokenProvider with
// @azure/identity on the online path only.
import { UsageError } from '../errors.js';
import { oneLine } from '../text.js';
import { envValue } from './endpoints.js';

/** Gives an access token for a scope. The online stage asks once per scope. */
export interface TokenProvider {
  getToken(scope: string, signal: AbortSignal): Promise<string>;
}

/** How to sign in, as an adapter (or the environment) describes it. */
export type OnlineCredential =
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string }
  | {
      kind: 'client-certificate';
      tenantId: string;
      clientId: string;
      certificatePath: string;
      certificatePassword?: string;
      sendCertificateChain?: boolean;
    }
  /** A federated token in a file (AZURE_FEDERATED_TOKEN_FILE: Kubernetes, other CI). */
  | { kind: 'federated-token-file'; tenantId: string; clientId: string; tokenFilePath: string }
  /** A federated token from a callback: the GitHub workflow's OIDC token. */
  | {
      kind: 'client-assertion';
      tenantId: string;
      clientId: string;
      /** Names the source in messages, e.g. `the workflow's OIDC token`. */
      source: string;
      getAssertion(): Promise<string>;
    }
  /** Azure Pipelines workload identity federation (a service connection). */
  | {
      kind: 'azure-pipelines';
      tenantId: string;
      clientId: string;
      serviceConnectionId: string;
      systemAccessToken: string;
    }
  /**
   * The host's managed identity (a self-hosted agent on an Azure VM): system-assigned, or the
   * user-assigned one with this client id.
   */
  | { kind: 'managed-identity'; clientId?: string }
  /** The Azure CLI's login (`az login`), for a person at a terminal. */
  | { kind: 'azure-cli'; tenantId?: string }
  /** A provider given by the caller (embedding, tests). */
  | { kind: 'token-provider'; provider: TokenProvider; description: string }
  /** No way to sign in: every online check is OL001 with `why`. */
  | { kind: 'none'; why: string };

/** The secrets a credential holds: redacted from any message, masked by the adapters. */
export function credentialSecrets(credential: OnlineCredential): string[] {
  switch (credential.kind) {
    case 'client-secret':
      return [credential.clientSecret];
    case 'client-certificate':
      return credential.certificatePassword ? [credential.certificatePassword] : [];
    case 'azure-pipelines':
      return [credential.systemAccessToken];
    default:
      return [];
  }
}

/** Who signs in, in words (no secret): for OL001 messages and logs. */
export function describeCredential(credential: OnlineCredential): string {
  switch (credential.kind) {
    case 'client-secret':
      return `application ${credential.clientId} with a client secret`;
    case 'client-certificate':
      return `application ${credential.clientId} with a certificate`;
    case 'federated-token-file':
      return `application ${credential.clientId} with the federated token in ${credential.tokenFilePath}`;
    case 'client-assertion':
      return `application ${credential.clientId} with ${credential.source}`;
    case 'azure-pipelines':
      return `application ${credential.clientId} with workload identity federation (service connection ${credential.serviceConnectionId})`;
    case 'managed-identity':
      return credential.clientId
        ? `the managed identity ${credential.clientId}`
        : "the host's managed identity";
    case 'azure-cli':
      return 'the Azure CLI login';
    case 'token-provider':
      return credential.description;
    case 'none':
      return 'no credentials';
  }
}

/**
 * The CLI's credential from @azure/identity's environment convention: AZURE_TENANT_ID and
 * AZURE_CLIENT_ID with AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or
 * AZURE_FEDERATED_TOKEN_FILE; with none of those three, the Azure CLI's login. A secret,
 * certificate or token file without the ids is a UsageError: it means a service principal was
 * meant and the run would otherwise sign in as someone else.
 */
export function credentialFromEnvironment(
  env: Record<string, string | undefined>,
): OnlineCredential {
  const get = (name: string) => envValue(env, name);
  const tenantId = get('AZURE_TENANT_ID');
  const clientId = get('AZURE_CLIENT_ID');
  const secret = Object.hasOwn(env, 'AZURE_CLIENT_SECRET') ? env['AZURE_CLIENT_SECRET'] : undefined;
  const certificatePath = get('AZURE_CLIENT_CERTIFICATE_PATH');
  const tokenFilePath = get('AZURE_FEDERATED_TOKEN_FILE');
  const given = [
    secret ? 'AZURE_CLIENT_SECRET' : undefined,
    certificatePath ? 'AZURE_CLIENT_CERTIFICATE_PATH' : undefined,
    tokenFilePath ? 'AZURE_FEDERATED_TOKEN_FILE' : undefined,
  ].filter((name): name is string => name !== undefined);
  if (given.length === 0) return { kind: 'azure-cli', ...(tenantId && { tenantId }) };
  const missing = [
    tenantId ? undefined : 'AZURE_TENANT_ID',
    clientId ? undefined : 'AZURE_CLIENT_ID',
  ].filter((name): name is string => name !== undefined);
  if (missing.length > 0) {
    throw new UsageError(
      `${given[0]} is set but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not: set both to sign in as that service principal, or unset ${given[0]} to use the Azure CLI login`,
    );
  }
  if (secret) {
    return {
      kind: 'client-secret',
      tenantId: tenantId!,
      clientId: clientId!,
      clientSecret: secret,
    };
  }
  if (certificatePath) {
    const password = env['AZURE_CLIENT_CERTIFICATE_PASSWORD'];
    const chain = get('AZURE_CLIENT_SEND_CERTIFICATE_CHAIN');
    return {
      kind: 'client-certificate',
      tenantId: tenantId!,
      clientId: clientId!,
      certificatePath,
      ...(password && { certificatePassword: password }),
      ...(chain && { sendCertificateChain: chain === '1' || chain.toLowerCase() === 'true' }),
    };
  }
  return {
    kind: 'federated-token-file',
    tenantId: tenantId!,
    clientId: clientId!,
    tokenFilePath: tokenFilePath!,
  };
}

/** A one-line reason from an @azure/identity error, without trace ids or secrets. */
export function signInFailure(error: unknown, secrets: readonly string[]): string {
  const name = error instanceof Error ? error.name : 'Error';
  let message = error instanceof Error ? error.message : String(error);
  // AADSTS texts go on with trace and correlation ids and a timestamp: not useful in a finding.
  message = message.split(/\s+Trace ID:|\r?\n\s*Trace ID:/)[0] ?? message;
  for (const secret of secrets) {
    if (secret.length >= 4) message = message.split(secret).join('***');
  }
  const text = oneLine(message.replace(/\s+/g, ' ').trim(), 400);
  return name === 'Error' || text.includes(name) ? text : `${name}: ${text}`;
}
