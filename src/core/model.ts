// The data model shared by the reader, the rules, the formatters and the adapters.
// Nothing here knows about GitHub or Azure DevOps.

export type Severity = 'error' | 'warning' | 'note';
export type SeverityOverride = Severity | 'off';
export type FailOn = 'error' | 'warning' | 'never';
/**
 * `resolve`: a placeholder left after substitution is an error (CR002). `defer`: the settings are
 * checked in pull-request validation and a later deploy stage fills the placeholders in, so one
 * left is a note naming the variable that stage must define (SPEC section 3).
 */
export type PlaceholderMode = 'resolve' | 'defer';

/**
 * Where a fact or finding comes from. `file` is relative to the working directory with
 * forward slashes, or `X.zip!/entry` for an entry inside a zip. `line`/`column` are 1-based.
 */
export interface Location {
  file: string;
  line?: number;
  column?: number;
}

export interface ConnectionReference {
  logicalName: string;
  displayName: string;
  /** As exported, e.g. `/providers/Microsoft.PowerApps/apis/shared_office365`. */
  connectorId: string;
  /** Targets a custom connector (see SPEC section 1 for the signals). */
  custom: boolean;
  /** The GUID in `<customconnectorid><connectorid>`, when present. */
  customConnectorId?: string;
  location: Location;
}

export interface FlowConnection {
  /** The key in `properties.connectionReferences`, e.g. `shared_office365_1`. */
  key: string;
  /** `api.name`, e.g. `shared_office365`. Always use this, not the key, for the connector. */
  api: string;
  /** `api.logicalName` (custom connectors only). */
  apiLogicalName?: string;
  runtimeSource?: string;
  /** `connection.connectionReferenceLogicalName`, or null for a direct connection. */
  connectionReference: string | null;
}

export interface CloudFlow {
  /** Display name from the workflow metadata `Name` attribute (falls back to the file name). */
  name: string;
  /** WorkflowId without braces, lower case, when known. */
  id?: string;
  /** Path of the flow JSON inside the solution, e.g. `Workflows/MyFlow-<GUID>.json`. */
  file: string;
  location: Location;
  connections: FlowConnection[];
}

export interface CanvasAppConnector {
  /** Connector id as the app stores it, e.g. `/providers/microsoft.powerapps/apis/shared_office365`. */
  id: string;
  displayName?: string;
  custom: boolean;
  /** `customApiLogicalName`, when present. */
  customApiLogicalName?: string;
}

export interface CanvasApp {
  /** `<Name>`, e.g. `cr715_instagramposts_bc759`. */
  name: string;
  displayName: string;
  connectors: CanvasAppConnector[];
  location: Location;
}

export interface CustomConnector {
  /** `<name>`, e.g. `cat_approvals-20kit`: the only part stable across environments. */
  name: string;
  /** `<connectorid>` GUID. */
  connectorId?: string;
  displayName?: string;
  location: Location;
}

/** Where a Copilot Studio agent component names a connection reference. */
export interface AgentConnectionUse {
  /** The logical name as the component names it (compare case-insensitively). */
  connectionReference: string;
  /**
   * The row of `Assets/botcomponent_connectionreferenceset.xml`, the `connectionReference:` line
   * of the component's `data`, or the knowledge source's `dvtablesearch.xml`.
   */
  location: Location;
}

export interface AgentComponent {
  /** `botcomponent schemaname`, e.g. `cr541_monitoringAgent.action.Kusto`. */
  schemaName: string;
  /** `<name>`, or the schema name when the component's own files are not in the export. */
  displayName: string;
  /** What it is, from `<componenttype>` and its data: `topic`, `action`, `knowledge`, `trigger`, … */
  kind: string;
  /** Every use, in file order: set rows first, then its data, then its knowledge sources. */
  uses: AgentConnectionUse[];
}

/** A Copilot Studio agent (bot) and its components (FORMAT-NOTES section 8). */
export interface Agent {
  /** `bot schemaname`, e.g. `cr541_monitoringAgent`. */
  schemaName: string;
  /** `<name>` in bot.xml, or the schema name. */
  displayName: string;
  /** `bots/<schema>/bot.xml`; absent for an agent known only from its components' names. */
  location?: Location;
  components: AgentComponent[];
}

