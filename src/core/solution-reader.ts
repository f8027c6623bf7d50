// STUB: being written by the lead. Signatures are final.
import type { ReadLimits } from './options.js';
import type { SolutionReadResult } from './model.js';

/** One thing to read as a solution: a zip file or a solution root folder. */
export interface SolutionTarget {
  kind: 'zip' | 'folder';
  absPath: string;
  /** Relative to the working directory, forward slashes (what the report shows). */
  reportPath: string;
}

/**
 * Expands solution paths and globs (SPEC section 1) into solution targets.
 * Throws UsageError when a path does not exist or a glob matches nothing.
 */
export async function findSolutions(patterns: string[], cwd: string): Promise<SolutionTarget[]> {
  void patterns;
  void cwd;
  throw new Error('not implemented yet');
}

/** Reads one solution's facts. Never throws for bad content: returns `ok: false` (SL001). */
export async function readSolution(
  target: SolutionTarget,
  limits: ReadLimits,
): Promise<SolutionReadResult> {
  void target;
  void limits;
  throw new Error('not implemented yet');
}
