// Reads `pac solution create-settings` deployment-settings files.
//
// A small JSON parser of our own instead of JSON.parse: findings must point at the line of each
// entry, syntax errors must say line and column, and a hostile file must neither pollute
// prototypes (objects are kept as key/value lists, never assigned into) nor overflow the stack.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { errorMessage } from './errors.js';
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

/** Deeper nesting than this is no settings file; the limit keeps recursion far from the stack. */
export const MAX_JSON_DEPTH = 256;

/** Settings files are a few KB; anything this big is a mistake or an attack on memory. */
export const MAX_SETTINGS_BYTES = 32 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// JSON with offsets

export interface JsonMember {
  key: string;
  keyOffset: number;
  value: JsonValue;
}

export type JsonValue =
  | { kind: 'object'; offset: number; members: JsonMember[] }
  | { kind: 'array'; offset: number; items: JsonValue[] }
  | { kind: 'string'; offset: number; value: string }
  | { kind: 'number'; offset: number; raw: string }
  | { kind: 'boolean'; offset: number; value: boolean }
  | { kind: 'null'; offset: number };

export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const ESCAPES: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, {
    '"': '"',
    '\\': '\\',
    '/': '/',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
  }),
);

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'end of file';
  if (ch === '\n') return 'a line break';
  if (ch === '\r') return 'a carriage return';
  if (ch === '\t') return 'a tab';
  const code = ch.charCodeAt(0);
  if (code < 0x20) return `control character U+${code.toString(16).padStart(4, '0')}`;
  return `'${ch}'`;
}

/**
 * The common cases, matched natively: a settings file is mostly plain strings and indentation, and
 * a character loop over them ran cold (before the JIT) on every start. Anything else (escapes,
 * control characters, an unterminated string) falls to the loop, which says what is wrong.
 */
// eslint-disable-next-line no-control-regex -- a JSON string may not hold them unescaped
const PLAIN_STRING = /"[^"\\\u0000-\u001f]*"/y;
const JSON_SPACE = /[ \t\n\r]*/y;

class JsonParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseDocument(): JsonValue {
    this.skipWhitespace();
    const value = this.parseValue(0);
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      this.fail(`unexpected ${describeChar(this.text[this.pos])} after the end of the JSON value`);
    }
    return value;
  }

  private fail(message: string, offset = this.pos): never {
    throw new JsonSyntaxError(message, offset);
  }

  private skipWhitespace(): void {
    const ch = this.text.charCodeAt(this.pos);
    if (ch !== 0x20 && ch !== 0x0a && ch !== 0x0d && ch !== 0x09) return;
    JSON_SPACE.lastIndex = this.pos;
    JSON_SPACE.test(this.text);
    this.pos = JSON_SPACE.lastIndex;
  }

  private parseValue(depth: number): JsonValue {
    const ch = this.text[this.pos];
    const offset = this.pos;
    switch (ch) {
      case '{':
        return this.parseObject(depth + 1);
      case '[':
        return this.parseArray(depth + 1);
      case '"':
        return { kind: 'string', offset, value: this.parseString() };
      case 't':
        this.expectWord('true');
        return { kind: 'boolean', offset, value: true };
      case 'f':
        this.expectWord('false');
        return { kind: 'boolean', offset, value: false };
      case 'n':
        this.expectWord('null');
        return { kind: 'null', offset };
      default:
        if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
          return { kind: 'number', offset, raw: this.parseNumber() };
        }
        return this.fail(`unexpected ${describeChar(ch)}; expected a JSON value`);
    }
  }

  private checkDepth(depth: number): void {
    if (depth > MAX_JSON_DEPTH) {
      this.fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
    }
  }

  private parseObject(depth: number): JsonValue {
    this.checkDepth(depth);
    const offset = this.pos;
    this.pos++;
    const members: JsonMember[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', offset, members };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') {
        const what =
          this.text[this.pos] === '}' ? "'}' after a comma" : describeChar(this.text[this.pos]);
        this.fail(`unexpected ${what}; expected a property name in double quotes`);
      }
      const keyOffset = this.pos;
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') {
        this.fail(`unexpected ${describeChar(this.text[this.pos])}; expected ':' after "${key}"`);
      }
      this.pos++;
      this.skipWhitespace();
      members.push({ key, keyOffset, value: this.parseValue(depth) });
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return { kind: 'object', offset, members };
      }
      this.fail(`unexpected ${describeChar(next)}; expected ',' or '}' in the object`);
    }
  }

  private parseArray(depth: number): JsonValue {
    this.checkDepth(depth);
    const offset = this.pos;
    this.pos++;
    const items: JsonValue[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', offset, items };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] === ']') this.fail("unexpected ']' after a comma; expected a value");
      items.push(this.parseValue(depth));
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return { kind: 'array', offset, items };
      }
      this.fail(`unexpected ${describeChar(next)}; expected ',' or ']' in the array`);
    }
  }

  private parseString(): string {
    const text = this.text;
    const start = this.pos;
    PLAIN_STRING.lastIndex = start;
    if (PLAIN_STRING.test(text)) {
      this.pos = PLAIN_STRING.lastIndex;
      return text.slice(start + 1, this.pos - 1);
    }
    this.pos++;
    let out = '';
    let chunkStart = this.pos;
    for (;;) {
      if (this.pos >= text.length) this.fail('unterminated string', start);
      const code = text.charCodeAt(this.pos);
      if (code === 0x22) {
        out += text.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (code < 0x20) {
        this.fail(`${describeChar(text[this.pos])} inside a string; escape it`);
      }
      if (code !== 0x5c) {
        this.pos++;
        continue;
      }
      out += text.slice(chunkStart, this.pos);
      const escape = text[this.pos + 1];
      if (escape === 'u') {
        const hex = text.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape; expected four hex digits');
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
      } else if (escape !== undefined && Object.hasOwn(ESCAPES, escape)) {
        out += ESCAPES[escape];
        this.pos += 2;
      } else {
        this.fail(`bad escape \\${escape ?? ''} in a string`);
      }
      chunkStart = this.pos;
    }
  }

  private parseNumber(): string {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = this.pos;
    const found = match.exec(this.text);
    if (!found || found[0] === '-') this.fail('bad number');
    this.pos += found[0].length;
    return found[0];
  }

  private expectWord(word: string): void {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return;
    }
    this.fail(`unexpected ${describeChar(this.text[this.pos])}; expected a JSON value`);
  }
}

