// Packages the Azure DevOps extension (.vsix) offline with tfx-cli.
//
//   npm run package:ado -- --publisher ID [--output-path DIR] [--root ado-task] [--no-build]
//
// --publisher (or CONNREF_GATE_PUBLISHER): the id of the Visual Studio Marketplace publisher the
// extension is published under. It is not in vss-extension.json: each organization publishes the
// extension under a publisher of its own (`tfx extension publish --share-with`).
// 1. Runs scripts/build.mjs when <root>/ConnrefGate/index.js is missing or older than the sources
//    (the bundle loads chunks beside it, which the build writes too).
// 2. Validates vss-extension.json and every task.json it contributes, against Microsoft's
//    tasks.schema.json (test/fixtures/ado) and the house rules below. tfx-cli only *warns* about
//    an invalid task.json and builds the .vsix anyway, so this script checks it itself.
// 3. Runs `tfx extension create --publisher ID` and fails on any warning it prints.
// 4. Opens the .vsix and checks what is inside: manifests (with the publisher), task.json
//    (valid), index.js, icons, and no node_modules.
// Exits non-zero with one line per problem.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Ajv from 'ajv-draft-04';
import JSZip from 'jszip';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    root: { type: 'string', default: join(repo, 'ado-task') },
    'output-path': { type: 'string', default: join(repo, '.tmp', 'vsix') },
    'no-build': { type: 'boolean', default: false },
    publisher: { type: 'string', default: process.env['CONNREF_GATE_PUBLISHER'] ?? '' },
  },
});
const root = resolve(args.root);
const outputPath = resolve(args['output-path']);
const publisher = args.publisher.trim();

const problems = [];
const problem = (text) => problems.push(text);

function fail() {
  for (const text of problems) console.error(`error: ${text}`);
  console.error(`package:ado failed with ${problems.length} problem(s)`);
  process.exit(1);
}

function readJson(path, what) {
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    problem(`${what} ${relative(repo, path)} is not valid JSON: ${error.message}`);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// 1. The bundle

const TASK_FOLDER = 'ConnrefGate';

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIfNeeded() {
  const out = join(root, TASK_FOLDER, 'index.js');
  if (args['no-build'] || resolve(root) !== join(repo, 'ado-task')) return;
  const stale =
    !existsSync(out) ||
    statSync(out).mtimeMs < newestSource(join(repo, 'src', 'ado')) ||
    statSync(out).mtimeMs < newestSource(join(repo, 'src', 'core'));
  if (!stale) return;
  // The task loads chunks beside index.js (the online checks): scripts/build.mjs writes them all.
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], {
    stdio: 'inherit',
    cwd: repo,
  });
}

// ---------------------------------------------------------------------------------------------
// 2. Validation

/** A Marketplace publisher id: letters, digits and dashes, starting with a letter or digit. */
const PUBLISHER_ID = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/**
 * Microsoft's schema of task.json (draft-04), copied from microsoft/azure-pipelines-task-lib
 * (test/fixtures/ado/README.md says which commit). `unicodeRegExp: false`: its pattern
 * `^connectedService\:.+$` is valid ECMAScript but not under the `u` flag.
 */
const TASK_SCHEMA = join(repo, 'test', 'fixtures', 'ado', 'tasks.schema.json');
const validateTaskSchema = new Ajv({
  allErrors: true,
  strict: false,
  unicodeRegExp: false,
  verbose: true,
}).compile(JSON.parse(readFileSync(TASK_SCHEMA, 'utf8')));

/** Schema violations as lines; an `anyOf` reports once, not once per branch it tried. */
function schemaIssues(task) {
  if (validateTaskSchema(task)) return [];
  return (validateTaskSchema.errors ?? [])
    .filter((e) => !e.schemaPath.includes('/anyOf/'))
    .map((e) => {
      const where = e.instancePath || '/';
      const what = e.keyword === 'anyOf' ? 'is not an allowed value' : e.message;
      const extra =
        e.keyword === 'additionalProperties'
          ? ` (${e.params.additionalProperty})`
          : typeof e.data === 'object'
            ? ''
            : ` (has ${JSON.stringify(e.data)})`;
      return `tasks.schema.json: ${where} ${what}${extra}`;
    });
}
const REQUIRED_HANDLERS = ['Node20_1', 'Node24'];
const DEPRECATED_HANDLERS = ['Node', 'Node6', 'Node10', 'Node16'];
/** The first agent that runs Node20_1 tasks; Node24 needs 4.265.1 but Node20_1 is the fallback. */
const MIN_AGENT = '3.232.1';
const EXPECTED_INPUTS = [
  'command',
  'solution',
  'settings',
  'failOn',
  'rules',
  'sarifFile',
  'commentOnPullRequest',
  'resolvedSettings',
  'workingDirectory',
  'powerPlatformSPN',
  'environmentUrl',
  'online',
  'cloud',
  'environmentId',
  'onlineTimeout',
];
const EXPECTED_OUTPUTS = [
  'result',
  'errors',
  'warnings',
  'notes',
  'report',
  'sarifFile',
  'resolvedSettings',
];

