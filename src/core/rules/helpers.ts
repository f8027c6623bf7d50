// Lookups shared by the rules. Logical and schema names compare case-insensitively everywhere.
import type {
  RuleContext,
  SettingsConnectionReference,
  SettingsEnvironmentVariable,
  SettingsFile,
  Solution,
} from '../model.js';
import { findPlaceholder } from '../settings.js';

export function nameKey(name: string): string {
  return name.toLowerCase();
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** Groups items by a case-insensitive name, keeping first-seen order. */
export function groupByName<T>(items: readonly T[], nameOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = nameKey(nameOf(item));
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function settingsReferencesByName(
  settings: SettingsFile,
): Map<string, SettingsConnectionReference[]> {
  return groupByName(settings.connectionReferences, (entry) => entry.logicalName);
}

export function settingsVariablesByName(
  settings: SettingsFile,
): Map<string, SettingsEnvironmentVariable[]> {
  return groupByName(settings.environmentVariables, (entry) => entry.schemaName);
}

export function definedReferenceNames(solution: Solution): Set<string> {
  return new Set(solution.connectionReferences.map((ref) => nameKey(ref.logicalName)));
}

/** Keys of the connection references solution.xml lists under MissingDependencies. */
export function missingReferenceNames(solution: Solution): Set<string> {
  return new Set(
    solution.missingDependencies
      .filter((dependency) => dependency.kind === 'connectionreference')
      .map((dependency) => nameKey(dependency.name)),
  );
}

export function definedVariableNames(solution: Solution): Set<string> {
  return new Set(solution.environmentVariables.map((variable) => nameKey(variable.schemaName)));
}

/**
 * `which solution A does not define`, or for a settings file shared by several solutions
 * `which none of the 2 solutions checked with it (A and B) defines` (at most 5 names).
 */
export function whichNoneDefines(solutions: readonly Solution[]): string {
  const names = [...new Set(solutions.map((solution) => solution.uniqueName))];
  if (solutions.length === 1) return `which solution ${names[0]} does not define`;
  const shown = names.length > 5 ? [...names.slice(0, 5), `${names.length - 5} more`] : names;
  return `which none of the ${solutions.length} solutions checked with it (${andList(shown)}) defines`;
}

/** `A`, `A and B`, `A, B and C`. */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

/** A ConnectionId that the import can bind: present, non-empty, and no placeholder left. */
export function isBoundConnectionId(connectionId: string | null): boolean {
  return !isBlank(connectionId) && findPlaceholder(connectionId!) === undefined;
}

/** `shared_office365` from `/providers/Microsoft.PowerApps/apis/shared_office365` (lower case). */
export function connectorApiName(connectorId: string): string {
  const trimmed = connectorId.trim().replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1).toLowerCase();
}

/** `shared_<prefix>-5f<name>-5f<hash>`: the id form Dataverse gives a custom connector. */
const CUSTOM_CONNECTOR_API = /^(shared_.+)-5f([0-9a-f]{8,})$/i;

/** The custom connector api name without its environment-specific hash, or undefined. */
export function customConnectorStem(connectorId: string): string | undefined {
  const match = CUSTOM_CONNECTOR_API.exec(connectorApiName(connectorId));
  return match?.[1];
}

export function lines(entries: readonly { location: { line?: number } }[]): string {
  const numbers = entries.map((entry) => entry.location.line).filter((line) => line !== undefined);
  if (numbers.length === 0) return '';
  return numbers.length === 1 ? ` (line ${numbers[0]})` : ` (lines ${numbers.join(', ')})`;
}

/** Settings for a rule that needs them; the engine never runs such rules on unusable settings. */
export function usableSettings(context: RuleContext): SettingsFile | undefined {
  return context.settings ?? undefined;
}
