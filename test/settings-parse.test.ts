// Settings files in the pac format (src/core/settings.ts): entries with the line and column of
// each key, encodings, DS001 for what is not a usable settings file, and placeholders found and
// substituted from the environment.
import { describe, expect, it } from 'vitest';
import {
  MAX_JSON_DEPTH,
  findPlaceholder,
  parseSettings,
  substitutePlaceholders,
  type ParseSettingsResult,
} from '../src/core/settings.js';
import { unusableSettings, usableSettings } from './helpers/settings.js';

const PATH = 'config/Prod/deploymentSettings.json';
const encoder = new TextEncoder();

function parse(text: string, env: Record<string, string | undefined> = {}): ParseSettingsResult {
  return parseSettings(encoder.encode(text), PATH, env);
}
const usable = (text: string) => usableSettings(text, { path: PATH });
const unusable = (text: string) => unusableSettings(text, PATH);

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
