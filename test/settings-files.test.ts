// Settings files read from disk (src/core/settings.ts): read errors as unusable settings, and the
// real settings files of the corpus, pac's and the ALM Accelerator's alike.
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettingsFile } from '../src/core/settings.js';
import { corpusDir, hasCorpus } from './helpers/corpus.js';

describe('readSettingsFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'connref-settings-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file', async () => {
    const path = join(dir, 'deploymentSettings.json');
    await writeFile(path, '{"EnvironmentVariables":[{"SchemaName":"a","Value":"#{A}#"}]}');
    const result = await readSettingsFile(path, 'deploymentSettings.json', { A: 'x' });
    expect(result).toMatchObject({
      settings: { environmentVariables: [{ value: 'x', secret: true }] },
    });
  });

  it('turns a read error into unusable settings with a reason', async () => {
    const result = await readSettingsFile(join(dir, 'missing.json'), 'missing.json');
    expect(result).toMatchObject({
      unusable: { path: 'missing.json', location: { file: 'missing.json' } },
    });
    if ('unusable' in result)
      expect(result.unusable.reason).toMatch(/^missing\.json: cannot be read/);
    const folder = await readSettingsFile(dir, 'config');
    expect('unusable' in folder).toBe(true);
  });
});

describe.skipIf(!hasCorpus)('corpus settings files', () => {
  const configFiles: string[] = [];
  if (hasCorpus) {
    for (const kit of readdirSync(corpusDir).filter((d) => d.startsWith('powercat-'))) {
      for (const solution of readdirSync(join(corpusDir, kit))) {
        const config = join(corpusDir, kit, solution, 'config');
        if (!existsSync(config)) continue;
        for (const stage of readdirSync(config))
          configFiles.push(join(kit, solution, 'config', stage));
      }
    }
  }

  it('finds the real settings files', () => {
    expect(configFiles.length).toBeGreaterThanOrEqual(18);
  });

  it.each(configFiles)('%s/deploymentSettings.json parses', async (stage) => {
    const path = join(stage, 'deploymentSettings.json');
    const result = await readSettingsFile(join(corpusDir, path), path);
    if ('unusable' in result) throw new Error(result.unusable.reason);
    for (const ref of result.settings.connectionReferences) {
      expect(ref.logicalName).not.toBe('');
      expect(ref.location.line).toBeGreaterThan(1);
    }
  });

  it.each(configFiles)(
    '%s/customDeploymentSettings.json is DS001 naming what it is',
    async (stage) => {
      const path = join(stage, 'customDeploymentSettings.json');
      const result = await readSettingsFile(join(corpusDir, path), path);
      if (!('unusable' in result)) throw new Error('expected DS001');
      expect(result.unusable.reason).toContain('customDeploymentSettings.json (ALM Accelerator');
    },
  );

  it('the ALM Accelerator pipeline sample is DS001 naming what it is', async () => {
    const path =
      'deployment-settings-misc/coe-alm-accelerator-templates/deployment-settings.sample.json';
    const result = await readSettingsFile(join(corpusDir, path), path);
    if (!('unusable' in result)) throw new Error('expected DS001');
    expect(result.unusable.reason).toMatch(
      /^deployment-settings\.sample\.json \(line 1, column 1\): this is an ALM Accelerator pipeline/,
    );
  });

  it('keeps the key lines of the PowerShell-formatted BusinessApprovalKit file', async () => {
    const path =
      'powercat-business-approvals-kit/BusinessApprovalKit/config/Prod/deploymentSettings.json';
    const result = await readSettingsFile(join(corpusDir, path), path);
    if ('unusable' in result) throw new Error(result.unusable.reason);
    const [first] = result.settings.connectionReferences;
    expect(first).toMatchObject({
      logicalName: 'cat_BusinessApprovalKitApprovals',
      connectionId: '#{connectionreference.cat_BusinessApprovalKitApprovals}#',
      location: { line: 7, column: 38 },
      connectionIdLocation: { line: 8, column: 38 },
      connectorIdLocation: { line: 9, column: 38 },
    });
  });
});
