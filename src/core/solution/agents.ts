// Copilot Studio agents (bots) and the connection references their components use (SPEC section
// 1, FORMAT-NOTES section 8). The same paths appear in a zip, an extracted zip and a `pac
// solution unpack` folder: `bots/<schema>/bot.xml`, `botcomponents/<schema>/botcomponent.xml`
// with its YAML `data`, the relation sets under `Assets/`, and knowledge sources under
// `dvtablesearchs/`. Nothing about agents is in customizations.xml but the references themselves.
import type { Document } from 'yaml';
import type { Agent, AgentComponent, AgentConnectionUse, Location } from '../model.js';
import { compareText, LineIndex } from '../text.js';
import {
  asArray,
  attr,
  child,
  childText,
  parseXml,
  elementLocation,
  readText,
  SolutionContentError,
} from './content.js';
import type { SolutionFiles } from './files.js';

/**
 * `<componenttype>` codes (the botcomponent table's choices; 15 to 17 as seen in real exports)
 * as short kinds for the report. Topics (0 and 9) whose data is a `TaskDialog` are the agent's
 * tools and actions, reported as `action`.
 */
const COMPONENT_KINDS: Record<string, string> = {
  '0': 'topic',
  '1': 'skill',
  '2': 'variable',
  '3': 'entity',
  '4': 'dialog',
  '5': 'trigger',
  '6': 'languageUnderstanding',
  '7': 'languageGeneration',
  '8': 'dialogSchema',
  '9': 'topic',
  '10': 'translations',
  '11': 'entity',
  '12': 'variable',
  '13': 'skill',
  '14': 'fileAttachment',
  '15': 'gpt',
  '16': 'knowledge',
  '17': 'trigger',
};

/** A component whose own files are not in the export (known only from a set row). */
const UNKNOWN_KIND = 'unknown';

/**
 * Deepest nesting of a `data` file handed to the YAML parser. It composes documents recursively:
 * a hostile file nested some 800 levels deep exhausts the stack, which it mostly reports as
 * an error but once took the whole process down. Copilot Studio writes a few dozen levels.
 */
const MAX_YAML_FLOW_DEPTH = 200;
/** Block nesting shows as indentation and `- `, `? `, `: ` indicators before a line's content. */
const DEEP_BLOCK_LINE = /^(?:[ \t]|[-?:][ \t]){300}/m;

interface ComponentDraft {
  schemaName: string;
  displayName?: string;
  typeCode?: string;
  dataKind?: string;
  parent?: string;
  setUses: AgentConnectionUse[];
  dataUses: AgentConnectionUse[];
  knowledgeUses: AgentConnectionUse[];
}

interface KnowledgeSource {
  name: string;
  uses: AgentConnectionUse[];
  linked: boolean;
}

function folderOf(path: string): string {
  return path.split('/')[1] ?? '';
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

/** The yaml library, loaded on first use. */
export type Yaml = typeof import('yaml');

/**
 * yaml is a chunk of its own, loaded only for a solution with agent components: compiling its
 * 300 KB cost every start-up about 20 ms (docs/architecture.md, "yaml").
 */
export function loadYaml(): Promise<Yaml> {
  return import('yaml');
}

/** The `connectionReference:` values of a component's data, with their lines, and its kind. */
export function readComponentData(
  yaml: Yaml,
  text: string,
  where: string,
): { rootKind?: string; references: { name: string; line: number }[] } {
  const { isAlias, isScalar, LineCounter, parseAllDocuments, visit } = yaml;
  if (isNestedTooDeep(text)) {
    throw new SolutionContentError(
      `${where} nests deeper than Copilot Studio ever writes; re-export or re-unpack the solution`,
      where,
    );
  }
  const lineCounter = new LineCounter();
  // Duplicate keys are tolerated: a hand-edited file that Copilot Studio still imports must not
  // be refused here for it.
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  const references: { name: string; line: number }[] = [];
  let rootKind: string | undefined;
  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      // The parser's message is one line and a code frame: keep the line, without its colon.
      const message = error.message.split('\n')[0]!.replace(/:\s*$/, '');
      throw new SolutionContentError(
        `${where} is not valid YAML (${message}); re-export or re-unpack the solution`,
        where,
      );
    }
    rootKind ??= kindOf(yaml, document);
    visit(document, {
      Pair(_key, pair) {
        if (!isScalar(pair.key) || pair.key.value !== 'connectionReference') return;
        const node = isAlias(pair.value) ? pair.value.resolve(document) : pair.value;
        if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') return;
        const offset = (isAlias(pair.value) ? pair.value : node).range?.[0] ?? 0;
        references.push({ name: node.value.trim(), line: lineCounter.linePos(offset).line });
      },
    });
  }
  return rootKind === undefined ? { references } : { rootKind, references };
}