export type EnvironmentVariableType =
  'String' | 'Number' | 'Boolean' | 'JSON' | 'DataSource' | 'Secret' | 'Unknown';

export interface EnvironmentVariable {
  schemaName: string;
  displayName?: string;
  type: EnvironmentVariableType;
  /** The raw `<type>` code, e.g. `100000000`. */
  typeCode?: string;
  defaultValue?: string;
  /** From `environmentvariablevalues.json` (or the 2020 `environment_variable_values.json`). */
  currentValue?: string;
  location: Location;
}

export interface MissingDependency {
  kind: 'connectionreference' | 'environmentvariable' | 'other';
  /** Logical name / schema name (for `other`: whatever identifies it best). */
  name: string;
  displayName?: string;
}

export type SolutionLayout = 'zip' | 'extracted' | 'unpacked';
export type ManagedKind = 'managed' | 'unmanaged' | 'both';

/** Everything the rules need to know about one solution. */
export interface Solution {
  /** The path as reported: relative to the working directory, forward slashes. */
  path: string;
  layout: SolutionLayout;
  uniqueName: string;
  version: string;
  managed: ManagedKind;
  connectionReferences: ConnectionReference[];
  flows: CloudFlow[];
  canvasApps: CanvasApp[];
  customConnectors: CustomConnector[];
  environmentVariables: EnvironmentVariable[];
  missingDependencies: MissingDependency[];
  /** Copilot Studio agents, sorted by schema name (empty for solutions without bots). */
  agents: Agent[];
}

/** A solution path that could not be read: becomes an SL001 finding. */
export interface UnreadableSolution {
  path: string;
  /** One line: what is wrong and what to do. */
  reason: string;
  location: Location;
}

export type SolutionReadResult =
  { ok: true; solution: Solution } | { ok: false; unreadable: UnreadableSolution };

// ---------------------------------------------------------------------------------------------
// Deployment settings (`pac solution create-settings` format)

export interface SettingsConnectionReference {
  logicalName: string;
  /** null when the key is missing or JSON null. */
  connectionId: string | null;
  connectorId: string | null;
  /** True when connectionId came (partly) from a placeholder substitution: never print it. */
  secret: boolean;
  /** The entry's `LogicalName` key: findings about the entry as a whole point there. */
  location: Location;
  /** The `ConnectionId` key (else the entry's location): findings about its value point there. */
  connectionIdLocation?: Location;
  /** The `ConnectorId` key (else the entry's location). */
  connectorIdLocation?: Location;
}

export interface SettingsEnvironmentVariable {
  schemaName: string;
  value: string | null;
  /** True when value came (partly) from a placeholder substitution: never print it. */
  secret: boolean;
  /** The entry's `SchemaName` key: findings about the entry as a whole point there. */
  location: Location;
  /** The `Value` key (else the entry's location): findings about the value point there. */
  valueLocation?: Location;
}

export interface SettingsFile {
  /** Path as reported (relative to the working directory). */
  path: string;
  connectionReferences: SettingsConnectionReference[];
  environmentVariables: SettingsEnvironmentVariable[];
}

/** A settings file that is not valid JSON or not of the pac shape: becomes a DS001 finding. */
export interface UnusableSettings {
  path: string;
  /** One line: what is wrong and what to do. */
  reason: string;
  location: Location;
}

// ---------------------------------------------------------------------------------------------
// Rules and findings

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Says what is wrong and how to fix it. Never contains a secret value. */
  message: string;
  /** The solution's unique name (or its path when it could not be read). */
  solution: string;
  /** The logical name / schema name / flow name / app name / file the finding is about. */
  subject: string;
  location?: Location;
  /** The settings file the finding was computed against, when more than one was checked. */
  settings?: string;
  /**
   * The solution's `path` in the report, when the finding is about one solution that was read:
   * two solutions may share a unique name (a managed and an unmanaged export side by side).
   */
  solutionPath?: string;
}

