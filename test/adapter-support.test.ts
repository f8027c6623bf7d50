// src/core/adapter-support.ts: what the GitHub Action and the Azure DevOps task share.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  failReason,
  initCheckVerdict,
  initOutOfStepMessage,
  inputLines,
  parseBoolean,
  parseCommand,
  parseFailOn,
  parseRulesInput,
  pathBase,
  requireSolutions,
  resolvedSettingsNote,
  secretLines,
  secretParts,
} from '../src/core/adapter-support.js';
import { UsageError } from '../src/core/errors.js';
import type { InitFileResult, InitResult } from '../src/core/init.js';

function usage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('input values', () => {
  it('splits multi-line values, trimming and dropping blank and # lines', () => {
    expect(inputLines('  a \r\n\n# no\nb/*.zip\n')).toEqual(['a', 'b/*.zip']);
    expect(inputLines(undefined)).toEqual([]);
  });

  it('parses the command, naming the input and where the drift check runs', () => {
    expect(parseCommand('', 'command', 'a pipeline')).toBe('check');
    expect(parseCommand(' Init  --CHECK ', 'command', 'a pipeline')).toBe('init-check');
    expect(usage(() => parseCommand('init', 'command', 'a workflow'))).toBe(
      "input 'command' is 'init': use check or init --check (init writes the settings file: run it where you commit, and use 'init --check' in a workflow)",
    );
  });

  it('parses fail-on, booleans, rules and the required solutions with the input named', () => {
    expect(parseFailOn('', 'failOn')).toBe('error');
    expect(parseFailOn('Warning', 'failOn')).toBe('warning');
    expect(usage(() => parseFailOn('sometimes', 'fail-on'))).toBe(
      "input 'fail-on' is 'sometimes': use one of error, warning, never",
    );
    expect(parseBoolean('', 'x', true)).toBe(true);
    expect(parseBoolean('OFF', 'x', true)).toBe(false);
    expect(usage(() => parseBoolean('maybe', 'commentOnPullRequest', true))).toBe(
      "input 'commentOnPullRequest' is 'maybe': use true or false",
    );
    expect(parseRulesInput(['CR010=off'], 'rules')).toEqual({ CR010: 'off' });
    expect(usage(() => parseRulesInput(['CR999=off'], 'rules'))).toMatch(
      /^input 'rules': unknown rule id "CR999"/,
    );
    expect(usage(() => requireSolutions([], 'solution'))).toMatch(/^input 'solution' is required/);
  });
});

describe('pathBase', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'connref-adapter-'));
    mkdirSync(join(root, 'apps', 'contoso'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps the repository root as the base inside it, prefixing relative patterns', () => {
    const base = pathBase(root, 'apps/contoso', 'working-directory');
    expect(base).toMatchObject({
      workingDirectory: join(root, 'apps', 'contoso'),
      cwd: root,
      insideRepository: true,
    });
    expect(base.toCorePattern('src/*.zip')).toBe('apps/contoso/src/*.zip');
    expect(base.toCorePattern('../shared/Base.zip')).toBe('apps/shared/Base.zip');
    expect(base.toCorePattern('/abs/x.zip')).toBe('/abs/x.zip');
    expect(pathBase(root, '', 'w').toCorePattern('a.zip')).toBe('a.zip');
  });

  it('uses a working directory outside the repository as the base itself', () => {
    const outside = mkdtempSync(join(tmpdir(), 'connref-adapter-outside-'));
    try {
      const base = pathBase(root, outside, 'workingDirectory');
      expect(base.cwd).toBe(outside);
      expect(base.insideRepository).toBe(false);
      expect(base.toCorePattern('src')).toBe('src');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a working directory that is not a folder, naming the input', () => {
    expect(usage(() => pathBase(root, 'nope', 'workingDirectory'))).toBe(
      `input 'workingDirectory': ${join(root, 'nope')} does not exist or is not a folder`,
    );
  });
});