function kindOf(yaml: Yaml, document: Document): string | undefined {
  if (!yaml.isMap(document.contents)) return undefined;
  const kind = document.contents.get('kind');
  return typeof kind === 'string' ? kind : undefined;
}

/** Flow collections deeper than the limit, counted without regard to quoting (an upper bound). */
function isNestedTooDeep(text: string): boolean {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x5b || code === 0x7b) {
      if (++depth > MAX_YAML_FLOW_DEPTH) return true;
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) depth--;
  }
  return DEEP_BLOCK_LINE.test(text);
}

async function readBots(files: SolutionFiles): Promise<Map<string, Agent>> {
  const agents = new Map<string, Agent>();
  for (const path of await files.list('bots', 2)) {
    if (baseName(path) !== 'bot.xml' || path.split('/').length !== 3) continue;
    const where = files.where(path);
    const bot = child(parseXml(readText(files, path), where), 'bot');
    const schemaName = attr(bot, 'schemaname')?.trim() || folderOf(path);
    const key = schemaName.toLowerCase();
    if (agents.has(key)) continue;
    agents.set(key, {
      schemaName,
      displayName: childText(bot, 'name')?.trim() || schemaName,
      location: { file: where },
      components: [],
    });
  }
  return agents;
}

async function readComponentFiles(files: SolutionFiles): Promise<Map<string, ComponentDraft>> {
  const byFolder = new Map<string, { xml?: string; data?: string; folder: string }>();
  for (const path of await files.list('botcomponents', 2)) {
    const segments = path.split('/');
    if (segments.length !== 3) continue;
    const name = baseName(path);
    if (name !== 'botcomponent.xml' && name !== 'data') continue;
    const folder = segments[1]!;
    const entry = byFolder.get(folder.toLowerCase()) ?? { folder };
    if (name === 'data') entry.data = path;
    else entry.xml = path;
    byFolder.set(folder.toLowerCase(), entry);
  }

  const components = new Map<string, ComponentDraft>();
  const yaml = [...byFolder.values()].some((entry) => entry.data) ? await loadYaml() : undefined;
  for (const { xml, data, folder } of byFolder.values()) {
    const draft: ComponentDraft = {
      schemaName: folder,
      setUses: [],
      dataUses: [],
      knowledgeUses: [],
    };
    if (xml) {
      const element = child(parseXml(readText(files, xml), files.where(xml)), 'botcomponent');
      draft.schemaName = attr(element, 'schemaname')?.trim() || folder;
      const displayName = childText(element, 'name')?.trim();
      if (displayName) draft.displayName = displayName;
      const typeCode = childText(element, 'componenttype')?.trim();
      if (typeCode) draft.typeCode = typeCode;
      const parent = childText(child(element, 'parentbotid'), 'schemaname')?.trim();
      if (parent) draft.parent = parent;
    }
    // Every data file is parsed, also those that name no reference: one that is not YAML is
    // SL001 (docs/architecture.md, "yaml (Copilot Studio agent data)", has the cost).
    if (data && yaml) {
      const where = files.where(data);
      const facts = readComponentData(yaml, readText(files, data), where);
      if (facts.rootKind) draft.dataKind = facts.rootKind;
      for (const { name, line } of facts.references) {
        draft.dataUses.push({ connectionReference: name, location: { file: where, line } });
      }
    }
    // Two folders naming one component (not seen; a hand-merged export): one component, and
    // neither folder's uses is lost.
    const key = draft.schemaName.toLowerCase();
    const earlier = components.get(key);
    if (earlier) earlier.dataUses.push(...draft.dataUses);
    else components.set(key, draft);
  }
  return components;
}

