// The environment variable rules: EV001 to EV005.
import { describe, expect, it } from 'vitest';
import { makeSolution, makeVariable, settingsJson } from './helpers/make-solution.js';
import { runRule } from './helpers/rules.js';
import { usableSettings } from './helpers/settings.js';

describe('EV001 environment variable without value', () => {
  const solution = makeSolution({
    environmentVariables: [
      makeVariable('cr_none'),
      makeVariable('cr_default', 'String', { defaultValue: 'x' }),
      makeVariable('cr_current', 'String', { currentValue: 'y' }),
      makeVariable('cr_emptydefault', 'String', { defaultValue: '' }),
    ],
  });

  it('fires without settings for variables with neither default nor current value', () => {
    expect(runRule('EV001', solution).map((r) => r.subject)).toEqual([
      'cr_none',
      'cr_emptydefault',
    ]);
  });

  it('fires for a null Value, at the entry', () => {
    const text = settingsJson(
      [],
      [
        { SchemaName: 'cr_none', Value: null },
        { SchemaName: 'cr_emptydefault', Value: 'v' },
      ],
    );
    expect(runRule('EV001', solution, text)).toMatchObject([
      { subject: 'cr_none', location: { line: 5 } },
    ]);
  });

  it('does not fire for "" (EV002 reports it) nor for a placeholder (CR002 reports it)', () => {
    const text = settingsJson(
      [],
      [
        { SchemaName: 'CR_NONE', Value: '' },
        { SchemaName: 'cr_emptydefault', Value: '#{v}#' },
      ],
    );
    expect(runRule('EV001', solution, text)).toEqual([]);
  });
});

describe('EV002 empty environment variable value', () => {
  const solution = makeSolution({
    environmentVariables: [
      makeVariable('cr_a', 'String', { defaultValue: 'd' }),
      makeVariable('cr_b'),
    ],
  });

  it('fires for "" even when the variable has a default (untouched create-settings output)', () => {
    const text = settingsJson(
      [],
      [
        { SchemaName: 'cr_a', Value: '' },
        { SchemaName: 'cr_b', Value: '' },
      ],
    );
    const reports = runRule('EV002', solution, text);
    expect(reports.map((r) => [r.subject, r.location?.line])).toEqual([
      ['cr_a', 5],
      ['cr_b', 6],
    ]);
    expect(reports[0]!.message).toContain('remove the entry');
    expect(reports[1]!.message).not.toContain('remove the entry');
  });

  it('does not fire for a value, null, or a stale entry', () => {
    const text = settingsJson(
      [],
      [
        { SchemaName: 'cr_a', Value: 'x' },
        { SchemaName: 'cr_b', Value: null },
        { SchemaName: 'cr_gone', Value: '' },
      ],
    );
    expect(runRule('EV002', solution, text)).toEqual([]);
  });
});

describe('EV003 environment variable type mismatch', () => {
  const solution = makeSolution({
    environmentVariables: [
      makeVariable('cr_num', 'Number'),
      makeVariable('cr_bool', 'Boolean'),
      makeVariable('cr_json', 'JSON'),
      makeVariable('cr_secret', 'Secret'),
      makeVariable('cr_text', 'String'),
    ],
  });

  it.each([
    ['cr_num', 'twelve', 'not a decimal number ("twelve")'],
    ['cr_num', '1,5', 'not a decimal number'],
    ['cr_bool', 'maybe', 'not yes, no, true or false'],
    ['cr_json', '{"a": }', 'not valid JSON (line 1, column 7'],
    ['cr_secret', 'hunter2', 'not an Azure Key Vault secret reference'],
  ])('fires for %s = %j', (schemaName, value, problem) => {
    const reports = runRule(
      'EV003',
      solution,
      settingsJson([], [{ SchemaName: schemaName, Value: value }]),
    );
    expect(reports).toMatchObject([{ subject: schemaName, location: { line: 5 } }]);
    expect(reports[0]!.message).toContain(problem);
  });

  it('never quotes a Secret variable value or a substituted value', () => {
    const [secret] = runRule(
      'EV003',
      solution,
      settingsJson([], [{ SchemaName: 'cr_secret', Value: 'hunter2' }]),
    );
    expect(secret!.message).not.toContain('hunter2');
    const settings = usableSettings(settingsJson([], [{ SchemaName: 'cr_num', Value: '$(n)' }]), {
      env: { n: 'NaNsecret' },
    });
    const [number] = runRule('EV003', solution, settings);
    expect(number!.message).not.toContain('NaNsecret');
  });

  it.each([
    ['cr_num', '12'],
    ['cr_num', '-3.25'],
    ['cr_bool', 'Yes'],
    ['cr_bool', 'FALSE'],
    ['cr_json', '{"a": [1, 2]}'],
    [
      'cr_secret',
      '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv/secrets/pw',
    ],
    ['cr_text', 'anything'],
    ['cr_num', ''],
    ['cr_num', '#{count}#'],
    ['cr_unknown', 'x'],
  ])('does not fire for %s = %j', (schemaName, value) => {
    expect(
      runRule('EV003', solution, settingsJson([], [{ SchemaName: schemaName, Value: value }])),
    ).toEqual([]);
  });
});

describe('EV004 stale environment variable entry', () => {
  const solution = makeSolution({ environmentVariables: [makeVariable('cr_a')] });

  it('fires once per stale name', () => {
    const text = settingsJson(
      [],
      [
        { SchemaName: 'cr_a', Value: 'x' },
        { SchemaName: 'cr_gone', Value: 'x' },
        { SchemaName: 'CR_GONE', Value: '' },
      ],
    );
    expect(runRule('EV004', solution, text)).toMatchObject([
      { subject: 'cr_gone', location: { line: 6 } },
    ]);
  });

  it('does not fire for defined variables (any casing)', () => {
    expect(
      runRule('EV004', solution, settingsJson([], [{ SchemaName: 'CR_A', Value: 'x' }])),
    ).toEqual([]);
  });
});

describe('EV005 duplicate environment variable entry', () => {
  const solution = makeSolution({ environmentVariables: [makeVariable('cr_a')] });

  it('fires once per duplicated name', () => {
    const text = settingsJson(
      [],
      [
        { SchemaName: 'cr_a', Value: 'x' },
        { SchemaName: 'CR_A', Value: 'y' },
      ],
    );
    expect(runRule('EV005', solution, text)).toMatchObject([
      { subject: 'cr_a', location: { line: 6 } },
    ]);
  });

  it('does not fire for one entry per name', () => {
    expect(
      runRule('EV005', solution, settingsJson([], [{ SchemaName: 'cr_a', Value: 'x' }])),
    ).toEqual([]);
  });
});