function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const nonEmpty = (v) => typeof v === 'string' && v.trim() !== '';

/**
 * Every problem with a task.json, as `where: what` lines. `fileExists(rel)` says whether a file
 * the task refers to is present beside it (on disk, or inside the .vsix).
 */
function validateTask(task, where, fileExists, expectedVersion) {
  const issues = [];
  const bad = (text) => issues.push(`${where}: ${text}`);
  if (typeof task !== 'object' || task === null || Array.isArray(task)) {
    bad('is not a JSON object');
    return issues;
  }
  // What Microsoft's schema says (ids, names, types, categories, handlers, property types), then
  // what it does not: lengths, required fields, versions, files, the inputs the adapter reads.
  for (const issue of schemaIssues(task)) bad(issue);
  if (!nonEmpty(task.id)) bad('id is required');
  if (!nonEmpty(task.name)) bad('name is required');
  if (!nonEmpty(task.friendlyName) || task.friendlyName.length > 40)
    bad(
      `friendlyName is required and at most 40 characters (has ${task.friendlyName?.length ?? 0})`,
    );
  for (const key of ['description', 'helpMarkDown', 'author', 'instanceNameFormat'])
    if (!nonEmpty(task[key])) bad(`${key} is required`);
  if (!nonEmpty(task.category)) bad('category is required');

  const v = task.version;
  if (
    typeof v !== 'object' ||
    v === null ||
    !['Major', 'Minor', 'Patch'].every((k) => Number.isInteger(v[k]) && v[k] >= 0)
  ) {
    bad('version must be {"Major", "Minor", "Patch"} with non-negative integers');
  } else if (expectedVersion && `${v.Major}.${v.Minor}.${v.Patch}` !== expectedVersion) {
    bad(`version ${v.Major}.${v.Minor}.${v.Patch} differs from package.json ${expectedVersion}`);
  }
  if (!/^\d+\.\d+\.\d+$/.test(task.minimumAgentVersion ?? ''))
    bad('minimumAgentVersion must be a version like 3.232.1');
  else if (compareVersions(task.minimumAgentVersion, MIN_AGENT) < 0)
    bad(`minimumAgentVersion must be at least ${MIN_AGENT} (the first agent with Node20_1)`);

  const execution = task.execution;
  if (typeof execution !== 'object' || execution === null) {
    bad('execution is required');
  } else {
    for (const handler of REQUIRED_HANDLERS) {
      const target = execution[handler]?.target;
      if (!nonEmpty(target)) bad(`execution.${handler}.target is required`);
      else if (!fileExists(target)) bad(`execution.${handler}.target ${target} does not exist`);
    }
    for (const handler of Object.keys(execution))
      if (DEPRECATED_HANDLERS.includes(handler)) bad(`execution.${handler} is end-of-life`);
  }

  const groups = new Set();
  for (const [i, group] of (Array.isArray(task.groups) ? task.groups : []).entries()) {
    if (!nonEmpty(group?.name) || !nonEmpty(group?.displayName))
      bad(`groups[${i}] needs name and displayName`);
    else groups.add(group.name);
  }
  if (task.groups !== undefined && !Array.isArray(task.groups)) bad('groups must be an array');

  const inputs = Array.isArray(task.inputs) ? task.inputs : [];
  if (!Array.isArray(task.inputs)) bad('inputs must be an array');
  const names = new Set();
  for (const [i, input] of inputs.entries()) {
    const at = `inputs[${i}]${input?.name ? ` (${input.name})` : ''}`;
    if (!nonEmpty(input?.name) || !/^[a-z][A-Za-z0-9]*$/.test(input.name)) {
      bad(`${at}: name must be camelCase`);
      continue;
    }
    if (names.has(input.name.toLowerCase())) bad(`${at}: duplicate input name`);
    names.add(input.name.toLowerCase());
    if (!nonEmpty(input.label)) bad(`${at}: label is required`);
    if (!nonEmpty(input.helpMarkDown)) bad(`${at}: helpMarkDown is required`);
    if (input.defaultValue !== undefined && typeof input.defaultValue !== 'string')
      bad(`${at}: defaultValue must be a string`);
    if (input.groupName !== undefined && !groups.has(input.groupName))
      bad(`${at}: groupName ${input.groupName} is not a group`);
    if (input.type === 'boolean' && !['true', 'false'].includes(input.defaultValue))
      bad(`${at}: a boolean needs defaultValue "true" or "false"`);
    if (input.type === 'pickList' || input.type === 'radio') {
      const options = input.options;
      if (typeof options !== 'object' || options === null || Object.keys(options).length === 0)
        bad(`${at}: a ${input.type} needs options`);
      else if (input.defaultValue && !Object.hasOwn(options, input.defaultValue))
        bad(`${at}: defaultValue ${input.defaultValue} is not an option`);
    }
  }
  for (const name of EXPECTED_INPUTS)
    if (!inputs.some((input) => input?.name === name)) bad(`input ${name} is missing`);
  if (!inputs.some((input) => input?.name === 'solution' && input.required === true))
    bad('input solution must be required');

  const outputs = Array.isArray(task.outputVariables) ? task.outputVariables : [];
  if (!Array.isArray(task.outputVariables)) bad('outputVariables must be an array');
  const outputNames = new Set();
  for (const [i, output] of outputs.entries()) {
    if (!nonEmpty(output?.name) || !nonEmpty(output?.description))
      bad(`outputVariables[${i}] needs name and description`);
    else if (outputNames.has(output.name)) bad(`outputVariables[${i}]: duplicate ${output.name}`);
    else outputNames.add(output.name);
  }
  for (const name of EXPECTED_OUTPUTS)
    if (!outputNames.has(name)) bad(`output variable ${name} is missing`);
  return issues;
}