/** Rows of an `Assets/<set>.xml` relation file, each with its line. */
async function setRows(
  files: SolutionFiles,
  setName: string,
  rowName: string,
): Promise<{ row: unknown; location: Location }[]> {
  const path = await files.find(`Assets/${setName}.xml`);
  if (!path) return [];
  const where = files.where(path);
  const rows = asArray(child(child(parseXml(readText(files, path), where), setName), rowName));
  return rows.map((row) => ({ row, location: elementLocation(row, where) }));
}

/** Knowledge sources (`dvtablesearchs/<id>/dvtablesearch.xml`) that name a reference, by id. */
async function readKnowledgeSources(files: SolutionFiles): Promise<Map<string, KnowledgeSource>> {
  const sources = new Map<string, KnowledgeSource>();
  // `dvtablesearchs` is what Dataverse writes; tools reading these exports also accept the
  // regular plural.
  for (const folder of ['dvtablesearchs', 'dvtablesearches']) {
    for (const path of await files.list(folder, 2)) {
      if (baseName(path) !== 'dvtablesearch.xml' || path.split('/').length !== 3) continue;
      const where = files.where(path);
      const text = readText(files, path);
      const element = child(parseXml(text, where), 'dvtablesearch');
      const id = (attr(element, 'dvtablesearchid') ?? folderOf(path))
        .replace(/[{}]/g, '')
        .toLowerCase();
      if (sources.has(id)) continue;
      // The parser keeps the line of each <connectionreference>, not of its text-only name
      // element: that is the first name tag from the reference's own line on.
      const lines = new LineIndex(text);
      const pattern = /<connectionreferencelogicalname[\s>]/g;
      const uses = asArray(child(element, 'connectionreference')).flatMap((reference) => {
        const name = childText(reference, 'connectionreferencelogicalname')?.trim();
        if (!name) return [];
        const location = elementLocation(reference, where);
        if (location.line !== undefined) {
          pattern.lastIndex = lines.startOf(location.line);
          const match = pattern.exec(text);
          if (match) location.line = lines.lineOf(match.index);
        }
        return [{ connectionReference: name, location }];
      });
      if (uses.length === 0) continue;
      sources.set(id, { name: childText(element, 'name')?.trim() || id, uses, linked: false });
    }
  }
  return sources;
}

function componentNamed(components: Map<string, ComponentDraft>, schemaName: string) {
  const key = schemaName.toLowerCase();
  let draft = components.get(key);
  if (!draft) {
    draft = { schemaName, setUses: [], dataUses: [], knowledgeUses: [] };
    components.set(key, draft);
  }
  return draft;
}

/**
 * The agent a component belongs to: `<parentbotid><schemaname>` when its botcomponent.xml says so.
 * Otherwise (its files are not in the export, or it sits in a component collection) the name
 * tells: Copilot Studio names components `<bot>.<type>.<name>`, so a bot whose schema name and a
 * dot begin the component's name is its agent; failing that the part before the first dot names
 * an agent that the export does not hold (the use still counts: the reference is not unused). A
 * name without a dot belongs to the solution's only bot, when it has one.
 */
function parentOf(
  draft: ComponentDraft,
  agents: Map<string, Agent>,
  onlyBot: string | undefined,
): string {
  if (draft.parent) return draft.parent;
  const lower = draft.schemaName.toLowerCase();
  let best: string | undefined;
  for (const agent of agents.values()) {
    const name = agent.schemaName;
    if (lower.startsWith(`${name.toLowerCase()}.`) && name.length > (best?.length ?? 0)) {
      best = name;
    }
  }
  if (best) return best;
  const dot = draft.schemaName.indexOf('.');
  if (dot > 0) return draft.schemaName.slice(0, dot);
  return onlyBot ?? draft.schemaName;
}

/**
 * A knowledge source that no set row links to a component (not seen in real exports, where the
 * two come together) still names a reference that an agent uses: it is attributed to the agent
 * whose schema name begins the reference's name (agent-made references are `<bot>.cr.<id>`),
 * else to the solution's only agent, else to an agent named by that prefix.
 */
