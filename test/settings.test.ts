import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JsonSyntaxError,
  MAX_JSON_DEPTH,
  findPlaceholder,
  parseJson,
  parseSettings,
  readSettingsFile,
  substitutePlaceholders,
  type JsonValue,
  type ParseSettingsResult,
} from '../src/core/settings.js';
import type { SettingsFile, UnusableSettings } from '../src/core/model.js';

const encoder = new TextEncoder();

function parse(text: string, env: Record<string, string | undefined> = {}): ParseSettingsResult {
  return parseSettings(encoder.encode(text), 'config/Prod/deploymentSettings.json', env);
}

function usable(text: string, env: Record<string, string | undefined> = {}): SettingsFile {
  const result = parse(text, env);
  if ('unusable' in result) throw new Error(`expected usable settings: ${result.unusable.reason}`);
  return result.settings;
}

function unusable(text: string): UnusableSettings {
  const result = parse(text);
  if (!('unusable' in result)) throw new Error('expected DS001');
  return result.unusable;
}

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

describe('parseSettings', () => {
  const sample = [
    '{',
    '  "EnvironmentVariables": [',
    '    {"SchemaName": "cr62a_Test", "Value": ""}',
    '  ],',
    '  "ConnectionReferences": [',
    '    {',
    '      "LogicalName": "new_sharedoffice365_7684e",',
    '      "ConnectionId": "abc",',
    '      "ConnectorId": "/providers/Microsoft.PowerApps/apis/shared_office365",',
    '      "ConnectionOwner": "someone"',
    '    },',
    '    {"LogicalName": "new_other", "ConnectorId": null}',
    '  ]',
    '}',
  ].join('\n');

  it('reads entries with the line and column of the name and of each value key', () => {
    const settings = usable(sample);
    const at = (line: number, column: number) => ({
      file: 'config/Prod/deploymentSettings.json',
      line,
      column,
    });
    expect(settings.path).toBe('config/Prod/deploymentSettings.json');
    expect(settings.environmentVariables).toEqual([
      {
        schemaName: 'cr62a_Test',
        value: '',
        secret: false,
        location: at(3, 6),
        valueLocation: at(3, 34),
      },
    ]);
    expect(settings.connectionReferences).toEqual([
      {
        logicalName: 'new_sharedoffice365_7684e',
        connectionId: 'abc',
        connectorId: '/providers/Microsoft.PowerApps/apis/shared_office365',
        secret: false,
        location: at(7, 7),
        connectionIdLocation: at(8, 7),
        connectorIdLocation: at(9, 7),
      },
      {
        // No ConnectionId key: findings about it point at the entry's name.
        logicalName: 'new_other',
        connectionId: null,
        connectorId: null,
        secret: false,
        location: at(12, 6),
        connectionIdLocation: at(12, 6),
        connectorIdLocation: at(12, 34),
      },
    ]);
  });

  it('points at the last of duplicate keys, the one that counts, and at a key of any casing', () => {
    const [entry] = usable(
      '{"ConnectionReferences": [\n{"LogicalName": "a",\n "ConnectionId": "x",\n "connectionid": "y",\n "ConnectionId": "z"}]}',
    ).connectionReferences;
    expect(entry).toMatchObject({
      connectionId: 'z',
      connectionIdLocation: { line: 5, column: 2 },
    });
    const [loose] = usable(
      '{"ConnectionReferences": [{"LogicalName": "a",\n "connectionID": "y"}]}',
    ).connectionReferences;
    expect(loose).toMatchObject({
      connectionId: 'y',
      connectionIdLocation: { line: 2, column: 2 },
    });
  });

  it('accepts a file with only one section', () => {
    expect(usable('{"EnvironmentVariables": []}').connectionReferences).toEqual([]);
    expect(usable('{"ConnectionReferences": []}').environmentVariables).toEqual([]);
  });

  it('decodes UTF-8 with a BOM and UTF-16LE with a BOM', () => {
    const text = '{"ConnectionReferences":[{"LogicalName":"crÄ_x","ConnectionId":"1"}]}';
    const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(text)]);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    for (const bytes of [bom8, utf16]) {
      const result = parseSettings(bytes, 's.json');
      expect('settings' in result && result.settings.connectionReferences[0]!.logicalName).toBe(
        'crÄ_x',
      );
    }
  });

  it('gives DS001 with line and column for a syntax error', () => {
    const bad = unusable('{\n  "ConnectionReferences": [\n    {"LogicalName": "a",}\n  ]\n}');
    expect(bad.location).toEqual({
      file: 'config/Prod/deploymentSettings.json',
      line: 3,
      column: 25,
    });
    expect(bad.reason).toMatch(/^deploymentSettings\.json \(line 3, column 25\): not valid JSON: /);
    expect(bad.reason).not.toContain('\n');
  });

  it('gives DS001 for an empty file', () => {
    expect(unusable('  \n').reason).toContain('empty');
  });

  it.each([
    ['[]', 1, 1, 'the top level is an array'],
    ['"x"', 1, 1, 'the top level is a string'],
    ['{"Foo": []}', 1, 1, 'neither "ConnectionReferences" nor "EnvironmentVariables"'],
    [
      '{"ConnectionReferences": {}}',
      1,
      26,
      '"ConnectionReferences" is an object; expected an array',
    ],
    ['{"EnvironmentVariables": null}', 1, 26, '"EnvironmentVariables" is null; expected an array'],
    [
      '{"ConnectionReferences": [\n  ["a"]\n]}',
      2,
      3,
      'entry 1 of "ConnectionReferences" is an array',
    ],
    ['{"EnvironmentVariables": [1]}', 1, 27, 'entry 1 of "EnvironmentVariables" is a number'],
    ['{"ConnectionReferences": [{"LogicalName": 5}]}', 1, 43, '"LogicalName" in entry 1'],
    ['{"ConnectionReferences": [{"ConnectionId": "x"}]}', 1, 27, 'has no "LogicalName"'],
    ['{"EnvironmentVariables": [{"SchemaName": null}]}', 1, 42, '"SchemaName" in entry 1'],
    [
      '{"ConnectionReferences": [{"LogicalName": "a", "ConnectionId": 1}]}',
      1,
      64,
      '"ConnectionId" in entry 1 of "ConnectionReferences" is a number; expected a string or null',
    ],
    [
      '{"ConnectionReferences": [{"LogicalName": "a", "ConnectorId": true}]}',
      1,
      63,
      '"ConnectorId" in entry 1 of "ConnectionReferences" is a boolean',
    ],
    [
      '{"EnvironmentVariables": [{"SchemaName": "a", "Value": {"x": 1}}]}',
      1,
      56,
      '"Value" in entry 1 of "EnvironmentVariables" is an object',
    ],
  ])('gives DS001 for %j', (text, line, column, what) => {
    const bad = unusable(text);
    expect(bad.path).toBe('config/Prod/deploymentSettings.json');
    expect(bad.location).toEqual({ file: 'config/Prod/deploymentSettings.json', line, column });
    expect(bad.reason).toContain('deploymentSettings.json');
    expect(bad.reason).toContain(what);
    expect(bad.reason).toContain('pac solution create-settings');
    expect(bad.reason).not.toContain('\n');
  });

  it('names a customDeploymentSettings.json and an ALM Accelerator pipeline file', () => {
    expect(unusable('{"ActivateFlowConfiguration": [], "WebhookUrls": []}').reason).toContain(
      'customDeploymentSettings.json',
    );
    const pipeline = unusable(
      '[{"BuildName": "x", "UserSettings": [{"Name": "a", "Value": "b"}]}]',
    );
    expect(pipeline.reason).toContain('ALM Accelerator pipeline');
    expect(pipeline.reason).toContain('UserSettings');
  });

  it('does not let __proto__ or constructor keys pollute prototypes', () => {
    const text =
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},' +
      ' "ConnectionReferences": [{"__proto__": {"LogicalName": "evil"}, "LogicalName": "ok",' +
      ' "ConnectionId": "1"}]}';
    const settings = usable(text);
    expect(settings.connectionReferences.map((r) => r.logicalName)).toEqual(['ok']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // An entry that only has __proto__ holding the name must not find it through the prototype.
    expect(
      unusable('{"ConnectionReferences": [{"__proto__": {"LogicalName": "x"}}]}').reason,
    ).toContain('has no "LogicalName"');
  });

  it('reports nesting deeper than the limit as DS001 instead of overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const bad = unusable(deep);
    expect(bad.reason).toContain(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
    expect(bad.location.column).toBe(MAX_JSON_DEPTH + 1);
    const ok = `{"ConnectionReferences": [], "x": ${'['.repeat(200)}${']'.repeat(200)}}`;
    expect(usable(ok).connectionReferences).toEqual([]);
  });

  it('takes the last of duplicate keys, like JSON.parse', () => {
    const settings = usable('{"ConnectionReferences": [{"LogicalName": "a", "LogicalName": "b"}]}');
    expect(settings.connectionReferences[0]!.logicalName).toBe('b');
  });
});

