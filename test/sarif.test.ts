import { describe, expect, it } from 'vitest';
import { formatSarif, pathToUri, SARIF_SCHEMA } from '../src/core/format/index.js';
import { allRules } from '../src/core/rules/index.js';
import { ruleDocsUrl } from '../src/core/version.js';
import { findings, makeReport } from './format-fixtures.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: string };
      region: { startLine: number; startColumn?: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}

function parse(text: string) {
  return JSON.parse(text) as {
    $schema: string;
    version: string;
    runs: {
      tool: {
        driver: { name: string; version: string; informationUri: string; rules: SarifRule[] };
      };
      results: SarifResult[];
    }[];
  };
}

describe('formatSarif', () => {
  const sarif = parse(formatSarif(makeReport()));
  const run = sarif.runs[0]!;

  it('has the SARIF 2.1.0 envelope and one run with a described driver', () => {
    expect(sarif.$schema).toBe(SARIF_SCHEMA);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('connref-gate');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
  });

  it('describes every rule with descriptions, help, helpUri and a default level', () => {
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    expect(ids).toEqual(allRules.map((rule) => rule.meta.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text.length).toBeGreaterThan(0);
      expect(rule.help.markdown).toContain(rule.helpUri);
      expect(rule.helpUri).toBe(ruleDocsUrl(rule.id));
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
  });

  it('points every result at its rule by index, with a level and a message', () => {
    expect(run.results).toHaveLength(findings.length);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
    }
  });

  it('uses relative forward-slash URIs under %SRCROOT% with a start line on every result', () => {
    for (const result of run.results) {
      expect(result.locations).toHaveLength(1);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(artifactLocation.uri).not.toMatch(/^(\/|[a-zA-Z]:|file:)/);
      expect(artifactLocation.uri).not.toContain('\\');
      expect(region.startLine).toBeGreaterThanOrEqual(1);
    }
    const cr001 = run.results.find((r) => r.ruleId === 'CR001')!;
    expect(cr001.locations[0]!.physicalLocation).toEqual({
      artifactLocation: {
        uri: 'solutions/ContosoCore/Other/Customizations.xml',
        uriBaseId: '%SRCROOT%',
      },
      region: { startLine: 12 },
    });
  });

  it('locates an entry inside a zip at the zip and names the entry in the message', () => {
    const cr006 = run.results.find((r) => r.ruleId === 'CR006')!;
    expect(cr006.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'build/Contoso%20Extra.zip',
    );
    expect(cr006.locations[0]!.physicalLocation.region).toEqual({ startLine: 1 });
    expect(cr006.message.text).toContain('(in customizations.xml, line 40)');
  });

  it('gives a finding without a location the path of its solution', () => {
    const ev001 = run.results.find((r) => r.ruleId === 'EV001')!;
    expect(ev001.locations[0]!.physicalLocation.artifactLocation.uri).toBe('solutions/ContosoCore');
  });

  it('has stable, distinct fingerprints and identical bytes across runs', () => {
    const prints = run.results.map((r) => r.partialFingerprints['connrefGate/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    expect(formatSarif(makeReport())).toBe(formatSarif(makeReport()));
    // A line shift elsewhere in the file does not change the fingerprint.
    const moved = makeReport({
      findings: [{ ...findings[0]!, location: { file: findings[0]!.location!.file, line: 99 } }],
    });
    expect(parse(formatSarif(moved)).runs[0]!.results[0]!.partialFingerprints).toEqual(
      run.results[0]!.partialFingerprints,
    );
  });

  it('numbers results that would otherwise share a fingerprint', () => {
    const twice = makeReport({ findings: [findings[0]!, { ...findings[0]!, message: 'other' }] });
    const prints = parse(formatSarif(twice)).runs[0]!.results.map(
      (r) => r.partialFingerprints['connrefGate/v1'],
    );
    expect(prints[0]).not.toBe(prints[1]);
  });

  it('still gives a valid ruleIndex for a rule id it does not know', () => {
    const report = makeReport({ findings: [{ ...findings[0]!, ruleId: 'XX999' }] });
    const out = parse(formatSarif(report)).runs[0]!;
    expect(out.tool.driver.rules[out.results[0]!.ruleIndex]!.id).toBe('XX999');
  });
});

describe('pathToUri', () => {
  it('percent-encodes segments and uses forward slashes', () => {
    expect(pathToUri('a b\\c#d.zip')).toBe('a%20b/c%23d.zip');
    expect(pathToUri('./x/y.xml')).toBe('x/y.xml');
  });
});
