// readFlowConnections parses only `properties.connectionReferences` when it can find them with
// native searches, else the whole file: either way the result must be what a whole parse gives.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlowContentError, readFlowConnections } from '../src/core/solution/flow-json.js';

const references = {
  shared_office365: {
    api: { name: 'shared_office365' },
    connection: { connectionReferenceLogicalName: 'contoso_office365' },
    runtimeSource: 'embedded',
  },
  shared_custom: {
    api: { name: 'shared_contoso-5fapi-5f0123456789abcdef', logicalName: 'contoso_api' },
    connection: { connectionReferenceLogicalName: 'contoso_api_ref' },
  },
  direct: { id: '/providers/Microsoft.PowerApps/apis/shared_sql', connection: {} },
};

const expected = [
  { key: 'direct', api: 'shared_sql', connectionReference: null },
  {
    key: 'shared_custom',
    api: 'shared_contoso-5fapi-5f0123456789abcdef',
    apiLogicalName: 'contoso_api',
    connectionReference: 'contoso_api_ref',
  },
  {
    key: 'shared_office365',
    api: 'shared_office365',
    runtimeSource: 'embedded',
    connectionReference: 'contoso_office365',
  },
];

const definition = {
  $schema: 'x',
  actions: { a: { type: 'OpenApiConnection', inputs: { q: '"definition", }' } } },
};

function flow(properties: Record<string, unknown>, indent?: number): Buffer {
  return Buffer.from(JSON.stringify({ properties, schemaVersion: '1.0.0.0' }, null, indent));
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** The lengths of the texts JSON.parse was given while reading one flow. */
function parsedLengths(bytes: Buffer): number[] {
  const parse = vi.spyOn(JSON, 'parse');
  readFlowConnections(bytes);
  const lengths = parse.mock.calls.map(([text]) => String(text).length);
  parse.mockRestore();
  return lengths;
}

describe('readFlowConnections', () => {
  it('parses only the references of an export-shaped flow, and the whole of any other', () => {
    const actions = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`step${i}`, { type: 'Compose', inputs: `value ${i}` }]),
    );
    const shaped = flow({ connectionReferences: references, definition: { actions } }, 2);
    const [first, ...rest] = parsedLengths(shaped);
    expect(rest).toEqual([]);
    expect(first).toBeLessThan(shaped.length / 2);
    const reordered = flow({ definition, connectionReferences: references });
    expect(parsedLengths(reordered)).toContain(reordered.length);
  });

  it.each([
    ['compact export', flow({ connectionReferences: references, definition })],
    ['indented export', flow({ connectionReferences: references, definition }, 2)],
    [
      'with a BOM',
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        flow({ connectionReferences: references, definition }),
      ]),
    ],
    [
      'UTF-16LE with a BOM',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(
          flow({ connectionReferences: references, definition }, 4).toString(),
          'utf16le',
        ),
      ]),
    ],
    // Shapes the fast path refuses: the whole file is parsed instead, with the same result.
    ['references after the definition', flow({ definition, connectionReferences: references })],
    ['references last', flow({ connectionReferences: references })],
    [
      'a "definition" key inside the references',
      flow({
        connectionReferences: { ...references, x: { definition: 1, api: { name: 'shared_x' } } },
        definition,
      }),
    ],
  ])('%s', (name, bytes) => {
    const got = readFlowConnections(bytes);
    if (name.startsWith('a "definition"')) {
      expect(got.map((c) => c.key)).toEqual(['direct', 'shared_custom', 'shared_office365', 'x']);
    } else {
      expect(got).toEqual(expected);
    }
  });

  it('finds no connections in a flow without references', () => {
    expect(readFlowConnections(flow({ connectionReferences: {}, definition }))).toEqual([]);
    expect(readFlowConnections(flow({ definition }))).toEqual([]);
  });

  it('refuses invalid UTF-8 anywhere in the file, not only in the part it parses', () => {
    const bytes = flow({ connectionReferences: references, definition });
    const broken = Buffer.concat([
      bytes.subarray(0, bytes.length - 20),
      Buffer.from([0xc3, 0x28]),
      bytes.subarray(bytes.length - 20),
    ]);
    expect(() => readFlowConnections(broken)).toThrow(FlowContentError);
    expect(() => readFlowConnections(broken)).toThrow(/not valid UTF-8/);
  });

  it('refuses a truncated file and one that is not JSON', () => {
    const bytes = flow({ connectionReferences: references, definition });
    expect(() => readFlowConnections(bytes.subarray(0, bytes.length - 40))).toThrow(
      /not valid JSON/,
    );
    expect(() => readFlowConnections(Buffer.from(''))).toThrow(/not valid JSON/);
    expect(() => readFlowConnections(Buffer.from([0xff, 0xfe, 0x00, 0xd8]))).toThrow(
      FlowContentError,
    );
  });
});

describe('readFlowConnections, property', () => {
  const runs = Number(process.env['PROPERTY_RUNS'] ?? 200);
  it('the references-only path gives what a whole parse gives, for any references and definition', () => {
    const text = fc.string({ maxLength: 12 });
    const entry = fc.record(
      {
        api: fc.record({ name: text, logicalName: text }, { requiredKeys: [] }),
        connection: fc.record({ connectionReferenceLogicalName: text }, { requiredKeys: [] }),
        runtimeSource: text,
        id: text,
        definition: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.dictionary(text, entry, { maxKeys: 4 }),
        fc.jsonValue({ maxDepth: 3 }),
        fc.constantFrom(undefined, 1, 2, '\t'),
        (refs, definition, indent) => {
          const fast = Buffer.from(
            JSON.stringify(
              { properties: { connectionReferences: refs, definition } },
              null,
              indent,
            ),
          );
          // Keys reordered: the fast path refuses it, so this is the whole parse.
          const whole = Buffer.from(
            JSON.stringify(
              { properties: { definition, connectionReferences: refs } },
              null,
              indent,
            ),
          );
          expect(readFlowConnections(fast)).toEqual(readFlowConnections(whole));
        },
      ),
      { numRuns: runs },
    );
  });
});
