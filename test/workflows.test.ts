// The GitHub workflows and action.yml against the published schemas (@action-validator/core,
// offline), the release workflow's shape, and its shell steps run for real: the tag check against
// package.json and CHANGELOG.md, and the move of the major tag in a scratch repository.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const WORKFLOWS = join(ROOT, '.github', 'workflows');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push?: { tags?: string[] }; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<
    string,
    { permissions?: Record<string, string>; env?: Record<string, string>; steps: Step[] }
  >;
}

const release = parse(readFileSync(join(WORKFLOWS, 'release.yml'), 'utf8')) as Workflow;
const steps = release.jobs['release']!.steps;
const step = (name: RegExp): Step => {
  const found = steps.find((s) => name.test(s.name ?? s.uses ?? ''));
  expect(found, String(name)).toBeDefined();
  return found!;
};
const indexOf = (name: RegExp) => steps.findIndex((s) => name.test(s.name ?? s.uses ?? ''));

let temp: string;

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'connref-gate-workflows-'));
});

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

function bash(script: string, cwd: string, env: Record<string, string>) {
  return spawnSync('bash', ['-c', script], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', HOME: temp, ...env },
    encoding: 'utf8',
  });
}

describe('schemas', () => {
  it.each(readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name)))(
    '.github/workflows/%s is a valid workflow',
    (name) => {
      expect(validateWorkflow(readFileSync(join(WORKFLOWS, name), 'utf8')).errors).toEqual([]);
    },
  );

  it('action.yml is a valid action on node24', () => {
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    expect((parse(text) as { runs: { using: string; main: string } }).runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
    });
    // @action-validator/core 0.6.0 carries a schema from before node24 (its enum stops at
    // node20), which GitHub's runners have since replaced by node24: the rest is checked with node20.
    expect(validateAction(text).errors.map((e) => ('path' in e ? e.path : e.code))).toEqual([
      '/runs',
    ]);
    const older = text.replace(/^ {2}using: node24$/m, '  using: node20');
    expect(older).not.toBe(text);
    expect(validateAction(older).errors).toEqual([]);
  });

  it('the validator rejects a misspelt key (so the tests above can fail)', () => {
    const broken = readFileSync(join(WORKFLOWS, 'release.yml'), 'utf8').replace(
      'runs-on: ubuntu-latest',
      'runs_on: ubuntu-latest',
    );
    expect(validateWorkflow(broken).errors).not.toEqual([]);
  });
});

