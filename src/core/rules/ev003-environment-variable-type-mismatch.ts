import type { EnvironmentVariableType, Rule } from '../model.js';
import { JsonSyntaxError, parseJson } from '../json.js';
import { findPlaceholder } from '../settings.js';
import { LineIndex } from '../text.js';
import { ruleDocsUrl } from '../version.js';
import { nameKey, settingsVariablesByName } from './helpers.js';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const BOOLEAN = /^(?:yes|no|true|false)$/i;
const KEY_VAULT_SECRET =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/[^/]+\/secrets\/[^/]+$/i;

/** Why a value does not fit the type (without quoting a secret), or undefined when it fits. */
export function typeProblem(
  type: EnvironmentVariableType,
  value: string,
  mayShow: boolean,
): string | undefined {
  const shown = mayShow && value.length <= 40 && !/[\r\n]/.test(value) ? ` ("${value}")` : '';
  switch (type) {
    case 'Number':
      return DECIMAL.test(value.trim()) ? undefined : `is not a decimal number${shown}`;
    case 'Boolean':
      return BOOLEAN.test(value.trim()) ? undefined : `is not yes, no, true or false${shown}`;
    case 'JSON':
      try {
        parseJson(value);
        return undefined;
      } catch (error) {
        if (!(error instanceof JsonSyntaxError)) throw error;
        const { line, column } = new LineIndex(value).positionOf(error.offset);
        // The parser's message quotes the value (a character, a key): not for a secret one.
        const detail = mayShow ? `: ${error.message}` : '';
        return `is not valid JSON (line ${line}, column ${column} of the value${detail})`;
      }
    case 'Secret':
      return KEY_VAULT_SECRET.test(value.trim())
        ? undefined
        : 'is not an Azure Key Vault secret reference (/subscriptions/…/resourceGroups/…/providers/Microsoft.KeyVault/vaults/…/secrets/…)';
    default:
      return undefined;
  }
}

export const rule: Rule = {
  meta: {
    id: 'EV003',
    name: 'environment-variable-type-mismatch',
    defaultSeverity: 'error',
    description: "A settings value does not fit the environment variable's type",
    details:
      'The import rejects a value that does not fit the type of the environment variable: a Number must be a decimal ' +
      'number, a Boolean yes, no, true or false, a JSON variable valid JSON, and a Secret an Azure Key Vault secret ' +
      'reference. Only settings values are checked, not the defaults in the solution.',
    needsSettings: true,
    docsUrl: ruleDocsUrl('EV003'),
  },
  check(context) {
    if (!context.settings) return;
    const entriesByName = settingsVariablesByName(context.settings);
    for (const variable of context.solution.environmentVariables) {
      for (const entry of entriesByName.get(nameKey(variable.schemaName)) ?? []) {
        // Empty is EV002's finding and a placeholder CR002's.
        if (
          entry.value === null ||
          entry.value === '' ||
          findPlaceholder(entry.value) !== undefined
        )
          continue;
        const problem = typeProblem(
          variable.type,
          entry.value,
          !entry.secret && variable.type !== 'Secret',
        );
        if (problem === undefined) continue;
        context.report({
          subject: variable.schemaName,
          location: entry.valueLocation ?? entry.location,
          message: `The Value of ${variable.type} environment variable ${variable.schemaName} ${problem}. Set a value of that type.`,
        });
        break;
      }
    }
  },
};
