// Copilot Studio agents in the checks (SPEC sections 2 and 5): counted as users of connection
// references by CR010 and the report, and named by CR006.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/core/engine.js';
import { formatJson } from '../src/core/format/json.js';
import { formatMarkdown } from '../src/core/format/markdown.js';
import { formatText } from '../src/core/format/text.js';
import {
  BOT,
  DEFINED,
  REFS,
  customizations,
  extractedFiles,
  solutionXml,
} from './helpers/agents.js';
import { removeTempDirs, tempDir, writeFiles } from './helpers/solution-files.js';

afterAll(removeTempDirs);

describe('agents in the checks', () => {
  it('CR010: a reference only an agent uses is not unused; one nothing uses is, naming agents', async () => {
    const dir = tempDir();
    const path = writeFiles(join(dir, 'solution'), extractedFiles());
    const { report } = await check({ solutions: [path], cwd: dir });
    const unused = report.findings.filter((f) => f.ruleId === 'CR010');
    expect(unused.map((f) => f.subject)).toEqual([REFS.unused]);
    expect(unused[0]!.message).toContain('no flow, canvas app or agent');
    // The same references without the agent files are unused: the near miss fires.
    const bare = writeFiles(join(dir, 'bare'), {
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
    const path = writeFiles(
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
    const whole = writeFiles(join(dir, 'whole'), extractedFiles());
    const { report: wholeReport } = await check({ solutions: [whole], cwd: dir });
    expect(wholeReport.findings.filter((f) => f.ruleId === 'CR006')).toEqual([]);
  });

  it('shows agents in the report: usedBy, the agents array, the summary line and Used by', async () => {
    const dir = tempDir();
    const path = writeFiles(join(dir, 'solution'), extractedFiles());
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