function validateManifest(manifest, packageVersion) {
  const where = 'vss-extension.json';
  const bad = (text) => problem(`${where}: ${text}`);
  if (manifest.manifestVersion !== 1) bad('manifestVersion must be 1');
  for (const key of ['id', 'name', 'description'])
    if (!nonEmpty(manifest[key])) bad(`${key} is required`);
  if (manifest.publisher !== undefined)
    bad('publisher is given when packaging (--publisher ID), not in the manifest: remove it');
  if (manifest.version !== packageVersion)
    bad(`version ${manifest.version} differs from package.json ${packageVersion}`);
  if (!Array.isArray(manifest.targets) || manifest.targets.length === 0) bad('targets is required');
  const icon = manifest.icons?.default;
  if (!nonEmpty(icon) || !existsSync(join(root, icon))) bad('icons.default must name a file');
  else if (!readFileSync(join(root, icon)).subarray(1, 4).equals(Buffer.from('PNG')))
    bad(`icon ${icon} is not a PNG`);
  const details = manifest.content?.details?.path;
  if (details !== undefined && !existsSync(join(root, details)))
    bad(`content.details ${details} does not exist`);
  const files = Array.isArray(manifest.files) ? manifest.files.map((f) => f?.path) : [];
  const tasks = (manifest.contributions ?? [])
    .filter((c) => c?.type === 'ms.vss-distributed-task.task')
    .map((c) => c.properties?.name);
  if (tasks.length === 0) bad('contributes no ms.vss-distributed-task.task');
  for (const task of tasks) {
    if (!nonEmpty(task)) bad('a task contribution has no properties.name');
    else if (!files.includes(task)) bad(`files does not include the task folder ${task}`);
  }
  for (const path of files) {
    if (!nonEmpty(path) || !existsSync(join(root, path))) bad(`files: ${path} does not exist`);
    else if (/(^|[\\/])node_modules([\\/]|$)/.test(path)) bad(`files: ${path} is node_modules`);
  }
  return tasks.filter(nonEmpty);
}

// ---------------------------------------------------------------------------------------------
// 3. tfx, 4. the .vsix

// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');

