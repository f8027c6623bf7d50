// fast-check arbitraries that break valid input a little: bit flips, overwrites, truncations,
// insertions, deletions and duplicated ranges of bytes, and hostile tokens spliced into text.
import fc from 'fast-check';

export type ByteMutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number };

/** Positions are fractions of the length, so a mutation fits any input. */
const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const byteMutation: fc.Arbitrary<{ mutation: ByteMutation; where: number }> = fc.oneof(
  fc.record({ where: position, bit: fc.integer({ min: 0, max: 7 }) }).map(({ where, bit }) => ({
    where,
    mutation: { kind: 'flip', at: 0, bit } as ByteMutation,
  })),
  fc
    .record({ where: position, value: fc.integer({ min: 0, max: 255 }) })
    .map(({ where, value }) => ({
      where,
      mutation: { kind: 'set', at: 0, value } as ByteMutation,
    })),
  position.map((where) => ({ where, mutation: { kind: 'truncate', at: 0 } as ByteMutation })),
  fc
    .record({ where: position, bytes: fc.uint8Array({ maxLength: 64 }) })
    .map(({ where, bytes }) => ({
      where,
      mutation: { kind: 'insert', at: 0, bytes } as ByteMutation,
    })),
  fc
    .record({ where: position, length: fc.integer({ min: 1, max: 256 }) })
    .map(({ where, length }) => ({
      where,
      mutation: { kind: 'delete', at: 0, length } as ByteMutation,
    })),
  fc
    .record({ where: position, length: fc.integer({ min: 1, max: 256 }) })
    .map(({ where, length }) => ({
      where,
      mutation: { kind: 'duplicate', at: 0, length } as ByteMutation,
    })),
);

export function applyByteMutations(
  input: Uint8Array,
  mutations: readonly { mutation: ByteMutation; where: number }[],
): Buffer {
  let bytes = Buffer.from(input);
  for (const { mutation, where } of mutations) {
    const at = Math.floor(where * bytes.length);
    switch (mutation.kind) {
      case 'flip':
        if (bytes.length > 0) bytes[at] = bytes[at]! ^ (1 << mutation.bit);
        break;
      case 'set':
        if (bytes.length > 0) bytes[at] = mutation.value;
        break;
      case 'truncate':
        bytes = bytes.subarray(0, at);
        break;
      case 'insert':
        bytes = Buffer.concat([bytes.subarray(0, at), mutation.bytes, bytes.subarray(at)]);
        break;
      case 'delete':
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + mutation.length)]);
        break;
      case 'duplicate':
        bytes = Buffer.concat([
          bytes.subarray(0, at + mutation.length),
          bytes.subarray(at, at + mutation.length),
          bytes.subarray(at + mutation.length),
        ]);
        break;
    }
  }
  return Buffer.from(bytes);
}

/** One to four byte mutations. */
export const byteMutations = fc.array(byteMutation, { minLength: 1, maxLength: 4 });

/** Tokens that have broken parsers before: markup, entities, escapes, prototype keys, BOMs. */
export const HOSTILE_TOKENS = [
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<!ENTITY a SYSTEM "file:///etc/passwd">',
  '&a;',
  '&#0;',
  '&#x110000;',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?xml version="1.0"?>',
  '<__proto__>',
  '</__proto__>',
  '<constructor><prototype>',
  '"__proto__":',
  '"constructor":{"prototype":',
  '{"__proto__":{"polluted":1}}',
  '\\u0000',
  '\\ud800',
  '\u0000',
  '\ud800',
  '\ufeff',
  '\r\n',
  '\u2028',
  '${{',
  '#{',
  '$(',
  '[[[[[[[[[[[[[[[[[[[[',
  '{"a":{"a":{"a":{"a":',
  '<a><a><a><a><a><a><a>',
  '</connectionreferences>',
  '<connectionreferences ',
  '</ImportExportXml>',
];

/** Text with one to four hostile tokens or random snippets spliced in, or ranges cut out. */
export function spliceText(text: string): fc.Arbitrary<string> {
  const edit = fc.record({
    where: position,
    cut: fc.integer({ min: 0, max: 40 }),
    insert: fc.oneof(
      fc.constantFrom(...HOSTILE_TOKENS),
      fc.string({ maxLength: 20, unit: 'binary' }),
      fc.constantFrom('<', '>', '"', "'", '&', '/', '=', '{', '}', '[', ']', ',', ':'),
    ),
    repeat: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 2000 })),
  });
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let out = text;
    for (const { where, cut, insert, repeat } of edits) {
      const at = Math.floor(where * out.length);
      out = out.slice(0, at) + insert.repeat(repeat) + out.slice(at + cut);
    }
    return out;
  });
}
