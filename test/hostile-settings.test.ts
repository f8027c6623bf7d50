// Hostile and broken deployment-settings files: DS001 with one line naming the file, line and
// column, in bounded time; no prototype pollution; no hang on special files; no link following.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import type { UnusableSettings } from '../src/core/model.js';
import { parseSettings, readSettingsFile } from '../src/core/settings.js';
import {
  HOSTILE_TIMEOUT,
  POSIX,
  copyExample,
  expectOneLine,
  removeTempDirs,
  tempDir,
  withinMemory,
  writeFile,
} from './helpers/hostile-solution.js';

afterAll(removeTempDirs);

const PATH = 'config/deploymentSettings.json';

function parse(text: string | Buffer) {
  return parseSettings(typeof text === 'string' ? Buffer.from(text) : text, PATH, {});
}

/** Expects DS001: one line naming the file, with line and column, matching `what`. */
function expectUnusable(
  result: ReturnType<typeof parseSettings>,
  what: RegExp,
  position?: { line: number; column?: number },
): UnusableSettings {
  if (!('unusable' in result)) throw new Error(`expected DS001 (${String(what)})`);
  const { unusable } = result;
  expectOneLine(unusable.reason);
  expect(unusable.reason).toMatch(what);
  expect(unusable.reason).toContain('deploymentSettings.json');
  expect(unusable.path).toBe(PATH);
  expect(unusable.location.file).toBe(PATH);
  if (position) expect(unusable.location).toMatchObject(position);
  return unusable;
}

describe('hostile settings: syntax', () => {
  it('refuses an empty file, a BOM-only file and whitespace', () => {
    for (const bytes of [
      Buffer.alloc(0),
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from([0xff, 0xfe]),
      Buffer.from([0xfe, 0xff]),
      Buffer.from(' \r\n\t '),
    ]) {
      expectUnusable(parse(bytes), /empty/);
    }
  });

  it('refuses invalid UTF-8 and lone surrogates in UTF-16 bytes', () => {
    const good = '{"ConnectionReferences":[{"LogicalName":"a","ConnectionId":"X"}]}';
    const bad = Buffer.from(good);
    bad[bad.indexOf('X')] = 0xff;
    expectUnusable(parse(bad), /UTF-8/);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(good.replace('X', '\ud800'), 'utf16le'),
    ]);
    expectUnusable(parse(utf16), /UTF-16/);
  });

  it('keeps escaped lone surrogates as data', () => {
    const result = parse('{"ConnectionReferences":[{"LogicalName":"a","ConnectionId":"\\ud800"}]}');
    if (!('settings' in result)) throw new Error(result.unusable.reason);
    expect(result.settings.connectionReferences[0]!.connectionId).toBe('\ud800');
  });

  it(
    'refuses nesting 100,000 levels deep without overflowing the stack',
    () => {
      for (const [open, close] of [
        ['[', ']'],
        ['{"a":', '}'],
      ] as const) {
        const text = `{"ConnectionReferences":[{"LogicalName":"a","x":${open.repeat(100_000)}1${close.repeat(100_000)}}]}`;
        expectUnusable(parse(text), /nesting deeper than \d+ levels/, { line: 1 });
      }
    },
    HOSTILE_TIMEOUT,
  );

  it('reports syntax errors with line and column, on one line, whatever the keys hold', () => {
    const cases: [string, RegExp, { line: number; column: number }][] = [
      [
        '{\n  "ConnectionReferences": [\n    {"LogicalName": "a",}\n  ]\n}',
        /property name/,
        { line: 3, column: 25 },
      ],
      ['{"a\\n::error::forged\\r\\nline" 1}', /expected ':'/, { line: 1, column: 31 }],
      ['{"a\u2028b" 1}', /expected ':'/, { line: 1, column: 8 }],
      [
        '{"ConnectionReferences": [1, 2',
        /expected ',' or ']'|end of file/,
        { line: 1, column: 31 },
      ],
      ['{"a": "unterminated', /unterminated string/, { line: 1, column: 7 }],
      ['{"a": "bad \\x escape"}', /bad escape/, { line: 1, column: 12 }],
      ['{"a": "\u0001"}', /control character/, { line: 1, column: 8 }],
      ['{"a": 01}', /expected ',' or '}'/, { line: 1, column: 8 }],
      ['{"a": tru}', /expected a JSON value/, { line: 1, column: 7 }],
      ['{} {}', /after the end/, { line: 1, column: 4 }],
      ['\u0000', /expected a JSON value/, { line: 1, column: 1 }],
    ];
    for (const [text, what, position] of cases) expectUnusable(parse(text), what, position);
  });
});

