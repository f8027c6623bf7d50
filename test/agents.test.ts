// Copilot Studio agents (SPEC sections 1, 2, 5; FORMAT-NOTES section 8): read from hand-built
// exports in each physical form, counted as users of connection references by CR010 and the
// report, and named by CR006. The real agent exports are covered by the corpus suites.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import { formatJson } from '../src/core/format/json.js';
import { formatMarkdown } from '../src/core/format/markdown.js';
import { formatText } from '../src/core/format/text.js';
import type { Solution } from '../src/core/model.js';
import { DEFAULT_LIMITS } from '../src/core/options.js';
import { loadYaml, readComponentData } from '../src/core/solution/agents.js';
import { findSolutions } from '../src/core/solution/discovery.js';
import { readSolution } from '../src/core/solution/reader.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crg-agents-'));
  created.push(dir);
  return dir;
}

type Files = Record<string, string | Uint8Array>;

function writeFolder(dir: string, files: Files): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function writeZip(path: string, files: Files): Promise<string> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  writeFileSync(path, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  return path;
}

function utf16(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

const BOT = 'new_helper';
const API = '/providers/Microsoft.PowerApps/apis/';

/** customizations.xml defining these references (logical name, api); the first on line 4. */
function customizations(references: [string, string][]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<ImportExportXml>',
    '<connectionreferences>',
    ...references.map(
      ([name, api]) =>
        `<connectionreference connectionreferencelogicalname="${name}"><connectorid>${API}${api}</connectorid></connectionreference>`,
    ),
    '</connectionreferences>',
    '</ImportExportXml>',
  ].join('\n');
}

function solutionXml(missing: string[] = []): string {
  return `<ImportExportXml><SolutionManifest><UniqueName>Helpdesk</UniqueName><Version>1.0.0.0</Version><Managed>0</Managed><MissingDependencies>${missing
    .map(
      (name) =>
        `<MissingDependency><Required type="connectionreference" id.connectionreferencelogicalname="${name}" /></MissingDependency>`,
    )
    .join('')}</MissingDependencies></SolutionManifest></ImportExportXml>`;
}

function botXml(schema: string, name: string): string {
  return `<bot schemaname="${schema}">\n  <iconbase64>iVBORw0KGgo=</iconbase64>\n  <name>${name}</name>\n</bot>`;
}

function componentXml(schema: string, type: number, name: string, parent?: string): string {
  const parentXml = parent
    ? `\n  <parentbotid>\n    <schemaname>${parent}</schemaname>\n  </parentbotid>`
    : '';
  return `<botcomponent schemaname="${schema}">\n  <componenttype>${type}</componenttype>\n  <name>${name}</name>${parentXml}\n</botcomponent>`;
}

function setXml(set: string, row: string, rows: [string, string, string][]): string {
  return [
    `<${set}>`,
    ...rows.map(
      ([component, key, value]) =>
        `  <${row} botcomponentid.schemaname="${component}" ${key}="${value}">\n    <iscustomizable>1</iscustomizable>\n  </${row}>`,
    ),
    `</${set}>`,
  ].join('\n');
}

const REFS = {
  outlook: `${BOT}.shared_office365.f53107b8e9ae4e90b9d0d2af3c60dee2`,
  search: `${BOT}.cr.ERQq7Off`,
  sharepoint: `${BOT}.cr.5u3XHbAp`,
  teams: `${BOT}.shared_teams.shared-teams-0b6c`,
  setOnly: `${BOT}.shared_sql.0123456789abcdef0123456789abcdef`,
  mcp: `${BOT}.shared_kusto.6cc9018957fa457c9ce24121f987bf0b`,
  unused: 'new_sharedsharepointonline_9d8e7',
};

/**
 * One agent with every form of use: a set row, `connectionReference:` quoted and plain, nested
 * in a topic's list, in a BOM and a UTF-16LE data file, a knowledge source, and a set row for a
 * component whose files are not in the export. Lines are noted where the tests check them.
 */
