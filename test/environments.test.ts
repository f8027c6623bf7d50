// Several settings files (environments) end to end: the real Business Approvals Kit with its
// config/{Prod,Test,Validation} files, and the example with config/{Test,Prod}.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import { formatMarkdown, formatText } from '../src/core/format/index.js';
import { corpusDir, hasCorpus } from './helpers/corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('several settings files', () => {
  it.skipIf(!hasCorpus)(
    'BusinessApprovalKit: a matrix by environment, unbound tokens everywhere until the pipeline fills them',
    async () => {
      const kit = 'powercat-business-approvals-kit/BusinessApprovalKit';
      const options = {
        solutions: [`${kit}/src`],
        settings: [`${kit}/config/*/deploymentSettings.json`],
        cwd: corpusDir,
      };
      const { report } = await check(options);
      expect(report.settingsFiles).toEqual(
        ['Prod', 'Test', 'Validation'].map((env) => `${kit}/config/${env}/deploymentSettings.json`),
      );
      const md = formatMarkdown(report, { failOn: 'error' });
      expect(md).toContain('| Logical name | `Prod` | `Test` | `Validation` |');
      expect(md).toContain(
        '| `cat_BusinessApprovalKitApprovals` | ❌ CR002 | ❌ CR002 | ❌ CR002 |',
      );
      expect(md).toContain('against 3 settings files');

      // With the ALM Accelerator tokens filled from the environment (A_B form of a.b):
      const env: Record<string, string> = {};
      for (const ref of report.solutions[0]!.connectionReferences) {
        env[`CONNECTIONREFERENCE_${ref.logicalName.toUpperCase()}`] =
          '4a1e6c0b5f2d4e8a9b7c3d2e1f0a9b8c';
      }
      const filled = await check({ ...options, env });
      // The same variables fill every file, so every column turns green.
      expect(formatMarkdown(filled.report)).toContain(
        '| `cat_BusinessApprovalKitApprovals` | ✅ | ✅ | ✅ |',
      );
      expect(filled.report.findings.filter((f) => f.ruleId === 'CR002')).toEqual([]);
      expect(filled.secrets).toEqual(['4a1e6c0b5f2d4e8a9b7c3d2e1f0a9b8c']);
    },
  );

  it('contoso-invoices: text grouped per settings file, markdown matrix of Test and Prod', async () => {
    const { report } = await check({
      solutions: ['examples/contoso-invoices/src'],
      settings: ['examples/contoso-invoices/config/*/deploymentSettings.json'],
      cwd: ROOT,
    });
    const text = formatText(report, { color: false });
    const lines = text.split('\n');
    const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    expect(at('  In the solution, the same against each of the 2 settings files:')).toBeGreaterThan(
      0,
    );
    expect(
      at('  Against examples/contoso-invoices/config/Prod/deploymentSettings.json:'),
    ).toBeGreaterThan(at('  In the solution'));
    expect(
      at('  Against examples/contoso-invoices/config/Test/deploymentSettings.json:'),
    ).toBeGreaterThan(at('  Against examples/contoso-invoices/config/Prod'));
    // CR007 (a flow's direct connection) is listed once, not once per file.
    expect(lines.filter((l) => /^ {2}error +CR007/.test(l))).toHaveLength(1);
    const md = formatMarkdown(report);
    expect(md).toContain(
      '| `contoso_sharedcontoso5ferp5f0a1b2c3d4e5f6a7b_c1d2e` | ⚠️ CR003 | ❌ CR001 |',
    );
    expect(md).toContain('| `contoso_InvoiceSiteUrl` | ✅ | ❌ EV002 |');
  });
});