describe('hostile settings: shape mistakes everywhere the schema allows one', () => {
  const wrongValues = ['1', 'true', 'null', '{}', '[]', '"text"'];
  const kinds: Record<string, RegExp> = {
    '1': /a number/,
    true: /a boolean/,
    null: /null/,
    '{}': /an object/,
    '[]': /an array/,
    '"text"': /a string/,
  };

  it('refuses a top level that is not an object, or holds neither section', () => {
    for (const top of ['1', 'true', 'null', '[]', '"x"', '[{"UserSettings":[]}]']) {
      expectUnusable(parse(top), /top level|ALM Accelerator pipeline/, { line: 1, column: 1 });
    }
    expectUnusable(parse('{}'), /neither "ConnectionReferences" nor "EnvironmentVariables"/);
    expectUnusable(parse('{"ActivateFlowConfiguration":[]}'), /customDeploymentSettings/);
  });

  it('refuses a section that is not an array', () => {
    for (const section of ['ConnectionReferences', 'EnvironmentVariables']) {
      for (const value of wrongValues.filter((v) => v !== '[]')) {
        const text = `{\n"${section}": ${value}\n}`;
        expectUnusable(parse(text), new RegExp(`"${section}" is ${kinds[value]!.source}`), {
          line: 2,
        });
      }
    }
  });

  it('refuses an entry that is not an object', () => {
    for (const section of ['ConnectionReferences', 'EnvironmentVariables']) {
      for (const value of wrongValues.filter((v) => v !== '{}')) {
        const text = `{"${section}": [\n  ${value}\n]}`;
        expectUnusable(parse(text), /entry 1 of .* expected an object/, { line: 2, column: 3 });
      }
    }
  });

  it('refuses a name that is missing or not a string', () => {
    for (const [section, key] of [
      ['ConnectionReferences', 'LogicalName'],
      ['EnvironmentVariables', 'SchemaName'],
    ] as const) {
      expectUnusable(parse(`{"${section}": [{}]}`), new RegExp(`has no "${key}"`));
      for (const value of wrongValues.filter((v) => v !== '"text"')) {
        expectUnusable(
          parse(`{"${section}": [\n{"${key}": ${value}}]}`),
          new RegExp(`"${key}" in entry 1 of "${section}" is ${kinds[value]!.source}`),
          { line: 2 },
        );
      }
    }
  });

  it('refuses a ConnectionId, ConnectorId or Value that is neither a string nor null', () => {
    for (const [section, name, key] of [
      ['ConnectionReferences', 'LogicalName', 'ConnectionId'],
      ['ConnectionReferences', 'LogicalName', 'ConnectorId'],
      ['EnvironmentVariables', 'SchemaName', 'Value'],
    ] as const) {
      for (const value of ['1', 'true', '{}', '[]']) {
        expectUnusable(
          parse(`{"${section}": [{"${name}": "a",\n"${key}": ${value}}]}`),
          new RegExp(
            `"${key}" in entry 1 of "${section}" is ${kinds[value]!.source}; expected a string or null`,
          ),
          { line: 2 },
        );
      }
      const ok = parse(`{"${section}": [{"${name}": "a", "${key}": null}]}`);
      expect('settings' in ok).toBe(true);
    }
  });

  it('counts entries from 1 and points at the bad one', () => {
    const text =
      '{"EnvironmentVariables": [\n{"SchemaName": "a", "Value": "1"},\n{"SchemaName": "b", "Value": 2}\n]}';
    expectUnusable(parse(text), /"Value" in entry 2 of "EnvironmentVariables" is a number/, {
      line: 3,
      column: 30,
    });
  });
});

