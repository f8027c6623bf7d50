// What the online rules (CR012–CR016, EV006, EV007, OL001) share: how they find a reference's
// check and name what they talk about. Untrusted text (names the target gives) reaches findings
// already bounded to one line by the online stage; the formatters escape it like all text.
import type {
  ConnectionCheck,
  ConnectionReference,
  RuleContext,
  SettingsConnectionReference,
} from '../model.js';
import { connectorApiName, customConnectorStem, nameKey } from './helpers.js';

/** Each reference of the solution with the online check of its bound connection, if any. */
export function connectionChecks(
  context: RuleContext,
): { ref: ConnectionReference; check: ConnectionCheck }[] {
  const target = context.target;
  if (!target) return [];
  const out: { ref: ConnectionReference; check: ConnectionCheck }[] = [];
  for (const ref of context.solution.connectionReferences) {
    const check = target.connections.get(nameKey(ref.logicalName));
    if (check) out.push({ ref, check });
  }
  return out;
}

/** `ConnectionId 'x'`, or only `its ConnectionId` when the value came from a secret. */
export function connectionIdText(entry: SettingsConnectionReference): string {
  return entry.secret || entry.connectionId === null
    ? 'its ConnectionId'
    : `ConnectionId '${entry.connectionId.trim()}'`;
}

/**
 * How the connection's connector compares with the reference's: `same`, `hash` (custom
 * connectors whose ids differ only in the environment-specific hash, as CR003 treats them) or
 * `other`. A reference without a connector id cannot be compared: `same`.
 */
export function connectorMatch(
  ref: ConnectionReference,
  connector: string,
): 'same' | 'hash' | 'other' {
  if (ref.connectorId.trim() === '' || connector === '') return 'same';
  const expected = connectorApiName(ref.connectorId);
  if (expected === connector.toLowerCase()) return 'same';
  const stem = customConnectorStem(ref.connectorId);
  return stem !== undefined && stem === customConnectorStem(connector) ? 'hash' : 'other';
}
