// Settings text parsed as the engine parses a settings file, for tests that write the text.
import type { SettingsFile, UnusableSettings } from '../../src/core/model.js';
import { parseSettings } from '../../src/core/settings.js';

interface ParseOptions {
  /** How findings name the file. */
  path?: string;
  /** Where placeholders are substituted from. */
  env?: Record<string, string | undefined>;
}

/** Settings that must be usable: throws with the DS001 reason when they are not. */
export function usableSettings(text: string, options: ParseOptions = {}): SettingsFile {
  const { path = 'deploymentSettings.json', env = {} } = options;
  const result = parseSettings(new TextEncoder().encode(text), path, env);
  if ('unusable' in result) throw new Error(`expected usable settings: ${result.unusable.reason}`);
  return result.settings;
}

/** Settings that must be DS001: throws when they are usable. */
export function unusableSettings(text: string, path = 'deploymentSettings.json'): UnusableSettings {
  const result = parseSettings(new TextEncoder().encode(text), path);
  if (!('unusable' in result)) throw new Error('expected DS001');
  return result.unusable;
}
