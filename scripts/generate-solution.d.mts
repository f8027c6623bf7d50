// Types for scripts/generate-solution.mjs (plain ESM so the bench runs it without a build step).

export declare const GENERATOR_VERSION: number;
export declare const MiB: number;

export interface SolutionOptions {
  /** Solution unique name. Default 'ConnrefBenchLarge'. */
  uniqueName?: string;
  /** PRNG seed. Default 1. */
  seed?: number;
  /** Seed for connection-reference and environment-variable identities. Default: seed. */
  poolSeed?: number;
  /** Cloud flows. Default 2000 (every 4th UTF-16LE with BOM). */
  flows?: number;
  /** `<connectionreference>` elements. Default 500. */
  connectionReferences?: number;
  /** Canvas apps. Default 20. */
  canvasApps?: number;
  /** Size of each app's .msapp (incompressible). Default 10 MiB. */
  mediaBytesPerApp?: number;
  /** Environment variable definitions. Default 100. */
  environmentVariables?: number;
  /** Write the exported zip here. */
  zipPath?: string;
  /** Write the SolutionPackager layout into this folder (emptied first). */
  unpackedDir?: string;
  /** Write the deployment-settings JSON here. */
  settingsPath?: string;
}

export interface DeploymentSettings {
  EnvironmentVariables: { SchemaName: string; Value: string }[];
  ConnectionReferences: { LogicalName: string; ConnectionId: string; ConnectorId: string }[];
}

export interface GeneratedSolution {
  uniqueName: string;
  zipPath?: string;
  unpackedDir?: string;
  settingsPath?: string;
  counts: {
    flows: number;
    utf16Flows: number;
    flowConnections: number;
    connectionReferences: number;
    canvasApps: number;
    environmentVariables: number;
    environmentVariableValues: number;
    mediaBytes: number;
  };
  /** Entry names of the zip, in order. */
  zipEntries: string[];
  /** Files of the unpacked folder, relative, forward slashes, sorted. */
  unpackedFiles: string[];
  connectionReferenceNames: string[];
  environmentVariableNames: string[];
  settings: DeploymentSettings;
}

export interface SolutionSetOptions {
  /** Emptied first. Solutions go to `<outDir>/solutions/`, settings to `<outDir>/settings.json`. */
  outDir: string;
  count?: number;
  seed?: number;
  flows?: number;
  connectionReferences?: number;
  canvasApps?: number;
  mediaBytesPerApp?: number;
  environmentVariables?: number;
}

export interface GeneratedSolutionSet {
  dir: string;
  settingsPath: string;
  solutions: { path: string; kind: 'zip' | 'folder'; flows: number }[];
  largestZip: string;
  largestFolder: string;
}

export declare function seededBytes(label: string, length: number): Buffer;
export declare function generateSolution(options: SolutionOptions): GeneratedSolution;
export declare function generateSolutionSet(options: SolutionSetOptions): GeneratedSolutionSet;
export declare function cached<T>(
  dir: string,
  key: unknown,
  make: () => T,
): { result: T; reused: boolean };
/** An unpacked solution with one Copilot Studio agent of `components` components. */
export declare function generateAgentSolution(dir: string, components: number): void;
