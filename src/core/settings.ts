// Reads `pac solution create-settings` deployment-settings files: the JSON (json.ts, which keeps
// the offsets findings point at), its shape, and the placeholders substituted in its values.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { errorMessage } from './errors.js';
import {
  findMember,
  JsonSyntaxError,
  MAX_JSON_DEPTH,
  parseJson,
  type JsonMember,
  type JsonValue,
} from './json.js';
import type {
  Location,
  SettingsConnectionReference,
  SettingsEnvironmentVariable,
  SettingsFile,
  UnusableSettings,
} from './model.js';
import {
  LineIndex,
  TextDecodingError,
  decodeText,
  escapeControlCharacters,
  oneLine,
} from './text.js';

/** Settings files are a few KB; anything this big is a mistake or an attack on memory. */
export const MAX_SETTINGS_BYTES = 32 * 1024 * 1024;

// The JSON parser moved to json.ts; these names stay importable from here.
export { JsonSyntaxError, MAX_JSON_DEPTH, parseJson, type JsonMember, type JsonValue };

/** Any casing is accepted, since .NET JSON binding (pac) falls back to case-insensitive names. */
function member(object: { members: JsonMember[] }, key: string): JsonMember | undefined {
  return findMember(object.members, key);
}

function kindName(value: JsonValue): string {
  switch (value.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'null':
      return 'null';
  }
}

// ---------------------------------------------------------------------------------------------
// Placeholders (SPEC section 4)

/** Forms substituted from the environment: `#{NAME}#`, `#{NAME}`, `$(NAME)`. */
const SUBSTITUTABLE = /#\{([^{}]+)\}#?|\$\(([^()]+)\)/g;

/** Every placeholder form CR002 recognizes, substituted or not. */
const PLACEHOLDER_FORMS: readonly { exec(value: string): RegExpExecArray | null }[] = [
  /#\{[^{}]+\}#?/,
  /\$\([^()]+\)/,
  // Not /\$\{\{.*?\}\}/: on a value of many `${{` without `}}` that regex is quadratic.
  { exec: findExpression },
  /@@[^@]+@@/,
  /__[A-Za-z][\w.-]*__/,
];

/** `${{ … }}` on one line, as /\$\{\{.*?\}\}/ finds it, in linear time. */
function findExpression(value: string): RegExpExecArray | null {
  const lineBreak = /[\n\r\u2028\u2029]/g;
  for (let start = value.indexOf('${{'); start >= 0;) {
    const end = value.indexOf('}}', start + 3);
    if (end < 0) return null;
    lineBreak.lastIndex = start;
    const breakAt = lineBreak.exec(value)?.index ?? Infinity;
    if (end < breakAt) {
      const match = [value.slice(start, end + 2)] as unknown as RegExpExecArray;
      match.index = start;
      return match;
    }
    start = value.indexOf('${{', breakAt);
  }
  return null;
}

/** The first placeholder left in a value (`#{…}#`, `#{…}`, `$(…)`, `${{ … }}`, `@@…@@`, `__…__`). */
export function findPlaceholder(value: string): string | undefined {
  let first: { index: number; text: string } | undefined;
  for (const form of PLACEHOLDER_FORMS) {
    const match = form.exec(value);
    if (match && (first === undefined || match.index < first.index)) {
      first = { index: match.index, text: match[0] };
    }
  }
  return first?.text;
}

/**
 * The value of a placeholder name. Azure Pipelines exposes variable `a.b` as `A_B`, so after the
 * name as written, the upper-cased name with `.` and spaces as `_` is tried.
 */
function lookUp(name: string, env: Record<string, string | undefined>): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return undefined;
  const direct = Object.hasOwn(env, trimmed) ? env[trimmed] : undefined;
  if (direct !== undefined) return direct;
  const pipelineName = trimmed.toUpperCase().replace(/[.\s]/g, '_');
  return Object.hasOwn(env, pipelineName) ? env[pipelineName] : undefined;
}

