// A small, strict XML reader for Dataverse solution files.
//
// Why not fast-xml-parser here: on a solution with 2,000 flows it spent about half of the whole
// check validating and then parsing customizations.xml and solution.xml (see README,
// Performance). Dataverse writes plain XML: elements, attributes, text, the five predefined
// entities and character references, comments, CDATA and the XML declaration; never a DOCTYPE.
// This reader accepts exactly that, checks well-formedness in the same single pass (tag balance,
// attribute syntax, entity references), and never expands anything but the predefined entities,
// so entity attacks have nothing to work with. Its output has the shape fast-xml-parser gave
// the reader: `@name` for attributes, `#text` for text beside attributes or children, a string
// for a plain text-only element, and arrays for repeated elements (or always, for `arrayNames`).

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [key: string]: XmlValue;
}

export interface XmlReadOptions {
  /** Element names that always become arrays, even when they occur once. */
  arrayNames?: ReadonlySet<string>;
  /** Deepest element nesting accepted (real solution files stay far below 32). */
  maxDepth?: number;
  /**
   * For the elements named as keys, only the children named in the set are built; the others are
   * still checked for well-formedness but never materialized (a workflow element has 25 children
   * and the reader needs three).
   */
  keepChildren?: ReadonlyMap<string, ReadonlySet<string>>;
}

interface OpenElement {
  name: string;
  attributes: XmlObject | undefined;
  children: XmlObject | undefined;
  text: string;
  /** Checked but not built: see XmlReadOptions.keepChildren. */
  skipped: boolean;
}

