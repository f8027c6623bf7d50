// Writes a solution model in the layouts connref-gate reads: the exported zip (everything in
// customizations.xml) and the SolutionPackager folder (one file per component, flows' metadata in
// .json.data.xml, apps' in .meta.xml), and the deployment-settings file that binds them.
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { seededBytes } from './random.mjs';
import {
  canvasAppXml,
  connectionReferenceXml,
  contentTypesXml,
  customizationsXml,
  envVarDefinitionXml,
  envVarValuesJson,
  solutionXml,
  workflowXml,
} from './templates.mjs';
import { ZipWriter, writeZipFile } from './zip.mjs';

/** @typedef {import('./model.mjs').SolutionModel} SolutionModel */

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/** Real exports start their XML with a UTF-8 BOM, which a reader must skip. */
const withBom = (/** @type {string} */ text) => Buffer.concat([BOM, Buffer.from(text, 'utf8')]);

/**
 * Writes a file under `root`, creating its folders.
 * @param {string} root
 * @param {string} rel
 * @param {Buffer | string} data
 */
export function putFile(root, rel, data) {
  const abs = join(root, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, data);
}

/**
 * Writes a deployment-settings file as `pac solution create-settings` lays it out.
 * @param {string} path
 * @param {unknown} settings
 */
export function writeSettingsFile(path, settings) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(settings, null, 2)}\n`);
}

/**
 * Builds a .msapp: a zip (backslash entry names, like real ones) around `size` bytes, nearly all of
 * it one stored random image.
 * @param {string} appName
 * @param {number} size
 * @param {string} label seed label
 * @returns {Buffer}
 */
function buildMsapp(appName, size, label) {
  /** @type {Buffer[]} */
  const parts = [];
  const zip = new ZipWriter((chunk) => parts.push(chunk));
  zip.add(
    'Header.json',
    Buffer.from(
      JSON.stringify({
        DocVersion: '1.346',
        MinVersionToLoad: '1.331',
        MSAppStructureVersion: '2.0',
        LastSavedDateTimeUTC: '01/15/2024 10:30:00',
      }),
    ),
  );
  zip.add(
    'Properties.json',
    Buffer.from(
      JSON.stringify({ Name: appName, Id: label, FileID: label, LocalConnectionReferences: '{}' }),
    ),
  );
  zip.add('References\\DataSources.json', Buffer.from(JSON.stringify({ DataSources: [] })));
  zip.add(
    'Controls\\1.json',
    Buffer.from(JSON.stringify({ TopParent: { Name: 'App', Children: [] } })),
  );
  const mediaSize = Math.max(0, size - 1024);
  zip.add(
    `Assets\\Images\\${createHash('md5').update(label).digest('hex')}.png`,
    seededBytes(`${label}/media`, mediaSize),
    {
      store: true,
    },
  );
  zip.finish();
  return Buffer.concat(parts);
}

// The files both layouts hold alike, in the order an export lists them.

/**
 * @param {SolutionModel} model
 * @returns {Generator<[string, Buffer]>} each app's background image, then its .msapp
 */
function* appMedia(model) {
  for (const app of model.apps) {
    yield [
      `CanvasApps/${app.name}_BackgroundImageUri`,
      seededBytes(`${app.label}/background`, 8 * 1024),
    ];
    yield [
      `CanvasApps/${app.name}_DocumentUri.msapp`,
      buildMsapp(app.name, model.mediaBytes, app.label),
    ];
  }
}

/**
 * @param {SolutionModel} model
 * @returns {Generator<[string, string]>} each variable's definition, then its value when it has one
 */
function* environmentVariableFiles(model) {
  for (const v of model.vars) {
    const dir = `environmentvariabledefinitions/${v.schemaName}`;
    yield [`${dir}/environmentvariabledefinition.xml`, envVarDefinitionXml(v)];
    if (v.currentValue !== undefined)
      yield [`${dir}/environmentvariablevalues.json`, envVarValuesJson(v)];
  }
}

/** @param {SolutionModel} model */
const connectionReferencesXml = (model) =>
  model.refs.map((r) => connectionReferenceXml(r, '    ')).join('\n');

/**
 * The exported zip: components inline in customizations.xml, media STOREd as Dataverse does.
 * @param {SolutionModel} model
 * @param {string} zipPath
 * @returns {string[]} the entry names, in order
 */
export function writeExportZip(model, zipPath) {
  /** @type {string[]} */
  const entries = [];
  writeZipFile(zipPath, (zip) => {
    const add = (
      /** @type {string} */ name,
      /** @type {Buffer | string} */ data,
      store = false,
    ) => {
      zip.add(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { store });
      entries.push(name);
    };
    add(
      'customizations.xml',
      withBom(
        customizationsXml({
          workflows: model.flows.map((f) => workflowXml(f, '    ', false)).join('\n'),
          canvasApps: model.apps.length
            ? model.apps.map((a) => canvasAppXml(a, '    ', false)).join('\n')
            : undefined,
          connectionReferences: connectionReferencesXml(model),
        }),
      ),
    );
    add('solution.xml', solutionXml(model.uniqueName, '0', model.rootComponents));
    for (const f of model.flows) add(f.jsonFileName.slice(1), f.json);
    for (const [name, data] of appMedia(model)) add(name, data, true);
    for (const [name, text] of environmentVariableFiles(model)) add(name, text);
    add('[Content_Types].xml', withBom(contentTypesXml(model.apps.map((a) => a.name))));
  });
  return entries;
}

/**
 * The SolutionPackager folder (`pac solution unpack`); emptied first.
 * @param {SolutionModel} model
 * @param {string} root
 * @returns {string[]} the files, relative with forward slashes, sorted
 */
export function writeUnpackedFolder(model, root) {
  rmSync(root, { recursive: true, force: true });
  /** @type {string[]} */
  const files = [];
  const put = (/** @type {string} */ rel, /** @type {Buffer | string} */ data) => {
    putFile(root, rel, data);
    files.push(rel);
  };
  const standaloneXml = (/** @type {string} */ text) => withBom(XML_DECLARATION + text);
  put(
    'Other/Solution.xml',
    standaloneXml(solutionXml(model.uniqueName, '2', model.rootComponents)),
  );
  put(
    'Other/Customizations.xml',
    withBom(customizationsXml({ connectionReferences: connectionReferencesXml(model) })),
  );
  for (const f of model.flows) {
    put(f.jsonFileName.slice(1), f.json);
    put(`${f.jsonFileName.slice(1)}.data.xml`, standaloneXml(workflowXml(f, '', true)));
  }
  for (const app of model.apps)
    put(`CanvasApps/${app.name}.meta.xml`, standaloneXml(canvasAppXml(app, '', true)));
  for (const [rel, data] of appMedia(model)) put(rel, data);
  for (const [rel, text] of environmentVariableFiles(model)) put(rel, text);
  return files.sort();
}