export interface Substituted {
  value: string;
  /** True when at least one placeholder was replaced: the value must then never be printed. */
  substituted: boolean;
}

/**
 * Replaces `#{NAME}#`, `#{NAME}` and `$(NAME)` from env in one pass (a replacement is not scanned
 * again). Placeholders without a value stay as they are, for CR002 to report.
 */
export function substitutePlaceholders(
  value: string,
  env: Record<string, string | undefined>,
  secrets?: Set<string>,
): Substituted {
  let substituted = false;
  const result = value.replace(SUBSTITUTABLE, (whole, hashName?: string, dollarName?: string) => {
    const replacement = lookUp(hashName ?? dollarName ?? '', env);
    if (replacement === undefined) return whole;
    substituted = true;
    if (replacement !== '') secrets?.add(replacement);
    return replacement;
  });
  return { value: result, substituted };
}

// ---------------------------------------------------------------------------------------------
// The settings shape

/** Top-level keys of the ALM Accelerator's customDeploymentSettings.json. */
const CUSTOM_DEPLOYMENT_SETTINGS_KEYS = new Set(
  [
    'ActivateFlowConfiguration',
    'SolutionComponentOwnershipConfiguration',
    'FlowShareWithGroupTeamConfiguration',
    'ConnectorShareWithGroupTeamConfiguration',
    'AadGroupCanvasConfiguration',
    'AadGroupTeamConfiguration',
    'WebhookUrls',
    'OrgSettings',
    'SDKMessages',
  ].map((key) => key.toLowerCase()),
);

const EXPECTED_SHAPE =
  'a pac deployment-settings file ({"EnvironmentVariables":[…],"ConnectionReferences":[…]}, as written by `pac solution create-settings`)';

class ShapeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function isAlmPipelineSettings(root: JsonValue): boolean {
  return (
    root.kind === 'array' &&
    root.items.some((item) => item.kind === 'object' && member(item, 'UserSettings') !== undefined)
  );
}

function isCustomDeploymentSettings(root: JsonValue): boolean {
  return (
    root.kind === 'object' &&
    root.members.some((m) => CUSTOM_DEPLOYMENT_SETTINGS_KEYS.has(m.key.toLowerCase()))
  );
}

function requireSection(root: { members: JsonMember[] }, key: string): JsonValue[] {
  const section = member(root, key);
  if (section === undefined) return [];
  if (section.value.kind !== 'array') {
    throw new ShapeError(
      `"${section.key}" is ${kindName(section.value)}; expected an array of entries`,
      section.value.offset,
    );
  }
  return section.value.items;
}

function requireEntryObject(
  item: JsonValue,
  section: string,
  index: number,
): { members: JsonMember[]; offset: number } {
  if (item.kind !== 'object') {
    throw new ShapeError(
      `entry ${index + 1} of "${section}" is ${kindName(item)}; expected an object`,
      item.offset,
    );
  }
  return item;
}

function requireName(
  entry: { members: JsonMember[]; offset: number },
  key: string,
  section: string,
  index: number,
): JsonMember & { value: { kind: 'string'; value: string } } {
  const m = member(entry, key);
  if (m === undefined) {
    throw new ShapeError(
      `entry ${index + 1} of "${section}" has no "${key}"; expected a string`,
      entry.offset,
    );
  }
  if (m.value.kind !== 'string') {
    throw new ShapeError(
      `"${m.key}" in entry ${index + 1} of "${section}" is ${kindName(m.value)}; expected a string`,
      m.value.offset,
    );
  }
  return m as JsonMember & { value: { kind: 'string'; value: string } };
}

/** A string-or-null key: its value (null when missing), and where its key is when present. */
function optionalString(
  entry: { members: JsonMember[] },
  key: string,
  section: string,
  index: number,
): { value: string | null; keyOffset?: number } {
  const m = member(entry, key);
  if (m === undefined) return { value: null };
  if (m.value.kind === 'null') return { value: null, keyOffset: m.keyOffset };
  if (m.value.kind !== 'string') {
    throw new ShapeError(
      `"${m.key}" in entry ${index + 1} of "${section}" is ${kindName(m.value)}; expected a string or null`,
      m.value.offset,
    );
  }
  return { value: m.value.value, keyOffset: m.keyOffset };
}

