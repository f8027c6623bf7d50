// Reading the text, XML and JSON files of a solution, and walking the parsed XML. Bad content in
// a file that matters is SolutionContentError: SL001 at that file.
import { decodeText, TextDecodingError } from '../text.js';
import { elementLine, readXml, XmlSyntaxError } from '../xml.js';
import { SolutionFileError, type SolutionFiles } from './files.js';
import type { Location } from '../model.js';

export type XmlNode = Record<string, unknown>;

export const ARRAY_ELEMENTS = new Set([
  'connectionreference',
  'Workflow',
  'CanvasApp',
  'Connector',
  'MissingDependency',
  'LocalizedName',
  'environmentvariabledefinition',
  // Copilot Studio relation sets (Assets/botcomponent_*set.xml): one row per pair.
  'botcomponent_connectionreference',
  'botcomponent_dvtablesearch',
]);

/** Real solution files nest less than 20 deep; deeper is hostile or broken. */
export const MAX_XML_DEPTH = 100;

/** Invalid XML in a file that matters: SL001 at that file. */
export class SolutionContentError extends SolutionFileError {}

/**
 * Characters XML 1.0 forbids: C0 controls but tab/LF/CR, U+FFFE and U+FFFF. Lone surrogates are
 * forbidden too, but text reaches the parser only through strict decoding (readText), which
 * refuses them.
 */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Reads a file as text; bytes that are not valid UTF-8/UTF-16 are SL001 at that file. */
export function readText(files: SolutionFiles, path: string): string {
  const bytes = files.read(path);
  try {
    return decodeText(bytes, { strict: true });
  } catch (error) {
    if (!(error instanceof TextDecodingError)) throw error;
    const where = files.where(path);
    throw new SolutionContentError(
      `${where} ${error.message}; re-export or re-unpack the solution`,
      where,
    );
  }
}

/**
 * Parses a solution XML file into the node shape of ../xml.ts; anything not well-formed, a
 * DOCTYPE or nesting past MAX_XML_DEPTH is SL001 at that file. `keepChildren` and `sections`
 * limit what is built (see XmlReadOptions); the rest is skipped, and only partly checked.
 */
export function parseXml(
  text: string,
  where: string,
  keepChildren?: ReadonlyMap<string, ReadonlySet<string>>,
  sections?: ReadonlySet<string>,
): XmlNode {
  const invalid = INVALID_XML_CHARACTER.exec(text);
  if (invalid) {
    const code = invalid[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new SolutionContentError(
      `${where} is not well-formed XML (character U+${code} is not allowed in XML); re-export or re-unpack the solution`,
      where,
    );
  }
  try {
    return readXml(text, {
      arrayNames: ARRAY_ELEMENTS,
      maxDepth: MAX_XML_DEPTH,
      keepChildren,
      sections,
    });
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    if (error.refused) {
      // Dataverse never writes a DOCTYPE; refusing it rules out entity expansion attacks outright.
      throw new SolutionContentError(
        `${where} has a DOCTYPE (line ${error.line}), which Dataverse never writes; refusing to read it`,
        where,
      );
    }
    throw new SolutionContentError(
      `${where} is not well-formed XML (${error.message}); re-export or re-unpack the solution`,
      where,
    );
  }
}

export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SolutionContentError(
      `${where} is not valid JSON (${(error as Error).message}); re-export or re-unpack the solution`,
      where,
    );
  }
}

export function isObject(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text content of an element that may also carry attributes. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isObject(value) && typeof value['#text'] === 'string') return value['#text'];
  if (isObject(value) || value === '') return '';
  return undefined;
}

export function child(node: unknown, name: string): unknown {
  return isObject(node) ? node[name] : undefined;
}

export function childText(node: unknown, name: string): string | undefined {
  return textOf(child(node, name));
}

export function attr(node: unknown, name: string): string | undefined {
  const value = child(node, `@${name}`);
  return typeof value === 'string' ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Finds a case-insensitively named child: exports differ in the case of a few elements. */
export function childCI(node: unknown, name: string): unknown {
  if (!isObject(node)) return undefined;
  if (name in node) return node[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(node)) if (key.toLowerCase() === lower) return node[key];
  return undefined;
}

/** Where a built element starts: the file, and the line when the element is an object. */
export function elementLocation(element: unknown, where: string): Location {
  const line = elementLine(element);
  return line === undefined ? { file: where } : { file: where, line };
}
