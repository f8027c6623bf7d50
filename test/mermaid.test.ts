// Every diagram the Markdown views draw is parsed by Mermaid's own parser (the `mermaid` package,
// given a jsdom window for the sanitizer it needs): the diagrams of every corpus solution, full
// and summarized, of hostile names, and every ```mermaid block of the summary and the PR comment.
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import {
  formatMarkdown,
  formatPullRequestComment,
  SUMMARY_MAX_BYTES,
} from '../src/core/format/markdown.js';
import {
  DIAGRAM_CONNECTOR_LIMIT,
  connectionDiagram,
  mermaidText,
} from '../src/core/format/mermaid.js';
import type { Finding, Report, ReportSolution } from '../src/core/model.js';
import { corpusDir, hasCorpus } from './helpers/corpus.js';
import { bigReport, coreSolution, makeReport } from './format-fixtures.js';

// Mermaid's sanitizer (DOMPurify) needs a window when it loads; the rest of this file, which reads
// the corpus, keeps Node's own globals (jsdom's URL would not do for file paths).
const { window } = new JSDOM('');
Object.assign(globalThis, { window, document: window.document });
const mermaid = (await import('mermaid')).default;

beforeAll(() => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
});

/** Parses with Mermaid; rejects with Mermaid's own error on a syntax error. */
async function parse(source: string): Promise<void> {
  const result = await mermaid.parse(source);
  expect(result).toMatchObject({ diagramType: expect.stringMatching(/^flowchart/) });
}

/** The ```mermaid blocks of a Markdown document. */
function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((match) => match[1]!);
}

const HOSTILE = [
  "quote \" and 'single'",
  'brackets ] [ ( ) { } |',
  '<script>alert(1)</script> & <img src=x onerror=alert(1)>',
  'backticks ``` break out `of` the fence',
  'hash #quot; #35; entity #lt;',
  'semicolon; end; graph TD; click r0 call alert()',
  '%% comment %%{init: {"theme":"dark"}}%%',
  'line\nbreak\r\nand\ttab \u2028 \u0007',
  'end',
  'subgraph',
  '-->|label| x --> y',
  'émojis 🚀 and ünïcödé',
  'a'.repeat(500),
];

function hostileSolution(): ReportSolution {
  return {
    ...coreSolution,
    connectionReferences: HOSTILE.map((name, i) => ({
      logicalName: name,
      displayName: name,
      connectorId: `/providers/Microsoft.PowerApps/apis/${i % 2 === 0 ? name : 'shared_office365'}`,
      custom: false,
      bound: i % 3 === 0,
      usedBy: [
        { kind: 'flow' as const, name },
        { kind: 'canvasApp' as const, name: `${name} app` },
        { kind: 'agent' as const, name: `${name} agent` },
      ],
    })),
    flows: [
      {
        name: HOSTILE[0]!,
        file: 'Workflows/x.json',
        connections: [{ key: 'k', api: HOSTILE[2]!, connectionReference: 'missing "ref" ]' }],
      },
    ],
  };
}

const hostileFindings: Finding[] = HOSTILE.map((name, i) => ({
  ruleId: i % 2 === 0 ? 'CR003' : 'CR002',
  severity: 'error',
  message: 'x',
  solution: 'ContosoCore',
  subject: name,
}));

describe('Mermaid parser in this test', () => {
  it('rejects a broken diagram, so that a syntax error fails these tests', async () => {
    await expect(mermaid.parse('flowchart LR\n  a["unterminated] --> b\n')).rejects.toThrow();
    await expect(mermaid.parse('flowchart LR\n  a["x"] -->\n')).rejects.toThrow();
    // The same name written raw, without mermaidText, breaks the diagram.
    await expect(mermaid.parse(`flowchart LR\n  r0["${HOSTILE[0]}"]\n`)).rejects.toThrow();
  });
});

