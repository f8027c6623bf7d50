// Finds the solutions under the paths a user gives (SPEC section 1): a zip, a solution root
// folder, or a folder holding several of them.
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { expandPaths, hasGlobMagic, lstatOrUndefined, toReportPath } from '../paths.js';

/** One thing to read as a solution: a zip file or a solution root folder. */
export interface SolutionTarget {
  kind: 'zip' | 'folder';
  absPath: string;
  /** Relative to the working directory, forward slashes (what the report shows). */
  reportPath: string;
  /** Why the path is refused without being read (a symbolic link, a FIFO): SL001. */
  refused?: string;
}

// ---------------------------------------------------------------------------------------------
// Discovery

async function lowerNames(
  dir: string,
): Promise<Map<string, { name: string; isDir: boolean; isFile: boolean }>> {
  const map = new Map<string, { name: string; isDir: boolean; isFile: boolean }>();
  try {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      map.set(entry.name.toLowerCase(), {
        name: entry.name,
        isDir: entry.isDirectory(),
        isFile: entry.isFile(),
      });
    }
  } catch {
    // Unreadable folders hold no solutions.
  }
  return map;
}

/** A solution root: `Other/Solution.xml`, or `solution.xml` beside `customizations.xml`. */
async function isSolutionRoot(dir: string): Promise<boolean> {
  const names = await lowerNames(dir);
  if (names.get('solution.xml')?.isFile && names.get('customizations.xml')?.isFile) return true;
  const other = names.get('other');
  if (other?.isDir) {
    const inner = await lowerNames(join(dir, other.name));
    if (inner.get('solution.xml')?.isFile) return true;
  }
  return false;
}

/**
 * The Dataverse Git-integration (YAML) source format (FORMAT-NOTES section 9) is not read until
 * real data shows where it keeps connection references; its solutions are SL001 saying so.
 */
const YAML_SOURCE_REASON =
  'is a Dataverse Git-integration YAML source (solution.yml), which connref-gate cannot read yet: export the solution as a zip, or `pac solution pack` it, and check that';