function runTfx() {
  mkdirSync(outputPath, { recursive: true });
  const tfx = join(repo, 'node_modules', 'tfx-cli', '_build', 'tfx-cli.js');
  const result = spawnSync(
    process.execPath,
    [
      tfx,
      'extension',
      'create',
      '--root',
      root,
      '--manifest-globs',
      'vss-extension.json',
      '--output-path',
      outputPath,
      '--publisher',
      publisher,
      '--no-prompt',
      '--no-color',
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  const output = stripAnsi(`${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  process.stdout.write(output.trim() ? `${output.trim()}\n` : '');
  if (result.status !== 0) problem(`tfx extension create exited with ${result.status}`);
  for (const line of output.split(/\r?\n/))
    if (/\bwarning\b/i.test(line) || /^error/i.test(line.trim())) problem(`tfx: ${line.trim()}`);
}

async function checkVsix(manifest, tasks, packageVersion) {
  const file = join(outputPath, `${publisher}.${manifest.id}-${manifest.version}.vsix`);
  if (!existsSync(file)) {
    problem(`tfx wrote no ${relative(repo, file)}`);
    return undefined;
  }
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
  const has = (name) => names.includes(name);
  for (const name of ['extension.vsixmanifest', 'extension.vsomanifest', '[Content_Types].xml'])
    if (!has(name)) problem(`${file}: ${name} is missing`);
  if (has('extension.vsixmanifest')) {
    const identity = /<Identity\b[^>]*\bPublisher="([^"]*)"/.exec(
      await zip.file('extension.vsixmanifest').async('string'),
    );
    if (identity?.[1] !== publisher)
      problem(`${file}: extension.vsixmanifest names publisher ${identity?.[1]}, not ${publisher}`);
  }
  if (!has(manifest.icons.default)) problem(`${file}: icon ${manifest.icons.default} is missing`);
  for (const name of names)
    if (/(^|\/)node_modules\//.test(name)) problem(`${file}: holds ${name} (node_modules)`);
  for (const task of tasks) {
    for (const name of ['task.json', 'index.js', 'package.json', 'icon.png'])
      if (!has(`${task}/${name}`)) problem(`${file}: ${task}/${name} is missing`);
    // The chunks the bundle loads on demand (the online checks) must ship beside it.
    for (const name of readdirSync(join(root, task)))
      if ((/^[\w-]+\.index\.js$/.test(name) || name === 'xdg-open') && !has(`${task}/${name}`))
        problem(`${file}: ${task}/${name} (a chunk of index.js) is missing`);
    if (!has(`${task}/task.json`)) continue;
    let taskJson;
    try {
      taskJson = JSON.parse(await zip.file(`${task}/task.json`).async('string'));
    } catch (error) {
      problem(`${file}: ${task}/task.json is not valid JSON: ${error.message}`);
      continue;
    }
    for (const issue of validateTask(
      taskJson,
      `${task}/task.json in the .vsix`,
      (rel) => has(`${task}/${rel.replace(/^\.\//, '')}`),
      packageVersion,
    ))
      problem(issue);
    if (has(`${task}/package.json`)) {
      const pkg = JSON.parse(await zip.file(`${task}/package.json`).async('string'));
      if (pkg.type !== 'module')
        problem(`${file}: ${task}/package.json must say "type": "module" (index.js is ESM)`);
    }
  }
  return { file, names };
}

// ---------------------------------------------------------------------------------------------

const packageVersion = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version;
if (!publisher) {
  problem(
    'no Marketplace publisher: run npm run package:ado -- --publisher <your publisher id> (or set CONNREF_GATE_PUBLISHER); create one at https://marketplace.visualstudio.com/manage',
  );
} else if (!PUBLISHER_ID.test(publisher)) {
  problem(
    `--publisher ${JSON.stringify(publisher)} is not a Marketplace publisher id (letters, digits and dashes)`,
  );
}
bundleIfNeeded();

const manifestPath = join(root, 'vss-extension.json');
const manifest = readJson(manifestPath, 'extension manifest');
if (!manifest) fail();
const tasks = validateManifest(manifest, packageVersion);
for (const task of tasks) {
  const taskDir = join(root, task);
  const taskJson = readJson(join(taskDir, 'task.json'), 'task');
  if (!taskJson) continue;
  for (const issue of validateTask(
    taskJson,
    `${task}/task.json`,
    (rel) => existsSync(join(taskDir, rel)),
    packageVersion,
  ))
    problem(issue);
  for (const name of ['icon.png', 'package.json'])
    if (!existsSync(join(taskDir, name))) problem(`${task}/${name} is missing`);
  if (existsSync(join(taskDir, 'node_modules'))) problem(`${task}/node_modules must not exist`);
}
if (problems.length > 0) fail();

runTfx();
if (problems.length > 0) fail();

const vsix = await checkVsix(manifest, tasks, packageVersion);
if (problems.length > 0 || !vsix) fail();
console.log(`packaged ${vsix.file} (${vsix.names.length} files: ${vsix.names.sort().join(', ')})`);
