// Where settings findings point: the key at fault (line and column), in the layout pac writes.
import { describe, expect, it } from 'vitest';
import type { Solution } from '../src/core/model.js';
import { API, makeSolution, makeVariable } from './helpers/make-solution.js';
import { bound, office, runRule } from './helpers/rules.js';

describe('settings findings point at the key at fault', () => {
  // The layout pac solution create-settings writes: one key per line.
  const pac = (
    references: Record<string, string | null>[],
    variables: Record<string, string | null>[] = [],
  ) => {
    const entry = (fields: Record<string, string | null>) =>
      `    {\n${Object.entries(fields)
        .map(([key, value]) => `      ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
        .join(',\n')}\n    }`;
    const list = (entries: Record<string, string | null>[]) =>
      entries.length === 0 ? '' : `${entries.map(entry).join(',\n')}\n`;
    return `{\n  "EnvironmentVariables": [\n${list(variables)}  ],\n  "ConnectionReferences": [\n${list(references)}  ]\n}\n`;
  };
  const at = (line: number, column: number) => ({ file: 'deploymentSettings.json', line, column });
  const locations = (id: string, solution: Solution, settings: string) =>
    runRule(id, solution, settings).map((r) => [r.subject, r.location]);

  it('CR001, CR002, CR003 and CR011 at the ConnectionId or ConnectorId key', () => {
    const solution = makeSolution({ connectionReferences: [office] });
    // Lines: 1 {, 2-3 variables, 4 "ConnectionReferences", 5 {, 6 LogicalName, 7 ConnectionId, 8 ConnectorId.
    const entry = (id: string, api = 'shared_office365') => ({
      LogicalName: 'cr_office',
      ConnectionId: id,
      ConnectorId: API + api,
    });
    expect(locations('CR001', solution, pac([entry('')]))).toEqual([['cr_office', at(7, 7)]]);
    expect(locations('CR002', solution, pac([entry('#{Office.Id}#')]))).toEqual([
      ['cr_office', at(7, 7)],
    ]);
    expect(locations('CR011', solution, pac([entry('Office connection')]))).toEqual([
      ['cr_office', at(7, 7)],
    ]);
    expect(locations('CR003', solution, pac([entry('conn-1', 'shared_teams')]))).toEqual([
      ['cr_office', at(8, 7)],
    ]);
    // No ConnectionId key at all: the entry's LogicalName.
    expect(
      locations('CR001', solution, pac([{ LogicalName: 'cr_office', ConnectorId: null }])),
    ).toEqual([['cr_office', at(6, 7)]]);
  });

  it('CR002, EV001, EV002 and EV003 at the Value key', () => {
    const variables = [makeVariable('cr_text'), makeVariable('cr_count', 'Number')];
    const solution = makeSolution({ environmentVariables: variables });
    // Lines: 1 {, 2 "EnvironmentVariables", 3 {, 4 SchemaName, 5 Value, 6 }, 7 {, 8 SchemaName, 9 Value.
    const settings = (text: string | null, count: string | null) =>
      pac(
        [],
        [
          { SchemaName: 'cr_text', Value: text },
          { SchemaName: 'cr_count', Value: count },
        ],
      );
    expect(locations('EV002', solution, settings('', '1'))).toEqual([['cr_text', at(5, 7)]]);
    expect(locations('EV003', solution, settings('x', 'many'))).toEqual([['cr_count', at(9, 7)]]);
    expect(locations('CR002', solution, settings('$(Text)', '1'))).toEqual([['cr_text', at(5, 7)]]);
    expect(locations('EV001', solution, settings(null, '1'))).toEqual([['cr_text', at(5, 7)]]);
  });

  it('CR004, CR005, EV004 and EV005, about a whole entry, at its LogicalName or SchemaName', () => {
    const solution = makeSolution({
      connectionReferences: [office],
      environmentVariables: [makeVariable('cr_text')],
    });
    const settings = pac(
      [bound('cr_office'), bound('cr_office'), bound('cr_old')],
      [
        { SchemaName: 'cr_text', Value: 'a' },
        { SchemaName: 'cr_text', Value: 'b' },
        { SchemaName: 'cr_gone', Value: 'c' },
      ],
    );
    // Entries of 4 lines (their names on the second): variables from line 3, references from 17.
    expect(locations('EV005', solution, settings)).toEqual([['cr_text', at(8, 7)]]);
    expect(locations('EV004', solution, settings)).toEqual([['cr_gone', at(12, 7)]]);
    expect(locations('CR005', solution, settings)).toEqual([['cr_office', at(23, 7)]]);
    expect(locations('CR004', solution, settings)).toEqual([['cr_old', at(28, 7)]]);
  });
});