describe('placeholders', () => {
  it.each([
    ['#{conn.office}#', '#{conn.office}#'],
    ['#{CON_OFFICE}', '#{CON_OFFICE}'],
    ['x $(ConnId) y', '$(ConnId)'],
    ['${{ variables.conn }}', '${{ variables.conn }}'],
    ['@@ConnId@@', '@@ConnId@@'],
    ['__ConnId__', '__ConnId__'],
    ['a __x__ then #{y}#', '__x__'],
  ])('finds %j', (value, placeholder) => {
    expect(findPlaceholder(value)).toBe(placeholder);
  });

  it.each([
    '',
    'e34cedbfbb964b4ca7fc7b806121d17c',
    '3b8bd16c-e11b-408a-aae3-91409c286939',
    'shared-office365-3b8bd16c',
    '{"a": "b"}',
    'user@contoso.com',
    'cr62a_name_x',
  ])('finds no placeholder in %j', (value) => {
    expect(findPlaceholder(value)).toBeUndefined();
  });

  it('substitutes #{…}#, #{…} and $(…) from env, as is or as A_B', () => {
    const env = { 'conn.office': 'one', CON_OFFICE: 'two', CONN_TEAMS: 'three' };
    expect(substitutePlaceholders('#{conn.office}#', env)).toEqual({
      value: 'one',
      substituted: true,
    });
    expect(substitutePlaceholders('#{CON_OFFICE}', env)).toEqual({
      value: 'two',
      substituted: true,
    });
    expect(substitutePlaceholders('$(conn.teams)', env)).toEqual({
      value: 'three',
      substituted: true,
    });
    expect(substitutePlaceholders('#{conn.teams}#/#{missing}#', env)).toEqual({
      value: 'three/#{missing}#',
      substituted: true,
    });
    expect(substitutePlaceholders('#{missing}#', env)).toEqual({
      value: '#{missing}#',
      substituted: false,
    });
    // A replacement is not scanned again.
    expect(substitutePlaceholders('#{a}#', { a: '#{b}#', b: 'x' }).value).toBe('#{b}#');
    // Only own keys of env count.
    expect(substitutePlaceholders('#{toString}#', {}).substituted).toBe(false);
  });

  it('marks substituted values secret and collects non-empty ones', () => {
    const text = JSON.stringify({
      ConnectionReferences: [
        { LogicalName: 'a', ConnectionId: '#{connectionreference.cat_a}#', ConnectorId: 'x' },
        { LogicalName: 'b', ConnectionId: '#{connectionreference.cat_b}#' },
        { LogicalName: 'c', ConnectionId: 'plain' },
        { LogicalName: 'd', ConnectionId: '$(empty)' },
      ],
      EnvironmentVariables: [
        { SchemaName: 'v', Value: '$(environmentvariable.v)' },
        { SchemaName: 'w', Value: 'literal' },
      ],
    });
    const result = parse(text, {
      CONNECTIONREFERENCE_CAT_A: 'guid-a',
      'environmentvariable.v': 'value-v',
      empty: '',
    });
    if (!('settings' in result)) throw new Error(result.unusable.reason);
    const refs = result.settings.connectionReferences;
    expect(refs.map((r) => [r.connectionId, r.secret])).toEqual([
      ['guid-a', true],
      ['#{connectionreference.cat_b}#', false],
      ['plain', false],
      ['', true],
    ]);
    const vars = result.settings.environmentVariables;
    expect(vars.map((v) => [v.value, v.secret])).toEqual([
      ['value-v', true],
      ['literal', false],
    ]);
    expect(result.secrets.sort()).toEqual(['guid-a', 'value-v']);
  });
});

