import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../src/core/errors.js';
import { runGate } from '../src/core/gate.js';
import { removeTempDirs, tempDir, writeSettings, writeUnpackedSolution } from './cli-fixtures.js';

afterEach(removeTempDirs);

describe('runGate', () => {
  it('checks, decides the verdict and writes the requested files, creating folders', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    const outcome = await runGate({
      solutions: ['src'],
      cwd,
      failOn: 'error',
      sarifFile: 'out/deep/results.sarif',
      reportFile: 'out/report.json',
    });
    expect(outcome.failed).toBe(true);
    expect(outcome.report).toBe(outcome.result.report);
    expect(outcome.report.findings.map((f) => f.ruleId)).toContain('CR001');
    expect(outcome.written).toEqual({
      sarifFile: 'out/deep/results.sarif',
      reportFile: 'out/report.json',
    });
    const sarif = JSON.parse(readFileSync(join(cwd, 'out/deep/results.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const report = JSON.parse(readFileSync(join(cwd, 'out/report.json'), 'utf8'));
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(report.solutions[0].path).toBe('src');
    expect(outcome.markdown).toMatch(/^## ❌ connref-gate: fails the gate/);
  });

  it('passes when the settings bind every reference, and writes nothing unasked', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    writeSettings(join(cwd, 'settings.json'), '0123456789abcdef0123456789abcdef');
    const outcome = await runGate({
      solutions: ['src'],
      settings: ['settings.json'],
      cwd,
      failOn: 'error',
      sarifFile: '',
    });
    expect(outcome.failed).toBe(false);
    expect(outcome.written).toEqual({});
    expect(outcome.report.summary.errors).toBe(0);
  });

  it('fails on warnings only with failOn warning, never with never', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    const never = await runGate({ solutions: ['src'], cwd, failOn: 'never' });
    expect(never.failed).toBe(false);
    const downgraded = await runGate({
      solutions: ['src'],
      cwd,
      failOn: 'error',
      rules: { CR001: 'warning' },
    });
    expect(downgraded.failed).toBe(false);
    const strict = await runGate({
      solutions: ['src'],
      cwd,
      failOn: 'warning',
      rules: { CR001: 'warning' },
    });
    expect(strict.failed).toBe(true);
  });

  it('refuses to write inside a checked solution or over the settings file', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    writeSettings(join(cwd, 'settings.json'), 'abc');
    await expect(
      runGate({ solutions: ['src'], cwd, failOn: 'error', sarifFile: 'src/results.sarif' }),
    ).rejects.toThrow(UsageError);
    await expect(
      runGate({ solutions: ['src'], cwd, failOn: 'error', reportFile: 'src/Other/r.json' }),
    ).rejects.toThrow(/inside the solution src/);
    await expect(
      runGate({
        solutions: ['src'],
        settings: ['settings.json'],
        cwd,
        failOn: 'error',
        reportFile: 'settings.json',
      }),
    ).rejects.toThrow(/refusing to overwrite the settings file/);
    expect(existsSync(join(cwd, 'src/results.sarif'))).toBe(false);
  });

  it('writes next to a folder that holds several solutions', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd, 'solutions/a', 'A');
    writeUnpackedSolution(cwd, 'solutions/b', 'B');
    const outcome = await runGate({
      solutions: ['solutions'],
      cwd,
      failOn: 'error',
      reportFile: 'solutions/report.json',
    });
    expect(outcome.report.solutions.map((s) => s.uniqueName)).toEqual(['A', 'B']);
    expect(existsSync(join(cwd, 'solutions/report.json'))).toBe(true);
  });

  it('keeps substituted values out of every output', async () => {
    const cwd = tempDir();
    writeUnpackedSolution(cwd);
    writeSettings(join(cwd, 'settings.json'), '#{CONNECTION_ID}#');
    const secret = 'canary-7f3e9d1c-secret';
    const outcome = await runGate({
      solutions: ['src'],
      settings: ['settings.json'],
      cwd,
      env: { CONNECTION_ID: secret },
      failOn: 'error',
      reportFile: 'report.json',
      sarifFile: 'report.sarif',
    });
    expect(outcome.result.secrets).toContain(secret);
    expect(outcome.markdown).not.toContain(secret);
    expect(readFileSync(join(cwd, 'report.json'), 'utf8')).not.toContain(secret);
    expect(readFileSync(join(cwd, 'report.sarif'), 'utf8')).not.toContain(secret);
  });

  it('reports a missing solution path as a usage error', async () => {
    const cwd = tempDir();
    await expect(runGate({ solutions: ['nope'], cwd, failOn: 'error' })).rejects.toThrow(
      UsageError,
    );
  });
});
