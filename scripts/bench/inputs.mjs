// The bench's generated inputs, reused from the work folder while the scale and the generator's
// version stay the same: the full scale is about 2.5 GB.
import { dirname, join } from 'node:path';
import {
  MiB,
  cached,
  generateAgentSolution,
  generateSolution,
  generateSolutionSet,
} from '../generate-solution.mjs';

/**
 * Scales of the generated inputs; --quick's tiny ones only check that the bench runs.
 * @param {boolean} quick
 */
export function scaleFor(quick) {
  return quick
    ? {
        large: {
          flows: 40,
          connectionReferences: 12,
          canvasApps: 2,
          mediaBytesPerApp: 256 * 1024,
          environmentVariables: 6,
        },
        hugeMedia: MiB,
        set: {
          count: 4,
          flows: 10,
          connectionReferences: 4,
          canvasApps: 1,
          mediaBytesPerApp: 64 * 1024,
          environmentVariables: 3,
        },
        agentComponents: 20,
      }
    : {
        large: {
          flows: 2000,
          connectionReferences: 500,
          canvasApps: 20,
          mediaBytesPerApp: 10 * MiB,
          environmentVariables: 100,
        },
        hugeMedia: 100 * MiB,
        set: {
          count: 50,
          flows: 100,
          connectionReferences: 30,
          canvasApps: 2,
          mediaBytesPerApp: MiB,
          environmentVariables: 10,
        },
        agentComponents: 500,
      };
}

/** @typedef {ReturnType<typeof scaleFor>} Scale */

/**
 * @param {{work: string, quick: boolean, scale: Scale, skipHuge: boolean,
 *   want: (id: string) => boolean}} bench
 */
export function generateInputs({ work, quick, scale, skipHuge, want }) {
  const base = join(work, quick ? 'quick' : 'full');
  const t0 = Date.now();
  const large = cached(join(base, 'large'), scale.large, () =>
    generateSolution({
      ...scale.large,
      zipPath: join(base, 'large', 'ConnrefBenchLarge.zip'),
      unpackedDir: join(base, 'large', 'unpacked'),
      settingsPath: join(base, 'large', 'settings.json'),
    }),
  );
  const wantHuge = !skipHuge && (want('zip-huge') || want('jszip-huge') || want('reader-huge'));
  const hugeOptions = { ...scale.large, mediaBytesPerApp: scale.hugeMedia };
  const huge = wantHuge
    ? cached(join(base, 'huge'), hugeOptions, () =>
        generateSolution({
          ...hugeOptions,
          zipPath: join(base, 'huge', 'ConnrefBenchHuge.zip'),
          settingsPath: join(base, 'huge', 'settings.json'),
        }),
      )
    : undefined;
  const set = want('set')
    ? cached(join(base, 'set'), scale.set, () =>
        generateSolutionSet({ ...scale.set, outDir: join(base, 'set') }),
      )
    : undefined;
  const reused = [large, huge, set].every((x) => !x || x.reused);
  console.error(
    `inputs ${reused ? 'reused' : 'generated'} under ${base} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return { large: large.result, huge: huge?.result, set: set?.result };
}

/** @typedef {ReturnType<typeof generateInputs>} Inputs */

/**
 * The agents case's unpacked solution (generated when the case runs, not with the other inputs).
 * @param {{work: string, quick: boolean, scale: Scale}} bench
 * @returns {string} its folder
 */
export function agentInput({ work, quick, scale }) {
  const components = scale.agentComponents;
  const dir = join(work, quick ? 'quick' : 'full', `agents-${components}`, 'src');
  cached(dirname(dir), { components, version: 2 }, () => generateAgentSolution(dir, components));
  return dir;
}
