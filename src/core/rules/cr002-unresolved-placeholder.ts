import type { Location, Rule } from '../model.js';
import { findPlaceholder } from '../settings.js';
import { ruleDocsUrl } from '../version.js';
import { nameKey, settingsReferencesByName, settingsVariablesByName } from './helpers.js';

/** The variable a substitutable placeholder asks for, to name it in the fix. */
function variableName(placeholder: string): string | undefined {
  const match = /^#\{([^{}]+)\}#?$|^\$\(([^()]+)\)$/.exec(placeholder);
  const name = (match?.[1] ?? match?.[2])?.trim();
  return name === undefined || name === '' ? undefined : name;
}

function howToFix(placeholder: string, secret: boolean): string {
  const name = secret ? undefined : variableName(placeholder);
  if (name === undefined) {
    return 'Replace it in the pipeline before the check (token replacement step), or write the real value.';
  }
  const pipelineName = name.toUpperCase().replace(/[.\s]/g, '_');
  const alias = pipelineName === name ? '' : ` (exposed as ${pipelineName})`;
  return `Define the pipeline or environment variable ${name}${alias} so it is substituted, or write the real value.`;
}

export const rule: Rule = {
  meta: {
    id: 'CR002',
    name: 'unresolved-placeholder',
    defaultSeverity: 'error',
    description: 'A ConnectionId or environment variable Value still holds a placeholder',
    details:
      'Placeholders such as #{…}#, #{…}, $(…), ${{ … }}, @@…@@ and __…__ are meant to be replaced by the pipeline ' +
      'before the import. One left in a ConnectionId makes the import fail to find the connection ' +
      '(ConnectionNotFound); one left in an environment variable Value is imported as that literal text.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('CR002'),
  },
  check(context) {
    if (!context.settings) return;
    const report = (
      kind: string,
      subject: string,
      field: string,
      placeholder: string,
      secret: boolean,
      location: Location,
    ): void => {
      // A partly substituted value is secret: then even the placeholder text is not printed.
      const shown = secret ? 'a placeholder' : `the placeholder ${placeholder}`;
      context.report({
        subject,
        location,
        message: `${field} of ${kind} ${subject} still holds ${shown} after substitution. ${howToFix(placeholder, secret)}`,
      });
    };

    const refEntries = settingsReferencesByName(context.settings);
    for (const ref of context.solution.connectionReferences) {
      for (const entry of refEntries.get(nameKey(ref.logicalName)) ?? []) {
        const placeholder =
          entry.connectionId === null ? undefined : findPlaceholder(entry.connectionId);
        if (placeholder !== undefined) {
          report(
            'connection reference',
            ref.logicalName,
            'ConnectionId',
            placeholder,
            entry.secret,
            entry.location,
          );
          break;
        }
      }
    }

    const variableEntries = settingsVariablesByName(context.settings);
    for (const variable of context.solution.environmentVariables) {
      for (const entry of variableEntries.get(nameKey(variable.schemaName)) ?? []) {
        const placeholder = entry.value === null ? undefined : findPlaceholder(entry.value);
        if (placeholder !== undefined) {
          report(
            'environment variable',
            variable.schemaName,
            'Value',
            placeholder,
            entry.secret,
            entry.location,
          );
          break;
        }
      }
    }
  },
};
