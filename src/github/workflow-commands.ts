// The part of the GitHub Actions runner protocol the action speaks: `INPUT_*` variables in;
// workflow commands (`::error file=…::`), the GITHUB_OUTPUT file and the job-summary file out.
// It writes exactly what @actions/core writes for the same calls (same escaping, same
// `name<<delimiter` records), without importing it: @actions/core 3 loads @actions/http-client
// and undici at import, for OIDC tokens this action never asks for, and that was a third of the
// action's start-up (README, Performance). test/github-e2e.test.ts runs the bundle against a
// runner's files and checks what a runner reads.
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

/** Where an annotation points (the subset of @actions/core's AnnotationProperties in use). */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function issueCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): void {
  const fields = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '' && value !== 0)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  const head = fields.length > 0 ? `::${command} ${fields.join(',')}` : `::${command}`;
  process.stdout.write(`${head}::${escapeData(message)}${EOL}`);
}

/** An input as the runner passes it (`INPUT_<NAME>`, spaces as `_`), trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Masks a value in the log from here on. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

/** A step output: a `name<<delimiter` record in GITHUB_OUTPUT, or the old command without it. */
export function setOutput(name: string, value: string): void {
  const file = process.env['GITHUB_OUTPUT'];
  if (!file) {
    process.stdout.write(EOL);
    issueCommand('set-output', { name }, value);
    return;
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: the output holds the delimiter "${delimiter}"`);
  }
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

function annotate(kind: string, message: string, properties: AnnotationProperties): void {
  issueCommand(
    kind,
    {
      title: properties.title,
      file: properties.file,
      line: properties.startLine,
      endLine: properties.endLine,
      col: properties.startColumn,
      endColumn: properties.endColumn,
    },
    message,
  );
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  annotate('error', message, properties);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  annotate('warning', message, properties);
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  annotate('notice', message, properties);
}

/** Fails the step: exit code 1 and an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function startGroup(name: string): void {
  issueCommand('group', {}, name);
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '');
}

/** The job summary: markdown appended to the GITHUB_STEP_SUMMARY file. */
class Summary {
  private buffer = '';

  addRaw(text: string, addEOL = false): this {
    this.buffer += addEOL ? `${text}${EOL}` : text;
    return this;
  }

  async write(): Promise<this> {
    const file = process.env['GITHUB_STEP_SUMMARY'];
    if (!file) {
      throw new Error(
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
      );
    }
    const text = this.buffer;
    this.buffer = '';
    await appendFile(file, text, 'utf8');
    return this;
  }
}

export const summary = new Summary();