export type ParseSettingsResult =
  { settings: SettingsFile; secrets: string[] } | { unusable: UnusableSettings };

/**
 * Parses deployment-settings bytes (UTF-8 with or without BOM, UTF-16) and substitutes
 * placeholders from env. `reportPath` names the file in reasons and locations.
 */
export function parseSettings(
  bytes: Uint8Array,
  reportPath: string,
  env: Record<string, string | undefined> = {},
): ParseSettingsResult {
  const name = basename(reportPath);
  let text: string;
  try {
    text = decodeText(bytes, { strict: true });
  } catch (error) {
    if (!(error instanceof TextDecodingError)) throw error;
    return {
      unusable: {
        path: reportPath,
        reason: `${oneLine(name)}: the file ${error.message}; save it as UTF-8`,
        location: { file: reportPath },
      },
    };
  }
  const lines = new LineIndex(text);
  const locate = (offset: number): Location => ({ file: reportPath, ...lines.positionOf(offset) });
  const unusable = (what: string, offset: number): { unusable: UnusableSettings } => {
    const location = locate(offset);
    return {
      unusable: {
        path: reportPath,
        // Keys and characters quoted from the file may hold line breaks: keep one line.
        reason: oneLine(`${name} (line ${location.line}, column ${location.column}): ${what}`),
        location,
      },
    };
  };

  if (text.trim() === '') {
    return unusable(`the file is empty; expected ${EXPECTED_SHAPE}`, 0);
  }

  let root: JsonValue;
  try {
    root = parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return unusable(`not valid JSON: ${error.message}`, error.offset);
    }
    throw error;
  }

  if (isAlmPipelineSettings(root)) {
    return unusable(
      `this is an ALM Accelerator pipeline deployment-settings file (a list of stages with UserSettings such as connectionreference.<name>), not ${EXPECTED_SHAPE}: give the config/<environment>/deploymentSettings.json of the solution instead`,
      root.offset,
    );
  }
  if (root.kind !== 'object') {
    return unusable(`the top level is ${kindName(root)}; expected ${EXPECTED_SHAPE}`, root.offset);
  }
  const hasReferences = member(root, 'ConnectionReferences') !== undefined;
  const hasVariables = member(root, 'EnvironmentVariables') !== undefined;
  if (!hasReferences && !hasVariables) {
    if (isCustomDeploymentSettings(root)) {
      return unusable(
        `this is a customDeploymentSettings.json (ALM Accelerator flow activation, sharing and ownership settings), not ${EXPECTED_SHAPE}: give the deploymentSettings.json next to it instead`,
        root.offset,
      );
    }
    return unusable(
      `the top level holds neither "ConnectionReferences" nor "EnvironmentVariables"; expected ${EXPECTED_SHAPE}`,
      root.offset,
    );
  }

  const secrets = new Set<string>();
  const connectionReferences: SettingsConnectionReference[] = [];
  const environmentVariables: SettingsEnvironmentVariable[] = [];
  try {
    // Findings about a whole entry point at its name; findings about a value at that value's key
    // (the entry's name when the key is missing).
    requireSection(root, 'ConnectionReferences').forEach((item, index) => {
      const entry = requireEntryObject(item, 'ConnectionReferences', index);
      const nameMember = requireName(entry, 'LogicalName', 'ConnectionReferences', index);
      // Names are printed in findings: a line break in one must not start a new log line.
      const logicalName = escapeControlCharacters(nameMember.value.value);
      const rawConnectionId = optionalString(entry, 'ConnectionId', 'ConnectionReferences', index);
      const rawConnectorId = optionalString(entry, 'ConnectorId', 'ConnectionReferences', index);
      const connectionId =
        rawConnectionId.value === null
          ? null
          : substitutePlaceholders(rawConnectionId.value, env, secrets);
      const connectorId =
        rawConnectorId.value === null
          ? null
          : substitutePlaceholders(rawConnectorId.value, env, secrets);
      const location = locate(nameMember.keyOffset);
      connectionReferences.push({
        logicalName,
        connectionId: connectionId?.value ?? null,
        connectorId: connectorId?.value ?? null,
        secret: (connectionId?.substituted ?? false) || (connectorId?.substituted ?? false),
        location,
        connectionIdLocation:
          rawConnectionId.keyOffset === undefined ? location : locate(rawConnectionId.keyOffset),
        connectorIdLocation:
          rawConnectorId.keyOffset === undefined ? location : locate(rawConnectorId.keyOffset),
      });
    });
    requireSection(root, 'EnvironmentVariables').forEach((item, index) => {
      const entry = requireEntryObject(item, 'EnvironmentVariables', index);
      const nameMember = requireName(entry, 'SchemaName', 'EnvironmentVariables', index);
      const schemaName = escapeControlCharacters(nameMember.value.value);
      const rawValue = optionalString(entry, 'Value', 'EnvironmentVariables', index);
      const value =
        rawValue.value === null ? null : substitutePlaceholders(rawValue.value, env, secrets);
      const location = locate(nameMember.keyOffset);
      environmentVariables.push({
        schemaName,
        value: value?.value ?? null,
        secret: value?.substituted ?? false,
        location,
        valueLocation: rawValue.keyOffset === undefined ? location : locate(rawValue.keyOffset),
      });
    });
  } catch (error) {
    if (error instanceof ShapeError) {
      // The message names the key, the entry and what the schema expects there
      // (schema/deployment-settings.schema.json); the location gives line and column.
      return unusable(
        `${error.message} (the shape that pac solution create-settings writes)`,
        error.offset,
      );
    }
    throw error;
  }

  return {
    settings: { path: reportPath, connectionReferences, environmentVariables },
    secrets: [...secrets],
  };
}