function agentFiles(): Files {
  return {
    [`bots/${BOT}/bot.xml`]: botXml(BOT, 'Helpdesk Helper'),
    [`bots/${BOT}/configuration.json`]: '{}',
    // An action (TaskDialog) whose data names the reference on line 6.
    [`botcomponents/${BOT}.action.SendMail/botcomponent.xml`]: componentXml(
      `${BOT}.action.SendMail`,
      9,
      'Send mail',
      BOT,
    ),
    [`botcomponents/${BOT}.action.SendMail/data`]: `\uFEFFkind: TaskDialog
modelDisplayName: Send mail
action:
  kind: InvokeConnectorTaskAction
  connectionProperties: {mode: Invoker}
  connectionReference: "${REFS.outlook}"
  operationId: SendEmailV2
`,
    // A topic whose nested list item names a reference (line 9), UTF-16LE, no parentbotid.
    [`botcomponents/${BOT}.topic.Escalate/botcomponent.xml`]: componentXml(
      `${BOT}.topic.Escalate`,
      0,
      'Escalate',
    ),
    [`botcomponents/${BOT}.topic.Escalate/data`]: utf16(
      [
        'kind: AdaptiveDialog',
        'beginDialog:',
        '  kind: OnRecognizedIntent',
        '  id: main',
        '  actions:',
        '    - kind: SendActivity',
        '      activity: Let me find someone',
        '    - kind: InvokeConnectorAction',
        `      connectionReference: ${REFS.teams}`,
        '      operationId: PostMessageToConversation',
        '',
      ].join('\r\n'),
    ),
    // A knowledge source naming its reference in data (line 4) and nothing in the set.
    [`botcomponents/${BOT}.topic.Search/botcomponent.xml`]: componentXml(
      `${BOT}.topic.Search`,
      16,
      'Azure AI Search',
      BOT,
    ),
    [`botcomponents/${BOT}.topic.Search/data`]: `kind: KnowledgeSourceConfiguration
source:
  kind: AzureAISearchSource
  connectionReference: '${REFS.search}'
  indexName: default-index
`,
    // A SharePoint knowledge source: the reference is in dvtablesearch.xml (line 3).
    [`botcomponents/${BOT}.topic.Policies/botcomponent.xml`]: componentXml(
      `${BOT}.topic.Policies`,
      16,
      'Policies',
      BOT,
    ),
    [`botcomponents/${BOT}.topic.Policies/data`]:
      'kind: KnowledgeSourceConfiguration\nsource:\n  kind: SharePointSearchSource\n',
    'dvtablesearchs/0bb6baf7-f920-45b2-a4ef-490ee25901c1/dvtablesearch.xml': `<dvtablesearch dvtablesearchid="0bb6baf7-f920-45b2-a4ef-490ee25901c1">
  <connectionreference>
    <connectionreferencelogicalname>${REFS.sharepoint}</connectionreferencelogicalname>
  </connectionreference>
  <knowledgeconfig>{"$kind": "IngestionBasedGraphSearchConfiguration"}</knowledgeconfig>
  <name>Policies_LYUAL6</name>
</dvtablesearch>`,
    'Assets/botcomponent_dvtablesearchset.xml': setXml(
      'botcomponent_dvtablesearchset',
      'botcomponent_dvtablesearch',
      [
        [
          `${BOT}.topic.Policies`,
          'dvtablesearchid.dvtablesearchid',
          '0bb6baf7-f920-45b2-a4ef-490ee25901c1',
        ],
      ],
    ),
    // A topic without references: still a component of the agent.
    [`botcomponents/${BOT}.topic.Greeting/botcomponent.xml`]: componentXml(
      `${BOT}.topic.Greeting`,
      9,
      'Greeting',
      BOT,
    ),
    [`botcomponents/${BOT}.topic.Greeting/data`]:
      'kind: AdaptiveDialog\nbeginDialog:\n  kind: OnRecognizedIntent\n  actions: []\n',
    // Rows: SendMail (line 2), and a component whose files were left out of the export (line 5).
    'Assets/botcomponent_connectionreferenceset.xml': setXml(
      'botcomponent_connectionreferenceset',
      'botcomponent_connectionreference',
      [
        [
          `${BOT}.action.SendMail`,
          'connectionreferenceid.connectionreferencelogicalname',
          REFS.outlook,
        ],
        [
          `${BOT}.action.RunQuery`,
          'connectionreferenceid.connectionreferencelogicalname',
          REFS.setOnly,
        ],
      ],
    ),
  };
}

const DEFINED: [string, string][] = [
  [REFS.outlook, 'shared_office365'],
  [REFS.search, 'shared_azureaisearch'],
  [REFS.sharepoint, 'shared_sharepointonline'],
  [REFS.teams, 'shared_teams'],
  [REFS.setOnly, 'shared_sql'],
  [REFS.unused, 'shared_sharepointonline'],
];

