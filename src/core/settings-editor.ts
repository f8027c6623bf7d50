// Writing a pac deployment-settings file for `connref-gate init`: the entries a solution needs,
// a fresh file as `pac solution create-settings` writes it, and edits of an existing file in
// place (kept entries, values, unknown keys, indentation, key spacing, line endings, BOM and
// final newline stay byte for byte), written back in the encoding it was read with.
import type { ConnectionReference, EnvironmentVariable, Solution } from './model.js';
import { nameKey } from './rules/helpers.js';
import { findMember, parseJson, type JsonMember, type JsonValue } from './json.js';
import { detectEncoding as detectTextEncoding } from './text.js';

/** Names per kind, in the order they appear in the file (added: sorted by name). */
export interface InitNames {
  connectionReferences: string[];
  environmentVariables: string[];
}

// ---------------------------------------------------------------------------------------------
// Entries

type SectionKey = 'EnvironmentVariables' | 'ConnectionReferences';
export const SECTIONS: readonly SectionKey[] = ['EnvironmentVariables', 'ConnectionReferences'];
const NAME_KEY: Record<SectionKey, string> = {
  EnvironmentVariables: 'SchemaName',
  ConnectionReferences: 'LogicalName',
};

interface NewEntry {
  name: string;
  /** Key/value pairs; values already JSON-encoded. */
  members: [string, string][];
}

function referenceEntry(ref: ConnectionReference): NewEntry {
  return {
    name: ref.logicalName,
    members: [
      ['LogicalName', JSON.stringify(ref.logicalName)],
      ['ConnectionId', '""'],
      ['ConnectorId', JSON.stringify(ref.connectorId)],
    ],
  };
}

/**
 * `"Value": null`, not `""`: pac rejects the empty string (EV002), while null means "not set
 * here", so that the solution's default or current value applies (else EV001 says it is missing).
 */
function variableEntry(variable: EnvironmentVariable): NewEntry {
  return {
    name: variable.schemaName,
    members: [
      ['SchemaName', JSON.stringify(variable.schemaName)],
      ['Value', 'null'],
    ],
  };
}

function byName(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function solutionEntries(solution: Solution): Record<SectionKey, NewEntry[]> {
  return {
    ConnectionReferences: solution.connectionReferences
      .map(referenceEntry)
      .sort((a, b) => byName(a.name, b.name)),
    EnvironmentVariables: solution.environmentVariables
      .map(variableEntry)
      .sort((a, b) => byName(a.name, b.name)),
  };
}

/** The first of several definitions of a name (a solution should not have duplicates). */
export function uniqueByName(entries: NewEntry[]): NewEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = nameKey(entry.name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// A fresh file: what `pac solution create-settings` writes (2-space JSON), with null values.

export function renderFresh(entries: Record<SectionKey, NewEntry[]>, eol = '\n'): string {
  const lines = ['{'];
  SECTIONS.forEach((section, index) => {
    const comma = index < SECTIONS.length - 1 ? ',' : '';
    const items = entries[section];
    if (items.length === 0) {
      lines.push(`  "${section}": []${comma}`);
      return;
    }
    lines.push(`  "${section}": [`);
    items.forEach((item, i) => {
      lines.push('    {');
      item.members.forEach(([key, value], j) => {
        lines.push(`      "${key}": ${value}${j < item.members.length - 1 ? ',' : ''}`);
      });
      lines.push(`    }${i < items.length - 1 ? ',' : ''}`);
    });
    lines.push(`  ]${comma}`);
  });
  lines.push('}');
  return lines.join(eol) + eol;
}

// ---------------------------------------------------------------------------------------------
// Editing an existing file in place

/** The offset just after the JSON value that starts at `start` (the text is known to be valid). */
export function valueEnd(text: string, start: number): number {
  const first = text[start];
  if (first === '"') {
    let i = start + 1;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '\\') i += 2;
      else if (ch === '"') return i + 1;
      else i++;
    }
    return text.length;
  }
  if (first === '{' || first === '[') {
    let depth = 0;
    let i = start;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        i = valueEnd(text, i);
        continue;
      }
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return text.length;
  }
  let i = start;
  while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  return i;
}

/** The whitespace that starts the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** True when only whitespace precedes `offset` on its line. */
function startsLine(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, offset));
}

/** How the entries of a section look, learnt from an existing entry or from the file. */
interface EntryStyle {
  multiline: boolean;
  /** Before each entry's `{` (multi-line). */
  itemIndent: string;
  /** Before each key inside an entry (multi-line). */
  memberIndent: string;
  /** Before the entry's closing `}` (multi-line). */
  closeIndent: string;
  /** Between a key and its value: `: `, `:  ` (PowerShell), `:`. */
  colon: string;
  /** Single-line entries: after `{`, between members, before `}`. */
  open: string;
  memberSep: string;
  close: string;
}

interface FileStyle {
  eol: string;
  unit: string;
  /** The whole file is on one line. */
  compact: boolean;
  colon: string;
}