const NAME = /[^\s/>=<"'!?&;]+/y;
const ATTRIBUTE = /\s+([^\s/>=<"'!?&;]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
const CLOSE_TAG = /<\/([^\s/>=<"'!?&;]+)\s*>/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Replaces entity and character references; a bare `&` is not well-formed. */
function decodeEntities(raw: string, text: string, offset: number): string {
  if (!raw.includes('&')) return raw;
  const decoded = raw.replace(ENTITY, (match, named: string, decimal: string, hex: string) => {
    if (named) return PREDEFINED[named]!;
    const code = decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) {
      throw new XmlSyntaxError(`invalid character reference ${match}`, lineAt(text, offset));
    }
    return String.fromCodePoint(code);
  });
  const ampersands = raw.split('&').length - 1;
  // Every `&` must have started one of the references replaced above.
  if (ampersands !== (raw.match(ENTITY) ?? []).length) {
    throw new XmlSyntaxError('an & that does not start an entity reference', lineAt(text, offset));
  }
  return decoded;
}

function addChild(
  parent: XmlObject,
  name: string,
  value: XmlValue,
  arrays: ReadonlySet<string>,
): void {
  const existing = Object.prototype.hasOwnProperty.call(parent, name) ? parent[name] : undefined;
  // A value is never an array itself, so an array here is a repetition or an array-named element.
  if (Array.isArray(existing)) existing.push(value);
  else if (existing !== undefined) parent[name] = [existing, value];
  else parent[name] = arrays.has(name) ? [value] : value;
}

function finish(element: OpenElement): XmlValue {
  const text = element.text.trim();
  if (!element.attributes && !element.children) return text;
  const value: XmlObject = Object.create(null) as XmlObject;
  if (element.attributes) Object.assign(value, element.attributes);
  if (element.children) Object.assign(value, element.children);
  if (text !== '') value['#text'] = text;
  return value;
}

/**
 * Reads a whole XML document. Returns `{ <root name>: value }`. Throws XmlSyntaxError with the
 * line for anything not well-formed, a DOCTYPE, or nesting deeper than `maxDepth`.
 */
export function readXml(text: string, options: XmlReadOptions = {}): XmlObject {
  const arrays = options.arrayNames ?? new Set<string>();
  const maxDepth = options.maxDepth ?? 256;
  const keepChildren = options.keepChildren;
  const stack: OpenElement[] = [];
  const document: XmlObject = Object.create(null) as XmlObject;
  let rootSeen = false;
  let position = 0;

  const fail = (message: string, offset: number): never => {
    throw new XmlSyntaxError(message, lineAt(text, offset));
  };

  while (position < text.length) {
    const lt = text.indexOf('<', position);
    const end = lt === -1 ? text.length : lt;
    if (end > position) {
      const chunk = text.slice(position, end);
      const top = stack[stack.length - 1];
      if (top) {
        const decoded = decodeEntities(chunk, text, position);
        if (!top.skipped) top.text += decoded;
      } else if (chunk.trim() !== '') fail('text outside the root element', position);
    }
    if (lt === -1) break;

    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close === -1) fail('a comment is never closed', lt);
      position = close + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      if (close === -1) fail('a CDATA section is never closed', lt);
      const top = stack[stack.length - 1];
      if (!top) fail('CDATA outside the root element', lt);
      top!.text += text.slice(lt + 9, close);
      position = close + 3;
      continue;
    }
    if (text.startsWith('<?', lt)) {
      const close = text.indexOf('?>', lt + 2);
      if (close === -1) fail('a processing instruction is never closed', lt);
      position = close + 2;
      continue;
    }
    if (text.startsWith('<!', lt)) {
      fail(
        /^<!DOCTYPE/i.test(text.slice(lt, lt + 9))
          ? 'a DOCTYPE is not allowed'
          : 'markup declarations are not allowed',
        lt,
      );
    }
    if (text.startsWith('</', lt)) {
      CLOSE_TAG.lastIndex = lt;
      const match = CLOSE_TAG.exec(text);
      if (!match) fail('a malformed closing tag', lt);
      const element = stack.pop();
      if (!element) fail(`closing tag </${match![1]}> without an open element`, lt);
      if (element!.name !== match![1]) {
        fail(`closing tag </${match![1]}> does not match <${element!.name}>`, lt);
      }
      if (element!.skipped) {
        position = CLOSE_TAG.lastIndex;
        continue;
      }
      const value = finish(element!);
      const parent = stack[stack.length - 1];
      if (parent)
        addChild(
          (parent.children ??= Object.create(null) as XmlObject),
          element!.name,
          value,
          arrays,
        );
      else addChild(document, element!.name, value, arrays);
      position = CLOSE_TAG.lastIndex;
      continue;
    }

    // A start tag.
    NAME.lastIndex = lt + 1;
    const nameMatch = NAME.exec(text);
    if (!nameMatch) fail('a < that does not start a tag', lt);
    const name = nameMatch![0];
    let cursor = NAME.lastIndex;
    let attributes: XmlObject | undefined;
    for (;;) {
      ATTRIBUTE.lastIndex = cursor;
      const attribute = ATTRIBUTE.exec(text);
      if (!attribute) break;
      attributes ??= Object.create(null) as XmlObject;
      const key = `@${attribute[1]}`;
      if (Object.prototype.hasOwnProperty.call(attributes, key)) {
        fail(`attribute ${attribute[1]} appears twice on <${name}>`, cursor);
      }
      // Trimmed like text: exports carry stray spaces in names ("Archive Approval ").
      attributes[key] = decodeEntities(attribute[2] ?? attribute[3] ?? '', text, cursor).trim();
      cursor = ATTRIBUTE.lastIndex;
    }
    TAG_END.lastIndex = cursor;
    const tagEnd = TAG_END.exec(text);
    if (!tagEnd) fail(`a malformed start tag <${name}>`, lt);
    position = TAG_END.lastIndex;
    if (stack.length === 0) {
      if (rootSeen) fail('a second root element', lt);
      rootSeen = true;
    }
    const parentElement = stack[stack.length - 1];
    const kept = parentElement ? keepChildren?.get(parentElement.name) : undefined;
    const skipped =
      parentElement !== undefined &&
      (parentElement.skipped || (kept !== undefined && !kept.has(name)));
    const element: OpenElement = { name, attributes, children: undefined, text: '', skipped };
    if (tagEnd![1] === '/') {
      if (skipped) continue;
      const value = finish(element);
      const parent = stack[stack.length - 1];
      if (parent)
        addChild((parent.children ??= Object.create(null) as XmlObject), name, value, arrays);
      else addChild(document, name, value, arrays);
    } else {
      if (stack.length >= maxDepth) fail(`elements nest deeper than ${maxDepth} levels`, lt);
      stack.push(element);
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is never closed`, text.length);
  if (!rootSeen) fail('no root element', 0);
  return document;
}
