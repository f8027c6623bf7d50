// Real pipelines (issue 15) on real corpus kits and their settings: pull-request validation with
// placeholders deferred and the deploy stage that resolves them, and monorepos (one shared
// settings file, or each solution paired with its own).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, checkSolutions } from '../src/core/engine.js';
import { corpusDir, hasCorpus } from './helpers/corpus.js';
import { makeReference, makeSolution } from './helpers/make-solution.js';
import {
  APPROVALS,
  AUTOMATION,
  COMPLETE,
  PER_SOLUTION,
  cli,
  deployEnvironment,
  temp,
  usePipelineTemp,
} from './helpers/pipelines.js';
import { usableSettings } from './helpers/settings.js';

usePipelineTemp();

describe.skipIf(!hasCorpus)('pull-request validation with placeholders deferred', () => {
  it('passes the complete kits against all their environments, with the variables listed once', async () => {
    const { report } = await check({
      solutions: [COMPLETE, APPROVALS],
      settingsPerSolution: [PER_SOLUTION],
      placeholders: 'defer',
      cwd: corpusDir,
    });
    expect(report.solutions.map((s) => s.uniqueName)).toEqual([
      'AutomationCoEMain',
      'AutomationKitScheduler',
      'BusinessApprovalKit',
      'Office365Integration',
    ]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
    const cr002 = report.findings.filter((f) => f.ruleId === 'CR002');
    // 12 references of AutomationCoEMain and 6 of BusinessApprovalKit, against 3 files each.
    expect(cr002).toHaveLength((12 + 6) * 3);
    expect(cr002.every((f) => f.severity === 'note')).toBe(true);
    expect(cr002[0]!.message).toMatch(
      /^ConnectionId of connection reference \S+ holds the placeholder #\{connectionreference\.\S+\}#, left for the deploy stage \(placeholders deferred\)\. The deploy stage must define the variable connectionreference\.\S+ \(exposed as CONNECTIONREFERENCE_\S+\)\.$/,
    );
    // Each variable once, with the three environments that need it.
    const names = report.deferredVariables!.map((v) => v.name);
    expect(names).toHaveLength(18);
    expect(new Set(names).size).toBe(18);
    expect(names).toContain('connectionreference.cat_BusinessApprovalKitApprovals');
    const approvals = report.deferredVariables!.find(
      (v) => v.name === 'connectionreference.cat_BusinessApprovalKitApprovals',
    )!;
    expect(approvals).toEqual({
      name: 'connectionreference.cat_BusinessApprovalKitApprovals',
      environmentName: 'CONNECTIONREFERENCE_CAT_BUSINESSAPPROVALKITAPPROVALS',
      settings: ['Prod', 'Test', 'Validation'].map(
        (env) => `${APPROVALS}/BusinessApprovalKit/config/${env}/deploymentSettings.json`,
      ),
    });
    // Each solution with its own three files, no sibling's.
    for (const solution of report.solutions) {
      expect(solution.settings).toHaveLength(3);
      for (const file of solution.settings!) expect(file).toContain(solution.path.split('/')[1]);
    }
  });

  it('the same PR check on the CLI exits 0 with --fail-on warning; resolving instead fails with CR002', async () => {
    const args = [
      'check',
      '--solution',
      COMPLETE,
      APPROVALS,
      '--settings-per-solution',
      PER_SOLUTION,
      '--fail-on',
      'warning',
    ];
    const deferred = await cli([...args, '--placeholders', 'defer', '--format', 'json']);
    expect(deferred.stderr).toBe('');
    expect(deferred.code).toBe(0);
    const json = JSON.parse(deferred.stdout) as { deferredVariables: { name: string }[] };
    expect(json.deferredVariables).toHaveLength(18);
    const resolved = await cli(args);
    expect(resolved.code).toBe(1);
    expect(resolved.stdout).toMatch(/error\s+CR002/);
  });

  it('the deploy stage resolves every variable and passes strictly, printing no value', async () => {
    const settings = `${AUTOMATION}/AutomationCoEMain/config/Prod/deploymentSettings.json`;
    const solution = `${AUTOMATION}/AutomationCoEMain/src`;
    const pr = await check({
      solutions: [solution],
      settings: [settings],
      placeholders: 'defer',
      cwd: corpusDir,
    });
    const env = deployEnvironment(pr.report);
    const resolvedFile = join(temp, 'resolved.json');
    const deploy = await cli(
      [
        'check',
        '--solution',
        solution,
        '--settings',
        settings,
        '--resolved-settings',
        resolvedFile,
        '--format',
        'markdown',
      ],
      env,
    );
    expect(deploy.code).toBe(0);
    expect(deploy.stdout).not.toMatch(/CR002/);
    for (const value of Object.values(env)) expect(deploy.stdout).not.toContain(value);
    const written = JSON.parse(readFileSync(resolvedFile, 'utf8')) as {
      ConnectionReferences: { ConnectionId: string }[];
    };
    expect(written.ConnectionReferences).toHaveLength(12);
    expect(written.ConnectionReferences.every((r) => /^[0-9a-f]{32}$/.test(r.ConnectionId))).toBe(
      true,
    );
    // A deploy stage never writes resolved settings with placeholders deferred.
    const refused = await cli([
      'check',
      '--solution',
      solution,
      '--settings',
      settings,
      '--placeholders',
      'defer',
      '--resolved-settings',
      join(temp, 'never.json'),
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not written with placeholders deferred/);
  });

  it('keeps a partly substituted (secret) value out of the list and the message', () => {
    const solution = makeSolution({ connectionReferences: [makeReference('cr_a', 'shared_sql')] });
    const text = JSON.stringify({
      ConnectionReferences: [{ LogicalName: 'cr_a', ConnectionId: '#{SECRET_PART}#-#{LATER}#' }],
    });
    const settings = usableSettings(text, {
      path: 's.json',
      env: { SECRET_PART: 'very-secret-value' },
    });
    const report = checkSolutions([{ ok: true, solution }], [settings], {}, [], 'defer');
    expect(report.deferredVariables).toEqual([]);
    const finding = report.findings.find((f) => f.ruleId === 'CR002')!;
    expect(finding.severity).toBe('note');
    expect(finding.message).not.toContain('LATER');
    expect(finding.message).not.toContain('very-secret-value');
  });
});

describe.skipIf(!hasCorpus)('monorepos', () => {
  it('pairs each PowerCAT solution with its own config folder, whatever depth its src is at', async () => {
    // The real layout is <Solution>/SolutionPackage/src: one level deeper than the corpus copy.
    const repo = join(temp, 'alm-repo');
    const src = join(corpusDir, AUTOMATION, 'AutomationKitScheduler');
    mkdirSync(join(repo, 'AutomationKitScheduler', 'SolutionPackage'), { recursive: true });
    cpSync(join(src, 'src'), join(repo, 'AutomationKitScheduler', 'SolutionPackage', 'src'), {
      recursive: true,
    });
    cpSync(join(src, 'config'), join(repo, 'AutomationKitScheduler', 'config'), {
      recursive: true,
    });
    const { report } = await check({
      solutions: ['.'],
      settingsPerSolution: ['config/Prod/deploymentSettings.json'],
      cwd: repo,
    });
    expect(report.solutions[0]!.settings).toEqual([
      'AutomationKitScheduler/config/Prod/deploymentSettings.json',
    ]);
    expect(report.findings).toEqual([]);
  });

  it('judges a shared settings file against all its solutions and reports a stale entry once', async () => {
    const references = [
      'crf6d_aiSearchConnectionExample.cr.ERQq7Off',
      'cr541_monitoringAgent.shared_a365mcpservers.ed39095124b34b639f451a39961046ac',
      'cr541_monitoringAgent.shared_azuremonitorlogs.dce5fdbe18894cf4b334abe210ccab99',
      'cr541_monitoringAgent.shared_commondataserviceforapps.1962f97f6c5f497aaa09f9d08a130f6f',
      'cr541_monitoringAgent.shared_kusto.6cc9018957fa457c9ce24121f987bf0b',
      'cr541_monitoringAgent.shared_powerplatformadminv2.2606ec06d8934c279415dadd928964e2',
    ];
    const shared = join(temp, 'shared-settings.json');
    const write = (extra: string[]) =>
      writeFileSync(
        shared,
        JSON.stringify(
          {
            EnvironmentVariables: [],
            ConnectionReferences: [...references, ...extra].map((name, i) => ({
              LogicalName: name,
              ConnectionId: `4a1e6c0b5f2d4e8a9b7c3d2e1f0a9b${String(i).padStart(2, '0')}`,
            })),
          },
          null,
          2,
        ),
      );
    const solutions = [
      'copilot-studio-azure-ai-search/GoldAgent/src',
      'dataverse-monitoring-agent/src',
    ];
    write([]);
    const clean = await cli([
      'check',
      '--solution',
      ...solutions,
      '--settings',
      shared,
      '--fail-on',
      'warning',
    ]);
    expect(clean.stdout).not.toMatch(/CR004/);
    expect(clean.code).toBe(0);

    write(['cr_removed_long_ago']);
    const { report } = await check({ solutions, settings: [shared], cwd: corpusDir });
    const stale = report.findings.filter((f) => f.ruleId === 'CR004');
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({
      severity: 'warning',
      subject: 'cr_removed_long_ago',
      solution: stale[0]!.location!.file,
    });
    expect(stale[0]!.message).toContain(
      'which none of the 2 solutions checked with it (GoldAgent and DataverseMonitoringAgent) defines',
    );
  });

  it('says when no settings file is found beside any solution, and refuses --settings with it', async () => {
    const none = await cli([
      'check',
      '--solution',
      COMPLETE,
      '--settings-per-solution',
      'config/Nowhere/deploymentSettings.json',
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^connref-gate: no settings file matches config\/Nowhere/);
    const both = await cli([
      'check',
      '--solution',
      COMPLETE,
      '--settings',
      `${AUTOMATION}/AutomationCoEMain/config/Prod/deploymentSettings.json`,
      '--settings-per-solution',
      PER_SOLUTION,
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(
      /either settings files for every solution or settings per solution/,
    );
  });
});
