import type { Rule } from '../model.js';
import { ruleDocsUrl } from '../version.js';
import { connectorApiName } from './helpers.js';

export const rule: Rule = {
  meta: {
    id: 'CR008',
    name: 'canvas-app-custom-connector',
    defaultSeverity: 'error',
    description: 'A canvas app uses a custom connector, which needs a manual re-edit after import',
    details:
      "Canvas apps don't recognize connection references on custom connectors. After import the app must be opened " +
      'and the custom connector connection removed and added again; in a managed solution that edit creates an ' +
      'unmanaged layer on the app, which blocks later updates.',
    needsSettings: false,
    docsUrl: ruleDocsUrl('CR008'),
  },
  check(context) {
    for (const app of context.solution.canvasApps) {
      const seen = new Set<string>();
      for (const connector of app.connectors) {
        if (!connector.custom) continue;
        const key = connectorApiName(connector.id);
        if (seen.has(key)) continue;
        seen.add(key);
        const label = connector.displayName ? `${connector.displayName} (${key})` : key;
        context.report({
          subject: app.name,
          location: app.location,
          message:
            `Canvas app ${app.displayName || app.name} uses custom connector ${label}; canvas apps don't bind custom ` +
            'connectors through connection references, so after import the app must be edited to remove and re-add ' +
            'the connection, which in a managed solution creates an unmanaged layer. Call the connector from a cloud ' +
            'flow instead, or plan that post-import step.',
        });
      }
    }
  },
};
