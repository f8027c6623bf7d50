// Hostile JSON inside solutions: flow files, canvas-app ConnectionReferences and environment
// variable values. Deep nesting, prototype-pollution keys, bad encodings, empty and BOM-only files.
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import { formatReport, OUTPUT_FORMATS } from '../src/core/format/index.js';
import {
  ENV_DEFINITION,
  ENV_VALUES,
  FLOW_FILE,
  HOSTILE_TIMEOUT,
  customizationsXml,
  expectUnreadable,
  readOne,
  removeTempDirs,
  solutionEntries,
  tempDir,
  withinMemory,
  writeExtracted,
  writeFile,
  writeZip,
  zipSolutionFiles,
} from './helpers/hostile-solution.js';

afterAll(removeTempDirs);

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'];

function expectNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(typeof probe.constructor).toBe('function');
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

/** A zip whose one named file is replaced. */
async function readWith(name: string, content: string | Buffer) {
  const dir = tempDir();
  writeZip(dir, 'S.zip', solutionEntries({ ...zipSolutionFiles(), [name]: content }));
  return readOne('S.zip', dir);
}

const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf]);
const BOM_UTF16LE = Buffer.from([0xff, 0xfe]);
const BOM_UTF16BE = Buffer.from([0xfe, 0xff]);