/** A Git-integration solution folder: `solutions/<Name>/solution.yml`. */
async function isYamlSourceSolution(dir: string): Promise<boolean> {
  if (basename(dirname(dir)).toLowerCase() !== 'solutions') return false;
  return (await lowerNames(dir)).get('solution.yml')?.isFile === true;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Names that only a (broken) solution or a legacy export package holds: a folder with one of
 * them is read, so that SL001 says what is missing, instead of being "no solution here".
 */
const SOLUTION_PARTS = [
  'solution.xml',
  'customizations.xml',
  '[content_types].xml',
  'other',
  'workflows',
  'canvasapps',
  'manifest.json',
];

async function looksLikeSolution(dir: string): Promise<boolean> {
  const names = await lowerNames(dir);
  return SOLUTION_PARTS.some((name) => names.has(name));
}

interface Found {
  roots: string[];
  zips: string[];
  yamlSources: string[];
}

async function collectUnder(dir: string, found: Found): Promise<void> {
  if (await isSolutionRoot(dir)) {
    found.roots.push(dir);
    return;
  }
  if (await isYamlSourceSolution(dir)) {
    found.yamlSources.push(dir);
    return;
  }
  for (const entry of (await lowerNames(dir)).values()) {
    const path = join(dir, entry.name);
    if (entry.isFile && entry.name.toLowerCase().endsWith('.zip')) found.zips.push(path);
    else if (entry.isDir && !SKIPPED_FOLDERS.has(entry.name)) await collectUnder(path, found);
  }
}

/**
 * Expands solution paths and globs (SPEC section 1) into solution targets.
 * Throws UsageError when a path does not exist or a glob matches nothing.
 */
export async function findSolutions(patterns: string[], cwd: string): Promise<SolutionTarget[]> {
  const targets = new Map<string, SolutionTarget>();
  const add = (kind: 'zip' | 'folder', absPath: string, refused?: string) => {
    if (!targets.has(absPath))
      targets.set(absPath, {
        kind,
        absPath,
        reportPath: toReportPath(absPath, cwd),
        ...(refused ? { refused } : {}),
      });
  };
  const empty: string[] = [];
  for (const pattern of patterns) {
    if (pattern.trim() === '') continue;
    const fromGlob = hasGlobMagic(pattern.trim());
    for (const path of await expandPaths([pattern], cwd, 'solution')) {
      if (await addTargets(path, add)) continue;
      // A folder given by name that holds nothing to check is a mistake in the command; one of
      // many that a glob matched is simply not a solution.
      if (!fromGlob) {
        throw new UsageError(
          `no solution in ${toReportPath(path, cwd)}: it holds no solution zip and no solution folder (Other/Solution.xml, or solution.xml beside customizations.xml); give the path of an exported zip, an unpacked solution or a folder holding them`,
        );
      }
      empty.push(toReportPath(path, cwd));
    }
  }
  if (targets.size === 0 && empty.length > 0) {
    throw new UsageError(
      `no solution in what ${patterns.filter((p) => p.trim() !== '').join(', ')} matches (${empty.slice(0, 3).join(', ')}${empty.length > 3 ? ', …' : ''}): give exported zips, unpacked solutions or folders holding them`,
    );
  }
  return [...targets.values()].sort((a, b) =>
    a.reportPath < b.reportPath ? -1 : a.reportPath > b.reportPath ? 1 : 0,
  );
}

/** Adds what one path holds; false when it is a folder with nothing to check. */
async function addTargets(
  path: string,
  add: (kind: 'zip' | 'folder', absPath: string, refused?: string) => void,
): Promise<boolean> {
  // lstat: a path (or glob match) that is a link is refused, never followed out of the checkout.
  const stats = await lstatOrUndefined(path);
  if (!stats) return true;
  if (stats.isSymbolicLink()) {
    add(
      'zip',
      path,
      'is a symbolic link; solutions are not read through links (a pull request controls them): name the file or folder itself',
    );
    return true;
  }
  if (!stats.isFile() && !stats.isDirectory()) {
    add('zip', path, 'is not a regular file or folder; name a solution zip or folder');
    return true;
  }
  if (stats.isFile()) {
    // A Solution.xml names its solution: its folder, or the parent of `Other/`.
    if (basename(path).toLowerCase() === 'solution.xml') {
      const folder = dirname(path);
      add('folder', basename(folder).toLowerCase() === 'other' ? dirname(folder) : folder);
    } else if (basename(path).toLowerCase() === 'solution.yml') {
      add('folder', dirname(path), YAML_SOURCE_REASON);
    } else {
      add('zip', path);
    }
    return true;
  }
  if (
    basename(path).toLowerCase() === 'other' &&
    (await lowerNames(path)).get('solution.xml')?.isFile
  ) {
    add('folder', dirname(path));
    return true;
  }
  if (await isSolutionRoot(path)) {
    add('folder', path);
    return true;
  }
  // Named directly, a folder holding solution.yml is one whatever its parent is called.
  if ((await lowerNames(path)).get('solution.yml')?.isFile) {
    add('folder', path, YAML_SOURCE_REASON);
    return true;
  }
  const found: Found = { roots: [], zips: [], yamlSources: [] };
  await collectUnder(path, found);
  const { roots, zips, yamlSources } = found;
  for (const source of yamlSources) add('folder', source, YAML_SOURCE_REASON);
  if (roots.length === 0 && zips.length === 0 && yamlSources.length === 0) {
    // Parts of a solution without its root: read it, so that SL001 says what is missing.
    if (!(await looksLikeSolution(path))) return false;
    add('folder', path);
  }
  for (const root of roots) add('folder', root);
  for (const zip of zips) add('zip', zip);
  return true;
}
