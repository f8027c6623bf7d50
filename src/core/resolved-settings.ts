// `--resolved-settings`: the settings after placeholder substitution, restricted to what the
// solution defines, in the pac format, for `pac solution import --settings-file`. This file is
// the one output that holds substituted (secret) values, so it is written with mode 0600 and its
// content is never printed.
import { resolve } from 'node:path';
import { UsageError } from './errors.js';
import type { ReportSolution, SettingsFile } from './model.js';
import { toReportPath, writeRegularFile } from './paths.js';
import { isBlank, nameKey } from './rules/helpers.js';

export interface ResolvedSettings {
  /** The JSON text, ready for `pac solution import --settings-file`. Holds secrets. */
  text: string;
  connectionReferences: number;
  environmentVariables: number;
}

/**
 * The pac settings for one solution: an entry per connection reference and environment variable
 * that both the solution and the settings have, with the solution's spelling of the name, in the
 * settings file's order. Extra keys (ConnectionOwner) are dropped; so are variables whose Value is
 * null, so that the solution's default or current value applies. A missing ConnectorId is taken
 * from the solution. The first of duplicate entries wins (duplicates are CR005/EV005 errors).
 */
export function resolveSettings(
  solution: ReportSolution,
  settings: SettingsFile,
): ResolvedSettings {
  const references = new Map(solution.connectionReferences.map((r) => [nameKey(r.logicalName), r]));
  const variables = new Map(solution.environmentVariables.map((v) => [nameKey(v.schemaName), v]));

  const ConnectionReferences: { LogicalName: string; ConnectionId: string; ConnectorId: string }[] =
    [];
  const seenReferences = new Set<string>();
  for (const entry of settings.connectionReferences) {
    const key = nameKey(entry.logicalName);
    const ref = references.get(key);
    if (ref === undefined || seenReferences.has(key)) continue;
    seenReferences.add(key);
    ConnectionReferences.push({
      LogicalName: ref.logicalName,
      ConnectionId: entry.connectionId ?? '',
      ConnectorId: isBlank(entry.connectorId) ? ref.connectorId : entry.connectorId!,
    });
  }

  const EnvironmentVariables: { SchemaName: string; Value: string }[] = [];
  const seenVariables = new Set<string>();
  for (const entry of settings.environmentVariables) {
    const key = nameKey(entry.schemaName);
    const variable = variables.get(key);
    if (variable === undefined || seenVariables.has(key)) continue;
    seenVariables.add(key);
    if (entry.value === null) continue;
    EnvironmentVariables.push({ SchemaName: variable.schemaName, Value: entry.value });
  }

  return {
    text: `${JSON.stringify({ EnvironmentVariables, ConnectionReferences }, null, 2)}\n`,
    connectionReferences: ConnectionReferences.length,
    environmentVariables: EnvironmentVariables.length,
  };
}

/**
 * Writes a file that only its owner may read (mode 0600), also when it already existed with a
 * wider mode: the mode is set on the open file before any byte of the content is written.
 */
export async function writePrivateFile(path: string, text: string, cwd: string): Promise<void> {
  const absPath = resolve(cwd, path);
  try {
    // Not through a link a pull request placed there: these bytes hold the secrets.
    await writeRegularFile(absPath, text, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot write ${toReportPath(absPath, cwd)} (${code}): check the path`);
  }
}
