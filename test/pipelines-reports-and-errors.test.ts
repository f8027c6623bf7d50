// Real pipelines (issue 15) on real corpus kits: SARIF once per finding, Markdown within each
// host's budget, and the error paths a new user meets.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import {
  GITHUB_COMMENT_BUDGET,
  SUMMARY_MAX_BYTES,
  formatMarkdown,
  formatPullRequestComment,
} from '../src/core/format/markdown.js';
import { formatSarif } from '../src/core/format/sarif.js';
import { bigReport } from './format-fixtures.js';
import { corpusDir, hasCorpus } from './helpers/corpus.js';
import { APPROVALS, AUTOMATION, cli, temp, usePipelineTemp } from './helpers/pipelines.js';

usePipelineTemp();

describe.skipIf(!hasCorpus)('SARIF', () => {
  it('gives each finding once and names the settings files a finding in the solution holds for', async () => {
    const { report } = await check({
      solutions: [`${AUTOMATION}/AutomationKitInstaller/src`],
      settings: [`${AUTOMATION}/AutomationKitInstaller/config/*/deploymentSettings.json`],
      cwd: corpusDir,
    });
    // The engine reports 5 CR001 per file (15) and the solution's own findings per file.
    expect(report.findings.filter((f) => f.ruleId === 'CR001')).toHaveLength(15);
    const sarif = JSON.parse(formatSarif(report)) as {
      runs: { results: { ruleId: string; message: { text: string }; locations: unknown[] }[] }[];
    };
    const results = sarif.runs[0]!.results;
    const keys = results.map((r) => JSON.stringify([r.ruleId, r.locations, r.message.text]));
    expect(new Set(keys).size).toBe(keys.length);
    const cr001 = results.filter((r) => r.ruleId === 'CR001');
    expect(cr001).toHaveLength(5);
    for (const result of cr001) {
      expect(result.message.text).toMatch(
        /\(against powercat-automation-kit\/AutomationKitInstaller\/config\/Prod\/deploymentSettings\.json, \S+\/Test\/deploymentSettings\.json and \S+\/Validation\/deploymentSettings\.json\)$/,
      );
    }
    const perSolution = report.findings.filter((f) => f.ruleId === 'CR010' || f.ruleId === 'CR009');
    const sarifPerSolution = results.filter((r) => r.ruleId === 'CR010' || r.ruleId === 'CR009');
    expect(sarifPerSolution.length * 3).toBe(perSolution.length);
  });
});

describe.skipIf(!hasCorpus)('text output with placeholders deferred', () => {
  it('folds the deferred notes to one line per settings file and names the files once', async () => {
    const files = ['Prod', 'Test', 'Validation'].map(
      (stage) => `${AUTOMATION}/AutomationCoEMain/config/${stage}/deploymentSettings.json`,
    );
    const args = ['check', '--solution', `${AUTOMATION}/AutomationCoEMain/src`];
    for (const file of files) args.push('--settings', file);
    const text = await cli([...args, '--placeholders', 'defer']);
    const json = JSON.parse(
      (await cli([...args, '--placeholders', 'defer', '--format', 'json'])).stdout,
    ) as {
      findings: { ruleId: string; severity: string; settings?: string }[];
      deferredVariables: { name: string }[];
    };
    const perFile = json.findings.filter((f) => f.ruleId === 'CR002' && f.settings === files[0]);
    expect(perFile.length).toBeGreaterThan(1);
    const folded = text.stdout.split('\n').filter((l) => /^ {2}note {5}CR002 {2}/.test(l));
    expect(folded).toEqual(
      files.map(
        () =>
          `  note     CR002  ${perFile.length} placeholders left for the deploy stage (placeholders deferred; the variables are listed below)`,
      ),
    );
    expect(text.stdout).toContain(
      `the deploy stage must define ${json.deferredVariables.length} variables (in ${files.join(', ')}):`,
    );
    for (const variable of json.deferredVariables) {
      expect(text.stdout).toMatch(
        new RegExp(`^  ${variable.name.replace(/[.]/g, '\\.')} \\(\\S+\\)$`, 'm'),
      );
    }
    // Without deferral, CR002 is an error per placeholder, shown one by one.
    const resolved = await cli(args);
    expect(resolved.stdout).not.toContain('placeholders left for the deploy stage');
    expect(resolved.stdout.match(/^ {2}error {4}CR002 {2}/gm)!.length).toBe(perFile.length * 3);
  });
});