function detectFileStyle(text: string, root: { offset: number; members: JsonMember[] }): FileStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const compact = !text.slice(root.offset, valueEnd(text, root.offset)).includes('\n');
  let unit = '  ';
  const first = root.members[0];
  if (first && startsLine(text, first.keyOffset)) {
    const indent = lineIndent(text, first.keyOffset).slice(lineIndent(text, root.offset).length);
    if (indent.startsWith('\t')) unit = '\t';
    else if (indent.length > 0) unit = indent;
  }
  let colon = compact ? ':' : ': ';
  if (first) colon = text.slice(valueEnd(text, first.keyOffset), first.value.offset);
  return { eol, unit, compact, colon };
}

function styleFromEntry(text: string, entry: JsonValue, file: FileStyle): EntryStyle | undefined {
  if (entry.kind !== 'object' || entry.members.length === 0) return undefined;
  const end = valueEnd(text, entry.offset);
  const members = entry.members;
  const first = members[0]!;
  const last = members[members.length - 1]!;
  const colon = text.slice(valueEnd(text, first.keyOffset), first.value.offset);
  const multiline = text.slice(entry.offset, end).includes('\n');
  const itemIndent = lineIndent(text, entry.offset);
  const lastValueEnd = valueEnd(text, last.value.offset);
  return {
    multiline,
    itemIndent,
    memberIndent: startsLine(text, last.keyOffset)
      ? lineIndent(text, last.keyOffset)
      : itemIndent + file.unit,
    closeIndent: startsLine(text, end - 1) ? lineIndent(text, end - 1) : itemIndent,
    colon,
    open: text.slice(entry.offset + 1, first.keyOffset),
    memberSep:
      members.length > 1
        ? text.slice(valueEnd(text, first.value.offset), members[1]!.keyOffset)
        : file.compact
          ? ','
          : ', ',
    close: text.slice(lastValueEnd, end - 1),
  };
}

function defaultStyle(file: FileStyle, baseIndent: string): EntryStyle {
  const itemIndent = baseIndent + file.unit;
  return {
    multiline: !file.compact,
    itemIndent,
    memberIndent: itemIndent + file.unit,
    closeIndent: itemIndent,
    colon: file.colon,
    open: '',
    memberSep: file.compact ? ',' : ', ',
    close: '',
  };
}

