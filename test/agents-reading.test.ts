// Copilot Studio agents read from hand-built exports in each physical form (SPEC section 1;
// FORMAT-NOTES section 8), and agent data that cannot be read (SL001). The real agent exports are
// covered by the corpus suites.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import type { Solution } from '../src/core/model.js';
import { loadYaml, readComponentData } from '../src/core/solution/agents.js';
import {
  BOT,
  EXPECTED_AGENTS,
  REFS,
  agentFacts,
  botXml,
  componentXml,
  customizations,
  extractedFiles,
  readValidSolution,
  setXml,
  solutionXml,
  unpackedFiles,
  unreadableReason,
  writeZip,
} from './helpers/agents.js';
import { removeTempDirs, tempDir, writeFiles, type Files } from './helpers/solution-files.js';

afterAll(removeTempDirs);

describe('reading agents', () => {
  it('reads bots, components, set rows, data and knowledge sources alike in every form', async () => {
    const dir = tempDir();
    const extracted = writeFiles(join(dir, 'extracted'), extractedFiles());
    const unpacked = writeFiles(join(dir, 'unpacked'), unpackedFiles());
    const zip = await writeZip(join(dir, 'Helpdesk.zip'), extractedFiles());
    for (const path of [extracted, unpacked, zip]) {
      const solution = await readValidSolution(path, dir);
      expect(agentFacts(solution)).toEqual(EXPECTED_AGENTS);
    }
    const fromZip = await readValidSolution(zip, dir);
    expect(fromZip.agents[0]!.location).toEqual({ file: `Helpdesk.zip!/bots/${BOT}/bot.xml` });
  });

  it('attributes a component whose agent is not in the export to an agent known by name', async () => {
    const dir = tempDir();
    const path = writeFiles(
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
    const solution = await readValidSolution(path, dir);
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
    const two = await readValidSolution(
      writeFiles(
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

    const one = await readValidSolution(
      writeFiles(
        join(dir, 'one'),
        classic([classicBot], [], ['new_topic_a1', 'new_customtype_x_y']),
      ),
      dir,
    );
    expect(shape(one)).toEqual([[classicBot, ['new_customtype_x_y', 'new_topic_a1']]]);
  });

  it('attributes a knowledge source that no set row links to the agent its reference names', async () => {
    const dir = tempDir();
    const path = writeFiles(
      join(dir, 'solution'),
      extractedFiles({
        'Assets/botcomponent_dvtablesearchset.xml': '<botcomponent_dvtablesearchset />',
      }),
    );
    const solution = await readValidSolution(path, dir);
    const knowledge = solution.agents[0]!.components.find((c) =>
      c.uses.some((u) => u.connectionReference === REFS.sharepoint),
    );
    expect(knowledge).toMatchObject({ displayName: 'Policies_LYUAL6', kind: 'knowledge' });
  });

  it("locates a knowledge source's reference at its own name, past comments and empty entries", async () => {
    const dir = tempDir();
    const file = 'dvtablesearchs/0bb6baf7-f920-45b2-a4ef-490ee25901c1/dvtablesearch.xml';
    const path = writeFiles(
      join(dir, 'solution'),
      extractedFiles({
        [file]: [
          '<dvtablesearch dvtablesearchid="0bb6baf7-f920-45b2-a4ef-490ee25901c1">',
          '  <!-- <connectionreferencelogicalname>old</connectionreferencelogicalname> -->',
          '  <connectionreference>',
          '    <connectionreferencelogicalname></connectionreferencelogicalname>',
          '  </connectionreference>',
          '  <connectionreference>',
          `    <connectionreferencelogicalname>${REFS.sharepoint}</connectionreferencelogicalname>`,
          '  </connectionreference>',
          '  <name>Policies_LYUAL6</name>',
          '</dvtablesearch>',
        ].join('\n'),
      }),
    );
    const solution = await readValidSolution(path, dir);
    const uses = solution.agents.flatMap((a) =>
      a.components.flatMap((c) => c.uses.filter((u) => u.location.file.endsWith(file))),
    );
    expect(uses.map((u) => [u.connectionReference, u.location.line])).toEqual([
      [REFS.sharepoint, 7],
    ]);
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
    writeFiles(join(dir, 'repo'), {
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