describe('Markdown budgets', () => {
  it('keeps every table in a job summary over 65,536 characters, and the comment within its limit', () => {
    const report = bigReport(600, 40);
    const summary = formatMarkdown(report, { maxBytes: SUMMARY_MAX_BYTES });
    expect(summary.length).toBeGreaterThan(65_536);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(summary).not.toContain('not shown');
    const comment = formatPullRequestComment(report, {
      failOn: 'error',
      maxLength: GITHUB_COMMENT_BUDGET,
    });
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment).toContain('not shown');
  });

  it('measures the summary in UTF-8 bytes, not characters', () => {
    const report = bigReport(3_000, 10);
    for (const ref of report.solutions[0]!.connectionReferences)
      ref.displayName = '漢字'.repeat(60);
    const summary = formatMarkdown(report, { maxBytes: SUMMARY_MAX_BYTES });
    expect(summary.length).toBeLessThan(SUMMARY_MAX_BYTES);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    const unbounded = formatMarkdown(report, { maxLength: 10_000_000 });
    expect(Buffer.byteLength(unbounded)).toBeGreaterThan(SUMMARY_MAX_BYTES);
  });

  it.skipIf(!hasCorpus)(
    'groups 6 CR002 per settings file into one row each, listing the subjects',
    async () => {
      const { report } = await check({
        solutions: [`${APPROVALS}/BusinessApprovalKit/src`],
        settings: [`${APPROVALS}/BusinessApprovalKit/config/*/deploymentSettings.json`],
        cwd: corpusDir,
      });
      const md = formatMarkdown(report, { maxBytes: SUMMARY_MAX_BYTES });
      const rows = md.split('\n').filter((line) => line.includes('[CR002]'));
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        expect(row).toContain(') ×6 | `cat_BusinessApprovalKitApprovals`');
        expect(row).toMatch(/deploymentSettings\.json`: lines \d+(, \d+){5} \|$/);
      }
      expect(md).toContain('canvas app');
      expect(md).toMatch(/canvas app \S+ \(by connector\)/);
    },
  );
});

describe.skipIf(!hasCorpus)('error paths', () => {
  it('a path that holds no solution is one usage line', async () => {
    mkdirSync(join(temp, 'empty'), { recursive: true });
    const result = await cli(['check', '--solution', join(temp, 'empty')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^connref-gate: no solution in \S+empty: it holds no solution zip/,
    );
  });

  it('a folder given as settings names the deploymentSettings.json inside it', async () => {
    const result = await cli([
      'check',
      '--solution',
      `${AUTOMATION}/AutomationKitScheduler/src`,
      '--settings',
      `${AUTOMATION}/AutomationKitScheduler/config/Prod`,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `connref-gate: settings file ${AUTOMATION}/AutomationKitScheduler/config/Prod is a folder, not a file: give the file inside it: ${AUTOMATION}/AutomationKitScheduler/config/Prod/deploymentSettings.json\n`,
    );
  });

  it('a file that is no zip is not a solution, and is not told to export again', async () => {
    const file = join(temp, 'notes.zip');
    writeFileSync(file, 'meeting notes, not a solution\n');
    const result = await cli(['check', '--solution', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/notes\.zip is not a solution: not a zip file/);
    expect(result.stdout).not.toMatch(/export the solution again/);
  });

  it('an unknown option suggests the nearest one', async () => {
    const typo = await cli(['check', '--solutoin', 'x']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      'connref-gate: unknown option --solutoin; did you mean --solution? (see connref-gate --help)\n',
    );
    expect((await cli(['check', '--placeholder', 'defer'])).stderr).toContain(
      'did you mean --placeholders?',
    );
    expect((await cli(['check', '--settings-per', 'x'])).stderr).toContain(
      'did you mean --settings-per-solution?',
    );
    expect((await cli(['check', '--zzzzzz'])).stderr).not.toContain('did you mean');
    expect((await cli(['check', '--solution', 'x', '--placeholders', 'later'])).stderr).toContain(
      'bad --placeholders later: use resolve or defer',
    );
  });
});