/**
 * The bytes of a settings file, or why they cannot be read (one line). A pull request controls
 * this path: never follow a link out of the checkout, never block on a FIFO (O_NONBLOCK), and
 * only read a regular file of a sane size.
 */
export async function readSettingsBytes(
  absPath: string,
  reportPath: string,
): Promise<{ bytes: Uint8Array } | { unusable: UnusableSettings }> {
  const name = oneLine(basename(reportPath));
  const unusable = (reason: string) => ({
    unusable: { path: reportPath, reason, location: { file: reportPath } },
  });
  let handle;
  try {
    handle = await open(absPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOOP') {
      return unusable(
        `${name}: is a symbolic link; settings files are not read through links (a pull request controls them), name the file itself`,
      );
    }
    return unusable(
      `${name}: cannot be read (${oneLine(errorMessage(error))}); check the path and permissions`,
    );
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return unusable(`${name}: is not a regular file; name a JSON file`);
    if (stats.size > MAX_SETTINGS_BYTES) {
      return unusable(
        `${name}: is ${stats.size} bytes, over the ${MAX_SETTINGS_BYTES}-byte limit for a settings file`,
      );
    }
    return { bytes: await handle.readFile() };
  } catch (error) {
    return unusable(
      `${name}: cannot be read (${oneLine(errorMessage(error))}); check the path and permissions`,
    );
  } finally {
    await handle.close();
  }
}

/** Reads and parses a settings file; a read error is an UnusableSettings with the reason. */
export async function readSettingsFile(
  absPath: string,
  reportPath: string,
  env: Record<string, string | undefined> = {},
): Promise<ParseSettingsResult> {
  const read = await readSettingsBytes(absPath, reportPath);
  return 'unusable' in read ? read : parseSettings(read.bytes, reportPath, env);
}

/** Settings for checking without a settings file (SPEC section 2: empty settings). */
export function emptySettings(path = ''): SettingsFile {
  return { path, connectionReferences: [], environmentVariables: [] };
}