export interface RuleMeta {
  /** Stable id, e.g. `CR001`. */
  id: string;
  /** kebab-case slug, e.g. `unbound-connection-reference`. */
  name: string;
  defaultSeverity: Severity;
  /** One line, shown in SARIF `shortDescription` and the README table. */
  description: string;
  /** Longer explanation (SARIF `fullDescription`). */
  details: string;
  /** False for rules that still run when the settings file is unusable (CR006 to CR010). */
  needsSettings: boolean;
  /** The docs page, `docs/rules/<ID>.md`, as an absolute URL. */
  docsUrl: string;
}

/** What a rule reports; the engine adds the rule id, solution and final severity. */
export interface RuleReport {
  subject: string;
  message: string;
  location?: Location;
  /** Only for rules whose severity depends on the case (CR003, CR006); else the default. */
  severity?: Severity;
}

export interface RuleContext {
  solution: Solution;
  /** Empty settings when none were given; null when the given file was unusable (DS001). */
  settings: SettingsFile | null;
  /** Default `resolve`. */
  placeholders?: PlaceholderMode;
  /** What the online checks found in the target for this solution and settings (`--environment` only). */
  target?: TargetFacts;
  report(finding: RuleReport): void;
}

/** A settings file and every solution checked against it in one run (a monorepo). */
export interface SettingsFileContext {
  settings: SettingsFile;
  solutions: readonly Solution[];
  report(finding: RuleReport): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Runs once per (solution, settings file) pair. */
  check(context: RuleContext): void;
  /**
   * For rules about a settings file as a whole (stale entries, SPEC section 2 "Several solutions,
   * one settings file"): when present, the engine calls this once per usable settings file with
   * every solution checked against it, instead of `check` per pair.
   */
  checkSettingsFile?(context: SettingsFileContext): void;
}

// ---------------------------------------------------------------------------------------------
// The report (SPEC section 5)

export interface ReportConnectionReference {
  logicalName: string;
  displayName: string;
  connectorId: string;
  custom: boolean;
  bound: boolean;
  /**
   * What uses the reference. A canvas app is matched by connector only: it uses the reference's
   * connector, not necessarily this reference.
   */
  usedBy: ReportUser[];
  /** With `--environment`: what the target holds for the bound connection (SPEC 5). */
  target?: ReportTarget;
}

export interface ReportUser {
  kind: 'flow' | 'canvasApp' | 'agent';
  /** Flow display name, canvas app name, agent display name. */
  name: string;
  /** For an agent: the display names of its components that use the reference (not in JSON). */
  components?: string[];
}

export interface ReportAgentComponent {
  name: string;
  kind: string;
  /** Logical names, unique (case-insensitively), sorted. */
  connectionReferences: string[];
}

export interface ReportAgent {
  name: string;
  displayName: string;
  components: ReportAgentComponent[];
}

export interface ReportFlow {
  name: string;
  file: string;
  connections: { key: string; api: string; connectionReference: string | null }[];
}

export interface ReportCanvasApp {
  name: string;
  displayName: string;
  connectors: { id: string; custom: boolean }[];
}

export interface ReportEnvironmentVariable {
  schemaName: string;
  type: EnvironmentVariableType;
  hasDefault: boolean;
  hasCurrentValue: boolean;
  bound: boolean;
}

export interface ReportSolution {
  path: string;
  uniqueName: string;
  version: string;
  managed: ManagedKind;
  connectionReferences: ReportConnectionReference[];
  flows: ReportFlow[];
  canvasApps: ReportCanvasApp[];
  agents: ReportAgent[];
  environmentVariables: ReportEnvironmentVariable[];
  /**
   * The settings files this solution was checked against, sorted (empty: none). In a monorepo
   * with `settingsPerSolution` each solution has its own. Always set by the engine.
   */
  settings?: string[];
}

/** A variable that a deploy stage must define for a placeholder left in the settings (`defer`). */
export interface DeferredVariable {
  /** As written in the placeholder, e.g. `connectionreference.cat_Approvals`. */
  name: string;
  /** As an environment variable (Azure Pipelines' form), e.g. `CONNECTIONREFERENCE_CAT_APPROVALS`. */
  environmentName: string;
  /** The settings files that hold it, sorted. */
  settings: string[];
}

