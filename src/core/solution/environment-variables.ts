// Environment variable definitions, in both formats: 2021+ `environmentvariabledefinitions/<schema>/`
// (definition XML + optional environmentvariablevalues.json) and the 2020 SolutionPackager
// `EnvironmentVariables/<schema>.xml` + `environment_variable_values.json`.
import type { EnvironmentVariable, EnvironmentVariableType } from '../model.js';
import { asArray, attr, child, childText, parseJson, parseXml, readText } from './content.js';
import { compareText } from '../text.js';
import type { SolutionFiles } from './files.js';

const ENVIRONMENT_VARIABLE_TYPES: Record<string, EnvironmentVariableType> = {
  '100000000': 'String',
  '100000001': 'Number',
  '100000002': 'Boolean',
  '100000003': 'JSON',
  '100000004': 'DataSource',
  '100000005': 'Secret',
};

function typeOf(code: string | undefined): EnvironmentVariableType {
  return (code && ENVIRONMENT_VARIABLE_TYPES[code.trim()]) || 'Unknown';
}

/** `environmentvariablevalues.json`: `{"environmentvariablevalues":{"environmentvariablevalue": {…} | [{…}]}}`. */
function currentValueOf(json: unknown): string | undefined {
  const values = child(child(json, 'environmentvariablevalues'), 'environmentvariablevalue');
  for (const value of asArray(values)) {
    const text = child(value, 'value');
    if (typeof text === 'string') return text;
  }
  return undefined;
}

export async function readEnvironmentVariables(
  files: SolutionFiles,
): Promise<EnvironmentVariable[]> {
  const variables = new Map<string, EnvironmentVariable>();

  // 2021+: environmentvariabledefinitions/<schema>/environmentvariabledefinition.xml (+ values json)
  const modern = await files.list('environmentvariabledefinitions', 2);
  const modernByLowerName = new Map(modern.map((p) => [p.toLowerCase(), p]));
  for (const path of modern.filter((p) =>
    p.toLowerCase().endsWith('/environmentvariabledefinition.xml'),
  )) {
    const where = files.where(path);
    const root = parseXml(readText(files, path), where);
    for (const definition of asArray(child(root, 'environmentvariabledefinition'))) {
      const schemaName = attr(definition, 'schemaname') ?? childText(definition, 'schemaname');
      if (!schemaName) continue;
      const typeCode = childText(definition, 'type');
      const defaultValue = childText(definition, 'defaultvalue');
      const displayName = attr(child(definition, 'displayname'), 'default');
      const variable: EnvironmentVariable = {
        schemaName,
        type: typeOf(typeCode),
        location: { file: where },
        ...(typeCode ? { typeCode } : {}),
        ...(defaultValue !== undefined && defaultValue !== '' ? { defaultValue } : {}),
        ...(displayName ? { displayName } : {}),
      };
      const valuesPath = `${path.slice(0, path.lastIndexOf('/'))}/environmentvariablevalues.json`;
      const actualValuesPath = modernByLowerName.get(valuesPath.toLowerCase());
      if (actualValuesPath) {
        const current = currentValueOf(
          parseJson(readText(files, actualValuesPath), files.where(actualValuesPath)),
        );
        if (current !== undefined && current !== '') variable.currentValue = current;
      }
      variables.set(schemaName.toLowerCase(), variable);
    }
  }

  // 2020 SolutionPackager 9.1: EnvironmentVariables/<schema>.xml + environment_variable_values.json
  const legacy = await files.list('EnvironmentVariables', 1);
  const legacyValues = new Map<string, string>();
  const valuesFile = legacy.find((p) =>
    p.toLowerCase().endsWith('/environment_variable_values.json'),
  );
  if (valuesFile) {
    const json = parseJson(readText(files, valuesFile), files.where(valuesFile));
    for (const value of asArray(child(json, 'EnvironmentVariableValues'))) {
      const schemaName = child(value, 'EnvironmentVariableDefinition.SchemaName');
      const text = child(value, 'Value');
      if (typeof schemaName === 'string' && typeof text === 'string' && text !== '') {
        legacyValues.set(schemaName.toLowerCase(), text);
      }
    }
  }
  for (const path of legacy.filter((p) => p.toLowerCase().endsWith('.xml'))) {
    const where = files.where(path);
    const definition = child(parseXml(readText(files, path), where), 'Definition');
    const schemaName = childText(definition, 'SchemaName');
    if (!schemaName || variables.has(schemaName.toLowerCase())) continue;
    const typeCode = childText(definition, 'Type');
    const defaultValue = childText(definition, 'DefaultValue');
    const localized = asArray(
      child(child(child(definition, 'DisplayName'), 'LocalizedNames'), 'LocalizedName'),
    );
    const displayName = attr(localized[0], 'description');
    const currentValue = legacyValues.get(schemaName.toLowerCase());
    variables.set(schemaName.toLowerCase(), {
      schemaName,
      type: typeOf(typeCode),
      location: { file: where },
      ...(typeCode ? { typeCode } : {}),
      ...(defaultValue ? { defaultValue } : {}),
      ...(currentValue ? { currentValue } : {}),
      ...(displayName ? { displayName } : {}),
    });
  }
  return [...variables.values()].sort((a, b) => compareText(a.schemaName, b.schemaName));
}
