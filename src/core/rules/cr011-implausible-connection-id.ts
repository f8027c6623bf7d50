import type { Rule } from '../model.js';
import { findPlaceholder } from '../settings.js';
import { ruleDocsUrl } from '../version.js';
import { isBlank, nameKey, settingsReferencesByName } from './helpers.js';

// A ConnectionId is the *name* of a connection in the target environment, as `pac connection
// list` prints it and as it appears at the end of the connection's URL in make.powerapps.com:
// 32 hex digits (`4a1e6c0b5f2d4e8a9b7c3d2e1f0a9b8c`), a GUID, or `shared-<connector>-<GUID>`
// (`shared-sharepointonl-7c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f`, the connector name cut to 20
// characters). Rather than insist on those forms (a format we have not seen would then be a false
// alarm), the rule looks for what a connection name never is: a URL, a resource path, an e-mail
// address, text with spaces or punctuation, or a word without a single digit.

/** Letters, digits, `-` and `_`: everything a connection name is made of. */
const ID_ALPHABET = /^[A-Za-z0-9_-]+$/;

/** Why `value` cannot be a connection id, or undefined when it might be one. */
export function implausibleConnectionId(value: string, secret: boolean): string | undefined {
  const trimmed = value.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || /^www\./i.test(trimmed)) {
    return 'is a URL, not the name of a connection';
  }
  if (/\/connections\/[^/]+\/?$/i.test(trimmed)) {
    return 'is a connection resource path; use only its last segment, the connection name';
  }
  if (/^\/?providers\//i.test(trimmed)) {
    return 'is a connector id (it belongs in ConnectorId), not the name of a connection';
  }
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) {
    return "is an e-mail address (a connection's owner, perhaps), not the name of a connection";
  }
  if (trimmed !== value) {
    return 'has spaces or line breaks around it, so the import looks for a connection that does not exist';
  }
  if (/\s/.test(value)) {
    return /^[^\s]+( [^\s]+)+$/.test(value)
      ? "has spaces inside, so it looks like a connection's display name rather than its name"
      : 'has whitespace inside, which a connection name never has';
  }
  if (!ID_ALPHABET.test(value)) {
    const odd = [...value].find((ch) => !/[A-Za-z0-9_-]/.test(ch));
    const shown = secret || odd === undefined ? 'a character' : `'${odd}'`;
    return `holds ${shown}, which a connection name never has (they are letters, digits, - and _)`;
  }
  if (/^shared_[a-z0-9_-]+$/i.test(value) && !/\d{4}/.test(value)) {
    return 'is a connector name, not the name of a connection';
  }
  if (!/\d/.test(value)) {
    return 'has no digit at all, so it looks like a display name rather than a connection name (those hold a GUID or 32 hex digits)';
  }
  return undefined;
}

export const rule: Rule = {
  meta: {
    id: 'CR011',
    name: 'implausible-connection-id',
    defaultSeverity: 'warning',
    description: 'A ConnectionId cannot be the id of a connection',
    details:
      'A ConnectionId is the name of a connection in the target environment: 32 hex digits, a GUID, or ' +
      'shared-<connector>-<GUID>, as pac connection list prints it. A URL, a resource path, an e-mail address, a ' +
      "connection's display name (spaces, punctuation, no digit) or a connector name is not one: the import then " +
      'cannot find the connection and leaves the reference unbound. Placeholders are CR002 and empty values CR001.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('CR011'),
  },
  check(context) {
    if (!context.settings) return;
    const entriesByName = settingsReferencesByName(context.settings);
    for (const ref of context.solution.connectionReferences) {
      for (const entry of entriesByName.get(nameKey(ref.logicalName)) ?? []) {
        const id = entry.connectionId;
        if (id === null || isBlank(id) || findPlaceholder(id) !== undefined) continue;
        const reason = implausibleConnectionId(id, entry.secret);
        if (reason === undefined) continue;
        // The value itself is never printed: it may have come from a secret pipeline variable.
        context.report({
          subject: ref.logicalName,
          location: entry.connectionIdLocation ?? entry.location,
          message:
            `ConnectionId of connection reference ${ref.logicalName} ${reason}. Set it to the connection's name ` +
            '(32 hex digits, a GUID or shared-<connector>-<GUID>): `pac connection list` shows it, and so does the ' +
            "end of the connection's URL in make.powerapps.com.",
        });
        break;
      }
    }
  },
};
