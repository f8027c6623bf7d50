// Cloud-flow JSON: the part of a solution that grows with it (2,000 flows are 15 MB of JSON, most
// of a big check's work). Only `properties.connectionReferences` is parsed, found with native
// searches over the bytes.
import { isUtf8 } from 'node:buffer';
import type { FlowConnection } from '../model.js';
import { detectEncoding, decodeText, TextDecodingError } from '../text.js';

/** A flow file that is not valid text or JSON; the message reads after the file's name. */
export class FlowContentError extends Error {
  override name = 'FlowContentError';
}

/** The last path segment of a connector id: the api name. */
export function apiNameOf(connectorId: string): string {
  const segments = connectorId.split('/').filter((s) => s !== '');
  return segments[segments.length - 1] ?? connectorId;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(node: unknown, name: string): unknown {
  return isObject(node) ? node[name] : undefined;
}

/** The connections of a flow from its `properties.connectionReferences`, sorted by key. */
function flowConnections(references: unknown): FlowConnection[] {
  const connections: FlowConnection[] = [];
  if (!isObject(references)) return connections;
  for (const key of Object.keys(references)) {
    const entry = references[key];
    const api = child(entry, 'api');
    const logicalName = child(child(entry, 'connection'), 'connectionReferenceLogicalName');
    const apiName = child(api, 'name');
    const id = child(entry, 'id');
    const connection: FlowConnection = {
      key,
      // Older exports carry only `id: /providers/.../apis/<name>`.
      api: typeof apiName === 'string' ? apiName : typeof id === 'string' ? apiNameOf(id) : key,
      connectionReference:
        typeof logicalName === 'string' && logicalName !== '' ? logicalName : null,
    };
    const apiLogicalName = child(api, 'logicalName');
    if (typeof apiLogicalName === 'string') connection.apiLogicalName = apiLogicalName;
    const runtimeSource = child(entry, 'runtimeSource');
    if (typeof runtimeSource === 'string') connection.runtimeSource = runtimeSource;
    connections.push(connection);
  }
  return connections.length > 1
    ? connections.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    : connections;
}

// ---------------------------------------------------------------------------------------------
// One flow file

const isJsonSpace = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

const DEFINITION_KEY = Buffer.from('"definition"');
/** The head of every export, up to the `{` that opens the references (JSON space allowed). */
const FLOW_HEAD =
  /^[ \t\r\n]*\{[ \t\r\n]*"properties"[ \t\r\n]*:[ \t\r\n]*\{[ \t\r\n]*"connectionReferences"[ \t\r\n]*:[ \t\r\n]*\{/;

/**
 * `properties.connectionReferences` of a flow, parsed on its own. Every export starts
 * `{"properties": {"connectionReferences": {…}, "definition": …`, and the definition after it is
 * most of the file and nothing a rule reads. The references end at the `}` before
 * `, "definition"`: a quote inside a JSON string is escaped, so that key cannot hide in one, and
 * the slice must parse as one object, so a cut anywhere else fails. Native searches and
 * JSON.parse do the work; a byte loop in JavaScript cost more on a cold start than all of them.
 * Undefined when the file is shaped otherwise or looks truncated; the caller then parses the
 * whole file, so a malformed file is still SL001.
 */
function leadingConnectionReferences(utf8: Buffer): unknown {
  let end = utf8.length - 1;
  while (isJsonSpace(utf8[end])) end--;
  if (utf8[end] !== 0x7d) return undefined;
  // One native match over the head (latin1 keeps byte offsets: the head is ASCII).
  const head = FLOW_HEAD.exec(utf8.toString('latin1', 0, 256));
  if (!head) return undefined;
  const start = head[0].length - 1;
  const key = utf8.indexOf(DEFINITION_KEY, start);
  if (key < 0) return undefined;
  let close = key - 1;
  while (isJsonSpace(utf8[close])) close--;
  if (utf8[close] !== 0x2c /* , */) return undefined;
  close--;
  while (isJsonSpace(utf8[close])) close--;
  if (utf8[close] !== 0x7d) return undefined;
  try {
    const references = JSON.parse(utf8.toString('utf8', start, close + 1)) as unknown;
    return isObject(references) ? references : undefined;
  } catch {
    return undefined;
  }
}

const REEXPORT = 're-export or re-unpack the solution';

/**
 * The connections of one flow file's bytes (UTF-8 with or without a BOM, or UTF-16). Throws
 * FlowContentError for bytes that are not valid text or JSON.
 */
export function readFlowConnections(bytes: Buffer): FlowConnection[] {
  const { encoding, start } = detectEncoding(bytes);
  let utf8: Buffer;
  if (encoding === 'utf8') {
    utf8 = start === 0 ? bytes : bytes.subarray(start);
    // The whole file is checked, not only the part parsed: invalid bytes are SL001 anywhere.
    if (!isUtf8(utf8)) throw new FlowContentError(`is not valid UTF-8 text; ${REEXPORT}`);
  } else {
    try {
      utf8 = Buffer.from(decodeText(bytes, { strict: true }), 'utf8');
    } catch (error) {
      if (!(error instanceof TextDecodingError)) throw error;
      throw new FlowContentError(`${error.message}; ${REEXPORT}`);
    }
  }
  const references = leadingConnectionReferences(utf8);
  if (references !== undefined) return flowConnections(references);
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.toString('utf8'));
  } catch (error) {
    throw new FlowContentError(`is not valid JSON (${(error as Error).message}); ${REEXPORT}`);
  }
  return flowConnections(child(child(parsed, 'properties'), 'connectionReferences'));
}
