// Solutions written to folders under os.tmpdir() and read back as the engine reads them. Nothing
// is written into the project or into ../shared.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { SolutionReadResult } from '../../src/core/model.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../../src/core/options.js';
import { findSolutions } from '../../src/core/solution/discovery.js';
import { readSolution } from '../../src/core/solution/reader.js';

/** File contents keyed by their path inside a folder (or entry name inside a zip). */
export type Files = Record<string, string | Uint8Array>;

const created: string[] = [];

/** A fresh folder under the OS temp folder; removed by removeTempDirs(). */
export function tempDir(prefix = 'crg-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes one file, making its folder. */
export function writeFile(path: string, content: string | Uint8Array): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** Writes every file of `files` under `dir` and returns `dir`. */
export function writeFiles(dir: string, files: Files): string {
  for (const [name, content] of Object.entries(files)) writeFile(join(dir, name), content);
  return dir;
}

/** Finds the one solution at `path` and reads it, as the engine would. */
export async function readOne(
  path: string,
  cwd: string,
  limits: Partial<ReadLimits> = {},
): Promise<SolutionReadResult> {
  const targets = await findSolutions([path], cwd);
  expect(targets).toHaveLength(1);
  return readSolution(targets[0]!, { ...DEFAULT_LIMITS, ...limits });
}
