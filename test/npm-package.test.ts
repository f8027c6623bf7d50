// The npm package: `npm pack` of the working tree gives a tarball that installs with no network
// (it has no dependencies: the CLI is a bundle, dist/cli/index.js with the chunks it loads on
// demand, behind the dist/cli.js shim) and runs as `npx connref-gate`. Runs the
// committed dist/cli.js, like the end-to-end suites: run `npm run build` after changing src/.
// The registry is pointed at a closed loopback port, so a download would fail the test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TIMEOUT = 120_000;

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  bin?: Record<string, string>;
  files?: string[];
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
  repository?: { url?: string };
  homepage?: string;
  bugs?: { url?: string };
  keywords?: string[];
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

let temp: string;
/** npm with its cache in the temp folder and no reachable registry. */
let npmEnv: Record<string, string>;

function npm(args: string[], cwd: string) {
  return spawnSync('npm', args, { cwd, env: npmEnv, encoding: 'utf8', timeout: TIMEOUT });
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
    throw new Error('dist/cli.js does not exist: run npm run build');
  }
  temp = mkdtempSync(join(tmpdir(), 'connref-gate-npm-'));
  npmEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^npm_/i.test(key)) npmEnv[key] = value;
  }
  Object.assign(npmEnv, {
    npm_config_cache: join(temp, 'cache'),
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
  });
});

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('package.json', () => {
  it('is publishable: not private, a bin, the files the CLI needs, no run-time dependencies', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ 'connref-gate': 'dist/cli.js' });
    expect(pkg.files).toEqual(['dist/cli.js', 'dist/cli/', 'CHANGELOG.md']);
    // The bundle inlines everything; @actions/*, task-lib and the rest are for building only.
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    // Nothing runs at install time on a user's machine.
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(pkg.scripts?.[hook]).toBeUndefined();
    }
    expect(pkg.engines).toEqual({ node: '>=20' });
    expect(pkg.repository?.url).toMatch(/github\.com\/connref-gate\/connref-gate/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.bugs?.url).toMatch(/\/issues$/);
    expect(pkg.keywords).toContain('power-platform');
  });
});

describe('npm pack, then npx connref-gate', () => {
  let project: string;
  let tarball: string;

  beforeAll(() => {
    const pack = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', temp], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(temp, info!.filename);
    // The bundle and every chunk it loads on demand (the online checks) beside it.
    const bundle = readdirSync(join(ROOT, 'dist', 'cli')).map((name) => `dist/cli/${name}`);
    expect(bundle).toContain('dist/cli/index.js');
    expect(info!.files.map((file) => file.path).sort()).toEqual(
      ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', ...bundle, 'package.json'].sort(),
    );

    project = join(temp, 'project');
    mkdirSync(project);
    const init = npm(['init', '--yes'], project);
    expect(init.status, init.stderr).toBe(0);
    const install = npm(['install', '--no-save', tarball], project);
    expect(install.status, install.stderr).toBe(0);
  }, TIMEOUT);

  function npx(args: string[], env: Record<string, string> = {}) {
    return spawnSync('npx', ['--offline', '--no-install', 'connref-gate', ...args], {
      cwd: project,
      env: { ...npmEnv, ...env },
      encoding: 'utf8',
      timeout: TIMEOUT,
    });
  }

  it('installs the package alone: no dependency comes with it', () => {
    expect(
      readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.')),
    ).toEqual(['connref-gate']);
    const installed = JSON.parse(
      readFileSync(join(project, 'node_modules', 'connref-gate', 'package.json'), 'utf8'),
    ) as PackageJson;
    expect(installed.version).toBe(pkg.version);
  });

  it('npx connref-gate --version prints the package version', () => {
    const run = npx(['--version']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  it('npx connref-gate check passes a solution whose settings bind everything (exit 0)', () => {
    const run = npx(
      [
        'check',
        '--solution',
        join(ROOT, 'examples', 'github-e2e', 'solution'),
        '--settings',
        join(ROOT, 'examples', 'github-e2e', 'deploymentSettings.json'),
        '--format',
        'json',
      ],
      { FABRIKAM_OFFICE365_CONNECTION: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      tool: { version: string };
      solutions: { uniqueName: string }[];
      summary: { errors: number };
    };
    expect(report.tool.version).toBe(pkg.version);
    expect(report.solutions.map((s) => s.uniqueName)).toEqual(['FabrikamOrders']);
    expect(report.summary.errors).toBe(0);
    expect(run.stdout).not.toContain('0f1e2d3c4b5a69788796a5b4c3d2e1f0');
  });

  it('npx connref-gate check fails the example with findings (exit 1) and a usage error (exit 2)', () => {
    const findings = npx([
      'check',
      '--solution',
      join(ROOT, 'examples', 'contoso-invoices', 'src'),
      '--settings',
      join(ROOT, 'examples', 'contoso-invoices', 'config', 'Test', 'deploymentSettings.json'),
    ]);
    expect(findings.status).toBe(1);
    expect(findings.stdout).toMatch(/\bCR\d{3}\b/);
    expect(findings.stdout).toMatch(/\d+ errors?/);

    const usage = npx(['check', '--solution', join(temp, 'does-not-exist')]);
    expect(usage.status).toBe(2);
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
  });
});