export interface Summary {
  errors: number;
  warnings: number;
  notes: number;
}

export interface Report {
  tool: { name: 'connref-gate'; version: string };
  solutions: ReportSolution[];
  findings: Finding[];
  summary: Summary;
  /**
   * The settings files checked, sorted, when there were several (environments): the text and
   * markdown views group findings and show a matrix by file. Not part of the JSON report, whose
   * findings name their file in `settings`.
   */
  settingsFiles?: string[];
  /**
   * Set with `placeholders: defer`: every variable that the deploy stage must define, once,
   * sorted by name (empty when no placeholder is left).
   */
  deferredVariables?: DeferredVariable[];
}

// ---------------------------------------------------------------------------------------------
// Online checks (SPEC section 6): what the target environment holds

/** The `target` facts of a connection reference in the report (SPEC 5). */
export interface ReportTarget {
  connection: 'found' | 'missing' | 'wrong-connector' | 'not-usable' | 'unchecked';
  /** The connector of the connection found, e.g. `shared_office365`. */
  connector?: string;
  /** Its first status that is not `Connected`, else `Connected`. */
  status?: string;
  /** Who created it (user principal name, e-mail or display name). */
  owner?: string;
  /** How the importing identity may use it: `owner`, its role, `group` or `listed` (caller route). */
  access?: string;
  /** One line: why it was not checked, or what else there is to know. */
  detail?: string;
}

/** A connection in the target, as the Power Apps API lists it (only what the checks need). */
export interface TargetConnection {
  /** Its name, the `ConnectionId` a settings file gives. */
  name: string;
  /** Lower-case api name of its connector, e.g. `shared_office365`. */
  connector: string;
  displayName?: string;
  /** Every status it reports; `Connected` is the good one. */
  statuses: { status: string; target?: string; code?: string; message?: string }[];
  owner?: string;
}

export type TargetAccess =
  | { kind: 'owner' }
  | { kind: 'role'; role: string }
  | { kind: 'group'; principalType: string; role?: string }
  /** Caller route: the listing holds only connections the identity may use; role unknown. */
  | { kind: 'listed' }
  | { kind: 'none' }
  | { kind: 'unchecked'; why: string };

/** What the online checks found for one bound connection reference. */
export interface ConnectionCheck {
  logicalName: string;
  /** The settings entry that binds it (for locations). */
  entry: SettingsConnectionReference;
  /**
   * `found`: in the target (see `connection`, `access`); `missing`: not in the complete listing of
   * the environment (admin route); `not-visible`: not among the connections the identity can use
   * (caller route: missing or not shared, which the route cannot tell apart); `unchecked`: why in
   * `why`.
   */
  state: 'found' | 'missing' | 'not-visible' | 'unchecked';
  why?: string;
  connection?: TargetConnection;
  access?: TargetAccess;
  route?: 'admin' | 'caller';
}

/** A check against the target that could not run, or not fully: an OL001 finding. */
export interface OnlineProblem {
  /** What was skipped, e.g. `the connection checks of 3 references (a, b, c)`. */
  skipped: string;
  /** Why, one line (service text escaped and bounded). */
  why: string;
}

export interface TargetFacts {
  /** The environment URL as given (OL001's subject). */
  environmentUrl: string;
  /** `--online strict`: OL001 is an error. */
  strict: boolean;
  /** By lower-case logical name: every reference the settings bind to a plausible connection id. */
  connections: Map<string, ConnectionCheck>;
  /** By lower-case name: MissingDependencies connection references and whether the target holds them. */
  referenceDependencies: Map<string, 'present' | 'missing' | 'unchecked'>;
  /** By lower-case schema name: MissingDependencies variables and whether the target defines them. */
  variableDependencies: Map<string, 'present' | 'missing' | 'unchecked'>;
  /** Lower-case schema names of variables the solution defines that the target holds unmanaged. */
  unmanagedVariables: Set<string>;
  problems: OnlineProblem[];
}
