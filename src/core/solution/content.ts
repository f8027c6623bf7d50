// Reading the text, XML and JSON files of a solution, and walking the parsed XML. Bad content in
// a file that matters is SolutionContentError: SL001 at that file.
import type { LineIndex } from '../text.js';
import { decodeText, TextDecodingError } from '../text.js';
import { readXml, XmlSyntaxError } from '../xml.js';
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
 * refuses them, and sections are cut at ASCII `<`, so no pair is split.
 */
// eslint-disable-next-line no-control-regex
export const INVALID_XML_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Whether a text holds a DOCTYPE (any case); indexOf first, as `<!` is rare in Dataverse XML. */
export function hasDoctype(text: string): boolean {
  for (let at = text.indexOf('<!'); at !== -1; at = text.indexOf('<!', at + 2)) {
    if (text.slice(at + 2, at + 9).toUpperCase() === 'DOCTYPE') return true;
  }
  return false;
}

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

export function parseXml(
  text: string,
  where: string,
  keepChildren?: ReadonlyMap<string, ReadonlySet<string>>,
): XmlNode {
  // Dataverse never writes a DOCTYPE; refusing it rules out entity expansion attacks outright.
  if (hasDoctype(text)) {
    throw new SolutionContentError(
      `${where} has a DOCTYPE, which Dataverse never writes; refusing to read it`,
      where,
    );
  }
  const invalid = INVALID_XML_CHARACTER.exec(text);
  if (invalid) {
    const code = invalid[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new SolutionContentError(
      `${where} is not well-formed XML (character U+${code} is not allowed in XML); re-export or re-unpack the solution`,
      where,
    );
  }
  try {
    return readXml(text, { arrayNames: ARRAY_ELEMENTS, maxDepth: MAX_XML_DEPTH, keepChildren });
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
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

/**
 * The `<tag>…</tag>` section of a large customizations.xml, parsed on its own: the rules need
 * four small sections, not the (often many-MB) entity metadata around them.
 */
export function parseSection(
  xml: string,
  tag: string,
  where: string,
  keepChildren?: ReadonlyMap<string, ReadonlySet<string>>,
): { node: unknown; offset: number } | undefined {
  // Not `<tag(\s[^>]*?)?(/?)>`: on many `<tag ` without a `>` that regex is quadratic.
  const open = new RegExp(`<${tag}(?=[\\s/>])`).exec(xml);
  if (!open) return undefined;
  const openEnd = xml.indexOf('>', open.index);
  if (openEnd < 0) return undefined;
  if (xml[openEnd - 1] === '/') return { node: '', offset: open.index };
  const closeTag = `</${tag}>`;
  const end = xml.indexOf(closeTag, open.index);
  if (end < 0) {
    throw new SolutionContentError(
      `${where} is truncated: <${tag}> is never closed; re-export the solution`,
      where,
    );
  }
  const parsed = parseXml(xml.slice(open.index, end + closeTag.length), where, keepChildren);
  return { node: parsed[tag], offset: open.index };
}

/**
 * The `<tag>` elements of a parsed section of customizations.xml, each with where it is: the
 * lines come from the raw text, as the parser keeps no positions.
 */
export function sectionElements(
  xml: string,
  section: { node: unknown; offset: number },
  tag: string,
  where: string,
  lines: () => LineIndex,
): { element: unknown; location: Location }[] {
  const pattern = new RegExp(`<${tag}[\\s>]`, 'g');
  pattern.lastIndex = section.offset;
  return asArray(child(section.node, tag)).map((element) => {
    const match = pattern.exec(xml);
    return {
      element,
      location: match ? { file: where, line: lines().lineOf(match.index) } : { file: where },
    };
  });
}
