import { describe, expect, it } from 'vitest';
import {
  COMMENT_MARKER,
  commentState,
  escapeCell,
  formatJson,
  formatMarkdown,
  formatPullRequestComment,
  formatReport,
  formatText,
} from '../src/core/format/index.js';
import type { Finding } from '../src/core/model.js';
import { ruleDocsUrl } from '../src/core/version.js';
import { bigReport, coreSolution, emptyReport, findings, makeReport } from './format-fixtures.js';

const ANSI = new RegExp(String.fromCharCode(27) + '\\[');

describe('formatJson', () => {
  it('prints the SPEC section 5 shape with a fixed key order and a trailing newline', () => {
    const text = formatJson(makeReport());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "tool": {');
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['tool', 'solutions', 'findings', 'summary']);
    expect(json.tool).toEqual({ name: 'connref-gate', version: '0.1.0' });
    expect(Object.keys(json.solutions[0])).toEqual([
      'path',
      'uniqueName',
      'version',
      'managed',
      'connectionReferences',
      'flows',
      'canvasApps',
      'agents',
      'environmentVariables',
    ]);
    // The components of an agent user are for the markdown view; the JSON keeps SPEC's shape.
    expect(json.solutions[0].connectionReferences[0]).toEqual({
      logicalName: 'new_sharedoffice365_7684e',
      displayName: 'Office 365 Outlook',
      connectorId: '/providers/Microsoft.PowerApps/apis/shared_office365',
      custom: false,
      bound: false,
      usedBy: [
        { kind: 'flow', name: 'Send invoice' },
        { kind: 'agent', name: 'Helpdesk | Agent' },
      ],
    });
    expect(json.solutions[0].agents).toEqual([
      {
        name: 'new_helpdeskAgent',
        displayName: 'Helpdesk | Agent',
        components: [
          {
            name: 'new_helpdeskAgent.action.SendMail',
            kind: 'action',
            connectionReferences: ['new_sharedoffice365_7684e'],
          },
          { name: 'new_helpdeskAgent.topic.Greeting', kind: 'topic', connectionReferences: [] },
        ],
      },
    ]);
    expect(json.solutions[0].flows[0].connections[1]).toEqual({
      key: 'shared_approvals',
      api: 'shared_approvals',
      connectionReference: null,
    });
    expect(json.solutions[0].canvasApps[0]).toEqual({
      name: 'new_invoiceapp_1a2b3',
      displayName: 'Invoice app',
      connectors: [
        { id: '/providers/microsoft.powerapps/apis/shared_new-5ferp-5fabc', custom: true },
      ],
    });
    expect(Object.keys(json.solutions[0].environmentVariables[0])).toEqual([
      'schemaName',
      'type',
      'hasDefault',
      'hasCurrentValue',
      'bound',
    ]);
    expect(json.findings[0]).toEqual({
      ruleId: 'CR001',
      severity: 'error',
      message: 'Connection reference new_sharedoffice365_7684e has no settings entry.',
      solution: 'ContosoCore',
      subject: 'new_sharedoffice365_7684e',
      location: { file: 'solutions/ContosoCore/Other/Customizations.xml', line: 12 },
    });
    expect(json.summary).toEqual({ errors: 3, warnings: 1, notes: 1 });
  });

  it('omits location without a file and line without a line', () => {
    const json = JSON.parse(formatJson(makeReport()));
    expect('location' in json.findings[1]).toBe(false);
    expect(json.findings[4].location).toEqual({ file: 'broken/Old.zip' });
  });

  it('keeps the same key order however the report objects were built', () => {
    const shuffled = makeReport({
      findings: [
        {
          location: { line: 3, file: 'a.json' },
          subject: 's',
          solution: 'ContosoCore',
          message: 'm',
          severity: 'warning',
          ruleId: 'CR004',
        } as Finding,
      ],
    });
    const finding = JSON.parse(formatJson(shuffled)).findings[0];
    expect(Object.keys(finding)).toEqual([
      'ruleId',
      'severity',
      'message',
      'solution',
      'subject',
      'location',
    ]);
    expect(Object.keys(finding.location)).toEqual(['file', 'line']);
  });

  it('names the settings file of a finding only when there is one', () => {
    const report = makeReport({ findings: [{ ...findings[0]!, settings: 'config/Test.json' }] });
    expect(JSON.parse(formatJson(report)).findings[0].settings).toBe('config/Test.json');
  });

  it('is byte-identical across runs', () => {
    expect(formatJson(makeReport())).toBe(formatJson(makeReport()));
  });
});

