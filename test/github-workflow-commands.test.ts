// src/github/workflow-commands.ts must write what @actions/core writes for the same calls: the
// runner reads these bytes. @actions/core stays a development dependency for this comparison.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as toolkit from '@actions/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as ours from '../src/github/workflow-commands.js';

type Api = typeof ours;

let dir: string;
const saved = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'connref-gate-commands-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  process.env = { ...saved };
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

/** What a call writes: stdout, the output file (delimiters normalized), the summary file, exit code. */
async function capture(api: Api, call: (api: Api) => unknown, files = true) {
  const output = join(dir, `output-${Math.random()}`);
  const summary = join(dir, `summary-${Math.random()}`);
  writeFileSync(output, '');
  writeFileSync(summary, '');
  if (files) {
    process.env['GITHUB_OUTPUT'] = output;
    process.env['GITHUB_STEP_SUMMARY'] = summary;
  } else {
    delete process.env['GITHUB_OUTPUT'];
    delete process.env['GITHUB_STEP_SUMMARY'];
  }
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  await call(api);
  vi.restoreAllMocks();
  const normalize = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER');
  return {
    stdout: normalize(stdout),
    output: normalize(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
    exitCode: process.exitCode,
  };
}

const tricky = 'a%b\r\nc:d,e ::error::x';

describe('workflow commands match @actions/core', () => {
  it.each<[string, (api: Api) => unknown]>([
    [
      'error with every property',
      (api) =>
        api.error(tricky, {
          title: 'T:1,2',
          file: 'src/a,b:c.json',
          startLine: 3,
          endLine: 4,
          startColumn: 5,
          endColumn: 6,
        }),
    ],
    ['warning with a file only', (api) => api.warning('w', { file: 'x.json' })],
    ['notice without properties', (api) => api.notice(tricky)],
    [
      'error with line 0 (left out, as the toolkit does)',
      (api) => api.error('e', { file: 'f', startLine: 0 }),
    ],
    ['setFailed', (api) => api.setFailed(tricky)],
    ['setSecret', (api) => api.setSecret('s3cr%t\nline2')],
    ['info', (api) => api.info(tricky)],
    ['debug', (api) => api.debug(tricky)],
    [
      'groups',
      (api) => {
        api.startGroup('Findings: a,b');
        api.endGroup();
      },
    ],
    [
      'setOutput to GITHUB_OUTPUT',
      (api) => {
        api.setOutput('result', 'fail');
        api.setOutput('report', 'multi\nline');
      },
    ],
    [
      'summary',
      async (api) => {
        await api.summary.addRaw('# Title\n', true).addRaw('body').write();
      },
    ],
  ])('%s', async (_name, call) => {
    const mine = await capture(ours, call);
    const theirs = await capture(toolkit as unknown as Api, call);
    expect(mine.stdout + mine.output + mine.summary).not.toBe('');
    expect(mine).toEqual(theirs);
  });

  it('setOutput without GITHUB_OUTPUT falls back to the set-output command, as the toolkit does', async () => {
    const call = (api: Api) => api.setOutput('result', 'a\nb');
    expect(await capture(ours, call, false)).toEqual(
      await capture(toolkit as unknown as Api, call, false),
    );
  });

  it('reads inputs as the toolkit does (INPUT_<NAME>, spaces as _, trimmed)', () => {
    process.env['INPUT_FAIL-ON'] = '  warning \n';
    process.env['INPUT_WORKING_DIRECTORY'] = 'apps';
    for (const name of ['fail-on', 'working directory', 'missing']) {
      expect(ours.getInput(name)).toBe(toolkit.getInput(name));
    }
  });

  it('the summary fails without GITHUB_STEP_SUMMARY (the action then warns and goes on)', async () => {
    delete process.env['GITHUB_STEP_SUMMARY'];
    await expect(ours.summary.addRaw('x').write()).rejects.toThrow(/GITHUB_STEP_SUMMARY/);
  });
});
