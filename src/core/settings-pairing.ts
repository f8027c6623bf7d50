// Which settings files go with which solution: every given file with every solution (`settings`),
// or each solution with its own (`settingsPerSolution`, a monorepo where every solution keeps its
// settings beside it, as the ALM Accelerator and the PowerCAT kits do:
// `<Solution>/SolutionPackage/src` + `<Solution>/config/<Environment>/deploymentSettings.json`).
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from './errors.js';
import { expandPaths, isInside, matchPaths, toReportPath } from './paths.js';
import type { SolutionTarget } from './solution/discovery.js';

export interface SettingsPairing {
  /** Per target, in the order given, the absolute paths of its settings files (sorted). */
  perTarget: string[][];
}

function nonBlank(patterns: readonly string[] | undefined): string[] {
  return (patterns ?? []).map((p) => p.trim()).filter((p) => p !== '');
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** The deploymentSettings.json files in a folder or one level below it, to name in a hint. */
async function settingsFilesIn(folder: string): Promise<string[]> {
  const found: string[] = [];
  const look = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isFile() && entry.name.toLowerCase() === 'deploymentsettings.json') {
        found.push(join(dir, entry.name));
      } else if (entry.isDirectory() && depth > 0) await look(join(dir, entry.name), depth - 1);
    }
  };
  await look(folder, 1);
  return found;
}

/**
 * Refuses a folder where a settings file is expected, naming the deploymentSettings.json inside
 * it when there is one: pac and the ALM Accelerator keep one per environment folder.
 */
async function assertFiles(paths: readonly string[], cwd: string): Promise<void> {
  for (const path of paths) {
    if (!(await isFolder(path))) continue;
    const shown = toReportPath(path, cwd);
    const inside = (await settingsFilesIn(path)).map((file) => toReportPath(file, cwd));
    const hint =
      inside.length === 0
        ? 'give the deployment-settings JSON file itself (pac solution create-settings writes deploymentSettings.json)'
        : inside.length === 1
          ? `give the file inside it: ${inside[0]}`
          : `give one of the files inside it (${inside.slice(0, 3).join(', ')}${inside.length > 3 ? ', …' : ''}), or a glob such as ${shown}/*/deploymentSettings.json`;
    throw new UsageError(`settings file ${shown} is a folder, not a file: ${hint}`);
  }
}

/**
 * A solution's own settings: the patterns matched in the solution's folder (a zip's own folder),
 * then in each folder above it, up to the working directory (or, for a solution outside it, the
 * top of the file system); the first folder where anything matches wins.
 */
async function ownSettings(
  target: SolutionTarget,
  patterns: readonly string[],
  cwd: string,
): Promise<string[]> {
  let folder = target.kind === 'zip' ? dirname(target.absPath) : target.absPath;
  const stop = isInside(folder, cwd) ? cwd : undefined;
  for (;;) {
    const found = await matchPaths(patterns, folder);
    if (found.length > 0) return found;
    const parent = dirname(folder);
    if (folder === stop || parent === folder) return [];
    folder = parent;
  }
}

/** Pairs solutions with settings files. Throws UsageError for bad paths and bad combinations. */
export async function pairSettings(
  targets: readonly SolutionTarget[],
  options: { settings?: readonly string[]; settingsPerSolution?: readonly string[] },
  cwd: string,
): Promise<SettingsPairing> {
  const shared = nonBlank(options.settings);
  const own = nonBlank(options.settingsPerSolution);
  if (shared.length > 0 && own.length > 0) {
    throw new UsageError(
      'give either settings files for every solution or settings per solution (a path beside each solution), not both',
    );
  }
  if (own.length === 0) {
    const paths = shared.length === 0 ? [] : await expandPaths(shared, cwd, 'settings file');
    await assertFiles(paths, cwd);
    return { perTarget: targets.map(() => paths) };
  }
  const perTarget: string[][] = [];
  for (const target of targets) perTarget.push(await ownSettings(target, own, cwd));
  await assertFiles([...new Set(perTarget.flat())], cwd);
  if (targets.length > 0 && perTarget.every((paths) => paths.length === 0)) {
    throw new UsageError(
      `no settings file matches ${own.join(', ')} beside any of the ${targets.length === 1 ? 'solution' : `${targets.length} solutions`} (looked in each solution's folder and the folders above it, up to ${cwd}): check the path, which is relative to each solution's folder`,
    );
  }
  return { perTarget };
}
