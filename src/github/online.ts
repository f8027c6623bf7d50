// The action's online inputs, named and checked as microsoft/powerplatform-actions does:
// `environment-url`, `tenant-id`, `app-id`, and `client-secret` or, without it, the workflow's
// OIDC token (workload identity federation; the job needs `permissions: id-token: write`).
import * as core from '@actions/core';
import { UsageError } from '../core/errors.js';
import type { OnlineCredential } from '../core/online/credentials.js';
import { parseCloud, resolveEndpoints } from '../core/online/endpoints.js';
import {
  parseOnlineMode,
  parseOnlineTimeout,
  strayOnlineInput,
  type OnlineOptions,
} from '../core/online/options.js';

/** Inputs that mean something only with `environment-url`, with their defaults (lower case). */
const COMPANIONS: Record<string, string> = {
  'tenant-id': '',
  'app-id': '',
  'client-secret': '',
  cloud: '',
  online: 'warn',
  'environment-id': '',
  'online-timeout': '',
};

/**
 * The online options, or undefined without `environment-url`. A companion input without it, or
 * `environment-url` without `tenant-id` and `app-id`, is a UsageError: one line, as
 * powerplatform-actions fails on too few parameters.
 */
export function readOnlineInputs(
  text: (name: string) => string,
  command: 'check' | 'init-check',
): OnlineOptions | undefined {
  // Masked by getInputs before anything else was read.
  const secret = text('client-secret');
  const environmentUrl = text('environment-url');
  if (environmentUrl === '') {
    const stray = strayOnlineInput(COMPANIONS, text);
    if (stray) {
      throw new UsageError(
        `input '${stray}' is for the online checks: give 'environment-url' too (the target's Dataverse URL)`,
      );
    }
    return undefined;
  }
  if (command === 'init-check') {
    throw new UsageError(
      "input 'environment-url' is for command 'check': 'init --check' compares the settings with the solution and asks no environment",
    );
  }
  const tenantId = text('tenant-id');
  const clientId = text('app-id');
  const missing = [tenantId ? undefined : 'tenant-id', clientId ? undefined : 'app-id'].filter(
    (name): name is string => name !== undefined,
  );
  if (missing.length > 0) {
    throw new UsageError(
      `input 'environment-url' needs ${missing.map((name) => `'${name}'`).join(' and ')}: the application that signs in, with 'client-secret' or, without it, the workflow's OIDC token (permissions: id-token: write)`,
    );
  }
  const cloudText = text('cloud');
  const cloud = cloudText ? parseCloud(cloudText, "input 'cloud'") : undefined;
  const mode = parseOnlineMode(text('online') || undefined, 'online');
  const timeoutMs = parseOnlineTimeout(text('online-timeout') || undefined, 'online-timeout');
  // Validated here too, so that the OIDC audience follows the cloud.
  const endpoints = resolveEndpoints({
    environmentUrl,
    ...(cloud && { cloud }),
    env: process.env,
    environmentOption: "input 'environment-url'",
  });
  let credential: OnlineCredential;
  if (secret) {
    credential = { kind: 'client-secret', tenantId, clientId, clientSecret: secret };
  } else if (!process.env['ACTIONS_ID_TOKEN_REQUEST_URL']) {
    credential = {
      kind: 'none',
      why: "no credentials: without 'client-secret' the action signs in with the workflow's OIDC token, which GitHub gives only to a job with 'permissions: id-token: write'",
    };
  } else {
    const audience = endpoints.oidcAudience;
    credential = {
      kind: 'client-assertion',
      tenantId,
      clientId,
      source: "the workflow's OIDC token",
      // @actions/core masks the token it returns.
      getAssertion: () => core.getIDToken(audience),
    };
  }
  const environmentId = text('environment-id');
  return {
    environmentUrl,
    environmentOption: "input 'environment-url'",
    mode,
    ...(cloud && { cloud }),
    ...(environmentId && { environmentId }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    credential,
    env: process.env,
  };
}