function unlinkedKnowledgeOwner(source: KnowledgeSource, agents: Map<string, Agent>): string {
  const reference = source.uses[0]!.connectionReference.toLowerCase();
  for (const agent of agents.values()) {
    if (reference.startsWith(`${agent.schemaName.toLowerCase()}.`)) return agent.schemaName;
  }
  if (agents.size === 1) return [...agents.values()][0]!.schemaName;
  const dot = source.uses[0]!.connectionReference.indexOf('.');
  return dot > 0 ? source.uses[0]!.connectionReference.slice(0, dot) : source.name;
}

/** The kind a data file's root `kind:` tells, for a component without its botcomponent.xml. */
const DATA_KINDS: Record<string, string> = {
  AdaptiveDialog: 'topic',
  TaskDialog: 'action',
  KnowledgeSourceConfiguration: 'knowledge',
  GptComponentMetadata: 'gpt',
};

function kindOfDraft(draft: ComponentDraft): string {
  if (draft.typeCode === undefined) {
    if (draft.dataKind === undefined) return UNKNOWN_KIND;
    return DATA_KINDS[draft.dataKind] ?? 'other';
  }
  const kind = COMPONENT_KINDS[draft.typeCode] ?? 'other';
  return kind === 'topic' && draft.dataKind === 'TaskDialog' ? 'action' : kind;
}

/** Every agent of the solution with its components and the references each uses. */
export async function readAgents(files: SolutionFiles): Promise<Agent[]> {
  const agents = await readBots(files);
  const components = await readComponentFiles(files);

  for (const { row, location } of await setRows(
    files,
    'botcomponent_connectionreferenceset',
    'botcomponent_connectionreference',
  )) {
    const component = attr(row, 'botcomponentid.schemaname')?.trim();
    const reference = attr(row, 'connectionreferenceid.connectionreferencelogicalname')?.trim();
    if (!component || !reference) continue;
    componentNamed(components, component).setUses.push({
      connectionReference: reference,
      location,
    });
  }

  // Classic (Power Virtual Agents) exports: the component files name no parent; the bot's
  // components are rows of this relation instead.
  for (const { row } of await setRows(files, 'bot_botcomponentset', 'bot_botcomponent')) {
    const component = attr(row, 'botcomponentid.schemaname')?.trim();
    const bot = attr(row, 'botid.schemaname')?.trim();
    const draft = component === undefined ? undefined : components.get(component.toLowerCase());
    if (draft && bot && !draft.parent) draft.parent = bot;
  }

  const knowledge = await readKnowledgeSources(files);
  if (knowledge.size > 0) {
    for (const { row } of await setRows(
      files,
      'botcomponent_dvtablesearchset',
      'botcomponent_dvtablesearch',
    )) {
      const component = attr(row, 'botcomponentid.schemaname')?.trim();
      const id = attr(row, 'dvtablesearchid.dvtablesearchid')?.replace(/[{}]/g, '').toLowerCase();
      const source = id === undefined ? undefined : knowledge.get(id);
      if (!component || !source) continue;
      source.linked = true;
      componentNamed(components, component).knowledgeUses.push(...source.uses);
    }
    for (const source of knowledge.values()) {
      if (source.linked) continue;
      const owner = unlinkedKnowledgeOwner(source, agents);
      const draft = componentNamed(components, `${owner}.knowledge.${source.name}`);
      draft.parent = owner;
      draft.displayName = source.name;
      draft.typeCode = '16';
      draft.knowledgeUses.push(...source.uses);
    }
  }

  const onlyBot = agents.size === 1 ? [...agents.values()][0]!.schemaName : undefined;
  for (const draft of components.values()) {
    const parent = parentOf(draft, agents, onlyBot);
    const key = parent.toLowerCase();
    let agent = agents.get(key);
    if (!agent) {
      agent = { schemaName: parent, displayName: parent, components: [] };
      agents.set(key, agent);
    }
    const component: AgentComponent = {
      schemaName: draft.schemaName,
      displayName: draft.displayName ?? draft.schemaName,
      kind: kindOfDraft(draft),
      uses: [...draft.setUses, ...draft.dataUses, ...draft.knowledgeUses],
    };
    agent.components.push(component);
  }

  const result = [...agents.values()].sort((a, b) => compareText(a.schemaName, b.schemaName));
  for (const agent of result) {
    agent.components.sort((a, b) => compareText(a.schemaName, b.schemaName));
  }
  return result;
}
