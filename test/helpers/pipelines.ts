// What the pipeline suites share (issue 15): the real corpus kits and their settings, the CLI run
// in this process from the corpus folder, and the variables a deploy stage defines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { Report } from '../../src/core/model.js';
import { corpusDir } from './corpus.js';

export const AUTOMATION = 'powercat-automation-kit';
export const APPROVALS = 'powercat-business-approvals-kit';
/** The kits whose settings are complete (EXPECTED.json: nothing but CR002 against them). */
export const COMPLETE = `${AUTOMATION}/{AutomationCoEMain,AutomationKitScheduler}/src`;
export const PER_SOLUTION = 'config/*/deploymentSettings.json';

/** A folder for the files a pipeline writes, made before the file's tests and removed after. */
export let temp: string;

export function usePipelineTemp(): void {
  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'connref-gate-pipelines-'));
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
}

/** The CLI in this process, in the corpus folder, with only `env` as its environment. */
export async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd: corpusDir,
    env,
    isTTY: false,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** Every deferred variable of a report, set as the deploy stage's pipeline would. */
export function deployEnvironment(report: Report): Record<string, string> {
  const env: Record<string, string> = {};
  report.deferredVariables!.forEach((variable, i) => {
    env[variable.environmentName] = `4a1e6c0b5f2d4e8a9b7c3d2e1f0a9b${String(i).padStart(2, '0')}`;
  });
  return env;
}
