// XML of Dataverse solution files, read with saxes (the SAX parser under jsdom) into the object
// shape the solution readers use: `@name` for attributes, `#text` for text beside attributes or
// children, a string for a plain text-only element, and arrays for repeated elements (or always,
// for `arrayNames`). That shape is fast-xml-parser's with the options the reader first used;
// test/xml.test.ts checks the two agree on every XML file of the corpus that the reader reads.
//
// saxes checks well-formedness as XML 1.0 defines it (characters, names, tag balance, one root,
// entity references) and treats comments, CDATA sections and processing instructions as XML
// does wherever they are. It never expands an entity it was not told about, and a DOCTYPE is
// refused here as soon as the parser reports it: Dataverse never writes one, so no declared
// entity, internal or external, is ever looked at. Why saxes and not fast-xml-parser (the first
// choice): docs/architecture.md, "XML parser".
import { SaxesParser } from 'saxes';

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    /** Well-formed, but refused: a DOCTYPE. */
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
  /** Deepest element nesting accepted anywhere in the document (real files stay below 32). */
  maxDepth?: number;
  /**
   * For the elements named as keys, only the children named in the set are built; the others
   * are still parsed and checked, not built: a workflow element has 25 children and the reader
   * needs two.
   */
  keepChildren?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Only these children of the root element are built (with everything under them); the rest of
   * the document is parsed and checked, not built. For customizations.xml, whose entity metadata
   * around the four sections the reader needs is often many MB.
   */
  sections?: ReadonlySet<string>;
}

/**
 * The line each built element starts on, for the elements built as objects (an element with
 * attributes or children): locations of findings point there. A side table, so the objects keep
 * exactly the shape above.
 */
const elementLines = new WeakMap<object, number>();

/** The line where a built element's start tag is, when it was built as an object. */
export function elementLine(element: unknown): number | undefined {
  return typeof element === 'object' && element !== null ? elementLines.get(element) : undefined;
}

/**
 * A new node: no Object.prototype behind it (so `__proto__` and `constructor` are plain keys),
 * yet V8's fast properties, which an Object.create(null) object gives up (2,000 workflow elements
 * with four properties each were a tenth of the former reader's time in dictionary mode).
 */
function XmlNode(): void {}
XmlNode.prototype = Object.create(null) as object;
const newNode = (): XmlObject => new (XmlNode as unknown as new () => XmlObject)();

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

/** An element being built. */
interface Frame {
  name: string;
  node: XmlObject | undefined;
  text: string;
  line: number;
  /** The children to build, when only some are (keepChildren, sections). */
  kept: ReadonlySet<string> | undefined;
}

