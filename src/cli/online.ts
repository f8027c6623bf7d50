// The CLI's online options (SPEC sections 3 and 6): --environment and its companions, and the
// credential from @azure/identity's environment convention, else the Azure CLI's login.
import { UsageError } from '../core/errors.js';
import { credentialFromEnvironment } from '../core/online/credentials.js';
import { parseCloud } from '../core/online/endpoints.js';
import type { OnlineMode, OnlineOptions } from '../core/online/options.js';

export const ONLINE_OPTION_NAMES = [
  'environment',
  'online',
  'cloud',
  'environment-id',
  'online-timeout',
];

/**
 * The online options from the parsed values, or undefined without --environment. Its companions
 * without it are a usage error: they would silently do nothing.
 */
export function onlineOptions(
  value: (name: string) => string | undefined,
  env: Record<string, string | undefined>,
): OnlineOptions | undefined {
  const environmentUrl = value('environment');
  if (environmentUrl === undefined) {
    const stray = ONLINE_OPTION_NAMES.find(
      (name) => name !== 'environment' && value(name) !== undefined,
    );
    if (stray) {
      throw new UsageError(`--${stray} is for the online checks: give --environment URL too`);
    }
    return undefined;
  }
  const modeText = (value('online') ?? 'warn').trim().toLowerCase();
  if (modeText !== 'warn' && modeText !== 'strict') {
    throw new UsageError(`bad --online ${value('online')}: use warn or strict`);
  }
  const cloud = value('cloud');
  const timeout = value('online-timeout');
  let timeoutMs: number | undefined;
  if (timeout !== undefined) {
    const seconds = Number(timeout);
    if (!/^\d+(\.\d+)?$/.test(timeout.trim()) || !(seconds > 0) || seconds > 3600) {
      throw new UsageError(`bad --online-timeout ${timeout}: give seconds, e.g. 60 (at most 3600)`);
    }
    timeoutMs = Math.round(seconds * 1000);
  }
  const environmentId = value('environment-id');
  return {
    environmentUrl,
    mode: modeText as OnlineMode,
    ...(cloud !== undefined && { cloud: parseCloud(cloud, '--cloud') }),
    ...(environmentId !== undefined && { environmentId }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    credential: credentialFromEnvironment(env),
    env,
  };
}
