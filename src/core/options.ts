import type { PlaceholderMode, SeverityOverride } from './model.js';
import type { OnlineOptions } from './online/options.js';

/** Bounds for reading untrusted solutions (zip bombs, huge files). */
export interface ReadLimits {
  /** Largest inflated size of one entry that is read, in bytes. */
  maxEntryBytes: number;
  /** Largest inflated/compressed ratio of one entry that is read. */
  maxCompressionRatio: number;
  /** Largest total of inflated bytes read from one solution. */
  maxTotalBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxEntryBytes: 256 * 1024 * 1024,
  maxCompressionRatio: 1000,
  maxTotalBytes: 512 * 1024 * 1024,
};

export interface CheckOptions {
  /** Solution paths or globs (zip, unpacked folder, extracted zip, or a folder holding several). */
  solutions: string[];
  /** Deployment-settings files or globs. Empty or absent: check against empty settings. */
  settings?: string[];
  /**
   * Each solution's own settings: paths or globs relative to the solution's folder (for a zip,
   * the folder it is in), looked up there and then in each folder above it up to the working
   * directory; the first folder where one matches wins. E.g. `config/Prod/deploymentSettings.json`
   * pairs `Kit/src` (or `Kit/SolutionPackage/src`) with `Kit/config/Prod/deploymentSettings.json`.
   * Not together with `settings`.
   */
  settingsPerSolution?: string[];
  /** Default `resolve` (SPEC section 3). */
  placeholders?: PlaceholderMode;
  /** Base for relative paths and for reported locations. Default: process.cwd(). */
  cwd?: string;
  /** Values for placeholders in settings (SPEC section 4). Default: no substitution values. */
  env?: Record<string, string | undefined>;
  /** Per-rule severity overrides or `off`, keyed by rule id. */
  rules?: Record<string, SeverityOverride>;
  limits?: Partial<ReadLimits>;
  /** Check the target environment too (SPEC section 6): `--environment` and its options. */
  online?: OnlineOptions;
}