describe('readSettingsFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'connref-settings-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file', async () => {
    const path = join(dir, 'deploymentSettings.json');
    await writeFile(path, '{"EnvironmentVariables":[{"SchemaName":"a","Value":"#{A}#"}]}');
    const result = await readSettingsFile(path, 'deploymentSettings.json', { A: 'x' });
    expect(result).toMatchObject({
      settings: { environmentVariables: [{ value: 'x', secret: true }] },
    });
  });

  it('turns a read error into unusable settings with a reason', async () => {
    const result = await readSettingsFile(join(dir, 'missing.json'), 'missing.json');
    expect(result).toMatchObject({
      unusable: { path: 'missing.json', location: { file: 'missing.json' } },
    });
    if ('unusable' in result)
      expect(result.unusable.reason).toMatch(/^missing\.json: cannot be read/);
    const folder = await readSettingsFile(dir, 'config');
    expect('unusable' in folder).toBe(true);
  });
});

const corpusDir = join(import.meta.dirname, '../../shared/corpus');
const hasCorpus = existsSync(corpusDir);
if (!hasCorpus) console.warn(`[settings] ${corpusDir} is absent: corpus settings tests SKIPPED`);

describe.skipIf(!hasCorpus)('corpus settings files', () => {
  const configFiles: string[] = [];
  if (hasCorpus) {
    for (const kit of readdirSync(corpusDir).filter((d) => d.startsWith('powercat-'))) {
      for (const solution of readdirSync(join(corpusDir, kit))) {
        const config = join(corpusDir, kit, solution, 'config');
        if (!existsSync(config)) continue;
        for (const stage of readdirSync(config))
          configFiles.push(join(kit, solution, 'config', stage));
      }
    }
  }

  it('finds the real settings files', () => {
    expect(configFiles.length).toBeGreaterThanOrEqual(18);
  });

  it.each(configFiles)('%s/deploymentSettings.json parses', async (stage) => {
    const path = join(stage, 'deploymentSettings.json');
    const result = await readSettingsFile(join(corpusDir, path), path);
    if ('unusable' in result) throw new Error(result.unusable.reason);
    for (const ref of result.settings.connectionReferences) {
      expect(ref.logicalName).not.toBe('');
      expect(ref.location.line).toBeGreaterThan(1);
    }
  });

  it.each(configFiles)(
    '%s/customDeploymentSettings.json is DS001 naming what it is',
    async (stage) => {
      const path = join(stage, 'customDeploymentSettings.json');
      const result = await readSettingsFile(join(corpusDir, path), path);
      if (!('unusable' in result)) throw new Error('expected DS001');
      expect(result.unusable.reason).toContain('customDeploymentSettings.json (ALM Accelerator');
    },
  );

  it('the ALM Accelerator pipeline sample is DS001 naming what it is', async () => {
    const path =
      'deployment-settings-misc/coe-alm-accelerator-templates/deployment-settings.sample.json';
    const result = await readSettingsFile(join(corpusDir, path), path);
    if (!('unusable' in result)) throw new Error('expected DS001');
    expect(result.unusable.reason).toMatch(
      /^deployment-settings\.sample\.json \(line 1, column 1\): this is an ALM Accelerator pipeline/,
    );
  });

  it('keeps the key lines of the PowerShell-formatted BusinessApprovalKit file', async () => {
    const path =
      'powercat-business-approvals-kit/BusinessApprovalKit/config/Prod/deploymentSettings.json';
    const result = await readSettingsFile(join(corpusDir, path), path);
    if ('unusable' in result) throw new Error(result.unusable.reason);
    const [first] = result.settings.connectionReferences;
    expect(first).toMatchObject({
      logicalName: 'cat_BusinessApprovalKitApprovals',
      connectionId: '#{connectionreference.cat_BusinessApprovalKitApprovals}#',
      location: { line: 7, column: 38 },
      connectionIdLocation: { line: 8, column: 38 },
      connectorIdLocation: { line: 9, column: 38 },
    });
  });
});
