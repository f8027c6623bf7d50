// One version for everything a release ships: package.json (the npm package and the tag the
// release workflow checks), the core's VERSION (reports, --version), the Azure DevOps task and
// extension, and a CHANGELOG.md entry in the Keep a Changelog form.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/core/version.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const json = <T>(path: string) => JSON.parse(read(path)) as T;

const pkg = json<{ version: string }>('package.json');

describe('version', () => {
  it('is a semantic version, the same in package.json and the core', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(VERSION).toBe(pkg.version);
  });

  it('is the Azure DevOps task version (its Major is the ConnrefGate@N users pin) and the extension version', () => {
    const task = json<{ version: { Major: number; Minor: number; Patch: number } }>(
      'ado-task/ConnrefGate/task.json',
    );
    const { Major, Minor, Patch } = task.version;
    expect(`${Major}.${Minor}.${Patch}`).toBe(pkg.version);
    expect(json<{ version: string }>('ado-task/vss-extension.json').version).toBe(pkg.version);
  });

  it('has its CHANGELOG.md entry under an [Unreleased] section, with compare links', () => {
    const changelog = read('CHANGELOG.md');
    const headings = [...changelog.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
    expect(headings[0]).toBe('[Unreleased]');
    const releases = headings.slice(1);
    for (const heading of releases)
      expect(heading).toMatch(/^\[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$/);
    expect(releases[0]).toMatch(new RegExp(`^\\[${pkg.version.replace(/\./g, '\\.')}\\] - `));
    // Newest first.
    const dates = releases.map((heading) => heading.slice(-10));
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(changelog).toMatch(
      /^\[unreleased\]: https:\/\/github\.com\/.+\/compare\/v.+\.\.\.HEAD$/m,
    );
    expect(changelog).toContain(`\n[${pkg.version}]: https://github.com/`);
    // Only the section names Keep a Changelog defines.
    for (const [, section] of changelog.matchAll(/^### (.+)$/gm)) {
      expect(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']).toContain(section);
    }
  });
});