describe('formatText', () => {
  it('has no ANSI codes without colour, and has them with colour', () => {
    expect(formatText(makeReport(), { color: false })).not.toMatch(ANSI);
    expect(formatText(makeReport(), { color: true })).toMatch(ANSI);
  });

  it('groups by solution, most severe first, with file:line, rule, severity, subject and message', () => {
    const text = formatText(makeReport(), { color: false });
    const core = text.indexOf('ContosoCore 1.0.0.4 (unmanaged) solutions/ContosoCore');
    const extra = text.indexOf('ContosoExtra 2.0.0.0 (managed)');
    const broken = text.indexOf('\nbroken/Old.zip\n');
    expect(core).toBeGreaterThanOrEqual(0);
    expect(extra).toBeGreaterThan(core);
    expect(broken).toBeGreaterThan(extra);
    const coreBlock = text.slice(core, extra);
    expect(coreBlock).toContain(
      '\n  2 connection references, 1 cloud flow, 1 canvas app, 1 agent, 1 environment variable\n',
    );
    expect(text).toContain(
      '\n  0 connection references, 0 cloud flows, 0 canvas apps, 0 agents, 0 environment variables\n',
    );
    expect(coreBlock).toContain('error    CR001  new_sharedoffice365_7684e');
    expect(coreBlock).toContain('solutions/ContosoCore/Other/Customizations.xml:12');
    expect(coreBlock).toContain('has no settings entry');
    expect(coreBlock.indexOf('EV001')).toBeLessThan(coreBlock.indexOf('CR010'));
    expect(coreBlock).toContain('note     CR010');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '2 solutions checked: 3 errors, 1 warning, 1 note',
    );
  });

  it('orders by severity even when the report lists a note first', () => {
    const report = makeReport({ findings: [findings[3]!, findings[0]!] });
    const text = formatText(report, { color: false });
    expect(text.indexOf('CR001')).toBeLessThan(text.indexOf('CR010'));
  });

  it('says when a solution has no findings', () => {
    expect(formatText(emptyReport(), { color: false })).toContain('  no findings\n');
  });

  it('neutralizes control characters that come from the solution', () => {
    const report = makeReport({
      findings: [{ ...findings[0]!, subject: 'evil\u001b[2Jname', message: 'a\u0007b' }],
    });
    const text = formatText(report, { color: false });
    expect(text).not.toMatch(ANSI);
    expect(text).toContain('evil\\u001b[2Jname');
  });
});

