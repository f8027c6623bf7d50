import type { Location, Rule } from '../model.js';
import { findPlaceholder } from '../settings.js';
import { ruleDocsUrl } from '../version.js';
import { nameKey, settingsReferencesByName, settingsVariablesByName } from './helpers.js';

/**
 * Every placeholder form CR002 knows, each with the variable name it holds. `${{ … }}` takes no
 * brace inside, so that a value of many `${{` is scanned in linear time.
 */
const NAMED_PLACEHOLDER =
  /#\{([^{}]+)\}#?|\$\(([^()]+)\)|\$\{\{([^{}\r\n]*)\}\}|@@([^@]+)@@|__([A-Za-z][\w.-]*)__/g;

/** Every variable that the placeholders in a value ask for, in order, once each. */
export function placeholderVariables(value: string): string[] {
  const names = new Set<string>();
  for (const match of value.matchAll(NAMED_PLACEHOLDER)) {
    const name = match
      .slice(1)
      .find((group) => group !== undefined)
      ?.trim();
    if (name) names.add(name);
  }
  return [...names];
}

/** Azure Pipelines exposes variable `a.b` to processes as `A_B`; so does the substitution. */
export function environmentName(name: string): string {
  return name.toUpperCase().replace(/[.\s]/g, '_');
}

function alias(name: string): string {
  const pipelineName = environmentName(name);
  return pipelineName === name ? '' : ` (exposed as ${pipelineName})`;
}

function howToFix(placeholder: string, secret: boolean): string {
  const name = secret ? undefined : substitutableName(placeholder);
  if (name === undefined) {
    return 'Replace it in the pipeline before the check (token replacement step), or write the real value.';
  }
  return `Define the pipeline or environment variable ${name}${alias(name)} so it is substituted, or write the real value.`;
}

/** The name in a placeholder that the substitution itself fills (`#{…}#`, `#{…}`, `$(…)`). */
function substitutableName(placeholder: string): string | undefined {
  const match = /^#\{([^{}]+)\}#?$|^\$\(([^()]+)\)$/.exec(placeholder);
  const name = (match?.[1] ?? match?.[2])?.trim();
  return name === undefined || name === '' ? undefined : name;
}

/** With `defer`: which variable the deploy stage must define (never a secret value's text). */
function deferredFix(value: string, secret: boolean): string {
  const names = secret ? [] : placeholderVariables(value);
  if (names.length === 0) return 'The deploy stage must replace it before the import.';
  const defined = names.map((name) => `${name}${alias(name)}`);
  const list =
    defined.length === 1
      ? `variable ${defined[0]}`
      : `variables ${defined.slice(0, -1).join(', ')} and ${defined[defined.length - 1]}`;
  return `The deploy stage must define the ${list}.`;
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
      '(ConnectionNotFound); one left in an environment variable Value is imported as that literal text. ' +
      'With placeholders deferred (pull-request validation of settings that the deploy stage fills in) it is a ' +
      'note naming the variable that stage must define.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('CR002'),
  },
  check(context) {
    if (!context.settings) return;
    const defer = context.placeholders === 'defer';
    const report = (
      kind: string,
      subject: string,
      field: string,
      value: string,
      placeholder: string,
      secret: boolean,
      location: Location,
    ): void => {
      // A partly substituted value is secret: then even the placeholder text is not printed.
      const shown = secret ? 'a placeholder' : `the placeholder ${placeholder}`;
      context.report({
        subject,
        location,
        ...(defer
          ? {
              severity: 'note' as const,
              message: `${field} of ${kind} ${subject} holds ${shown}, left for the deploy stage (placeholders deferred). ${deferredFix(value, secret)}`,
            }
          : {
              message: `${field} of ${kind} ${subject} still holds ${shown} after substitution. ${howToFix(placeholder, secret)}`,
            }),
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
            entry.connectionId!,
            placeholder,
            entry.secret,
            entry.connectionIdLocation ?? entry.location,
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
            entry.value!,
            placeholder,
            entry.secret,
            entry.valueLocation ?? entry.location,
          );
          break;
        }
      }
    }
  },
};
