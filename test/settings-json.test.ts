// The settings JSON reader (src/core/settings.ts): values and offsets (which become the line and
// column of a finding), syntax errors at their offset, and agreement with JSON.parse on any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJson, type JsonValue } from '../src/core/settings.js';

describe('parseJson', () => {
  it('keeps offsets and values', () => {
    const value = parseJson('{"a": [1, -2.5e3, true, false, null, "x\\u0041\\n"]}');
    expect(value.kind).toBe('object');
    if (value.kind !== 'object') return;
    expect(value.members[0]!.key).toBe('a');
    const array = value.members[0]!.value;
    expect(array).toMatchObject({ kind: 'array', offset: 6 });
    if (array.kind !== 'array') return;
    expect(array.items.map((i) => i.kind)).toEqual([
      'number',
      'number',
      'boolean',
      'boolean',
      'null',
      'string',
    ]);
    expect(array.items[5]).toMatchObject({ value: 'xA\n' });
  });

  it.each([
    ['{"a": 1,}', 8],
    ['[1, 2', 5],
    ['{"a" 1}', 5],
    ['"abc', 0],
    ['{"a": tru}', 6],
    ['{"a": 01}', 7],
    ['{} x', 3],
    ["{'a': 1}", 1],
    ['["a\tb"]', 3],
  ])('rejects %j at offset %i', (text, offset) => {
    try {
      parseJson(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JsonSyntaxError);
      expect((error as JsonSyntaxError).offset).toBe(offset);
    }
  });
});

/** The plain value of a parsed tree, built like JSON.parse does (own properties, last key wins). */
function plain(value: JsonValue): unknown {
  switch (value.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const m of value.members)
        Object.defineProperty(out, m.key, {
          value: plain(m.value),
          enumerable: true,
          configurable: true,
          writable: true,
        });
      return out;
    }
    case 'array':
      return value.items.map(plain);
    case 'number':
      return Number(value.raw);
    case 'null':
      return null;
    default:
      return value.value;
  }
}

describe('parseJson agrees with JSON.parse', () => {
  it('on valid JSON', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => {
        expect(plain(parseJson(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('on valid JSON, every offset points at its value or key (they become line numbers)', () => {
    const startsAt = (text: string, offset: number, value: JsonValue): void => {
      const first = { object: '{', array: '[', string: '"', null: 'n' } as Record<string, string>;
      if (value.kind in first) expect(text[offset]).toBe(first[value.kind]);
      if (value.kind === 'string') {
        // The string literal that starts there is this value.
        const literal = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(offset))![0];
        expect(JSON.parse(literal)).toBe(value.value);
      }
      if (value.kind === 'object') {
        for (const member of value.members) {
          const literal = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(member.keyOffset))![0];
          expect(JSON.parse(literal)).toBe(member.key);
          startsAt(text, member.value.offset, member.value);
        }
      }
      if (value.kind === 'array') for (const item of value.items) startsAt(text, item.offset, item);
    };
    // Re-indented too, so the whitespace between tokens varies.
    const indent = fc.constantFrom(undefined, 2, '\t', ' \r\n\t');
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), indent, (json, by) => {
        const text = by === undefined ? json : JSON.stringify(JSON.parse(json), null, by);
        const value = parseJson(text);
        startsAt(text, value.offset, value);
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary text: same verdict, and only JsonSyntaxError', () => {
    const jsonish = fc.stringMatching(/^[\s{}[\]",:0-9a-z.eE+\-\\]{0,30}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), jsonish), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        try {
          parseJson(text);
          expect(valid).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(JsonSyntaxError);
          expect(valid).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
