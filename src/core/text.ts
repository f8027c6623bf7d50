// Dataverse writes UTF-8 with or without a BOM, and UTF-16LE with a BOM (2020/2021 CoE flows,
// Connections.json). Everything that reads text goes through decodeText.

const lenient = {
  utf8: new TextDecoder('utf-8'),
  utf16le: new TextDecoder('utf-16le'),
  utf16be: new TextDecoder('utf-16be'),
};
const strict = {
  utf8: new TextDecoder('utf-8', { fatal: true }),
  utf16le: new TextDecoder('utf-16le', { fatal: true }),
  utf16be: new TextDecoder('utf-16be', { fatal: true }),
};

/** Bytes that are not valid in the encoding they claim (strict decoding only). */
export class TextDecodingError extends Error {
  override name = 'TextDecodingError';
}

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

/** The encoding of text bytes by their BOM, else by a NUL-byte sniff, else UTF-8; `start` skips the BOM. */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncoding; start: number } {
  // Indexed, not destructured: destructuring a Buffer runs its iterator (thousands of flows).
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf8', start: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf16le', start: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf16be', start: 2 };
  // UTF-16 without a BOM still starts with an ASCII character and a NUL byte.
  if (bytes.length >= 2 && b0 !== 0 && b1 === 0) return { encoding: 'utf16le', start: 0 };
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0) return { encoding: 'utf16be', start: 0 };
  return { encoding: 'utf8', start: 0 };
}

/**
 * Decodes bytes by their BOM (UTF-8, UTF-16LE, UTF-16BE), else by a NUL-byte sniff, else UTF-8.
 * Lenient by default (bad sequences become U+FFFD); with `strict`, invalid UTF-8 and lone UTF-16
 * surrogates throw TextDecodingError, so untrusted input cannot smuggle them in.
 */
export function decodeText(bytes: Uint8Array, options: { strict?: boolean } = {}): string {
  const decoders = options.strict ? strict : lenient;
  const { encoding, start } = detectEncoding(bytes);
  try {
    return decoders[encoding].decode(bytes.subarray(start));
  } catch {
    throw new TextDecodingError(
      encoding === 'utf8'
        ? 'is not valid UTF-8 text'
        : `is not valid ${encoding === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE'} text (odd length or a lone surrogate)`,
    );
  }
}

/**
 * Line breaks and other control characters as visible escapes (`\n`, `\r`, `\u0000`): names a
 * pull request writes (a zip entry `a\n::error::x.json`, an attribute holding `&#10;`) then cannot
 * start a new line in a log, where a CI runner would read it as a command.
 */
export function escapeControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Longest reason or message line: parser messages quote names and attributes of any length. */
export const MAX_LINE_LENGTH = 1000;

/**
 * One line of text for reasons and messages: line breaks and other control characters (which a
 * hostile file or entry name can carry) become visible escapes, `\n`, `\r`, `\u0000`, and the
 * line is cut to `maxLength` characters, ending in `…`.
 */
export function oneLine(text: string, maxLength = MAX_LINE_LENGTH): string {
  const line = escapeControlCharacters(text);
  if (line.length <= maxLength) return line;
  let cut = maxLength - 1;
  // Do not split a surrogate pair.
  if (/[\udc00-\udfff]/.test(line[cut] ?? '')) cut--;
  return `${line.slice(0, cut)}…`;
}

/**
 * Maps character offsets in a text to 1-based line and column numbers.
 * Built once per file so that many look-ups stay cheap.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  /** 1-based line of a 0-based character offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** 0-based offset at which a 1-based line starts (the text's end past its last line). */
  startOf(line: number): number {
    return this.lineStarts[Math.max(0, line - 1)] ?? Number.MAX_SAFE_INTEGER;
  }

  /** 1-based line and column of a 0-based character offset. */
  positionOf(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line, column: offset - (this.lineStarts[line - 1] ?? 0) + 1 };
  }
}

/** Code-unit order, the order reports are sorted in (locale-independent, so runs agree). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