describe('hostile JSON in flow files', () => {
  const where = `S.zip!/${FLOW_FILE}`;

  it(
    'refuses an empty file and files holding only a BOM',
    async () => {
      for (const content of [
        Buffer.alloc(0),
        BOM_UTF8,
        BOM_UTF16LE,
        BOM_UTF16BE,
        Buffer.from(' \n\t'),
      ]) {
        expectUnreadable(await readWith(FLOW_FILE, content), where, /not valid JSON/);
      }
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'refuses invalid UTF-8, odd-length UTF-16 and lone surrogates in UTF-16',
    async () => {
      const flow = Buffer.from('{"properties":{"connectionReferences":{}},"x":"');
      const cases: [Buffer, RegExp][] = [
        [Buffer.concat([flow, Buffer.from([0xc3, 0x28]), Buffer.from('"}')]), /not valid UTF-8/],
        [
          Buffer.concat([flow, Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
          /not valid UTF-8/,
        ],
        [
          Buffer.concat([flow, Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]), Buffer.from('"}')]),
          /not valid UTF-8/,
        ],
        [
          Buffer.concat([BOM_UTF16LE, Buffer.from('{"a":"\ud800"}', 'utf16le')]),
          /not valid UTF-16LE/,
        ],
        [
          Buffer.concat([BOM_UTF16LE, Buffer.from('{"a":"\udc00\ud800"}', 'utf16le')]),
          /not valid UTF-16LE/,
        ],
        [
          Buffer.concat([BOM_UTF16LE, Buffer.from('{}', 'utf16le'), Buffer.from([0x7b])]),
          /not valid UTF-16LE/,
        ],
      ];
      for (const [content, what] of cases) {
        expectUnreadable(await readWith(FLOW_FILE, content), where, what);
      }
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'reads escaped lone surrogates (valid JSON) without crashing',
    async () => {
      const flow = JSON.parse(
        JSON.stringify({ properties: { connectionReferences: {} } }),
      ) as Record<string, unknown>;
      const text = JSON.stringify(flow).replace(
        '{}',
        '{"shared_\\ud800":{"connection":{"connectionReferenceLogicalName":"x\\udfff"},"api":{"name":"shared_\\ud800"}}}',
      );
      const result = await readWith(FLOW_FILE, text);
      if (!result.ok) throw new Error(result.unreadable.reason);
      expect(result.solution.flows[0]!.connections[0]!.connectionReference).toBe('x\udfff');
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'reads or refuses a flow nested 1,000,000 levels deep without overflowing the stack',
    async () => {
      for (const open of ['[', '{"a":']) {
        const close = open === '[' ? ']' : '}';
        const deep = `{"properties":{"connectionReferences":{"k":${open.repeat(1_000_000)}1${close.repeat(1_000_000)}}}}`;
        const result = await withinMemory(() => readWith(FLOW_FILE, deep), 512);
        if (!result.ok) expectUnreadable(result, where, /JSON/);
      }
    },
    HOSTILE_TIMEOUT * 2,
  );

  it(
    'keeps __proto__, constructor and prototype keys as plain data',
    async () => {
      // Written as text: an object literal with a __proto__ key would set a prototype instead.
      const references = POLLUTING_KEYS.map(
        (key) =>
          `"${key}":{"connection":{"connectionReferenceLogicalName":"${key}"},"api":{"name":"${key}","polluted":"yes"}}`,
      ).join(',');
      const text =
        '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},' +
        `"properties":{"connectionReferences":{${references}}}}`;
      const result = await readWith(FLOW_FILE, text);
      if (!result.ok) throw new Error(result.unreadable.reason);
      expect(
        result.solution.flows[0]!.connections.map((c) => [c.key, c.api, c.connectionReference]),
      ).toEqual([
        ['__proto__', '__proto__', '__proto__'],
        ['constructor', 'constructor', 'constructor'],
        ['prototype', 'prototype', 'prototype'],
      ]);
      expectNoPollution();
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'reads a flow with 100,000 connection references in bounded time',
    async () => {
      const references: Record<string, unknown> = {};
      for (let i = 0; i < 100_000; i++) {
        references[`shared_x_${i}`] = { connection: {}, api: { name: 'shared_x' } };
      }
      const result = await withinMemory(
        () =>
          readWith(FLOW_FILE, JSON.stringify({ properties: { connectionReferences: references } })),
        512,
      );
      if (!result.ok) throw new Error(result.unreadable.reason);
      expect(result.solution.flows[0]!.connections).toHaveLength(100_000);
    },
    HOSTILE_TIMEOUT,
  );
});

describe('hostile JSON in canvas apps and environment variable values', () => {
  it(
    'refuses invalid ConnectionReferences JSON in a canvas app, at customizations.xml',
    async () => {
      for (const json of ['{', '', '{"a":' + '['.repeat(10) + '}', '\u0000']) {
        if (json === '') continue;
        const result = await readWith(
          'customizations.xml',
          customizationsXml({ canvasJson: json }),
        );
        expectUnreadable(
          result,
          'S.zip!/customizations.xml',
          /(not valid JSON|not allowed in XML)/,
        );
      }
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'keeps polluting keys in canvas ConnectionReferences and environment variable values as data',
    async () => {
      const canvasJson =
        '{"__proto__":{"id":"/providers/microsoft.powerapps/apis/shared_proto","polluted":"yes"},' +
        '"constructor":{"id":"/providers/microsoft.powerapps/apis/shared_ctor","prototype":{"polluted":"yes"}}}';
      const values =
        '{"__proto__":{"polluted":"yes"},"environmentvariablevalues":{"__proto__":{"value":"x"},' +
        '"environmentvariablevalue":{"constructor":{"prototype":{"polluted":"yes"}},"value":"v"}}}';
      const dir = tempDir();
      writeZip(
        dir,
        'S.zip',
        solutionEntries({
          ...zipSolutionFiles(),
          'customizations.xml': customizationsXml({ canvasJson }),
          [ENV_VALUES]: values,
        }),
      );
      const result = await readOne('S.zip', dir);
      if (!result.ok) throw new Error(result.unreadable.reason);
      expect(result.solution.canvasApps[0]!.connectors.map((c) => c.id)).toEqual([
        '/providers/microsoft.powerapps/apis/shared_ctor',
        '/providers/microsoft.powerapps/apis/shared_proto',
      ]);
      expect(result.solution.environmentVariables[0]!.currentValue).toBe('v');
      expectNoPollution();
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'refuses empty, BOM-only and invalid environment variable values files',
    async () => {
      for (const content of [Buffer.alloc(0), BOM_UTF8, BOM_UTF16LE, Buffer.from('{"a":')]) {
        expectUnreadable(
          await readWith(ENV_VALUES, content),
          `S.zip!/${ENV_VALUES}`,
          /not valid JSON/,
        );
      }
      expectUnreadable(
        await readWith(ENV_VALUES, Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])),
        `S.zip!/${ENV_VALUES}`,
        /not valid UTF-8/,
      );
    },
    HOSTILE_TIMEOUT,
  );
});

describe('prototype-pollution names through the whole check', () => {
  it(
    'checks references, variables and settings named __proto__, constructor, prototype without polluting anything',
    async () => {
      const dir = tempDir();
      const references = POLLUTING_KEYS.map(
        (name) =>
          `<connectionreference connectionreferencelogicalname="${name}"><connectionreferencedisplayname>${name}</connectionreferencedisplayname><connectorid>/providers/Microsoft.PowerApps/apis/${name}</connectorid></connectionreference>`,
      ).join('\n');
      const flow = `{"properties":{"connectionReferences":{${POLLUTING_KEYS.map(
        (name) =>
          `"${name}":{"connection":{"connectionReferenceLogicalName":"${name}"},"api":{"name":"${name}"}}`,
      ).join(',')}}}}`;
      const files: Record<string, string | Buffer> = {
        ...zipSolutionFiles(),
        'customizations.xml': customizationsXml().replace(
          '</connectionreferences>',
          `${references}\n</connectionreferences>`,
        ),
        [FLOW_FILE]: flow,
      };
      for (const name of POLLUTING_KEYS) {
        files[ENV_DEFINITION.replace('new_Url', name)] =
          `<environmentvariabledefinition schemaname="${name}"><type>100000001</type></environmentvariabledefinition>`;
      }
      writeExtracted(dir, files);
      const entries = (section: string, key: string, value: string) =>
        `"${section}":[${POLLUTING_KEYS.map((name) => `{"${key}":"${name}","${value}":"${name}","__proto__":{"polluted":"yes"}}`).join(',')}]`;
      writeFile(
        `${dir}/settings.json`,
        `{"__proto__":{"polluted":"yes"},${entries('ConnectionReferences', 'LogicalName', 'ConnectionId')},${entries('EnvironmentVariables', 'SchemaName', 'Value')}}`,
      );
      const result = await check({
        solutions: ['.'],
        settings: ['settings.json'],
        cwd: dir,
        env: {},
      });
      expect(
        result.report.findings
          .filter((f) => f.ruleId === 'SL001' || f.ruleId === 'DS001')
          .map((f) => f.message),
      ).toEqual([]);
      const subjects = new Set(result.report.findings.map((f) => f.subject));
      for (const name of POLLUTING_KEYS) expect(subjects).toContain(name);
      for (const format of OUTPUT_FORMATS) {
        expect(formatReport(result.report, format).length).toBeGreaterThan(0);
      }
      expectNoPollution();
    },
    HOSTILE_TIMEOUT,
  );
});
