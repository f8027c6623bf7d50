// schema/deployment-settings.schema.json: a valid draft-07 schema that accepts every real settings
// file (corpus, examples, fixtures, what init writes) and rejects the shapes DS001 rejects.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../src/core/settings.js';
import { corpusDir, hasCorpus } from './helpers/corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const schema = JSON.parse(
  readFileSync(join(ROOT, 'schema/deployment-settings.schema.json'), 'utf8'),
) as Record<string, unknown>;
// strict: unknown keywords or a malformed schema fail compilation (strictRequired would object to
// the top-level anyOf naming properties declared next to it, which is valid draft-07).
const validate = new Ajv({ strict: true, strictRequired: false, allErrors: true }).compile(schema);

function isValid(text: string): boolean {
  return validate(JSON.parse(text.replace(/^\ufeff/, '')) as unknown);
}

function ds001(text: string): boolean {
  return 'unusable' in parseSettings(new TextEncoder().encode(text), 'deploymentSettings.json');
}

/** Every *.json under a folder (not node_modules), relative paths. */
function jsonFiles(dir: string, name = /\.json$/): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (name.test(entry.name)) out.push(rel);
    }
  };
  if (existsSync(dir)) walk('');
  return out.sort();
}

describe('the deployment-settings schema', () => {
  it('is a draft-07 schema with an $id, and a title and description for every key', () => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['$id']).toBe(
      'https://raw.githubusercontent.com/connref-gate/connref-gate/main/schema/deployment-settings.schema.json',
    );
    const described = (node: unknown, where: string): void => {
      const object = node as { title?: string; description?: string; properties?: object };
      expect(object.title, `${where} title`).toBeTruthy();
      expect(object.description, `${where} description`).toBeTruthy();
      for (const [key, child] of Object.entries(object.properties ?? {})) {
        described(child, `${where}.${key}`);
      }
    };
    described(schema, 'root');
    for (const [name, definition] of Object.entries(schema['definitions'] as object)) {
      described(definition, name);
    }
  });

  const examples = [
    ...jsonFiles(join(ROOT, 'examples'), /^deploymentSettings\.json$/).map((f) => `examples/${f}`),
    ...jsonFiles(join(ROOT, 'test/fixtures'), /^(deploymentSettings|settings-\w+)\.json$/).map(
      (f) => `test/fixtures/${f}`,
    ),
  ];

  it.each(examples)('accepts %s', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(ds001(text)).toBe(false);
    expect(isValid(text), JSON.stringify(validate.errors)).toBe(true);
  });

  const real = hasCorpus
    ? jsonFiles(corpusDir, /^deploymentSettings\.json$/).map((f) => join(corpusDir, f))
    : [];

  it.skipIf(!hasCorpus)('finds the 18 real deploymentSettings.json of the corpus', () => {
    expect(real).toHaveLength(18);
  });

  it.each(real)('accepts the real %s', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(isValid(text), JSON.stringify(validate.errors)).toBe(true);
  });

  const wrongFiles = hasCorpus
    ? [
        ...jsonFiles(corpusDir, /^customDeploymentSettings\.json$/).map((f) => join(corpusDir, f)),
        join(
          corpusDir,
          'deployment-settings-misc/coe-alm-accelerator-templates/deployment-settings.sample.json',
        ),
      ]
    : [];

  it.each(wrongFiles)('rejects, like DS001, the real %s', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(ds001(text)).toBe(true);
    expect(isValid(text)).toBe(false);
  });

  it('accepts a $schema key, extra keys on entries and null values, as DS001 does', () => {
    const text = JSON.stringify({
      $schema: './schema/deployment-settings.schema.json',
      EnvironmentVariables: [{ SchemaName: 'a', Value: null }, { SchemaName: 'b' }],
      ConnectionReferences: [
        { LogicalName: 'c', ConnectionId: null, ConnectorId: null, ConnectionOwner: 'x@y.z' },
        { LogicalName: 'd', Custom: { any: 1 } },
      ],
    });
    expect(ds001(text)).toBe(false);
    expect(isValid(text)).toBe(true);
  });

  it.each([
    ['[]'],
    ['"x"'],
    ['{}'],
    ['{"OrgSettings": {}}'],
    ['{"ConnectionReferences": {}}'],
    ['{"EnvironmentVariables": null}'],
    ['{"ConnectionReferences": [["a"]]}'],
    ['{"EnvironmentVariables": [1]}'],
    ['{"ConnectionReferences": [{"LogicalName": 5}]}'],
    ['{"ConnectionReferences": [{"ConnectionId": "x"}]}'],
    ['{"EnvironmentVariables": [{"SchemaName": null}]}'],
    ['{"EnvironmentVariables": [{"Value": "x"}]}'],
    ['{"ConnectionReferences": [{"LogicalName": "a", "ConnectionId": 1}]}'],
    ['{"ConnectionReferences": [{"LogicalName": "a", "ConnectorId": true}]}'],
    ['{"EnvironmentVariables": [{"SchemaName": "a", "Value": {"x": 1}}]}'],
    ['{"EnvironmentVariables": [{"SchemaName": "a", "Value": 5}]}'],
    ['[{"BuildName": "x", "UserSettings": [{"Name": "a", "Value": "b"}]}]'],
  ])('rejects %s, which DS001 rejects too', (text) => {
    expect(ds001(text)).toBe(true);
    expect(isValid(text)).toBe(false);
  });

  it('agrees with DS001 on every one-key change of a valid file', () => {
    const base = {
      EnvironmentVariables: [{ SchemaName: 'a', Value: 'v' }],
      ConnectionReferences: [{ LogicalName: 'c', ConnectionId: 'i1', ConnectorId: 'k' }],
    };
    const values: unknown[] = ['s', '', null, 1, true, [], {}];
    let cases = 0;
    for (const [section, key] of [
      ['EnvironmentVariables', 'SchemaName'],
      ['EnvironmentVariables', 'Value'],
      ['ConnectionReferences', 'LogicalName'],
      ['ConnectionReferences', 'ConnectionId'],
      ['ConnectionReferences', 'ConnectorId'],
    ] as const) {
      for (const value of values) {
        const copy = structuredClone(base) as Record<string, Record<string, unknown>[]>;
        copy[section]![0]![key] = value;
        const text = JSON.stringify(copy);
        expect(isValid(text), text).toBe(!ds001(text));
        cases++;
      }
    }
    expect(cases).toBe(35);
  });
});