const NOT_SPACE = /[^ \t\r\n]/;
const PREDEFINED_REFERENCE = /^&(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;

/**
 * The first `&` outside comments, CDATA sections and processing instructions that does not start
 * one of the five predefined entities or a character reference, with its line. Only on the error
 * path: saxes reads an entity name up to the next `;`, so a bare `&` is reported far from where
 * it is, often as an element never closed at the end of the file.
 */
function bareAmpersand(text: string): { line: number; reference: string } | undefined {
  // Blanked, not removed: offsets and lines stay where they are.
  const blanked = text.replace(
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g,
    (markup) => markup.replace(/[^\n]/g, ' '),
  );
  for (let at = blanked.indexOf('&'); at !== -1; at = blanked.indexOf('&', at + 1)) {
    const reference = /^&[^\s<&;]{0,32};?/.exec(blanked.slice(at, at + 40))![0];
    if (!PREDEFINED_REFERENCE.test(reference)) {
      return { line: blanked.slice(0, at).split('\n').length, reference };
    }
  }
  return undefined;
}

/** saxes' messages, said the way the rest of the tool says things. */
function explain(
  message: string,
  text: string,
  position: number,
  lastClosed: string,
): { message: string; line?: number } {
  const unclosed = /^unclosed tag: (.*)$/.exec(message);
  const atEnd = unclosed !== null || message.startsWith('unexpected end');
  if (atEnd || /entity/.test(message)) {
    const ampersand = bareAmpersand(text);
    if (ampersand) {
      return {
        message: ampersand.reference.endsWith(';')
          ? `${ampersand.reference} is not one of the five XML entities (entities are never expanded; write &amp; for a plain &)`
          : 'an & that does not start an entity reference (write &amp; for a plain &)',
        line: ampersand.line,
      };
    }
  }
  if (atEnd) {
    const comment = text.lastIndexOf('<!--');
    if (comment !== -1 && !text.includes('-->', comment + 4)) {
      return {
        message: 'a comment is never closed',
        line: text.slice(0, comment).split('\n').length,
      };
    }
    const cdata = text.lastIndexOf('<![CDATA[');
    if (cdata !== -1 && !text.includes(']]>', cdata + 9)) {
      return {
        message: 'a CDATA section is never closed',
        line: text.slice(0, cdata).split('\n').length,
      };
    }
  }
  if (unclosed)
    return { message: `<${unclosed[1]}> is never closed: the file ends first (truncated?)` };
  if (message.startsWith('unexpected close tag')) {
    const closing = /^<\/([^\s>]*)/.exec(text.slice(text.lastIndexOf('</', position), position));
    return { message: `closing tag </${closing?.[1] ?? ''}> does not match <${lastClosed}>` };
  }
  const duplicate = /^duplicate attribute: (.*)\.$/.exec(message);
  if (duplicate) return { message: `attribute ${duplicate[1]} appears twice` };
  if (message.startsWith('malformed character entity'))
    return { message: 'an invalid character reference' };
  if (message.startsWith('documents may contain only one root'))
    return { message: 'a second root element' };
  if (message.startsWith('text data outside of root node'))
    return { message: 'text outside the root element' };
  if (message.startsWith('document must contain a root element'))
    return { message: 'no root element' };
  if (message.startsWith('disallowed character.'))
    return { message: 'a character not allowed in XML' };
  if (message.startsWith('incorrect syntax'))
    return { message: 'a markup declaration (<!…>), which is not allowed' };
  return { message: message.replace(/\.$/, '') };
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * One saxes parser and its handlers, reused from document to document (saxes resets itself when
 * a document ends): thousands of small workflow files would otherwise each pay for a parser, its
 * handlers and their closures. Never reused after an error, which leaves it mid-document.
 */
class TreeBuilder {
  private readonly parser = new SaxesParser({ position: true, xmlns: false });
  private text = '';
  private arrays = NO_NAMES;
  private maxDepth = 256;
  private keepChildren: ReadonlyMap<string, ReadonlySet<string>> | undefined;
  private sections: ReadonlySet<string> | undefined;
  private document = newNode();
  private readonly stack: Frame[] = [];
  /** Elements open inside one that is not built (they are checked, not built). */
  private skipped = 0;
  private depth = 0;
  private lastClosed = '';

  constructor() {
    const { parser } = this;
    parser.on('error', this.onError);
    parser.on('doctype', () => this.fail('a DOCTYPE is not allowed', true));
    parser.on('opentag', this.onOpenTag);
    parser.on('closetag', this.onCloseTag);
    this.listen(true);
  }

  read(text: string, options: XmlReadOptions): XmlObject {
    this.text = text;
    this.arrays = options.arrayNames ?? NO_NAMES;
    this.maxDepth = options.maxDepth ?? 256;
    this.keepChildren = options.keepChildren;
    this.sections = options.sections;
    const document = (this.document = newNode());
    this.parser.write(text).close();
    this.text = '';
    return document;
  }

  private fail(message: string, refused = false, line = this.parser.line): never {
    throw new XmlSyntaxError(message, line, refused);
  }

  private readonly onError = (error: Error) => {
    // saxes prefixes line:column; the line is given separately.
    const message = error.message.replace(/^\d+:\d+: /, '');
    // saxes knows only `<!DOCTYPE`, in the prolog; `<!doctype` is a syntax error to it.
    if (
      message.startsWith('inappropriately located doctype') ||
      (message.startsWith('incorrect syntax') && /<!doctype/i.test(this.text))
    ) {
      this.fail('a DOCTYPE is not allowed', true);
    }
    const explained = explain(message, this.text, this.parser.position, this.lastClosed);
    this.fail(explained.message, false, explained.line);
  };

  private readonly onText = (value: string) => {
    if (this.skipped > 0) return;
    const top = this.stack[this.stack.length - 1];
    // Leading white space is trimmed anyway: indentation between tags is not collected.
    if (top && (top.text !== '' || NOT_SPACE.test(value))) top.text += value;
  };

  /**
   * Inside a child of the root that is not built (`sections`: often MB of entity metadata), saxes
   * is told that nobody listens for text: it then neither slices nor concatenates it (it still
   * checks it). Only there: setting handlers costs more than it saves on the small children that
   * keepChildren leaves out.
   */
  private listen(on: boolean): void {
    if (on) {
      this.parser.on('text', this.onText);
      this.parser.on('cdata', this.onText);
    } else {
      this.parser.off('text');
      this.parser.off('cdata');
    }
  }

  /** The line of the `<` of the start tag the parser has just read. */
  private startLine(): number {
    const { text, parser } = this;
    const end = parser.position;
    // `<` cannot occur inside a start tag (not even in attribute values).
    const start = text.lastIndexOf('<', end - 1);
    let breaks = 0;
    for (let at = start; at < end; at++) {
      const code = text.charCodeAt(at);
      if (code === 0x0a || (code === 0x0d && text.charCodeAt(at + 1) !== 0x0a)) breaks++;
    }
    return parser.line - breaks;
  }

  private readonly onOpenTag = (tag: { name: string; attributes: Record<string, string> }) => {
    if (++this.depth > this.maxDepth)
      this.fail(`elements nest deeper than ${this.maxDepth} levels`);
    if (this.skipped > 0) {
      this.skipped++;
      return;
    }
    const { stack, sections } = this;
    const parent = stack[stack.length - 1];
    const name = tag.name;
    if (parent?.kept && !parent.kept.has(name)) {
      this.skipped = 1;
      if (sections && stack.length === 1) this.listen(false);
      return;
    }
    let node: XmlObject | undefined;
    const attributes = tag.attributes;
    for (const key in attributes) {
      node ??= newNode();
      // Trimmed like text: exports carry stray spaces in names ("Archive Approval ").
      node[`@${key}`] = attributes[key]!.trim();
    }
    stack.push({
      name,
      node,
      text: '',
      line: this.startLine(),
      kept: parent === undefined && sections ? sections : this.keepChildren?.get(name),
    });
  };

  private readonly onCloseTag = (tag: { name: string }) => {
    this.depth--;
    this.lastClosed = tag.name;
    const { stack } = this;
    if (this.skipped > 0) {
      if (--this.skipped === 0 && this.sections && stack.length === 1) this.listen(true);
      return;
    }
    const frame = stack.pop()!;
    const text = frame.text.trim();
    let value: XmlValue;
    if (frame.node) {
      if (text !== '') frame.node['#text'] = text;
      elementLines.set(frame.node, frame.line);
      value = frame.node;
    } else value = text;
    const parent = stack[stack.length - 1];
    addChild(parent ? (parent.node ??= newNode()) : this.document, frame.name, value, this.arrays);
  };
}

/** A builder that is not in use; taken for a document and given back only when it went well. */
let idleBuilder: TreeBuilder | undefined;

/**
 * Reads a whole XML document. Returns `{ <root name>: value }`. Throws XmlSyntaxError with the
 * line for anything not well-formed, a DOCTYPE, or nesting deeper than `maxDepth`.
 */
export function readXml(text: string, options: XmlReadOptions = {}): XmlObject {
  const builder = idleBuilder ?? new TreeBuilder();
  idleBuilder = undefined;
  const document = builder.read(text, options);
  idleBuilder = builder;
  return document;
}