describe('secrets', () => {
  it('splits a multi-line secret into its non-blank lines', () => {
    expect(secretLines('one\r\ntwo\n\n  \rthree')).toEqual(['one', 'two', 'three']);
    expect(secretLines('single')).toEqual(['single']);
  });

  it('lists every secret and each of its lines once, longest first', () => {
    expect(secretParts(['line-one\nline-two-of-it', 'line-one', ' ', 'abc'])).toEqual([
      'line-one\nline-two-of-it',
      'line-two-of-it',
      'line-one',
      'abc',
    ]);
  });
});

describe('texts', () => {
  it.each([
    [
      { errors: 3, warnings: 1, notes: 0 },
      'error',
      'fail-on',
      '3 errors at or above fail-on=error (and 1 warning below it)',
    ],
    [
      { errors: 1, warnings: 1, notes: 1 },
      'error',
      'failOn',
      '1 error at or above failOn=error (and 1 warning, 1 note below it)',
    ],
    [
      { errors: 0, warnings: 2, notes: 1 },
      'warning',
      '--fail-on',
      '0 errors, 2 warnings at or above --fail-on=warning (and 1 note below it)',
    ],
  ] as const)('failReason %j %s %s', (summary, failOn, name, expected) => {
    expect(failReason(summary, failOn, name)).toBe(expected);
  });

  it('says where the resolved settings went and what they hold, or why they were not written', () => {
    expect(
      resolvedSettingsNote(
        {
          written: { resolvedSettings: '/t/r.json' },
          resolvedSettings: { connectionReferences: 1, environmentVariables: 2 },
        },
        '/t/r.json',
      ),
    ).toEqual({
      written: true,
      text: 'connref-gate: resolved settings written to /t/r.json (1 connection reference, 2 environment variables)',
    });
    expect(
      resolvedSettingsNote(
        {
          written: {},
          notWritten: { resolvedSettings: 'resolved settings not written to r.json: why' },
        },
        'r.json',
      ),
    ).toEqual({
      written: false,
      text: 'connref-gate: resolved settings not written to r.json: why',
    });
    expect(resolvedSettingsNote({ written: {} }, 'r.json')).toEqual({
      written: false,
      text: 'connref-gate: resolved settings not written to r.json',
    });
    expect(resolvedSettingsNote({ written: {}, notWritten: {} }, undefined)).toBeUndefined();
  });

  it('describes init --check per file and as a verdict', () => {
    const names = (cr: string[], ev: string[] = []) => ({
      connectionReferences: cr,
      environmentVariables: ev,
    });
    const file = (
      path: string,
      status: InitFileResult['status'],
      added: string[],
      removed: string[],
    ) => ({
      path,
      status,
      added: names(added),
      kept: names([]),
      removed: names(removed),
      written: false,
    });
    const result: InitResult = {
      solution: { uniqueName: 'Contoso', version: '1.0.0.0', path: 'src' },
      files: [
        file('config/Test/deploymentSettings.json', 'updated', ['a', 'b'], ['c']),
        file('config/Prod/deploymentSettings.json', 'created', ['a'], []),
        file('config/Dev/deploymentSettings.json', 'unchanged', [], []),
      ],
    };
    expect(initOutOfStepMessage(result, result.files[0]!)).toBe(
      'config/Test/deploymentSettings.json is out of step with Contoso: init would add 2 and remove 1 entries. Run connref-gate init and commit the result.',
    );
    expect(initOutOfStepMessage(result, result.files[1]!)).toBe(
      'config/Prod/deploymentSettings.json is out of step with Contoso: it does not exist. Run connref-gate init and commit the result.',
    );
    expect(initCheckVerdict(result)).toBe(
      'connref-gate: 2 of 3 settings files out of step with Contoso',
    );
    expect(initCheckVerdict({ ...result, files: [result.files[2]!] })).toBe(
      'connref-gate: 1 settings file in step with Contoso',
    );
  });
});
