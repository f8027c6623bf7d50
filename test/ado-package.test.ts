// `npm run package:ado` builds the Azure DevOps extension offline; the .vsix holds the task and
// its manifest, and an invalid task.json fails the build (tfx-cli alone only warns).
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve('ado-task');
const TASK_DIR = join(ROOT, 'ConnrefGate');
const packageVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string })
  .version;

/** The Marketplace publisher the tests package for (given at package time, not in the manifest). */
const PUBLISHER = 'contoso-alm';

function packageAdo(...args: string[]) {
  // With a committed bundle, don't rebuild it into the tree during a test run.
  const build = existsSync(join(TASK_DIR, 'index.js')) ? ['--no-build'] : [];
  const env = { ...process.env };
  delete env['CONNREF_GATE_PUBLISHER'];
  return spawnSync('npm', ['run', '--silent', 'package:ado', '--', ...build, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env,
  });
}

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const buffer = Buffer.from(bytes);
  expect(buffer.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

describe('npm run package:ado', () => {
  let out: string;
  let zip: JSZip;
  let names: string[];

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'connref-ado-vsix-'));
    const run = packageAdo('--publisher', PUBLISHER, '--output-path', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const vsix = join(out, `${PUBLISHER}.connref-gate-${packageVersion}.vsix`);
    expect(run.stdout).toContain(`packaged ${vsix}`);
    zip = await JSZip.loadAsync(readFileSync(vsix));
    names = Object.keys(zip.files)
      .filter((name) => !zip.files[name]!.dir)
      .sort();
  }, 120_000);

  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it('packs the task, its bundle and its chunks, the icons and the manifests, and no node_modules', () => {
    // The chunks the bundle loads for the online checks (and the asset @azure/identity brings).
    const chunks = readdirSync(TASK_DIR)
      .filter((name) => /^\w+\.index\.js$/.test(name) || name === 'xdg-open')
      .map((name) => `ConnrefGate/${name}`);
    expect(chunks.length).toBeGreaterThan(0);
    expect(names).toEqual(
      [
        ...chunks,
        'ConnrefGate/icon.png',
        'ConnrefGate/index.js',
        'ConnrefGate/package.json',
        'ConnrefGate/task.json',
        '[Content_Types].xml',
        'extension.vsixmanifest',
        'extension.vsomanifest',
        'images/icon.png',
        'overview.md',
      ].sort(),
    );
    expect(names.some((name) => name.includes('node_modules'))).toBe(false);
  });

  it('ships the committed bundle as an ES module', async () => {
    const bundle = await zip.file('ConnrefGate/index.js')!.async('string');
    expect(bundle).toBe(readFileSync(join(TASK_DIR, 'index.js'), 'utf8'));
    expect(bundle).toMatch(/^import /);
    const pkg = JSON.parse(await zip.file('ConnrefGate/package.json')!.async('string'));
    expect(pkg).toEqual({ type: 'module' });
  });

  it('ships a valid task.json', async () => {
    const task = JSON.parse(await zip.file('ConnrefGate/task.json')!.async('string'));
    expect(task.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(task.id).toBe('0527aeb4-ed01-4a07-975d-256f396d30e1');
    expect(task.name).toBe('ConnrefGate');
    expect(task.friendlyName.length).toBeLessThanOrEqual(40);
    expect(`${task.version.Major}.${task.version.Minor}.${task.version.Patch}`).toBe(
      packageVersion,
    );
    expect(task.minimumAgentVersion).toBe('3.232.1');
    expect(task.execution).toEqual({
      Node20_1: { target: 'index.js', argumentFormat: '' },
      Node24: { target: 'index.js', argumentFormat: '' },
    });
    const inputs = Object.fromEntries(
      (task.inputs as { name: string; type: string }[]).map((i) => [i.name, i.type]),
    );
    expect(inputs).toEqual({
      command: 'pickList',
      solution: 'multiLine',
      settings: 'filePath',
      settingsPerSolution: 'multiLine',
      placeholders: 'pickList',
      failOn: 'pickList',
      commentOnPullRequest: 'boolean',
      powerPlatformSPN: 'connectedService:powerplatform-spn',
      environmentUrl: 'string',
      online: 'pickList',
      cloud: 'pickList',
      environmentId: 'string',
      onlineTimeout: 'string',
      rules: 'multiLine',
      sarifFile: 'string',
      resolvedSettings: 'string',
      workingDirectory: 'filePath',
    });
    const failOn = (
      task.inputs as { name: string; options?: object; defaultValue?: string }[]
    ).find((i) => i.name === 'failOn')!;
    expect(Object.keys(failOn.options!)).toEqual(['error', 'warning', 'never']);
    expect(failOn.defaultValue).toBe('error');
    const command = (
      task.inputs as { name: string; options?: object; defaultValue?: string }[]
    ).find((i) => i.name === 'command')!;
    expect(Object.keys(command.options!)).toEqual(['check', 'init --check']);
    expect(command.defaultValue).toBe('check');
    const placeholders = (
      task.inputs as { name: string; options?: object; defaultValue?: string }[]
    ).find((i) => i.name === 'placeholders')!;
    expect(Object.keys(placeholders.options!)).toEqual(['resolve', 'defer']);
    expect(placeholders.defaultValue).toBe('resolve');
    expect((task.outputVariables as { name: string }[]).map((o) => o.name)).toEqual([
      'result',
      'errors',
      'warnings',
      'notes',
      'report',
      'sarifFile',
      'resolvedSettings',
    ]);
  });

  it('ships the extension manifest with the task contribution and 128x128 icons', async () => {
    const vsixManifest = await zip.file('extension.vsixmanifest')!.async('string');
    const identity = /<Identity\b([^>]*)\/>/.exec(vsixManifest)?.[1] ?? '';
    expect(identity).toContain(' Id="connref-gate"');
    expect(identity).toContain(` Publisher="${PUBLISHER}"`);
    expect(identity).toContain(` Version="${packageVersion}"`);
    const vsoManifest = JSON.parse(await zip.file('extension.vsomanifest')!.async('string'));
    expect(vsoManifest.contributions).toEqual([
      expect.objectContaining({
        type: 'ms.vss-distributed-task.task',
        properties: { name: 'ConnrefGate' },
      }),
    ]);
    for (const icon of ['images/icon.png', 'ConnrefGate/icon.png']) {
      expect(pngSize(await zip.file(icon)!.async('uint8array'))).toEqual({
        width: 128,
        height: 128,
      });
    }
  });
});