describe('formatMarkdown', () => {
  it('shows per solution the references, the variables and the findings with doc links', () => {
    const md = formatMarkdown(makeReport(), { failOn: 'error' });
    expect(md.startsWith('## ❌ connref-gate: fails the gate\n')).toBe(true);
    expect(md).toContain('### ContosoCore 1.0.0.4 (unmanaged)');
    expect(md).toContain('| Logical name | Display name | Connector | Bound | Used by |');
    expect(md).toContain(
      '| `new_sharedoffice365_7684e` | Office 365 Outlook | `shared_office365` | ❌ | flow Send invoice<br>agent Helpdesk \\| Agent (Send mail &lt;now&gt;) |',
    );
    expect(md).toContain(
      '`solutions/ContosoCore`: 2 connection references, 1 cloud flow, 1 canvas app, 1 agent, 1 environment variable',
    );
    expect(md).toContain('| `new_SiteUrl` | String | — | ❌ |');
    expect(md).toContain(`[CR001](${ruleDocsUrl('CR001')})`);
    expect(md).toContain('`solutions/ContosoCore/Other/Customizations.xml:12`');
    // An unreadable solution still gets its findings.
    expect(md).toContain('### `broken/Old.zip`');
    expect(md.indexOf('CR001')).toBeLessThan(md.indexOf('CR010'));
  });

  it('passes with fail-on never and without a failOn has a plain title', () => {
    expect(formatMarkdown(makeReport(), { failOn: 'never' })).toMatch(
      /^## ✅ connref-gate: passes/,
    );
    expect(formatMarkdown(makeReport())).toMatch(/^## connref-gate report\n/);
  });

  it('escapes |, <, > and newlines inside cells so that rows stay intact', () => {
    expect(escapeCell('a|b<c>d\ne&f')).toBe('a\\|b&lt;c&gt;d<br>e&amp;f');
    const report = makeReport({
      findings: [{ ...findings[0]!, subject: 'x|y<script>', message: 'line one\nline | two' }],
    });
    const md = formatMarkdown(report);
    expect(md).not.toContain('<script>');
    expect(md).toContain('SharePoint \\| Docs &lt;main&gt;');
    const row = md.split('\n').find((line) => line.includes('line one'))!;
    expect(row).toContain('line one<br>line \\| two');
    // 5 columns: 6 unescaped pipes.
    expect(row.replace(/\\\|/g, '').split('|').length - 1).toBe(6);
  });

  it('groups findings by settings file when several were checked', () => {
    const report = makeReport({
      solutions: [coreSolution],
      findings: [
        { ...findings[0]!, settings: 'config/Test.json' },
        { ...findings[0]!, settings: 'config/Prod.json' },
        { ...findings[3]!, settings: 'config/Prod.json' },
      ],
      summary: { errors: 2, warnings: 0, notes: 1 },
    });
    const md = formatMarkdown(report);
    expect(md).toContain('#### Findings against `config/Test.json` (1)');
    // CR010 needs no settings: it is listed with the solution's own findings, not per file.
    expect(md).toContain('#### Findings against `config/Prod.json` (1)');
    expect(md).toContain(
      '#### Findings in the solution, the same against each of the 2 settings files (1)',
    );
  });

  it('shows references and variables by settings file, with short column names', () => {
    const settingsFiles = [
      'config/Prod/deploymentSettings.json',
      'config/Test/deploymentSettings.json',
    ];
    const [prod, test] = settingsFiles;
    const cr010 = findings[3]!;
    const report = makeReport({
      solutions: [coreSolution],
      settingsFiles,
      findings: [
        { ...findings[0]!, settings: test },
        { ...findings[1]!, settings: test },
        {
          ...findings[0]!,
          ruleId: 'CR003',
          severity: 'warning',
          subject: 'new_sharedsharepointonline_1a2b3',
          settings: prod,
        },
        { ...cr010, settings: prod },
        { ...cr010, settings: test },
      ],
      summary: { errors: 2, warnings: 1, notes: 2 },
    });
    const md = formatMarkdown(report);
    expect(md).toContain(
      [
        '#### Connection references by settings file (2)',
        '',
        '| Logical name | `Prod` | `Test` |',
        '| --- | --- | --- |',
        '| `new_sharedoffice365_7684e` | ✅ | ❌ CR001 |',
        '| `new_sharedsharepointonline_1a2b3` | ⚠️ CR003 | ✅ |',
        '',
        '#### Environment variables by settings file (1)',
        '',
        '| Schema name | `Prod` | `Test` |',
        '| --- | --- | --- |',
        '| `new_SiteUrl` | ✅ | ❌ EV001 |',
      ].join('\n'),
    );
    expect(md).toContain(`\`Prod\` is \`${prod}\``);
    expect(md).toContain(
      '1 solution checked against 2 settings files: 2 errors, 1 warning, 2 notes (a finding in the solution counts once per settings file)',
    );
    // The note is listed once, and each file gets its own section.
    expect(md.match(/CR010\.md/g)).toHaveLength(1);
    expect(md).toContain(`#### Findings against \`${prod}\` (1)`);
    expect(md).toContain(`#### Findings against \`${test}\` (2)`);

    const text = formatText(report, { color: false });
    expect(text).toContain(
      '  In the solution, the same against each of the 2 settings files:\n  note     CR010',
    );
    expect(text).toContain(`  Against ${prod}:\n  warning  CR003`);
    expect(text).toContain(`  Against ${test}:\n  error    CR001`);
    expect(text).not.toContain('settings config/');
  });

  it('marks every cell of an unusable settings file as DS001 and lists a file without findings', () => {
    const files = ['env/a.json', 'env/b.json'];
    const report = makeReport({
      solutions: [coreSolution],
      settingsFiles: files,
      findings: [
        {
          ruleId: 'DS001',
          severity: 'error',
          message: 'a.json (line 1, column 1): not valid JSON',
          solution: 'ContosoCore',
          subject: 'a.json',
          location: { file: 'env/a.json', line: 1 },
          settings: 'env/a.json',
        },
      ],
      summary: { errors: 1, warnings: 0, notes: 0 },
    });
    const md = formatMarkdown(report);
    expect(md).toContain('| `new_sharedoffice365_7684e` | ❌ DS001 | ✅ |');
    expect(md).toContain('#### Findings against `env/b.json` (0)\n\nNo findings.');
    expect(formatText(report, { color: false })).toContain('  Against env/b.json: no findings');
  });

  it('stays within maxLength by shortening tables first and keeping findings', () => {
    const report = bigReport(400, 60);
    const full = formatMarkdown(report, { maxLength: 1_000_000 });
    expect(full.length).toBeGreaterThan(20_000);
    const md = formatMarkdown(report, { maxLength: 20_000 });
    expect(md.length).toBeLessThanOrEqual(20_000);
    expect(md).toMatch(/more connection references not shown|connection references not shown/);
    // Every finding survives when shrinking the tables is enough: repeated ones as one row per
    // rule that counts them and lists their subjects.
    expect(md).not.toContain('more findings not shown');
    expect(md).toMatch(/\[CR001\]\([^)]*\) ×40 \| `new_sharedconnector1_abcde`, /);
    expect(md).toMatch(/\[CR010\]\([^)]*\) ×20 \| `new_sharedconnector0_abcde`, /);
  });

  it('drops the least severe findings last, with a clear count of what is missing', () => {
    const report = bigReport(50, 400);
    const md = formatMarkdown(report, { maxLength: 1_500 });
    expect(md.length).toBeLessThanOrEqual(1_500);
    expect(md).toMatch(/… \d+ more findings not shown/);
    expect(md).toContain('❌ error');
    expect(md).not.toContain('ℹ️ note');
  });

  it('respects the default 60,000 budget on a very large report', () => {
    const md = formatMarkdown(bigReport(5_000, 5_000));
    expect(md.length).toBeLessThanOrEqual(60_000);
    // 5,000 findings of two rules are two rows: nothing needs to be dropped.
    expect(md).not.toContain('more findings not shown');
    expect(md).toContain(' ×3333 | ');
    expect(md).toContain(' ×1667 | ');
    expect(md).toMatch(/`new_sharedconnector1_abcde`, [^|]* and \d+ more \|/);
  });

  it('cuts hard only when nothing else fits', () => {
    const md = formatMarkdown(makeReport(), { maxLength: 120 });
    expect(md.length).toBeLessThanOrEqual(120);
    expect(md).toContain('cut to fit the size limit');
  });
});