describe('release.yml', () => {
  it('runs on a v1.x.y tag (and by hand for an existing tag), with write access only in its job', () => {
    expect(release.on.push).toEqual({ tags: ['v1.*.*'] });
    expect(release.on.workflow_dispatch).toBeDefined();
    expect(release.permissions).toEqual({ contents: 'read' });
    expect(release.jobs['release']!.permissions).toEqual({
      contents: 'write',
      'id-token': 'write',
    });
  });

  it('checks out the tag, on Node 24, and verifies it as CI does before it publishes anything', () => {
    expect(step(/^actions\/checkout@/).with).toMatchObject({ 'fetch-depth': 0 });
    expect(step(/^actions\/setup-node@/).with).toMatchObject({ 'node-version': 24 });
    const order = [
      /^actions\/checkout@/,
      /^actions\/setup-node@/,
      /tag is package\.json's version/,
      /^Verify/,
      /Azure DevOps extension/,
      /GitHub release/,
      /major tag/,
      /npm/,
    ].map(indexOf);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(step(/^Verify/).run).toBe('bash .ci/run');
  });

  it('builds the .vsix for the publisher in the repository variable and attaches it to the release', () => {
    const vsix = step(/Azure DevOps extension/);
    expect(vsix.env).toEqual({ CONNREF_GATE_PUBLISHER: '${{ vars.MARKETPLACE_PUBLISHER }}' });
    expect(vsix.run).toMatch(
      /^npm run package:ado -- --no-build --output-path "\$RUNNER_TEMP\/vsix"$/,
    );
    const publish = step(/GitHub release/);
    expect(publish.env).toEqual({ GH_TOKEN: '${{ github.token }}' });
    expect(publish.run).toMatch(/gh release create "\$TAG" "\$vsix" --verify-tag/);
    expect(publish.run).toContain('--notes-file "$RUNNER_TEMP/release-notes.md"');
  });

  it('publishes to npm with provenance only when the NPM_TOKEN secret is set', () => {
    const npm = step(/npm/);
    expect(npm.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
    expect(npm.run).toContain('npm publish --provenance --access public');
    const skipped = bash(npm.run!, temp, { VERSION: pkg.version, NODE_AUTH_TOKEN: '' });
    expect(skipped.status).toBe(0);
    expect(skipped.stdout).toBe(
      `::notice::no NPM_TOKEN secret: connref-gate ${pkg.version} is not published to npm\n`,
    );
  });

  it("accepts the tag of package.json's version, writes the notes and VERSION", () => {
    const env = join(temp, 'github_env');
    writeFileSync(env, '');
    const run = bash(step(/tag is package\.json's version/).run!, ROOT, {
      TAG: `v${pkg.version}`,
      RUNNER_TEMP: temp,
      GITHUB_ENV: env,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(env, 'utf8')).toBe(`VERSION=${pkg.version}\n`);
    const notes = readFileSync(join(temp, 'release-notes.md'), 'utf8');
    expect(notes).toMatch(/^### Added$/m);
    expect(notes).not.toMatch(/^## /m);
  });

  it('refuses a tag that is not the version in package.json', () => {
    const run = bash(step(/tag is package\.json's version/).run!, ROOT, {
      TAG: 'v1.99.0',
      RUNNER_TEMP: temp,
      GITHUB_ENV: join(temp, 'github_env'),
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      `::error::tag v1.99.0 is not v${pkg.version}, the version in package.json\n`,
    );
  });

  it('moves the major tag to the released commit and pushes it over the old one', () => {
    const origin = join(temp, 'origin.git');
    const clone = join(temp, 'clone');
    const git = (cwd: string, ...args: string[]) => {
      const run = spawnSync('git', args, {
        cwd,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@t.invalid',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@t.invalid',
        },
      });
      expect(run.status, run.stderr).toBe(0);
      return run.stdout.trim();
    };
    git(temp, 'init', '-q', '--bare', origin);
    git(temp, 'clone', '-q', origin, clone);
    git(clone, 'commit', '-q', '--allow-empty', '-m', 'one');
    git(clone, 'tag', 'v1');
    git(clone, 'commit', '-q', '--allow-empty', '-m', 'two');
    git(clone, 'tag', '-a', '-m', 'release', 'v1.2.3');
    git(clone, 'push', '-q', 'origin', 'HEAD:refs/heads/main', '--tags');
    const released = git(clone, 'rev-parse', 'HEAD');
    expect(git(origin, 'rev-parse', 'v1^{commit}')).not.toBe(released);

    const run = bash(step(/major tag/).run!, clone, { TAG: 'v1.2.3' });
    expect(run.status, run.stderr).toBe(0);
    expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(released);
    expect(git(origin, 'rev-parse', 'v1.2.3^{commit}')).toBe(released);
  });
});

describe('scripts/release-notes.mjs', () => {
  const notes = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/release-notes.mjs', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it("prints the version's CHANGELOG.md section without its heading and the link references", () => {
    const run = notes(pkg.version);
    expect(run.status).toBe(0);
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    const start = changelog.indexOf(`## [${pkg.version}]`);
    expect(changelog.slice(start)).toContain(run.stdout.trim());
    expect(run.stdout).not.toMatch(/^\[[^\]]+\]: /m);
    expect(run.stdout.length).toBeGreaterThan(200);
  });

  it('fails in one line for a version without a section', () => {
    const file = join(temp, 'CHANGELOG.md');
    writeFileSync(file, '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-02\n\n- x\n');
    expect(notes('1.0.0', file).stdout).toBe('- x\n');
    const run = notes('1.0.1', file);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no "## [1.0.1] - YYYY-MM-DD" section');
  });
});