function extractedFiles(extra: Files = {}, references = DEFINED, missing: string[] = []): Files {
  return {
    'solution.xml': solutionXml(missing),
    'customizations.xml': customizations(references),
    ...agentFiles(),
    ...extra,
  };
}

function unpackedFiles(extra: Files = {}): Files {
  const { 'solution.xml': manifest, 'customizations.xml': custom, ...rest } = extractedFiles(extra);
  return { 'Other/Solution.xml': manifest!, 'Other/Customizations.xml': custom!, ...rest };
}

async function readOne(path: string, cwd: string): Promise<Solution> {
  const [target] = await findSolutions([path], cwd);
  const result = await readSolution(target!, DEFAULT_LIMITS);
  if (!result.ok) throw new Error(result.unreadable.reason);
  return result.solution;
}

async function unreadableReason(path: string, cwd: string): Promise<string> {
  const [target] = await findSolutions([path], cwd);
  const result = await readSolution(target!, DEFAULT_LIMITS);
  if (result.ok) throw new Error('expected SL001');
  return result.unreadable.reason;
}

/** What does not depend on the form: names, kinds and each use's file inside the solution. */
function agentFacts(solution: Solution) {
  return solution.agents.map((agent) => ({
    schemaName: agent.schemaName,
    displayName: agent.displayName,
    hasBotFile: agent.location !== undefined,
    components: agent.components.map((component) => ({
      schemaName: component.schemaName,
      displayName: component.displayName,
      kind: component.kind,
      uses: component.uses.map((use) => [
        use.connectionReference,
        use.location.file.slice(solution.path.length).replace(/^!?\//, ''),
        use.location.line,
      ]),
    })),
  }));
}

const EXPECTED_AGENTS = [
  {
    schemaName: BOT,
    displayName: 'Helpdesk Helper',
    hasBotFile: true,
    components: [
      {
        schemaName: `${BOT}.action.RunQuery`,
        displayName: `${BOT}.action.RunQuery`,
        kind: 'unknown',
        uses: [[REFS.setOnly, 'Assets/botcomponent_connectionreferenceset.xml', 5]],
      },
      {
        schemaName: `${BOT}.action.SendMail`,
        displayName: 'Send mail',
        kind: 'action',
        uses: [
          [REFS.outlook, 'Assets/botcomponent_connectionreferenceset.xml', 2],
          [REFS.outlook, `botcomponents/${BOT}.action.SendMail/data`, 6],
        ],
      },
      {
        schemaName: `${BOT}.topic.Escalate`,
        displayName: 'Escalate',
        kind: 'topic',
        uses: [[REFS.teams, `botcomponents/${BOT}.topic.Escalate/data`, 9]],
      },
      {
        schemaName: `${BOT}.topic.Greeting`,
        displayName: 'Greeting',
        kind: 'topic',
        uses: [],
      },
      {
        schemaName: `${BOT}.topic.Policies`,
        displayName: 'Policies',
        kind: 'knowledge',
        uses: [
          [
            REFS.sharepoint,
            'dvtablesearchs/0bb6baf7-f920-45b2-a4ef-490ee25901c1/dvtablesearch.xml',
            3,
          ],
        ],
      },
      {
        schemaName: `${BOT}.topic.Search`,
        displayName: 'Azure AI Search',
        kind: 'knowledge',
        uses: [[REFS.search, `botcomponents/${BOT}.topic.Search/data`, 4]],
      },
    ],
  },
];

describe('reading agents', () => {
  it('reads bots, components, set rows, data and knowledge sources alike in every form', async () => {
    const dir = tempDir();
    const extracted = writeFolder(join(dir, 'extracted'), extractedFiles());
    const unpacked = writeFolder(join(dir, 'unpacked'), unpackedFiles());
    const zip = await writeZip(join(dir, 'Helpdesk.zip'), extractedFiles());
    for (const path of [extracted, unpacked, zip]) {
      const solution = await readOne(path, dir);
      expect(agentFacts(solution)).toEqual(EXPECTED_AGENTS);
    }
    const fromZip = await readOne(zip, dir);
    expect(fromZip.agents[0]!.location).toEqual({ file: `Helpdesk.zip!/bots/${BOT}/bot.xml` });
  });

  it('attributes a component whose agent is not in the export to an agent known by name', async () => {
    const dir = tempDir();
    const path = writeFolder(
      join(dir, 'solution'),
      extractedFiles({
        // Only the set row: no bot.xml for new_other, no component files.
        'Assets/botcomponent_connectionreferenceset.xml': setXml(
          'botcomponent_connectionreferenceset',
          'botcomponent_connectionreference',
          [
            [
              'new_other.action.Lookup',
              'connectionreferenceid.connectionreferencelogicalname',
              REFS.setOnly,
            ],
          ],
        ),
        // Only a data file: the agent is the bot its name begins with, the kind is the data's.
        [`botcomponents/${BOT}.action.Orphan/data`]: `kind: TaskDialog\naction:\n  connectionReference: ${REFS.teams}\n`,
        // A component naming a parent whose bot.xml is absent.
        'botcomponents/new_third.topic.Ask/botcomponent.xml': componentXml(
          'new_third.topic.Ask',
          9,
          'Ask',
          'new_third',
        ),
      }),
    );
    const solution = await readOne(path, dir);
    expect(
      solution.agents.map((a) => [
        a.schemaName,
        a.location === undefined,
        a.components.map((c) => c.schemaName),
      ]),
    ).toEqual([
      [
        BOT,
        false,
        [
          `${BOT}.action.Orphan`,
          `${BOT}.action.SendMail`,
          `${BOT}.topic.Escalate`,
          `${BOT}.topic.Greeting`,
          `${BOT}.topic.Policies`,
          `${BOT}.topic.Search`,
        ],
      ],
      ['new_other', true, ['new_other.action.Lookup']],
      ['new_third', true, ['new_third.topic.Ask']],
    ]);
    expect(solution.agents[0]!.components[0]).toMatchObject({
      displayName: `${BOT}.action.Orphan`,
      kind: 'action',
      uses: [{ connectionReference: REFS.teams, location: { line: 3 } }],
    });
  });

  it('attributes classic components (no parent, no dot) by bot_botcomponentset, else to the only bot', async () => {
    // Power Virtual Agents exports: `new_topic_<guid>` components whose botcomponent.xml names no
    // parent; the relation set says whose they are.
    const classicBot = 'new_bot_37ca5af80c774e0187928cc81ca8ea7a';
    const classic = (bots: string[], rows: [string, string][], components: string[]): Files => ({
      'solution.xml': solutionXml(),
      'customizations.xml': customizations([]),
      ...Object.fromEntries(bots.map((bot) => [`bots/${bot}/bot.xml`, botXml(bot, `Bot ${bot}`)])),
      ...Object.fromEntries(
        components.map((name) => [
          `botcomponents/${name}/botcomponent.xml`,
          componentXml(name, 0, `Topic ${name}`),
        ]),
      ),
      'Assets/bot_botcomponentset.xml': [
        '<bot_botcomponentset>',
        ...rows.map(
          ([component, bot]) =>
            `  <bot_botcomponent botcomponentid.schemaname="${component}" botid.schemaname="${bot}">\n    <iscustomizable>1</iscustomizable>\n  </bot_botcomponent>`,
        ),
        '</bot_botcomponentset>',
      ].join('\n'),
    });
    const shape = (solution: Solution) =>
      solution.agents.map((a) => [a.schemaName, a.components.map((c) => c.schemaName)]);

    const dir = tempDir();
    const two = await readOne(
      writeFolder(
        join(dir, 'two'),
        classic(
          [classicBot, 'new_bot_second'],
          [
            ['new_topic_a1', classicBot],
            ['new_topic_b2', 'new_bot_second'],
          ],
          ['new_topic_a1', 'new_topic_b2', 'new_topic_c3'],
        ),
      ),
      dir,
    );
    // new_topic_c3 has no row and two bots could own it: it stays an agent of its own name.
    expect(shape(two)).toEqual([
      [classicBot, ['new_topic_a1']],
      ['new_bot_second', ['new_topic_b2']],
      ['new_topic_c3', ['new_topic_c3']],
    ]);

    const one = await readOne(
      writeFolder(
        join(dir, 'one'),
        classic([classicBot], [], ['new_topic_a1', 'new_customtype_x_y']),
      ),
      dir,
    );
    expect(shape(one)).toEqual([[classicBot, ['new_customtype_x_y', 'new_topic_a1']]]);
  });

  it('attributes a knowledge source that no set row links to the agent its reference names', async () => {
    const dir = tempDir();
    const path = writeFolder(
      join(dir, 'solution'),
      extractedFiles({
        'Assets/botcomponent_dvtablesearchset.xml': '<botcomponent_dvtablesearchset />',
      }),
    );
    const solution = await readOne(path, dir);
    const knowledge = solution.agents[0]!.components.find((c) =>
      c.uses.some((u) => u.connectionReference === REFS.sharepoint),
    );
    expect(knowledge).toMatchObject({ displayName: 'Policies_LYUAL6', kind: 'knowledge' });
  });

  it('finds connectionReference at any depth, plain, quoted, in flow style or through an alias', async () => {
    const data = [
      'kind: AdaptiveDialog', // 1
      'beginDialog:', // 2
      '  actions:', // 3
      '    - kind: ConditionGroup', // 4
      '      conditions:', // 5
      '        - actions:', // 6
      '            - {kind: InvokeConnectorAction, connectionReference: "a.cr.one"}', // 7
      '    - kind: ConnectorTool', // 8
      '      connectionReference: &shared a.cr.two', // 9
      '    - kind: ConnectorTool', // 10
      '      connectionReference: *shared', // 11
      '    - kind: Note', // 12
      '      text: "connectionReference: a.cr.not-a-key"', // 13
      '      connectionReference: ""', // 14
    ].join('\n');
    expect(readComponentData(await loadYaml(), data, 'data')).toEqual({
      rootKind: 'AdaptiveDialog',
      references: [
        { name: 'a.cr.one', line: 7 },
        { name: 'a.cr.two', line: 9 },
        { name: 'a.cr.two', line: 11 },
      ],
    });
  });
});

describe('agents in the checks', () => {
  it('CR010: a reference only an agent uses is not unused; one nothing uses is, naming agents', async () => {
    const dir = tempDir();
    const path = writeFolder(join(dir, 'solution'), extractedFiles());
    const { report } = await check({ solutions: [path], cwd: dir });
    const unused = report.findings.filter((f) => f.ruleId === 'CR010');
    expect(unused.map((f) => f.subject)).toEqual([REFS.unused]);
    expect(unused[0]!.message).toContain('no flow, canvas app or agent');
    // The same references without the agent files are unused: the near miss fires.
    const bare = writeFolder(join(dir, 'bare'), {
      'solution.xml': solutionXml(),
      'customizations.xml': customizations(DEFINED),
    });
    const { report: bareReport } = await check({ solutions: [bare], cwd: dir });
    expect(
      bareReport.findings
        .filter((f) => f.ruleId === 'CR010')
        .map((f) => f.subject)
        .sort(),
    ).toEqual(DEFINED.map(([name]) => name).sort());
  });

  it('CR006: an agent naming an undefined reference, at the set row or the data line', async () => {
    const dir = tempDir();
    // The solution defines only the unused reference: every agent use is undefined.
    const path = writeFolder(
      join(dir, 'solution'),
      extractedFiles({}, [[REFS.unused, 'shared_sharepointonline']], [REFS.search]),
    );
    const { report } = await check({ solutions: [path], cwd: dir });
    const undefinedRefs = report.findings
      .filter((f) => f.ruleId === 'CR006')
      .map((f) => [f.subject, f.severity, f.location]);
    expect(undefinedRefs).toEqual(
      expect.arrayContaining([
        [
          REFS.setOnly,
          'error',
          { file: 'solution/Assets/botcomponent_connectionreferenceset.xml', line: 5 },
        ],
        [
          REFS.outlook,
          'error',
          { file: 'solution/Assets/botcomponent_connectionreferenceset.xml', line: 2 },
        ],
        [
          REFS.teams,
          'error',
          { file: `solution/botcomponents/${BOT}.topic.Escalate/data`, line: 9 },
        ],
        // Listed under MissingDependencies: the target must hold it, a warning.
        [
          REFS.search,
          'warning',
          { file: `solution/botcomponents/${BOT}.topic.Search/data`, line: 4 },
        ],
      ]),
    );
    expect(undefinedRefs).toHaveLength(5);
    const outlook = report.findings.find((f) => f.ruleId === 'CR006' && f.subject === REFS.outlook);
    expect(outlook!.message).toMatch(
      /^Agent Helpdesk Helper \(component Send mail\) uses connection reference .* does not define\./,
    );
    // Near miss: with every reference defined there is no CR006.
    const whole = writeFolder(join(dir, 'whole'), extractedFiles());
    const { report: wholeReport } = await check({ solutions: [whole], cwd: dir });
    expect(wholeReport.findings.filter((f) => f.ruleId === 'CR006')).toEqual([]);
  });

  it('shows agents in the report: usedBy, the agents array, the summary line and Used by', async () => {
    const dir = tempDir();
    const path = writeFolder(join(dir, 'solution'), extractedFiles());
    const { report } = await check({ solutions: [path], cwd: dir });
    const json = JSON.parse(formatJson(report));
    const solution = json.solutions[0];
    const outlook = solution.connectionReferences.find(
      (r: { logicalName: string }) => r.logicalName === REFS.outlook,
    );
    expect(outlook.usedBy).toEqual([{ kind: 'agent', name: 'Helpdesk Helper' }]);
    expect(solution.agents[0].name).toBe(BOT);
    expect(solution.agents[0].components[1]).toEqual({
      name: `${BOT}.action.SendMail`,
      kind: 'action',
      connectionReferences: [REFS.outlook],
    });
    expect(formatText(report, { color: false })).toContain(
      '6 connection references, 0 cloud flows, 0 canvas apps, 1 agent, 0 environment variables',
    );
    expect(formatMarkdown(report)).toContain(
      `| \`${REFS.outlook}\` | ${REFS.outlook.replaceAll('_', '\\_')} | \`shared_office365\` | ❌ | agent Helpdesk Helper (Send mail) |`,
    );
  });
});

describe('unreadable agent data', () => {
  it('is SL001 naming the data file when it is not YAML, or nests absurdly deep', async () => {
    const dir = tempDir();
    const cases: [string, RegExp][] = [
      ['kind: TaskDialog\naction:\n  kind: X\n bad: [unclosed\n', /is not valid YAML \(.*line \d+/],
      ['\t- tab: indented\n', /is not valid YAML/],
      [`x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, /nests deeper than Copilot Studio/],
      [Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'), /nests deeper/],
      [`${'- '.repeat(2000)}x\n`, /nests deeper/],
    ];
    for (const [index, [data, reason]] of cases.entries()) {
      const zip = await writeZip(
        join(dir, `Broken${index}.zip`),
        extractedFiles({ [`botcomponents/${BOT}.topic.Greeting/data`]: data }),
      );
      const message = await unreadableReason(zip, dir);
      expect(message).toMatch(reason);
      expect(message).toContain(`Broken${index}.zip!/botcomponents/${BOT}.topic.Greeting/data`);
      expect(message).not.toMatch(/\n/);
    }
  });

  it('reads deep-looking text that is not deep nesting: rules, brackets in strings', async () => {
    const data = [
      'kind: GptComponentMetadata',
      'instructions: |-',
      `  ${'-'.repeat(500)}`,
      `  Answer with [links] and {placeholders} ${'[x] '.repeat(150)}`,
      `  ${'='.repeat(500)}`,
      'action:',
      '  connectionReference: a.cr.ok',
    ].join('\n');
    expect(readComponentData(await loadYaml(), data, 'data').references).toEqual([
      { name: 'a.cr.ok', line: 7 },
    ]);
  });

  it('is SL001 for a Dataverse Git-integration YAML tree, naming the format', async () => {
    const dir = tempDir();
    writeFolder(join(dir, 'repo'), {
      'solutions/Helpdesk/solution.yml': "'@name': Helpdesk\n",
      'solutions/Helpdesk/solutioncomponents.yml': '[]\n',
    });
    for (const given of [
      'repo',
      'repo/solutions/Helpdesk',
      'repo/solutions/Helpdesk/solution.yml',
    ]) {
      const { report } = await check({ solutions: [join(dir, given)], cwd: dir });
      expect(report.findings.map((f) => [f.ruleId, f.solution, f.location?.file])).toEqual([
        ['SL001', 'repo/solutions/Helpdesk', 'repo/solutions/Helpdesk'],
      ]);
      expect(report.findings[0]!.message).toMatch(/Dataverse Git-integration YAML source/);
      expect(report.findings[0]!.message).toMatch(/pac solution pack/);
      expect(report.findings[0]!.message).not.toMatch(/no solution\.xml/);
    }
  });
});
