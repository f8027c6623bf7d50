// JSON with offsets, for the files a user edits by hand (deployment settings): findings point at
// the line and column of a key, and a syntax error says where it is. Parsed with jsonc-parser (VS
// Code's JSON parser) in strict mode: no comments, no trailing commas, nothing JSON.parse would
// refuse. Its events build a small tree of our own that keeps each key and value's offset and
// never assigns a key into an object (members are lists), so `__proto__` is a plain key. Why
// jsonc-parser and not momoa: docs/architecture.md, "Settings JSON parser".
// `#jsonc-parser` (package.json "imports"): the bundles take the ES module build, because the
// package's main is a UMD build whose wrappers cost the CLI's start-up 10-15 ms (alternating runs
// of `--version`); ncc resolves with the `production` condition. Node itself cannot load that
// build (its imports have no file extensions), so the source run natively (local-action) takes
// the package's main.
import { printParseErrorCode, visit, type ParseErrorCode } from '#jsonc-parser';

/** Deeper nesting than this is no settings file; the limit keeps the parser far from the stack. */
export const MAX_JSON_DEPTH = 256;

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

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'end of file';
  if (ch === '\n') return 'a line break';
  if (ch === '\r') return 'a carriage return';
  if (ch === '\t') return 'a tab';
  const code = ch.charCodeAt(0);
  if (code < 0x20) return `control character U+${code.toString(16).padStart(4, '0')}`;
  return `'${ch}'`;
}

/** The first character below U+0020 in text[from, to), or -1: what ends a string early. */
function controlCharacter(text: string, from: number, to: number): number {
  for (let at = from; at < to; at++) if (text.charCodeAt(at) < 0x20) return at;
  return -1;
}

/** A syntax error said the way a person fixing the file needs it, and where it is. */
function syntaxError(
  code: ParseErrorCode,
  text: string,
  offset: number,
  length: number,
  inside: 'object' | 'array' | undefined,
  next: ParseErrorCode | undefined,
): JsonSyntaxError {
  const at = text[offset];
  switch (printParseErrorCode(code)) {
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return new JsonSyntaxError('a comment; JSON has no comments', offset);
    case 'UnexpectedEndOfString':
    case 'InvalidCharacter': {
      // Reported at the string's start; the character that breaks it is more useful.
      const control = controlCharacter(text, offset + 1, offset + Math.max(length, 1));
      return control === -1
        ? new JsonSyntaxError('unterminated string', offset)
        : new JsonSyntaxError(`${describeChar(text[control])} inside a string; escape it`, control);
    }
    case 'InvalidUnicode':
    case 'InvalidEscapeCharacter': {
      // Reported at the string's start too: point at the escape.
      const escape = badEscape(text, offset + 1, offset + Math.max(length, 1));
      return text[escape + 1] === 'u'
        ? new JsonSyntaxError('bad \\u escape; expected four hex digits', escape)
        : new JsonSyntaxError(`bad escape \\${text[escape + 1] ?? ''} in a string`, escape);
    }
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return new JsonSyntaxError('bad number', offset);
    case 'PropertyNameExpected':
      return new JsonSyntaxError(
        `unexpected ${at === '}' ? "'}' after a comma" : describeChar(at)}; expected a property name in double quotes`,
        offset,
      );
    case 'ColonExpected':
      return new JsonSyntaxError(`unexpected ${describeChar(at)}; expected ':'`, offset);
    case 'CommaExpected':
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
      return new JsonSyntaxError(
        `unexpected ${describeChar(at)}; expected ',' or '${inside === 'array' ? ']' : '}'}' in the ${inside ?? 'object'}`,
        offset,
      );
    case 'EndOfFileExpected':
      return new JsonSyntaxError(
        `unexpected ${describeChar(at)} after the end of the JSON value`,
        offset,
      );
    case 'ValueExpected':
      return new JsonSyntaxError(
        `unexpected ${at === ']' ? "']' after a comma" : describeChar(at)}; expected a JSON value`,
        offset,
      );
    default:
      // InvalidSymbol: what was expected there is the error that follows it.
      return new JsonSyntaxError(
        `unexpected ${describeChar(at)}; expected ${next !== undefined && printParseErrorCode(next) === 'PropertyNameExpected' ? 'a property name in double quotes' : 'a JSON value'}`,
        offset,
      );
  }
}

