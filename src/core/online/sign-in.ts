// Signing in: every credential is @azure/identity's, loaded with a dynamic import() on the online
// path only, so that an offline run never loads it (ncc bundles it as a chunk of its own).
// Nothing here logs; errors carry no secret.
import {
  credentialSecrets,
  describeCredential,
  signInFailure,
  type OnlineCredential,
  type TokenProvider,
} from './credentials.js';
import type { Agent } from 'node:https';
import type { OnlineEndpoints } from './endpoints.js';
import { OnlineRequestError, trustingContext } from './http.js';
import { httpsAgent, proxyFor, proxyPasswords, type ProxySettings } from './proxy.js';

interface IdentityTokenCredential {
  getToken(
    scopes: string | string[],
    options?: { abortSignal?: AbortSignal },
  ): Promise<{ token: string } | null>;
}

/**
 * A TokenProvider for a credential. `ca` adds a trusted CA for Entra ID (and the Azure Pipelines
 * OIDC endpoint) in this process, as NODE_EXTRA_CA_CERTS does for a new one. Sign-in goes the way
 * the requests go (proxy.ts): an adapter's proxy, else HTTPS_PROXY and NO_PROXY.
 */
export async function tokenProviderFor(
  credential: OnlineCredential,
  endpoints: OnlineEndpoints,
  ca?: string,
  proxy?: ProxySettings,
): Promise<TokenProvider> {
  if (credential.kind === 'token-provider') return credential.provider;
  if (credential.kind === 'none') {
    throw new OnlineRequestError('sign-in', credential.why);
  }
  const identity = await import('@azure/identity');
  // The request's agent, set here, is what core-rest-pipeline sends with: its own proxy agent
  // would drop a trusted CA ("TLS settings are not supported in combination with custom Proxy"),
  // and its NO_PROXY reading differs from the requests'.
  const agents = new Map<string, Agent>();
  const agentFor = (url: URL): Agent => {
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
        position: 'perCall' as const,
        policy: {
          name: 'connrefGateAgent',
          sendRequest(
            request: { url: string; agent?: Agent },
            next: (r: never) => Promise<unknown>,
          ) {
            const url = new URL(request.url);
            if (url.protocol === 'https:') request.agent = agentFor(url);
            return next(request as never);
          },
        },
      },
    ],
  };
  const secrets = [
    ...credentialSecrets(credential),
    ...proxyPasswords(proxy, [endpoints.authorityHost]),
  ];
  let tokenCredential: IdentityTokenCredential;
  try {
    tokenCredential = createCredential(identity, credential, options);
  } catch (error) {
    throw new OnlineRequestError(
      'sign-in',
      `signing in as ${describeCredential(credential)} failed: ${signInFailure(error, secrets)}`,
    );
  }
  return {
    async getToken(scope, signal) {
      let token: { token: string } | null;
      try {
        token = await tokenCredential.getToken(scope, { abortSignal: signal });
      } catch (error) {
        if (signal.aborted) {
          throw new OnlineRequestError('timeout', 'signing in did not finish before the deadline');
        }
        const why = signInFailure(error, secrets);
        throw new OnlineRequestError(
          'sign-in',
          credential.kind === 'azure-cli'
            ? `no credentials: AZURE_TENANT_ID and AZURE_CLIENT_ID with AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE are not set, and the Azure CLI login could not be used (${why})`
            : `signing in as ${describeCredential(credential)} failed: ${why}`,
        );
      }
      if (!token?.token) {
        throw new OnlineRequestError(
          'sign-in',
          `signing in as ${describeCredential(credential)} gave no token`,
        );
      }
      return token.token;
    },
  };
}

type Identity = typeof import('@azure/identity');
type SignInCredential = Exclude<OnlineCredential, { kind: 'token-provider' } | { kind: 'none' }>;

function createCredential(
  identity: Identity,
  credential: SignInCredential,
  options: Record<string, unknown>,
): IdentityTokenCredential {
  switch (credential.kind) {
    case 'client-secret':
      return new identity.ClientSecretCredential(
        credential.tenantId,
        credential.clientId,
        credential.clientSecret,
        options as never,
      );
    case 'client-certificate':
      return new identity.ClientCertificateCredential(
        credential.tenantId,
        credential.clientId,
        {
          certificatePath: credential.certificatePath,
          ...(credential.certificatePassword && {
            certificatePassword: credential.certificatePassword,
          }),
        },
        { ...options, sendCertificateChain: credential.sendCertificateChain ?? false } as never,
      );
    case 'federated-token-file':
      return new identity.WorkloadIdentityCredential({
        ...options,
        tenantId: credential.tenantId,
        clientId: credential.clientId,
        tokenFilePath: credential.tokenFilePath,
      } as never);
    case 'client-assertion':
      return new identity.ClientAssertionCredential(
        credential.tenantId,
        credential.clientId,
        () => credential.getAssertion(),
        options as never,
      );
    case 'azure-pipelines':
      return new identity.AzurePipelinesCredential(
        credential.tenantId,
        credential.clientId,
        credential.serviceConnectionId,
        credential.systemAccessToken,
        options as never,
      );
    case 'managed-identity':
      return new identity.ManagedIdentityCredential({
        ...options,
        ...(credential.clientId && { clientId: credential.clientId }),
      } as never);
    case 'azure-cli':
      return new identity.AzureCliCredential({
        ...(credential.tenantId && { tenantId: credential.tenantId }),
      });
  }
}
