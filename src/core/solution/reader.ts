// Reads one solution's facts (SPEC section 1): where each part is read is its own module
// (connection references, flows, canvas apps, connectors, environment variables, agents); this
// module ties them together over either physical form (zip-files.ts, folder-files.ts).
import { basename } from 'node:path';
import type { Solution, SolutionLayout, SolutionReadResult } from '../model.js';
import type { ReadLimits } from '../options.js';
import { compareText, escapeControlCharacters, oneLine } from '../text.js';
import { ZipFormatError } from '../zip.js';
import { readAgents } from './agents.js';
import { readCanvasAppFiles } from './canvas-apps.js';
import { markCustomReferences, readConnectorFiles } from './connectors.js';
import { readText } from './content.js';
import { readCustomizations } from './customizations.js';
import type { SolutionTarget } from './discovery.js';
import { readEnvironmentVariables } from './environment-variables.js';
import { SolutionFileError, type SolutionFiles } from './files.js';
import { FolderSolutionFiles } from './folder-files.js';
import { readFlows } from './flows.js';
import { readManifest } from './manifest.js';
import { ZipSolutionFiles } from './zip-files.js';

const LEGACY_PACKAGE_REASON =
  'is a legacy export package (manifest.json with Microsoft.Flow/ or Microsoft.PowerApps/), not a Dataverse solution: export it from Solutions in Power Apps instead';

async function isLegacyPackage(files: SolutionFiles): Promise<boolean> {
  if (!(await files.find('manifest.json'))) return false;
  for (const folder of ['Microsoft.Flow', 'Microsoft.PowerApps']) {
    if ((await files.list(folder, 4)).length > 0) return true;
  }
  return false;
}

async function readFacts(files: SolutionFiles, target: SolutionTarget): Promise<Solution> {
  const solutionXml =
    (await files.find('Other/Solution.xml')) ?? (await files.find('solution.xml'));
  if (!solutionXml) {
    if (await isLegacyPackage(files))
      throw new SolutionFileError(
        `${target.reportPath} ${LEGACY_PACKAGE_REASON}`,
        target.reportPath,
      );
    throw new SolutionFileError(
      `${target.reportPath} holds no solution.xml or Other/Solution.xml: point at an exported solution zip or an unpacked solution folder`,
      target.reportPath,
    );
  }
  const layout: SolutionLayout =
    target.kind === 'zip'
      ? 'zip'
      : solutionXml.toLowerCase().startsWith('other/')
        ? 'unpacked'
        : 'extracted';
  const manifest = readManifest(readText(files, solutionXml), files.where(solutionXml));

  const customizationsXml =
    layout === 'unpacked'
      ? await files.find('Other/Customizations.xml')
      : await files.find('customizations.xml');
  if (!customizationsXml) {
    throw new SolutionFileError(
      `${target.reportPath} has no ${layout === 'unpacked' ? 'Other/Customizations.xml' : 'customizations.xml'}: re-export or re-unpack the solution`,
      target.reportPath,
    );
  }
  const parts = readCustomizations(
    readText(files, customizationsXml),
    files.where(customizationsXml),
  );
  // Unpacked: one metadata file per flow, app and connector instead of customizations.xml sections.
  await readCanvasAppFiles(files, parts.canvasApps);
  await readConnectorFiles(files, parts.customConnectors);
  const flows = await readFlows(files, parts.flowMetadata);
  const connectionReferences = markCustomReferences(
    [...parts.connectionReferences.values()],
    parts.customConnectors.values(),
  );

  return {
    path: target.reportPath,
    layout,
    uniqueName: manifest.uniqueName || basename(target.absPath),
    version: manifest.version,
    managed: manifest.managed,
    connectionReferences: connectionReferences.sort((a, b) =>
      compareText(a.logicalName, b.logicalName),
    ),
    flows: flows.sort((a, b) => compareText(a.file, b.file)),
    canvasApps: [...parts.canvasApps.values()].sort((a, b) => compareText(a.name, b.name)),
    customConnectors: [...parts.customConnectors.values()].sort((a, b) =>
      compareText(a.name, b.name),
    ),
    environmentVariables: await readEnvironmentVariables(files),
    missingDependencies: manifest.missingDependencies,
    agents: await readAgents(files),
  };
}

/** Reads one solution's facts. Never throws for bad content: returns `ok: false` (SL001). */
export async function readSolution(
  target: SolutionTarget,
  limits: ReadLimits,
): Promise<SolutionReadResult> {
  if (target.refused) {
    return {
      ok: false,
      unreadable: {
        path: escapeControlCharacters(target.reportPath),
        reason: oneLine(`${target.reportPath} ${target.refused}`),
        location: { file: escapeControlCharacters(target.reportPath) },
      },
    };
  }
  let files: SolutionFiles | undefined;
  try {
    files =
      target.kind === 'zip'
        ? await ZipSolutionFiles.open(target.absPath, target.reportPath, limits)
        : new FolderSolutionFiles(target.absPath, target.reportPath, limits);
    return { ok: true, solution: withoutControlCharacters(await readFacts(files, target)) };
  } catch (error) {
    return { ok: false, unreadable: toUnreadable(error, target) };
  } finally {
    await files?.close().catch(() => undefined);
  }
}

/**
 * Escapes control characters in every string of freshly read facts, in place: a line break in a
 * name from a pull request must not become a workflow command in a CI log. Real facts hardly ever
 * hold one, and one native JSON.stringify tells (it writes C0 controls as escapes and leaves
 * U+007F-U+009F, U+2028 and U+2029 as they are) far faster than walking every object.
 */
function withoutControlCharacters<T>(facts: T): T {
  return /\\[bfnrtu]|[\u007f-\u009f\u2028\u2029]/.test(JSON.stringify(facts))
    ? escapeStrings(facts)
    : facts;
}

function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeControlCharacters(value) as T;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = escapeStrings(value[i]);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = escapeStrings(record[key]);
  }
  return value;
}

function toUnreadable(error: unknown, target: SolutionTarget) {
  const unreadable = describeUnreadable(error, target);
  return {
    path: escapeControlCharacters(unreadable.path),
    reason: oneLine(unreadable.reason),
    location: { ...unreadable.location, file: escapeControlCharacters(unreadable.location.file) },
  };
}

function describeUnreadable(error: unknown, target: SolutionTarget) {
  if (error instanceof SolutionFileError) {
    const reason =
      error.message.startsWith(target.reportPath) || error.message.startsWith(error.file)
        ? error.message
        : `${error.file}: ${error.message}`;
    return { path: target.reportPath, reason, location: { file: error.file } };
  }
  if (error instanceof ZipFormatError) {
    // Exporting again helps a damaged zip, not a file that never was one.
    return {
      path: target.reportPath,
      reason: error.notAZip
        ? `${target.reportPath} is not a solution: ${error.message}; give an exported solution .zip, an unpacked solution folder, or a folder holding them`
        : `${target.reportPath}: ${error.message}; export the solution again as a .zip`,
      location: { file: target.reportPath },
    };
  }
  const code = (error as { code?: string }).code;
  const reason =
    code === 'ENOENT'
      ? `${target.reportPath} does not exist`
      : code === 'EACCES' || code === 'EPERM'
        ? `${target.reportPath} cannot be read (check its permissions)`
        : code === 'EISDIR'
          ? `${target.reportPath} is a folder, not a zip`
          : `${target.reportPath} cannot be read: ${(error as Error)?.message ?? String(error)}`;
  return { path: target.reportPath, reason, location: { file: target.reportPath } };
}