describe('connectionDiagram', () => {
  it('draws users, references and connectors, and marks unbound and mismatched references', async () => {
    const findings: Finding[] = [
      {
        ruleId: 'CR003',
        severity: 'error',
        message: 'x',
        solution: 'ContosoCore',
        subject: 'new_sharedsharepointonline_1a2b3',
      },
    ];
    const source = connectionDiagram(coreSolution, findings, { mode: 'full', deferred: false })!;
    await parse(source);
    expect(source).toMatch(/^flowchart LR\n/);
    expect(source).toContain('r0["new_sharedoffice365_7684e · unbound"]');
    expect(source).toContain('r1["new_sharedsharepointonline_1a2b3 · connector mismatch"]');
    expect(source).toContain('["flow: Send invoice"]');
    expect(source).toContain('class r0 unbound');
    expect(source).toContain('class r1 mismatch');
  });

  it('marks a reference whose placeholder is deferred as bound at deploy, not unbound', async () => {
    const findings: Finding[] = [
      {
        ruleId: 'CR002',
        severity: 'note',
        message: 'x',
        solution: 'ContosoCore',
        subject: 'new_sharedoffice365_7684e',
      },
    ];
    const source = connectionDiagram(coreSolution, findings, { mode: 'full', deferred: true })!;
    await parse(source);
    expect(source).toContain('· bound at deploy');
    expect(source).toContain('class r0 deferred');
  });

  it('escapes hostile names so that every form parses and nothing breaks out', async () => {
    const solution = hostileSolution();
    for (const mode of ['full', 'summary'] as const) {
      for (const deferred of [false, true]) {
        const source = connectionDiagram(solution, hostileFindings, { mode, deferred })!;
        await parse(source);
        // Labels hold no raw quote, angle bracket, backtick or line break of a name.
        for (const line of source.split('\n')) {
          const label = /\["(.*)"\]$/.exec(line)?.[1];
          if (label !== undefined) expect(label).not.toMatch(/["<>`\r\n]/);
        }
        expect(source).not.toContain('```');
        expect(source).not.toContain('%%');
        expect(source).not.toContain('<script');
      }
    }
    expect(mermaidText('a"b<c>`d#e;f')).toBe('a#34;b#60;c#62;#96;d#35;e#59;f');
    expect([...mermaidText('x'.repeat(500))]).toHaveLength(60);
  });

  it('agents are drawn from usedBy entries of kind agent', async () => {
    const solution: ReportSolution = {
      ...coreSolution,
      connectionReferences: [
        {
          ...coreSolution.connectionReferences[0]!,
          usedBy: [{ kind: 'agent', name: 'Monitoring agent' }],
        },
      ],
    };
    const source = connectionDiagram(solution, [], { mode: 'full', deferred: false })!;
    await parse(source);
    expect(source).toContain('["agent: Monitoring agent"]');
    expect(source).toMatch(/g\d+ --> r0/);
  });

  it('draws a reference an agent names but the solution does not define (CR006) from the agent', async () => {
    const name = 'cr8dc_helper.shared_office365.f53107b8e9ae4e90b9d0d2af3c60dee2';
    const solution: ReportSolution = {
      ...coreSolution,
      agents: [
        {
          name: 'cr8dc_helper',
          displayName: 'Helper',
          components: [
            { name: 'cr8dc_helper.action.Send', kind: 'action', connectionReferences: [name] },
            // The same reference in another case is one node, as CR006 counts it once.
            {
              name: 'cr8dc_helper.topic.Ask',
              kind: 'topic',
              connectionReferences: [name.toUpperCase()],
            },
          ],
        },
      ],
    };
    const source = connectionDiagram(solution, [], { mode: 'full', deferred: false })!;
    await parse(source);
    expect(source.match(/· not in the solution/g)).toHaveLength(1);
    expect(source).toContain('["agent: Helper"]');
    expect(source).toMatch(/g\d+ --> m0/);
    expect(source).toMatch(/m0 --> \w+/);
    expect(source).toContain('shared_office365');
  });

  it('summarizes a large solution by connector, within a bounded size', async () => {
    const report = bigReport(400, 0);
    const solution = report.solutions[0]!;
    const source = connectionDiagram(solution, [], { mode: 'full', deferred: false })!;
    await parse(source);
    const nodes = source.split('\n').filter((line) => /^\s+\w+\[".*"\]$/.test(line));
    // One node per user kind, at most DIAGRAM_CONNECTOR_LIMIT connectors and one for the rest.
    expect(nodes.length).toBeLessThanOrEqual(3 + DIAGRAM_CONNECTOR_LIMIT + 1);
    // 400 flows use the 400 references; the fixture's own flow uses one the solution lacks.
    expect(source).toContain('flows["401 cloud flows"]');
    expect(source).toMatch(/more\["371 more connectors · 371 references"\]/);
    expect(source.length).toBeLessThan(8_000);
  });
});

describe('diagrams in the Markdown views', () => {
  it('puts a parsable diagram in the summary and the PR comment, and none when turned off', async () => {
    const report = makeReport();
    const summary = formatMarkdown(report, { maxBytes: SUMMARY_MAX_BYTES, failOn: 'error' });
    const comment = formatPullRequestComment(report, { failOn: 'error' });
    const blocks = [...mermaidBlocks(summary), ...mermaidBlocks(comment)];
    expect(blocks.length).toBe(2);
    for (const block of blocks) await parse(block);
    expect(summary).toContain('#### Connections');
    expect(summary).toContain('dotted: a canvas app uses its connector');
    expect(mermaidBlocks(formatMarkdown(report, { diagram: false }))).toEqual([]);
    expect(
      mermaidBlocks(formatPullRequestComment(report, { failOn: 'error', diagram: false })),
    ).toEqual([]);
  });

  it('summarizes, then drops the diagram before the tables under a tight budget', async () => {
    const report = bigReport(35, 10);
    const full = formatMarkdown(report, { maxLength: 1_000_000 });
    expect(full).not.toContain('summarized by connector');
    const blocksFull = mermaidBlocks(full);
    expect(blocksFull).toHaveLength(1);
    await parse(blocksFull[0]!);
    const fullLength = full.length;
    const diagramLength = blocksFull[0]!.length;
    const tighter = formatMarkdown(report, { maxLength: fullLength - diagramLength / 2 });
    expect(tighter).toContain('Connections (summarized by connector)');
    expect(tighter).not.toContain('not shown');
    for (const block of mermaidBlocks(tighter)) await parse(block);
  });

  it.skipIf(!hasCorpus)(
    'parses the diagram of every corpus solution, full and summarized, alone and with its settings',
    async () => {
      const runs: Report[] = [];
      runs.push((await check({ solutions: ['.'], cwd: corpusDir })).report);
      for (const kit of ['powercat-automation-kit', 'powercat-business-approvals-kit']) {
        runs.push(
          (
            await check({
              solutions: [kit],
              settingsPerSolution: ['config/*/deploymentSettings.json'],
              placeholders: 'defer',
              cwd: corpusDir,
            })
          ).report,
        );
      }
      let parsed = 0;
      for (const report of runs) {
        for (const solution of report.solutions) {
          const findings = report.findings.filter((f) => f.solution === solution.uniqueName);
          for (const mode of ['full', 'summary'] as const) {
            const source = connectionDiagram(solution, findings, {
              mode,
              deferred: report.deferredVariables !== undefined,
            });
            if (source === undefined) continue;
            await parse(source);
            parsed++;
          }
        }
        for (const block of mermaidBlocks(
          formatMarkdown(report, { maxBytes: SUMMARY_MAX_BYTES }),
        )) {
          await parse(block);
          parsed++;
        }
      }
      expect(parsed).toBeGreaterThan(60);
    },
  );

  it.skipIf(!hasCorpus)('draws the agents of the agent solutions', async () => {
    const { report } = await check({
      solutions: [join('dataverse-monitoring-agent', 'src')],
      cwd: corpusDir,
    });
    const source = connectionDiagram(report.solutions[0]!, report.findings, {
      mode: 'full',
      deferred: false,
    })!;
    await parse(source);
    expect(source.split('\n').filter((line) => /^\s+r\d+\[/.test(line))).toHaveLength(5);
  });
});