describe('formatPullRequestComment', () => {
  it('starts with the hidden markers and states a failing gate', () => {
    const body = formatPullRequestComment(makeReport(), { failOn: 'error' });
    expect(body.startsWith(`${COMMENT_MARKER}\n<!-- connref-gate:state=fail -->\n`)).toBe(true);
    expect(body).toContain('❌ connref-gate: fails the gate');
    expect(commentState(body)).toBe('fail');
  });

  it('announces that earlier problems are fixed when it passes after a failure', () => {
    const previous = formatPullRequestComment(makeReport(), { failOn: 'error' });
    const body = formatPullRequestComment(emptyReport(), {
      failOn: 'error',
      previousBody: previous,
    });
    expect(commentState(body)).toBe('pass');
    expect(body).toContain('✅ connref-gate: passes the gate');
    expect(body).toContain('All clear: the problems reported earlier are fixed');
  });

  it('does not announce a fix without an earlier failure', () => {
    const passing = formatPullRequestComment(emptyReport(), { failOn: 'error' });
    expect(passing).not.toContain('All clear');
    const again = formatPullRequestComment(emptyReport(), {
      failOn: 'error',
      previousBody: passing,
    });
    expect(again).not.toContain('All clear');
    expect(
      formatPullRequestComment(emptyReport(), { failOn: 'error', previousBody: 'hi' }),
    ).not.toContain('All clear');
  });

  it('follows fail-on: warnings fail with fail-on warning, nothing fails with never', () => {
    const warningsOnly = makeReport({
      findings: [findings[2]!],
      summary: { errors: 0, warnings: 1, notes: 0 },
    });
    expect(commentState(formatPullRequestComment(warningsOnly, { failOn: 'warning' }))).toBe(
      'fail',
    );
    expect(commentState(formatPullRequestComment(warningsOnly, { failOn: 'error' }))).toBe('pass');
    expect(commentState(formatPullRequestComment(makeReport(), { failOn: 'never' }))).toBe('pass');
  });

  it('links the run and keeps the markers within the size budget', () => {
    const body = formatPullRequestComment(bigReport(2_000, 2_000), {
      failOn: 'error',
      runUrl: 'https://example.test/run/1',
      maxLength: 10_000,
    });
    expect(body.length).toBeLessThanOrEqual(10_000);
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toContain('[run details](https://example.test/run/1)');
  });
});

describe('markdown run link', () => {
  it('keeps a run URL with parentheses or spaces inside the link', () => {
    const md = formatMarkdown(emptyReport(), { runUrl: 'https://x.test/a (1)' });
    expect(md).toContain('[run details](https://x.test/a%20%281%29)');
  });
});

describe('formatReport', () => {
  it('dispatches by format name', () => {
    const report = makeReport();
    expect(formatReport(report, 'json')).toBe(formatJson(report));
    expect(formatReport(report, 'text')).toBe(formatText(report, { color: false }));
    expect(JSON.parse(formatReport(report, 'sarif')).version).toBe('2.1.0');
    expect(formatReport(report, 'markdown', { failOn: 'error' })).toBe(
      formatMarkdown(report, { failOn: 'error' }),
    );
  });
});
