// A small, strict XML reader for Dataverse solution files, kept over a library on measurement
// (docs/architecture.md, "XML parser": saxes made the whole check about 30 % slower). It accepts
// what Dataverse writes (never a DOCTYPE), checks well-formedness of what it reads in one pass,
// expands only the predefined entities, and reads comments, CDATA and processing instructions
// as XML does wherever they are. Elements left out by `keepChildren` or `sections` are skipped
// (plain leaves still checked; the rest jumped over, or walked when a search cannot vouch for
// the end). The output has fast-xml-parser's shape: `@name` attributes, `#text`, strings for
// text-only elements, arrays for repeats or `arrayNames`; elementLine() gives a start line.
import { LineIndex } from './text.js';

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    /** Refused rather than malformed: a DOCTYPE. */
    readonly refused = false,
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
   * For the elements named as keys, only the children named in the set are read; the others are
   * skipped, not built and only partly checked (see the top of this file): a workflow element
   * has 25 children and the reader needs two.
   */
  keepChildren?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Only these children of the root element are built, with everything under them; the others
   * are skipped like the children keepChildren leaves out. For customizations.xml, whose entity
   * metadata around the four sections the reader uses is often many MB: the whole file is read
   * in one pass, so that markup which only names a section (in a comment, a CDATA section, a
   * processing instruction, or deeper down) is never taken for it.
   */
  sections?: ReadonlySet<string>;
}

/** Where built elements start: a document's line index, made on the first look-up. */
interface Positions {
  text: string;
  lines?: LineIndex;
}
const elementStarts = new WeakMap<object, { positions: Positions; offset: number }>();

/**
 * The line where a built element's start tag is, for an element built as an object (one with
 * attributes or children): locations of findings point there. Kept in a side table, so the
 * objects have exactly the shape above.
 */
export function elementLine(element: unknown): number | undefined {
  if (typeof element !== 'object' || element === null) return undefined;
  const start = elementStarts.get(element);
  if (!start) return undefined;
  start.positions.lines ??= new LineIndex(start.positions.text);
  return start.positions.lines.lineOf(start.offset);
}

interface OpenElement {
  /** Where the name is in the text: skipped elements never allocate it as a string. */
  nameStart: number;
  nameLength: number;
  /** The name, for elements that are built. */
  name: string;
  /** Attributes and children, created with the first of them. */
  node: XmlObject | undefined;
  text: string;
  /** Checked but not built: see XmlReadOptions.keepChildren. */
  skipped: boolean;
  /** The children to build, when keepChildren or sections filter this element's. */
  kept: readonly string[] | undefined;
}