describe('an invalid task.json', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'connref-ado-bad-'));
    cpSync(ROOT, root, { recursive: true });
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  function breakTask(edit: (task: Record<string, unknown>) => void): void {
    const task = JSON.parse(readFileSync(join(TASK_DIR, 'task.json'), 'utf8'));
    edit(task);
    writeFileSync(join(root, 'ConnrefGate', 'task.json'), JSON.stringify(task, null, 2));
  }

  it('fails the build with one line per problem', () => {
    breakTask((task) => {
      task['id'] = 'not-a-guid';
      task['friendlyName'] = 'A friendly name that is far too long to show';
      delete (task['execution'] as Record<string, unknown>)['Node24'];
      (task['version'] as Record<string, number>)['Minor'] = 99;
      const inputs = task['inputs'] as Record<string, unknown>[];
      inputs[1]!['type'] = 'text';
      inputs[5]!['properties'] = { resizable: 'true', rows: '3' };
      inputs.push({ name: 'Bad-Name', type: 'string', label: 'x', helpMarkDown: 'x' });
      (task['outputVariables'] as unknown[]).pop();
    });
    const run = packageAdo(
      '--publisher',
      PUBLISHER,
      '--root',
      root,
      '--output-path',
      join(root, 'out'),
    );
    expect(run.status).not.toBe(0);
    const problems = run.stderr.split('\n').filter((line) => line.startsWith('error: '));
    const major = packageVersion.split('.')[0];
    expect(problems).toEqual([
      'error: ConnrefGate/task.json: tasks.schema.json: /id must match pattern "^[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$" (has "not-a-guid")',
      'error: ConnrefGate/task.json: tasks.schema.json: /inputs/1/type is not an allowed value (has "text")',
      'error: ConnrefGate/task.json: tasks.schema.json: /inputs/5/properties/resizable must be boolean (has "true")',
      'error: ConnrefGate/task.json: tasks.schema.json: /inputs/17/name must match pattern "^[A-Za-z][A-Za-z0-9]*$" (has "Bad-Name")',
      'error: ConnrefGate/task.json: friendlyName is required and at most 40 characters (has 44)',
      `error: ConnrefGate/task.json: version ${major}.99.0 differs from package.json ${packageVersion}`,
      'error: ConnrefGate/task.json: execution.Node24.target is required',
      'error: ConnrefGate/task.json: inputs[17] (Bad-Name): name must be camelCase',
      'error: ConnrefGate/task.json: output variable resolvedSettings is missing',
    ]);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('fails the build when task.json is not JSON', () => {
    writeFileSync(join(root, 'ConnrefGate', 'task.json'), '{ "id": ');
    const run = packageAdo(
      '--publisher',
      PUBLISHER,
      '--root',
      root,
      '--output-path',
      join(root, 'out'),
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/^error: task .*task\.json is not valid JSON/m);
  });
});

describe('the Marketplace publisher', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'connref-ado-publisher-'));
    cpSync(ROOT, root, { recursive: true });
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('is required when packaging, with a one-line error saying how to give it', () => {
    const run = packageAdo('--root', root, '--output-path', join(root, 'out'));
    expect(run.status).not.toBe(0);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('error: '))).toEqual([
      'error: no Marketplace publisher: run npm run package:ado -- --publisher <your publisher id> (or set CONNREF_GATE_PUBLISHER); create one at https://marketplace.visualstudio.com/manage',
    ]);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('must be a publisher id', () => {
    const run = packageAdo(
      '--publisher',
      'Contoso ALM',
      '--root',
      root,
      '--output-path',
      join(root, 'out'),
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(
      /^error: --publisher "Contoso ALM" is not a Marketplace publisher id/m,
    );
  });

  it('is not hard-coded in vss-extension.json', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'vss-extension.json'), 'utf8'));
    expect(manifest.publisher).toBeUndefined();
    writeFileSync(
      join(root, 'vss-extension.json'),
      JSON.stringify({ ...manifest, publisher: 'connref-gate' }, null, 2),
    );
    const run = packageAdo(
      '--publisher',
      PUBLISHER,
      '--root',
      root,
      '--output-path',
      join(root, 'out'),
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(
      /^error: vss-extension\.json: publisher is given when packaging \(--publisher ID\), not in the manifest: remove it$/m,
    );
  });
});
