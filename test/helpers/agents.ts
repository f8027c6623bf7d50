// A hand-built Copilot Studio export (SPEC sections 1, 2, 5; FORMAT-NOTES section 8): one agent
// using connection references in every form the formats allow, written as an extracted folder,
// an unpacked folder or a zip, and the facts reading it must give in each form.
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Solution } from '../../src/core/model.js';
import { API } from './make-solution.js';
import { readOne, type Files } from './solution-files.js';

export async function writeZip(path: string, files: Files): Promise<string> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  writeFileSync(path, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  return path;
}

function utf16(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

export const BOT = 'new_helper';

/** customizations.xml defining these references (logical name, api); the first on line 4. */
export function customizations(references: [string, string][]): string {
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

export function solutionXml(missing: string[] = []): string {
  return `<ImportExportXml><SolutionManifest><UniqueName>Helpdesk</UniqueName><Version>1.0.0.0</Version><Managed>0</Managed><MissingDependencies>${missing
    .map(
      (name) =>
        `<MissingDependency><Required type="connectionreference" id.connectionreferencelogicalname="${name}" /></MissingDependency>`,
    )
    .join('')}</MissingDependencies></SolutionManifest></ImportExportXml>`;
}

export function botXml(schema: string, name: string): string {
  return `<bot schemaname="${schema}">\n  <iconbase64>iVBORw0KGgo=</iconbase64>\n  <name>${name}</name>\n</bot>`;
}

export function componentXml(schema: string, type: number, name: string, parent?: string): string {
  const parentXml = parent
    ? `\n  <parentbotid>\n    <schemaname>${parent}</schemaname>\n  </parentbotid>`
    : '';
  return `<botcomponent schemaname="${schema}">\n  <componenttype>${type}</componenttype>\n  <name>${name}</name>${parentXml}\n</botcomponent>`;
}

export function setXml(set: string, row: string, rows: [string, string, string][]): string {
  return [
    `<${set}>`,
    ...rows.map(
      ([component, key, value]) =>
        `  <${row} botcomponentid.schemaname="${component}" ${key}="${value}">\n    <iscustomizable>1</iscustomizable>\n  </${row}>`,
    ),
    `</${set}>`,
  ].join('\n');
}

export const REFS = {
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

export const DEFINED: [string, string][] = [
  [REFS.outlook, 'shared_office365'],
  [REFS.search, 'shared_azureaisearch'],
  [REFS.sharepoint, 'shared_sharepointonline'],
  [REFS.teams, 'shared_teams'],
  [REFS.setOnly, 'shared_sql'],
  [REFS.unused, 'shared_sharepointonline'],
];

export function extractedFiles(
  extra: Files = {},
  references = DEFINED,
  missing: string[] = [],
): Files {
  return {
    'solution.xml': solutionXml(missing),
    'customizations.xml': customizations(references),
    ...agentFiles(),
    ...extra,
  };
}

export function unpackedFiles(extra: Files = {}): Files {
  const { 'solution.xml': manifest, 'customizations.xml': custom, ...rest } = extractedFiles(extra);
  return { 'Other/Solution.xml': manifest!, 'Other/Customizations.xml': custom!, ...rest };
}

/** Reads the one solution at `path`, which must be readable. */
export async function readValidSolution(path: string, cwd: string): Promise<Solution> {
  const result = await readOne(path, cwd);
  if (!result.ok) throw new Error(result.unreadable.reason);
  return result.solution;
}

/** The SL001 reason of the one solution at `path`, which must be unreadable. */
export async function unreadableReason(path: string, cwd: string): Promise<string> {
  const result = await readOne(path, cwd);
  if (result.ok) throw new Error('expected SL001');
  return result.unreadable.reason;
}

/** What does not depend on the form: names, kinds and each use's file inside the solution. */
export function agentFacts(solution: Solution) {
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

export const EXPECTED_AGENTS = [
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
