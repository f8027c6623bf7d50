// The engine's check (src/core/engine.ts) on files: the shipped example against its settings,
// placeholders from the environment, usage errors, and real corpus solutions.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import { UsageError } from '../src/core/errors.js';
import { corpusDir, hasCorpus } from './helpers/corpus.js';

describe('check (files)', () => {
  const repo = join(import.meta.dirname, '..');
  const example = 'examples/contoso-invoices';

  it.skipIf(!existsSync(join(repo, example)))(
    'checks the example against its Test and Prod settings',
    async () => {
      const { report, settingsFiles, secrets } = await check({
        solutions: [`${example}/src`],
        settings: [`${example}/config/*/deploymentSettings.json`],
        cwd: repo,
      });
      expect(settingsFiles.map((s) => s.path)).toEqual([
        `${example}/config/Prod/deploymentSettings.json`,
        `${example}/config/Test/deploymentSettings.json`,
      ]);
      expect(secrets).toEqual([]);
      const byFile = (file: string) =>
        [
          ...new Set(
            report.findings
              .filter((f) => f.settings === `${example}/config/${file}/deploymentSettings.json`)
              .map((f) => `${f.ruleId} ${f.severity}`),
          ),
        ].sort();
      expect(byFile('Prod')).toEqual([
        'CR003 warning',
        'CR006 warning',
        'CR007 error',
        'CR008 error',
        'CR010 note',
      ]);
      expect(byFile('Test')).toEqual([
        'CR001 error',
        'CR002 error',
        'CR004 warning',
        'CR006 warning',
        'CR007 error',
        'CR008 error',
        'CR010 note',
        'EV002 error',
        'EV003 error',
      ]);
    },
  );

  it.skipIf(!existsSync(join(repo, example)))(
    'substitutes placeholders from env and keeps the value out of the report',
    async () => {
      const secret = '0123456789abcdef0123456789abcdef';
      const { report, secrets, settingsFiles } = await check({
        solutions: [`${example}/src`],
        settings: [`${example}/config/Test/deploymentSettings.json`],
        cwd: repo,
        env: { CONNECTIONREFERENCE_CONTOSO_SHAREDCOMMONDATASERVICEFORAPPS_7F3A1: secret },
        rules: { CR010: 'off' },
      });
      expect(secrets).toEqual([secret]);
      expect(settingsFiles[0]!.connectionReferences[0]).toMatchObject({
        connectionId: secret,
        secret: true,
      });
      expect(report.findings.some((f) => f.ruleId === 'CR002')).toBe(false);
      expect(report.findings.some((f) => f.ruleId === 'CR010')).toBe(false);
      expect(report.findings.every((f) => f.settings === undefined)).toBe(true);
      expect(JSON.stringify(report)).not.toContain(secret);
    },
  );

  it('rejects a settings path that does not exist and an unknown rule id as usage errors', async () => {
    await expect(
      check({ solutions: [`${example}/src`], settings: ['nope.json'], cwd: repo }),
    ).rejects.toThrow(UsageError);
    await expect(
      check({ solutions: [`${example}/src`], cwd: repo, rules: { XX001: 'off' } }),
    ).rejects.toThrow(/unknown rule id "XX001"/);
  });
});

describe.skipIf(!hasCorpus)('check (corpus)', () => {
  const kit = 'powercat-business-approvals-kit/BusinessApprovalKit';

  it('binds all six ALM Accelerator tokens from pipeline variables without leaking them', async () => {
    const names = [
      'Approvals',
      'Dataverse',
      'MicrosoftGraphMailboxSetting',
      'MicrosoftTeams',
      'O365Outlook',
      'O365Users',
    ];
    const env = Object.fromEntries(
      names.map((n, i) => [
        `CONNECTIONREFERENCE_CAT_BUSINESSAPPROVALKIT${n.toUpperCase()}`,
        `secret-connection-${i}-5b1d2c3e`,
      ]),
    );
    const { report, secrets } = await check({
      solutions: [`${kit}/src`],
      settings: [`${kit}/config/Prod/deploymentSettings.json`],
      cwd: corpusDir,
      env,
    });
    expect(secrets).toHaveLength(6);
    expect(report.findings.filter((f) => ['CR001', 'CR002'].includes(f.ruleId))).toEqual([]);
    expect(report.solutions[0]!.connectionReferences.every((r) => r.bound)).toBe(true);
    const json = JSON.stringify(report);
    for (const value of Object.values(env)) expect(json).not.toContain(value);
  });

  it('gives the same bytes on two runs over several solutions', async () => {
    const options = {
      solutions: ['powercat-automation-kit', 'coe-starter-kit-2021'],
      cwd: corpusDir,
    };
    const first = await check(options);
    const second = await check(options);
    expect(JSON.stringify(second.report)).toBe(JSON.stringify(first.report));
    const paths = first.report.solutions.map((s) => s.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths.length).toBe(10);
  });
});