const ATTRIBUTE = /\s+([^\s/>=<"'!?&;]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
const CLOSE_TAG = /<\/([^\s/>=<"'!?&;]+)\s*>/y;
/**
 * A leaf element without attributes or entities, `<Name>text</Name>`: most elements of Dataverse
 * XML. One native regex match instead of two tags parsed in JavaScript, which matters most
 * before the JIT has warmed up (a check runs once).
 */
const LEAF = /<([^\s/>=<"'!?&;]+)>([^<&]*)<\/\1>/y;

/**
 * A run of leaf elements (no attributes, no entities) and the space around them, checked and
 * consumed by one native match: most of a workflow element's 25 children. Under an element whose
 * children are filtered, the kept ones are then picked out of the run (see readXml).
 */
const LEAF_RUN = /(?:\s*<([^\s/>=<"'!?&;]+)>[^<&]*<\/\1>)+\s*/y;

/** keepChildren as lists, built once per map: thousands of small files share one. */
const keepLists = new WeakMap<
  ReadonlyMap<string, ReadonlySet<string>>,
  ReadonlyMap<string, readonly string[]>
>();

function keepListsOf(
  keep: ReadonlyMap<string, ReadonlySet<string>> | undefined,
): ReadonlyMap<string, readonly string[]> | undefined {
  if (!keep) return undefined;
  let lists = keepLists.get(keep);
  if (!lists) {
    lists = new Map([...keep].map(([parent, kept]) => [parent, [...kept]]));
    keepLists.set(keep, lists);
  }
  return lists;
}

/**
 * The rest of a skipped start tag, attributes and `>` or `/>`, checked without building
 * anything. (Duplicate attributes are caught only on elements that are built.)
 */
const SKIPPED_TAG_REST = /(?:\s+[^\s/>=<"'!?&;]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*\/?>/y;
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

/**
 * A new node: no Object.prototype behind it (so `__proto__` and `constructor` are plain keys),
 * yet V8's fast properties, which an Object.create(null) object gives up: 2,000 workflow elements
 * with four properties each were a tenth of the reader's time in dictionary mode.
 */
function XmlNode(): void {}
XmlNode.prototype = Object.create(null) as object;
const newNode = (): XmlObject => new (XmlNode as unknown as new () => XmlObject)();

function finish(element: OpenElement, positions: Positions): XmlValue {
  const text = element.text.trim();
  const value = element.node;
  if (!value) return text;
  if (text !== '') value['#text'] = text;
  elementStarts.set(value, { positions, offset: element.nameStart - 1 });
  return value;
}

/**
 * Characters that end an element or attribute name: whatever `[^\s/>=<"'!?&;]` excludes, as a
 * table over UTF-16 code units (a name is scanned one unit at a time, 100,000 names per big file).
 */
const NAME_END = (() => {
  const table = new Uint8Array(0x10000);
  for (const c of '/>=<"\'!?&;\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff') {
    table[c.charCodeAt(0)] = 1;
  }
  for (let c = 0x2000; c <= 0x200a; c++) table[c] = 1;
  return table;
})();

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Whether text[from, to) is only spaces, tabs and line breaks (indentation between tags). */
function isIndentation(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Whether text at `at` holds the same characters as text[start, start + length). */
function sameName(text: string, at: number, start: number, length: number): boolean {
  for (let i = 0; i < length; i++) {
    if (text.charCodeAt(at + i) !== text.charCodeAt(start + i)) return false;
  }
  return true;
}

/**
 * Where a skipped element that opens just before `from` ends, found by searching for its closing
 * tag; -1 when a search cannot tell (an element of the same name inside, a comment, CDATA
 * section or processing instruction, which may hold that tag as text), and the reader then walks
 * it tag by tag. Nothing inside is read, so nothing inside is
 * checked: a pull-request gate needs the parts it reads, and pac import checks the rest.
 */
function skippedSubtreeEnd(text: string, nameStart: number, nameLength: number, from: number) {
  const name = text.slice(nameStart, nameStart + nameLength);
  const close = text.indexOf(`</${name}>`, from);
  if (close === -1) return -1;
  // Searched in a slice: a search of the text would run on to its end for each element.
  const inside = text.slice(from, close);
  if (inside.includes('<!') || inside.includes('<?')) return -1;
  for (let at = inside.indexOf(`<${name}`); at !== -1; at = inside.indexOf(`<${name}`, at + 1)) {
    if (NAME_END[inside.charCodeAt(at + 1 + nameLength)] === 1) return -1;
  }
  return close + nameLength + 3;
}

/**
 * Reads a whole XML document. Returns `{ <root name>: value }`. Throws XmlSyntaxError with the
 * line for anything not well-formed, a DOCTYPE, or nesting deeper than `maxDepth`.
 *
 * The loop avoids allocating for what it only checks (indentation between tags, elements that
 * `keepChildren` skips, the common tag without attributes): customizations.xml of a 2,000-flow
 * solution is 100,000 tags, and allocation there was most of the reader's time.
 */
export function readXml(text: string, options: XmlReadOptions = {}): XmlObject {
  const arrays = options.arrayNames ?? new Set<string>();
  const maxDepth = options.maxDepth ?? 256;
  const keepChildren = keepListsOf(options.keepChildren);
  const sections = options.sections ? [...options.sections] : undefined;
  const positions: Positions = { text };
  const stack: OpenElement[] = [];
  const document = newNode();
  let rootSeen = false;
  let position = 0;
  // Where the next `&` is: text without one needs no entity work at all.
  let nextAmpersand = text.indexOf('&');

  const fail = (message: string, offset: number): never => {
    throw new XmlSyntaxError(message, lineAt(text, offset));
  };
  const malformedStartTag = (name: string, lt: number): never =>
    fail(
      text.indexOf('>', lt) === -1
        ? `the file ends inside the start tag <${name}>: it is truncated`
        : `a malformed start tag <${name}>`,
      lt,
    );
  const attach = (name: string, value: XmlValue) => {
    const parent = stack[stack.length - 1];
    if (parent) addChild((parent.node ??= newNode()), name, value, arrays);
    else addChild(document, name, value, arrays);
  };

  while (position < text.length) {
    const current = stack[stack.length - 1];
    // (Under a built element only while it has no text yet: the run also consumes the space
    // around its leaves, which mixed content would keep.)
    if (
      current &&
      (current.skipped || (current.kept && current.text === '')) &&
      stack.length < maxDepth
    ) {
      LEAF_RUN.lastIndex = position;
      if (LEAF_RUN.test(text)) {
        const runEnd = LEAF_RUN.lastIndex;
        // Kept children in the run: `<` never occurs in a leaf's text, so a search finds tags.
        // (Searched in a slice: a search of the text would run on to its end for each run.)
        const kept = current.kept;
        if (kept) {
          const run = text.slice(position, runEnd);
          for (const name of kept) {
            const open = `<${name}>`;
            for (let at = run.indexOf(open); at !== -1;) {
              LEAF.lastIndex = position + at;
              const leaf = LEAF.exec(text)!;
              addChild((current.node ??= newNode()), name, leaf[2]!.trim(), arrays);
              at = run.indexOf(open, LEAF.lastIndex - position);
            }
          }
        }
        position = runEnd;
      }
    }
    const lt = text.indexOf('<', position);
    const end = lt === -1 ? text.length : lt;
    if (end > position) {
      const top = stack[stack.length - 1];
      if (nextAmpersand !== -1 && nextAmpersand < position) {
        nextAmpersand = text.indexOf('&', position);
      }
      const hasEntity = nextAmpersand !== -1 && nextAmpersand < end;
      if (top) {
        // Leading indentation is trimmed anyway, so it is not collected.
        if (!top.skipped && (top.text !== '' || hasEntity || !isIndentation(text, position, end))) {
          top.text += decodeEntities(text.slice(position, end), text, position);
        } else if (hasEntity) decodeEntities(text.slice(position, end), text, position);
      } else if (text.slice(position, end).trim() !== '')
        fail('text outside the root element', position);
    }
    if (lt === -1) break;

    const next = text.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
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
      if (/^<!DOCTYPE/i.test(text.slice(lt, lt + 9))) {
        throw new XmlSyntaxError('a DOCTYPE is not allowed', lineAt(text, lt), true);
      }
      fail('markup declarations are not allowed', lt);
    }
    if (next === 0x3f /* ? */) {
      const close = text.indexOf('?>', lt + 2);
      if (close === -1) fail('a processing instruction is never closed', lt);
      position = close + 2;
      continue;
    }
    if (next === 0x2f /* / */) {
      const element = stack[stack.length - 1];
      // Fast path: `</name>` exactly as opened.
      const after = lt + 2 + (element ? element.nameLength : 0);
      let closeEnd: number;
      if (
        element &&
        text.charCodeAt(after) === 0x3e &&
        sameName(text, lt + 2, element.nameStart, element.nameLength)
      ) {
        closeEnd = after + 1;
      } else {
        CLOSE_TAG.lastIndex = lt;
        const match = CLOSE_TAG.exec(text);
        if (!match) {
          fail(
            text.indexOf('>', lt) === -1
              ? 'the file ends inside a closing tag: it is truncated'
              : 'a malformed closing tag',
            lt,
          );
        }
        if (!element) fail(`closing tag </${match![1]}> without an open element`, lt);
        const opened = text.slice(element!.nameStart, element!.nameStart + element!.nameLength);
        if (opened !== match![1]) {
          fail(`closing tag </${match![1]}> does not match <${opened}>`, lt);
        }
        closeEnd = CLOSE_TAG.lastIndex;
      }
      stack.pop();
      position = closeEnd;
      if (!element!.skipped) attach(element!.name, finish(element!, positions));
      continue;
    }

    if (stack.length > 0 && stack.length < maxDepth) {
      LEAF.lastIndex = lt;
      const leaf = LEAF.exec(text);
      if (leaf) {
        position = LEAF.lastIndex;
        const parent = stack[stack.length - 1]!;
        if (!parent.skipped) {
          const leafName = leaf[1]!;
          const kept = parent.kept;
          if (!kept || kept.includes(leafName)) {
            addChild((parent.node ??= newNode()), leafName, leaf[2]!.trim(), arrays);
          }
        }
        continue;
      }
    }

    // A start tag.
    const nameStart = lt + 1;
    let cursor = nameStart;
    while (cursor < text.length && NAME_END[text.charCodeAt(cursor)] === 0) cursor++;
    const nameLength = cursor - nameStart;
    if (nameLength === 0) fail('a < that does not start a tag', lt);
    const parentElement = stack[stack.length - 1];
    let skipped = false;
    if (parentElement) {
      const kept = parentElement.skipped ? undefined : parentElement.kept;
      skipped =
        parentElement.skipped ||
        (kept !== undefined &&
          !kept.some(
            (keptName) => keptName.length === nameLength && text.startsWith(keptName, nameStart),
          ));
    }
    const name = skipped ? '' : text.slice(nameStart, cursor);
    let node: XmlObject | undefined;
    let selfClosing: boolean;
    if (skipped) {
      SKIPPED_TAG_REST.lastIndex = cursor;
      if (!SKIPPED_TAG_REST.test(text)) {
        malformedStartTag(text.slice(nameStart, nameStart + nameLength), lt);
      }
      position = SKIPPED_TAG_REST.lastIndex;
      if (nextAmpersand !== -1 && nextAmpersand < cursor) nextAmpersand = text.indexOf('&', cursor);
      if (nextAmpersand !== -1 && nextAmpersand < position) {
        decodeEntities(text.slice(cursor, position), text, cursor);
      }
      selfClosing = text.charCodeAt(position - 2) === 0x2f;
      if (!selfClosing) {
        const end = skippedSubtreeEnd(text, nameStart, nameLength, position);
        if (end !== -1) {
          position = end;
          continue;
        }
      }
    } else {
      let code = text.charCodeAt(cursor);
      if (code !== 0x3e /* > */ && code !== 0x2f /* / */) {
        for (;;) {
          ATTRIBUTE.lastIndex = cursor;
          const attribute = ATTRIBUTE.exec(text);
          if (!attribute) break;
          node ??= newNode();
          const key = `@${attribute[1]}`;
          if (Object.prototype.hasOwnProperty.call(node, key)) {
            fail(`attribute ${attribute[1]} appears twice on <${name}>`, cursor);
          }
          // Trimmed like text: exports carry stray spaces in names ("Archive Approval ").
          node[key] = decodeEntities(attribute[2] ?? attribute[3] ?? '', text, cursor).trim();
          cursor = ATTRIBUTE.lastIndex;
        }
        code = text.charCodeAt(cursor);
      }
      if (code === 0x3e) {
        selfClosing = false;
        position = cursor + 1;
      } else if (code === 0x2f && text.charCodeAt(cursor + 1) === 0x3e) {
        selfClosing = true;
        position = cursor + 2;
      } else {
        TAG_END.lastIndex = cursor;
        const tagEnd = TAG_END.exec(text);
        if (!tagEnd) malformedStartTag(name, lt);
        selfClosing = tagEnd![1] === '/';
        position = TAG_END.lastIndex;
      }
    }
    if (stack.length === 0) {
      if (rootSeen) fail('a second root element', lt);
      rootSeen = true;
    }
    const element: OpenElement = {
      nameStart,
      nameLength,
      name,
      node,
      text: '',
      skipped,
      kept: skipped
        ? undefined
        : stack.length === 0 && sections
          ? sections
          : keepChildren?.get(name),
    };
    if (selfClosing) {
      if (!skipped) attach(name, finish(element, positions));
    } else {
      if (stack.length >= maxDepth) fail(`elements nest deeper than ${maxDepth} levels`, lt);
      stack.push(element);
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) {
    const name = text.slice(unclosed.nameStart, unclosed.nameStart + unclosed.nameLength);
    fail(`<${name}> is never closed: the file is truncated, or misses its end tag`, text.length);
  }
  if (!rootSeen) fail('no root element', 0);
  return document;
}
