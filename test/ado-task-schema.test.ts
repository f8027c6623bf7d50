// task.json against Microsoft's own schema for it (tasks.schema.json from
// microsoft/azure-pipelines-task-lib, copied under test/fixtures/ado with its commit noted in the
// README there). tfx-cli only warns about a task.json that breaks it; this test fails instead.
import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';

const schema = JSON.parse(
  readFileSync(new URL('./fixtures/ado/tasks.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const task = JSON.parse(
  readFileSync(new URL('../ado-task/ConnrefGate/task.json', import.meta.url), 'utf8'),
) as Record<string, unknown> & { inputs: Record<string, unknown>[] };

// unicodeRegExp off: the schema's `^connectedService\:.+$` is a valid ECMAScript pattern, but
// `\:` is not a valid escape under the `u` flag ajv uses by default.
// A CommonJS module: its class is `default` of what NodeNext types the default import as.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
const validate = ajv.compile(schema);

function errors(value: unknown): string[] {
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

describe('ado-task/ConnrefGate/task.json', () => {
  it('is the upstream schema (draft-04, Microsoft’s id)', () => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-04/schema');
    expect(schema['id']).toBe(
      'https://raw.githubusercontent.com/Microsoft/azure-pipelines-task-lib/master/tasks.schema.json',
    );
    expect(task['$schema']).toBe(schema['id']);
  });

  it('is valid against tasks.schema.json', () => {
    expect(errors(task)).toEqual([]);
  });

  it('declares the Node20_1 and Node24 handlers, and no end-of-life one', () => {
    expect(Object.keys(task['execution'] as object).sort()).toEqual(['Node20_1', 'Node24']);
  });

  // The schema catches the mistakes it is here for (so the test above can fail).
  it.each<[string, (copy: typeof task) => void, RegExp]>([
    [
      'a string where a boolean belongs ("resizable": "true")',
      (copy) => {
        copy.inputs[1]!['properties'] = { resizable: 'true', rows: '3' };
      },
      /^\/inputs\/1\/properties\/resizable must be boolean/m,
    ],
    [
      'an unknown top-level key',
      (copy) => {
        copy['publisher'] = 'x';
      },
      /^\/ must NOT have additional properties/m,
    ],
    [
      'an input name with a dash',
      (copy) => {
        copy.inputs[0]!['name'] = 'fail-on';
      },
      /^\/inputs\/0\/name must match pattern/m,
    ],
    [
      'an unknown category',
      (copy) => {
        copy['category'] = 'Gate';
      },
      /^\/category must be equal to one of the allowed values/m,
    ],
    [
      'a handler the schema does not know',
      (copy) => {
        copy['execution'] = { Node22: { target: 'index.js' } };
      },
      /^\/execution must NOT have additional properties/m,
    ],
  ])('rejects %s', (_name, mutate, message) => {
    const copy = structuredClone(task);
    mutate(copy);
    expect(errors(copy).join('\n')).toMatch(message);
  });
});
