// Dataverse writes UTF-8 with or without a BOM, and UTF-16LE with a BOM (2020/2021 CoE flows,
// Connections.json). Everything that reads text goes through decodeText.

const utf8 = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/** Decodes bytes by their BOM (UTF-8, UTF-16LE, UTF-16BE), else by a NUL-byte sniff, else UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return utf8.decode(bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return utf16le.decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return utf16be.decode(bytes.subarray(2));
  // UTF-16 without a BOM still starts with an ASCII character and a NUL byte.
  if (bytes.length >= 2 && b0 !== 0 && b1 === 0) return utf16le.decode(bytes);
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0) return utf16be.decode(bytes);
  return utf8.decode(bytes);
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

  /** 1-based line and column of a 0-based character offset. */
  positionOf(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line, column: offset - (this.lineStarts[line - 1] ?? 0) + 1 };
  }
}
