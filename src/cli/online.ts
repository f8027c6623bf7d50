// The CLI's online options (SPEC sections 3 and 6): --environment and its companions, and the
// credential from @azure/identity's environment convention, else the Azure CLI's login.
import { UsageError } from '../core/errors.js';
import { credentialFromEnvironment } from '../core/online/credentials.js';
import { parseCloud } from '../core/online/endpoints.js';
import { parseOnlineMode, parseOnlineTimeout, type OnlineOptions } from '../core/online/options.js';

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
  const mode = parseOnlineMode(value('online'), '--online');
  const cloud = value('cloud');
  const timeoutMs = parseOnlineTimeout(value('online-timeout'), '--online-timeout');
  const environmentId = value('environment-id');
  return {
    environmentUrl,
    mode,
    ...(cloud !== undefined && { cloud: parseCloud(cloud, '--cloud') }),
    ...(environmentId !== undefined && { environmentId }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    credential: credentialFromEnvironment(env),
    env,
  };
}