/** Escapes JSON has, and (group 1) any other. */
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})|(\\)/g;

/** Where the first escape JSON does not have is in text[from, to), or `from` when none is. */
function badEscape(text: string, from: number, to: number): number {
  ESCAPE.lastIndex = from;
  for (let match = ESCAPE.exec(text); match && match.index < to; match = ESCAPE.exec(text)) {
    if (match[1] !== undefined) return match.index;
  }
  return from;
}

type Container = Extract<JsonValue, { kind: 'object' } | { kind: 'array' }>;

/** Parses JSON text into a tree that keeps offsets. Throws JsonSyntaxError with an offset. */
export function parseJson(text: string): JsonValue {
  let root: JsonValue | undefined;
  let first:
    | {
        code: ParseErrorCode;
        offset: number;
        length: number;
        inside: Container['kind'] | undefined;
      }
    | undefined;
  const open: Container[] = [];
  /** The key of the member whose value comes next, for each open object. */
  const keys: { key: string; keyOffset: number }[] = [];
  const add = (value: JsonValue) => {
    const parent = open[open.length - 1];
    if (parent === undefined) root = value;
    else if (parent.kind === 'array') parent.items.push(value);
    else parent.members.push({ ...keys[open.length - 1]!, value });
  };
  const begin = (value: Container) => {
    if (open.length >= MAX_JSON_DEPTH) {
      if (first)
        throw syntaxError(first.code, text, first.offset, first.length, first.inside, undefined);
      throw new JsonSyntaxError(`nesting deeper than ${MAX_JSON_DEPTH} levels`, value.offset);
    }
    add(value);
    open.push(value);
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => begin({ kind: 'object', offset, members: [] }),
      onArrayBegin: (offset) => begin({ kind: 'array', offset, items: [] }),
      onObjectEnd: () => void open.pop(),
      onArrayEnd: () => void open.pop(),
      onObjectProperty: (key: string, keyOffset) => {
        keys[open.length - 1] = { key, keyOffset };
      },
      onLiteralValue: (value: unknown, offset, length) => {
        if (typeof value === 'string') add({ kind: 'string', offset, value });
        else if (typeof value === 'number') {
          add({ kind: 'number', offset, raw: text.slice(offset, offset + length) });
        } else if (typeof value === 'boolean') add({ kind: 'boolean', offset, value });
        else add({ kind: 'null', offset });
      },
      // A settings file is either JSON or DS001: the parse ends at the error after the first,
      // which says what the first one was in place of.
      onError: (code, offset, length) => {
        if (first)
          throw syntaxError(first.code, text, first.offset, first.length, first.inside, code);
        first = { code, offset, length, inside: open[open.length - 1]?.kind };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (first)
    throw syntaxError(first.code, text, first.offset, first.length, first.inside, undefined);
  if (root === undefined)
    throw new JsonSyntaxError('unexpected end of file; expected a JSON value', 0);
  return root;
}

/**
 * The member of `key` in an object's members: the last with the exact key (as JSON.parse keeps
 * the last duplicate), else the last with the key in any casing.
 */
export function findMember(members: readonly JsonMember[], key: string): JsonMember | undefined {
  let loose: JsonMember | undefined;
  const lower = key.toLowerCase();
  for (let i = members.length - 1; i >= 0; i--) {
    const m = members[i]!;
    if (m.key === key) return m;
    if (loose === undefined && m.key.toLowerCase() === lower) loose = m;
  }
  return loose;
}