/** Parses JSON text into a tree that keeps offsets. Throws JsonSyntaxError with an offset. */
export function parseJson(text: string): JsonValue {
  return new JsonParser(text).parseDocument();
}

/**
 * The last member named `key` (as JSON.parse keeps the last duplicate): exact spelling first, else
 * any casing, since .NET JSON binding (pac) falls back to case-insensitive property names.
 */
function member(object: { members: JsonMember[] }, key: string): JsonMember | undefined {
  let loose: JsonMember | undefined;
  const lower = key.toLowerCase();
  for (let i = object.members.length - 1; i >= 0; i--) {
    const m = object.members[i]!;
    if (m.key === key) return m;
    if (loose === undefined && m.key.toLowerCase() === lower) loose = m;
  }
  return loose;
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
): string {
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
  return m.value.value;
}

function optionalString(
  entry: { members: JsonMember[] },
  key: string,
  section: string,
  index: number,
): string | null {
  const m = member(entry, key);
  if (m === undefined || m.value.kind === 'null') return null;
  if (m.value.kind !== 'string') {
    throw new ShapeError(
      `"${m.key}" in entry ${index + 1} of "${section}" is ${kindName(m.value)}; expected a string or null`,
      m.value.offset,
    );
  }
  return m.value.value;
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
    requireSection(root, 'ConnectionReferences').forEach((item, index) => {
      const entry = requireEntryObject(item, 'ConnectionReferences', index);
      // Names are printed in findings: a line break in one must not start a new log line.
      const logicalName = escapeControlCharacters(
        requireName(entry, 'LogicalName', 'ConnectionReferences', index),
      );
      const rawConnectionId = optionalString(entry, 'ConnectionId', 'ConnectionReferences', index);
      const rawConnectorId = optionalString(entry, 'ConnectorId', 'ConnectionReferences', index);
      const connectionId =
        rawConnectionId === null ? null : substitutePlaceholders(rawConnectionId, env, secrets);
      const connectorId =
        rawConnectorId === null ? null : substitutePlaceholders(rawConnectorId, env, secrets);
      connectionReferences.push({
        logicalName,
        connectionId: connectionId?.value ?? null,
        connectorId: connectorId?.value ?? null,
        secret: (connectionId?.substituted ?? false) || (connectorId?.substituted ?? false),
        location: locate(entry.offset),
      });
    });
    requireSection(root, 'EnvironmentVariables').forEach((item, index) => {
      const entry = requireEntryObject(item, 'EnvironmentVariables', index);
      const schemaName = escapeControlCharacters(
        requireName(entry, 'SchemaName', 'EnvironmentVariables', index),
      );
      const rawValue = optionalString(entry, 'Value', 'EnvironmentVariables', index);
      const value = rawValue === null ? null : substitutePlaceholders(rawValue, env, secrets);
      environmentVariables.push({
        schemaName,
        value: value?.value ?? null,
        secret: value?.substituted ?? false,
        location: locate(entry.offset),
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
