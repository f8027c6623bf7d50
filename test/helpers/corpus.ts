// Access to the shared corpus of real solutions (../shared/corpus), read-only.
// Where it is absent (a user's clone) the corpus tests skip with a visible message.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const corpusDir = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
export const hasCorpus = existsSync(join(corpusDir, 'EXPECTED.json'));

if (!hasCorpus) {
  console.warn(`[corpus] ${corpusDir} is absent: the corpus tests are SKIPPED`);
}

export interface ExpectedFacts {
  uniqueName?: string;
  unreadable?: string;
  connectionReferences: string[];
  flows: number;
  flowConnections: [string, string | null][];
  canvasApps: number;
  canvasAppsWithCustomConnectors: string[];
  environmentVariables: string[];
  /** Schema names of `bots/<schema>/bot.xml`. */
  agents: string[];
  /** Defined connection references that an agent uses (their usedBy holds kind `agent`). */
  agentConnectionReferences: string[];
}

export interface ExpectedCase {
  solution: string;
  settings: string | null;
  facts: ExpectedFacts[];
  /** Findings unique by (ruleId, severity, subject), without CR009, CR010 and CR011. */
  findings: { ruleId: string; severity: string; subject: string }[];
  /** The subjects of the CR010 notes. */
  unusedConnectionReferences: string[];
}

export function expectedCases(): ExpectedCase[] {
  if (!hasCorpus) return [];
  const data = JSON.parse(readFileSync(join(corpusDir, 'EXPECTED.json'), 'utf8')) as {
    cases: ExpectedCase[];
  };
  return data.cases;
}