function renderEntry(entry: NewEntry, style: EntryStyle, eol: string): string {
  const pairs = entry.members.map(([key, value]) => `"${key}"${style.colon}${value}`);
  if (!style.multiline) return `{${style.open}${pairs.join(style.memberSep)}${style.close}}`;
  return `{${eol}${pairs.map((pair) => style.memberIndent + pair).join(`,${eol}`)}${eol}${style.closeIndent}}`;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface SectionPlan {
  key: SectionKey;
  member?: JsonMember;
  /** Existing entries: offsets, name, and whether the solution still has it. */
  items: { start: number; end: number; name: string; keep: boolean; value: JsonValue }[];
  added: NewEntry[];
}

function planSection(
  text: string,
  root: { members: JsonMember[] },
  key: SectionKey,
  wanted: NewEntry[],
): SectionPlan {
  const member = findMember(root.members, key);
  const defined = new Set(wanted.map((entry) => nameKey(entry.name)));
  const items: SectionPlan['items'] = [];
  if (member && member.value.kind === 'array') {
    for (const value of member.value.items) {
      // parseSettings has checked the shape: every entry is an object with a string name.
      const nameMember =
        value.kind === 'object' ? findMember(value.members, NAME_KEY[key]) : undefined;
      const name = nameMember && nameMember.value.kind === 'string' ? nameMember.value.value : '';
      items.push({
        start: value.offset,
        end: valueEnd(text, value.offset),
        name,
        keep: defined.has(nameKey(name)),
        value,
      });
    }
  }
  const present = new Set(items.map((item) => nameKey(item.name)));
  return {
    key,
    member,
    items,
    added: wanted.filter((entry) => !present.has(nameKey(entry.name))),
  };
}

/** The new text of a section's array (for a section whose array changes). */
function renderArray(
  text: string,
  plan: SectionPlan,
  style: EntryStyle,
  file: FileStyle,
  closeIndent: string,
): string {
  const kept = plan.items.filter((item) => item.keep);
  const added = plan.added.map((entry) => renderEntry(entry, style, file.eol));
  if (kept.length === 0 && added.length === 0) return '[]';
  const arrayStart = plan.member?.value.offset;
  const items = plan.items;
  // Between entries: the file's own separator when there is one, else comma, line break, indent
  // (unless the entries share a line, or the whole file is on one line).
  const onePerLine = items.length > 0 ? startsLine(text, items[0]!.start) : !file.compact;
  const separator =
    items.length > 1
      ? text.slice(items[0]!.end, items[1]!.start)
      : onePerLine
        ? `,${file.eol}${style.itemIndent}`
        : file.compact
          ? ','
          : ', ';
  let leading: string;
  let trailing: string;
  if (arrayStart !== undefined && items.length > 0) {
    leading = text.slice(arrayStart + 1, items[0]!.start);
    trailing = text.slice(items[items.length - 1]!.end, valueEnd(text, arrayStart) - 1);
  } else if (file.compact) {
    leading = '';
    trailing = '';
  } else {
    leading = `${file.eol}${style.itemIndent}`;
    trailing = `${file.eol}${closeIndent}`;
  }
  let body = '';
  let previous = -1;
  items.forEach((item, index) => {
    if (!item.keep) return;
    if (body !== '') {
      // Keep the exact text between neighbours that both stay.
      body += previous === index - 1 ? text.slice(items[previous]!.end, item.start) : separator;
    }
    body += text.slice(item.start, item.end);
    previous = index;
  });
  for (const entry of added) body += (body === '' ? '' : separator) + entry;
  return `[${leading}${body}${trailing}]`;
}

/** The edited text of an existing, usable settings file, and what changed. */
export function updateSettingsText(
  text: string,
  solution: Solution,
): { text: string; added: InitNames; kept: InitNames; removed: InitNames } {
  const root = parseJson(text);
  if (root.kind !== 'object') throw new Error('updateSettingsText needs an object');
  const file = detectFileStyle(text, root);
  const wanted = solutionEntries(solution);
  const plans = SECTIONS.map((key) => planSection(text, root, key, uniqueByName(wanted[key])));

  // Entry style: from an entry of the section itself, else of the other section, else defaults.
  const rootIndent = lineIndent(text, root.offset);
  const memberIndent = root.members[0]
    ? startsLine(text, root.members[0].keyOffset)
      ? lineIndent(text, root.members[0].keyOffset)
      : rootIndent + file.unit
    : rootIndent + file.unit;
  const learnt = plans
    .map((plan) => plan.items.map((item) => styleFromEntry(text, item.value, file)).find(Boolean))
    .find(Boolean);

  const edits: Edit[] = [];
  for (const plan of plans) {
    const changed = plan.added.length > 0 || plan.items.some((item) => !item.keep);
    if (!changed) continue;
    const own = plan.items.map((item) => styleFromEntry(text, item.value, file)).find(Boolean);
    const sectionIndent = plan.member ? lineIndent(text, plan.member.keyOffset) : memberIndent;
    const style = own ?? learnt ?? defaultStyle(file, sectionIndent);
    if (plan.member) {
      const arrayStart = plan.member.value.offset;
      const arrayEnd = valueEnd(text, arrayStart);
      const interior = text.slice(arrayStart + 1, arrayEnd - 1);
      const newline = interior.lastIndexOf('\n');
      const closeIndent = newline === -1 ? sectionIndent : interior.slice(newline + 1);
      edits.push({
        start: arrayStart,
        end: arrayEnd,
        text: renderArray(text, plan, style, file, closeIndent),
      });
    } else {
      // A section the file does not have: EnvironmentVariables goes first, as pac writes it,
      // ConnectionReferences last.
      const array = renderArray(text, plan, style, file, memberIndent);
      const pair = `"${plan.key}"${file.colon}${array}`;
      const lineBreak = file.compact ? '' : `${file.eol}${memberIndent}`;
      if (plan.key === 'EnvironmentVariables' && root.members[0]) {
        const at = root.members[0].keyOffset;
        edits.push({ start: at, end: at, text: `${pair},${lineBreak}` });
      } else {
        const last = root.members[root.members.length - 1]!;
        const at = valueEnd(text, last.value.offset);
        edits.push({ start: at, end: at, text: `,${lineBreak}${pair}` });
      }
    }
  }

  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }

  const names = (pick: (plan: SectionPlan) => string[]): InitNames => ({
    connectionReferences: pick(plans[1]!),
    environmentVariables: pick(plans[0]!),
  });
  const distinct = (list: string[]): string[] => {
    const seen = new Set<string>();
    return list.filter((name) => !seen.has(nameKey(name)) && seen.add(nameKey(name)));
  };
  return {
    text: result,
    added: names((plan) => plan.added.map((entry) => entry.name)),
    kept: names((plan) => distinct(plan.items.filter((i) => i.keep).map((i) => i.name))),
    removed: names((plan) => distinct(plan.items.filter((i) => !i.keep).map((i) => i.name))),
  };
}

// ---------------------------------------------------------------------------------------------
// Encodings: a file is written back in the encoding and with the BOM it was read with.

type Encoding = { name: 'utf8' | 'utf16le' | 'utf16be'; bom: boolean };

export function detectEncoding(bytes: Uint8Array): Encoding {
  const { encoding, start } = detectTextEncoding(bytes);
  return { name: encoding, bom: start > 0 };
}

export function encode(text: string, encoding: Encoding): Uint8Array {
  const body = encoding.bom ? `\ufeff${text}` : text;
  if (encoding.name === 'utf8') return new TextEncoder().encode(body);
  const bytes = Buffer.from(body, 'utf16le');
  if (encoding.name === 'utf16be') bytes.swap16();
  return bytes;
}