describe('hostile settings: prototype pollution and size', () => {
  it('keeps __proto__, constructor and prototype keys as plain data everywhere', () => {
    const text = `{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}},
      "ConnectionReferences": [{"LogicalName": "__proto__", "ConnectionId": "constructor", "__proto__": {"polluted": "yes"}, "prototype": 1}],
      "EnvironmentVariables": [{"SchemaName": "prototype", "Value": "__proto__", "constructor": {"prototype": {"polluted": "yes"}}}],
      "__PROTO__": [], "Constructor": null}`;
    const result = parse(text);
    if (!('settings' in result)) throw new Error(result.unusable.reason);
    expect(result.settings.connectionReferences[0]).toMatchObject({
      logicalName: '__proto__',
      connectionId: 'constructor',
    });
    expect(result.settings.environmentVariables[0]).toMatchObject({
      schemaName: 'prototype',
      value: '__proto__',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('does not look placeholders up on the prototype of the environment', () => {
    const text =
      '{"ConnectionReferences": [{"LogicalName": "a", "ConnectionId": "#{constructor}#$(__proto__)#{toString}#"}]}';
    const result = parseSettings(Buffer.from(text), PATH, {});
    if (!('settings' in result)) throw new Error(result.unusable.reason);
    expect(result.settings.connectionReferences[0]!.connectionId).toBe(
      '#{constructor}#$(__proto__)#{toString}#',
    );
    expect(result.secrets).toEqual([]);
  });

  it(
    'parses a 20 MB settings file in bounded time and memory',
    () => {
      const entries = Array.from(
        { length: 100_000 },
        (_, i) =>
          `{"LogicalName":"new_ref_${i}","ConnectionId":"${'c'.repeat(150)}","ConnectorId":"/providers/Microsoft.PowerApps/apis/shared_x"}`,
      );
      const text = `{"ConnectionReferences":[\n${entries.join(',\n')}\n]}`;
      expect(text.length).toBeGreaterThan(20_000_000);
      const result = parse(text);
      if (!('settings' in result)) throw new Error(result.unusable.reason);
      expect(result.settings.connectionReferences).toHaveLength(100_000);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'finds placeholders in linear time in a huge hostile value',
    async () => {
      const dir = tempDir();
      copyExample(dir);
      for (const value of [
        '${{'.repeat(200_000),
        '#{'.repeat(300_000),
        '$('.repeat(300_000),
        '@@a'.repeat(200_000),
        '__a'.repeat(200_000),
      ]) {
        writeFile(
          join(dir, 'settings.json'),
          JSON.stringify({
            ConnectionReferences: [
              { LogicalName: 'contoso_sharedoffice365_2b9c4', ConnectionId: value },
            ],
            EnvironmentVariables: [{ SchemaName: 'contoso_ErpSettings', Value: value }],
          }),
        );
        const started = Date.now();
        const result = await check({
          solutions: ['solution'],
          settings: ['settings.json'],
          cwd: dir,
        });
        expect(Date.now() - started, value.slice(0, 6)).toBeLessThan(2_000);
        expect(result.report.findings.length).toBeGreaterThan(0);
      }
    },
    HOSTILE_TIMEOUT * 2,
  );
});

describe.skipIf(!POSIX)('hostile settings: files that are not files', () => {
  it(
    'does not hang on a FIFO passed as the settings file',
    async () => {
      const dir = tempDir();
      const fifo = join(dir, 'settings.json');
      execFileSync('mkfifo', [fifo]);
      const result = await withinMemory(() => readSettingsFile(fifo, 'settings.json', {}));
      if (!('unusable' in result)) throw new Error('a FIFO was read as settings');
      expectOneLine(result.unusable.reason);
      expect(result.unusable.reason).toMatch(/settings\.json.*not a regular file/);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'does not follow a settings file that is a symbolic link',
    async () => {
      const dir = tempDir();
      const outside = writeFile(
        join(dir, 'outside', 'secret.json'),
        '{"ConnectionReferences":[{"LogicalName":"outside-canary-51f3","ConnectionId":"x"}]}',
      );
      mkdirSync(join(dir, 'repo'));
      symlinkSync(outside, join(dir, 'repo', 'settings.json'));
      const result = await readSettingsFile(
        join(dir, 'repo', 'settings.json'),
        'settings.json',
        {},
      );
      expect(JSON.stringify(result)).not.toContain('outside-canary-51f3');
      if (!('unusable' in result)) throw new Error('a symbolic link was followed');
      expectOneLine(result.unusable.reason);
      expect(result.unusable.reason).toMatch(/symbolic link/);
    },
    HOSTILE_TIMEOUT,
  );

  it(
    'refuses a folder and a file over the size limit',
    async () => {
      const dir = tempDir();
      mkdirSync(join(dir, 'settings.json'));
      const folder = await readSettingsFile(join(dir, 'settings.json'), 'settings.json', {});
      if (!('unusable' in folder)) throw new Error('a folder was read as settings');
      expect(folder.unusable.reason).toMatch(/settings\.json.*not a regular file/);
      const big = join(dir, 'big.json');
      writeFileSync(big, '');
      execFileSync('truncate', ['-s', '3G', big]);
      const result = await withinMemory(() => readSettingsFile(big, 'big.json', {}), 64);
      if (!('unusable' in result)) throw new Error('a 3 GB file was read as settings');
      expectOneLine(result.unusable.reason);
      expect(result.unusable.reason).toMatch(/big\.json.*limit/);
    },
    HOSTILE_TIMEOUT,
  );
});
