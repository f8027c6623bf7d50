// The `connref-gate` command line. `run` takes the arguments and the streams it writes to and
// returns the exit code, so that tests call it directly and index.ts stays one line.
import { UsageError, errorMessage } from '../core/errors.js';
import {
  FAIL_ON_VALUES,
  onlineSummaryText,
  resolvedSettingsNote,
} from '../core/adapter-support.js';
import { summaryText } from '../core/format/common.js';
import { formatReport, isOutputFormat, OUTPUT_FORMATS } from '../core/format/index.js';
import { assertWritable, runGate, writeOutputFile } from '../core/gate.js';
import { redactSecrets } from '../core/engine.js';
import type { FailOn } from '../core/model.js';
import { formatInitText, initOutOfStep } from '../core/format/init.js';
import { init, InitSolutionError } from '../core/init.js';
import { parseRuleOverrides } from '../core/rules/index.js';
import { oneLine as visible } from '../core/text.js';
import { REPOSITORY_URL, TOOL_NAME, VERSION } from '../core/version.js';
import { ONLINE_OPTION_NAMES, onlineOptions } from './online.js';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Whether stdout is a terminal (colour by default). */
  isTTY: boolean;
}

/** Exit codes of SPEC section 3; internal errors share 2 with usage errors, as the SPEC has no other. */
export const EXIT_PASS = 0;
export const EXIT_FAIL = 1;
export const EXIT_USAGE = 2;

export const HELP = `Usage: ${TOOL_NAME} check --solution PATH... [options]
       ${TOOL_NAME} init --solution PATH [--settings FILE...] [--check]
       ${TOOL_NAME} help | --help | --version

Checks the connection references and environment variables of Power Platform solutions against
a deployment-settings file (pac solution create-settings) before import.

Options of check:
  --solution PATH...     solution zip, unpacked solution folder, extracted zip, or a folder or
                         glob holding several; repeatable (required)
  --settings FILE...     deployment-settings JSON file(s) or glob; repeatable. Every solution is
                         checked against each. Without it: against empty settings
  --settings-per-solution PATH...
                         each solution's own settings file(s): a path or glob looked up from
                         the solution's folder upwards, e.g. config/Prod/deploymentSettings.json
                         (Kit/src or Kit/SolutionPackage/src pairs with Kit/config/Prod/…);
                         not together with --settings
  --placeholders MODE    resolve (default): a placeholder left after substitution is an error
                         (CR002); defer: pull-request validation of settings that the deploy
                         stage fills in, where one left is a note naming the variable to define
  --format FORMAT        text (default), json, sarif or markdown
  --output FILE          write the report to FILE instead of stdout
  --fail-on LEVEL        error (default), warning or never: the lowest severity that fails
  --rule ID=SEVERITY     override a rule: error, warning, note or off; repeatable (CR010=off)
  --sarif-file FILE      also write SARIF 2.1.0 to FILE
  --report-file FILE     also write the JSON report to FILE
  --resolved-settings FILE
                         write the settings after placeholder substitution, restricted to
                         what the solution defines, for pac solution import --settings-file
                         (one solution, one settings file; only when there are no errors;
                         mode 0600)
  --environment URL      also check the target environment, read-only (its Dataverse URL,
                         e.g. https://contoso-prod.crm4.dynamics.com): CR012-CR016, EV006,
                         EV007, OL001. Signs in as AZURE_TENANT_ID + AZURE_CLIENT_ID with
                         AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or
                         AZURE_FEDERATED_TOKEN_FILE, else with the Azure CLI's login;
                         through HTTPS_PROXY unless NO_PROXY names the host
  --online MODE          warn (default) or strict: OL001 (a check that could not run) is an
                         error with strict
  --cloud NAME           Public, UsGov, UsGovHigh, UsGovDod or China (default: from the URL)
  --environment-id ID    the environment id of the Power Apps API (default: asked from
                         Dataverse)
  --online-timeout SEC   deadline of the online checks (default 60)
  -h, --help             show this help
  -v, --version          show the version

Options of init (writes or updates a deployment-settings file for one solution: keeps every
value and extra key already there, adds missing entries with ConnectionId "" and Value null,
removes entries the solution no longer has, and prints the names it added, kept and removed):
  --solution PATH        the one solution (zip, unpacked folder or extracted zip)
  --settings FILE...     the settings file(s) or glob to create or update
                         (default: deploymentSettings.json in the working directory)
  --check                write nothing; exit 1 and list the changes when a file is out of
                         step with the solution (a CI drift check)

Placeholders #{NAME}#, #{NAME} and $(NAME) in settings values are replaced from the
environment before checking; substituted values appear in no output but the
--resolved-settings file. With --placeholders defer, the variables still needed are listed
once, for the deploy stage to define.
Colour: on a terminal unless NO_COLOR is set; FORCE_COLOR forces it.

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it,
2 usage error, a path that does not exist, or an internal error.
init: 0 written or up to date, 1 out of step (--check), an unusable settings file (never
overwritten) or a solution that cannot be read, 2 usage error.

Docs: ${REPOSITORY_URL}#command-line
`;

type Arity = 'flag' | 'one' | 'many';

const OPTIONS: Record<string, Arity> = {
  solution: 'many',
  settings: 'many',
  'settings-per-solution': 'many',
  placeholders: 'one',
  format: 'one',
  output: 'one',
  'fail-on': 'one',
  rule: 'one',
  'sarif-file': 'one',
  'report-file': 'one',
  'resolved-settings': 'one',
  environment: 'one',
  online: 'one',
  cloud: 'one',
  'environment-id': 'one',
  'online-timeout': 'one',
  check: 'flag',
  help: 'flag',
  version: 'flag',
};

const SHORT_OPTIONS: Record<string, string> = { h: 'help', v: 'version', o: 'output', f: 'format' };

/** Options that may be given more than once; the values add up. */
const REPEATABLE = new Set(['solution', 'settings', 'settings-per-solution', 'rule']);

interface ParsedArgs {
  positionals: string[];
  values: Map<string, string[]>;
  flags: Set<string>;
}

function isOptionLike(arg: string): boolean {
  return arg.startsWith('-') && arg !== '-';
}

/**
 * A small parser rather than util.parseArgs: `--solution a.zip b.zip` must take every path that
 * an unquoted shell glob expands to, and errors must read as one short line.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: new Map(), flags: new Set() };
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || !isOptionLike(arg)) {
      parsed.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    let name: string;
    let inlineValue: string | undefined;
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
      inlineValue = equals === -1 ? undefined : arg.slice(equals + 1);
    } else {
      const long = SHORT_OPTIONS[arg.slice(1)];
      if (long === undefined)
        throw new UsageError(`unknown option ${arg} (see ${TOOL_NAME} --help)`);
      name = long;
    }
    const arity = Object.hasOwn(OPTIONS, name) ? OPTIONS[name] : undefined;
    if (arity === undefined) {
      const nearest = nearestOption(name);
      const hint = nearest === undefined ? '' : `; did you mean --${nearest}?`;
      throw new UsageError(`unknown option --${name}${hint} (see ${TOOL_NAME} --help)`);
    }
    if (arity === 'flag') {
      if (inlineValue !== undefined) throw new UsageError(`option --${name} takes no value`);
      parsed.flags.add(name);
      continue;
    }
    const values: string[] = [];
    if (inlineValue !== undefined) {
      values.push(inlineValue);
    } else {
      const next = argv[i + 1];
      if (next === undefined || isOptionLike(next)) {
        throw new UsageError(`option --${name} needs a value (see ${TOOL_NAME} --help)`);
      }
      values.push(next);
      i++;
      // An unquoted glob reaches us already expanded by the shell into several arguments.
      while (arity === 'many' && argv[i + 1] !== undefined && !isOptionLike(argv[i + 1]!)) {
        values.push(argv[++i]!);
      }
    }
    const previous = parsed.values.get(name);
    if (previous && !REPEATABLE.has(name)) {
      throw new UsageError(`option --${name} given more than once`);
    }
    parsed.values.set(name, [...(previous ?? []), ...values]);
  }
  return parsed;
}

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/** The known option closest to a mistyped one, when it is close enough to be meant. */
function nearestOption(name: string): string | undefined {
  const typed = name.toLowerCase().slice(0, 64);
  let best: { option: string; distance: number } | undefined;
  for (const option of Object.keys(OPTIONS)) {
    const distance =
      option.startsWith(typed) && typed.length >= 3 ? 0 : editDistance(typed, option);
    if (best === undefined || distance < best.distance) best = { option, distance };
  }
  return best !== undefined && best.distance <= Math.max(2, Math.floor(best.option.length / 3))
    ? best.option
    : undefined;
}

function isFailOn(value: string): value is FailOn {
  return (FAIL_ON_VALUES as readonly string[]).includes(value);
}

function single(args: ParsedArgs, name: string): string | undefined {
  return args.values.get(name)?.[0];
}

function useColor(io: CliIo): boolean {
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  return io.isTTY;
}

/** Options that belong to the other command are an error, not silently ignored. */
const COMMAND_OPTIONS: Record<'check' | 'init', ReadonlySet<string>> = {
  check: new Set([
    'solution',
    'settings',
    'settings-per-solution',
    'placeholders',
    'format',
    'output',
    'fail-on',
    'rule',
    'sarif-file',
    'report-file',
    'resolved-settings',
    ...ONLINE_OPTION_NAMES,
  ]),
  init: new Set(['solution', 'settings', 'check']),
};

function assertOptionsOf(command: 'check' | 'init', args: ParsedArgs): void {
  for (const name of [...args.values.keys(), ...args.flags]) {
    if (name === 'help' || name === 'version') continue;
    if (!COMMAND_OPTIONS[command].has(name)) {
      throw new UsageError(
        `option --${name} is not an option of ${command} (see ${TOOL_NAME} --help)`,
      );
    }
  }
}

/** The --solution values of a command, after refusing stray arguments and a missing --solution. */
function solutionsOf(command: 'check' | 'init', args: ParsedArgs, whatToGive: string): string[] {
  assertOptionsOf(command, args);
  if (args.positionals.length > 1) {
    throw new UsageError(
      `unexpected argument ${args.positionals[1]} (give paths after --solution or --settings)`,
    );
  }
  const solutions = args.values.get('solution') ?? [];
  if (solutions.length === 0) throw new UsageError(`missing --solution: give ${whatToGive}`);
  return solutions;
}

async function runCheck(args: ParsedArgs, io: CliIo): Promise<number> {
  const solutions = solutionsOf(
    'check',
    args,
    'a solution zip, an unpacked solution folder, or a folder or glob holding several',
  );
  const format = single(args, 'format') ?? 'text';
  if (!isOutputFormat(format)) {
    throw new UsageError(`bad --format ${format}: use ${OUTPUT_FORMATS.join(', ')}`);
  }
  const failOn = single(args, 'fail-on') ?? 'error';
  if (!isFailOn(failOn)) {
    throw new UsageError(`bad --fail-on ${failOn}: use ${FAIL_ON_VALUES.join(', ')}`);
  }
  const placeholders = single(args, 'placeholders') ?? 'resolve';
  if (placeholders !== 'resolve' && placeholders !== 'defer') {
    throw new UsageError(`bad --placeholders ${placeholders}: use resolve or defer`);
  }
  const rules = parseRuleOverrides(args.values.get('rule') ?? []);
  const output = single(args, 'output');
  const toFile = output !== undefined && output !== '-';
  const online = onlineOptions((name) => single(args, name), io.env);

  const outcome = await runGate({
    solutions,
    settings: args.values.get('settings') ?? [],
    settingsPerSolution: args.values.get('settings-per-solution') ?? [],
    placeholders,
    cwd: io.cwd,
    env: io.env,
    rules,
    failOn,
    sarifFile: single(args, 'sarif-file'),
    reportFile: single(args, 'report-file'),
    resolvedSettingsFile: single(args, 'resolved-settings'),
    ...(online && { online }),
  });
  const { report, secrets } = outcome.result;
  const text = redactSecrets(
    formatReport(report, format, {
      color: !toFile && useColor(io),
      failOn,
    }),
    secrets,
  );
  if (toFile) {
    assertWritable(output, outcome.result, io.cwd, 'output file');
    await writeOutputFile(output, text, io.cwd);
    io.stdout.write(
      `${TOOL_NAME}: wrote the ${format} report to ${output}: ${summaryText(report.summary)}\n`,
    );
  } else {
    io.stdout.write(text);
  }
  // Never the content: only where it went and how many entries it holds. Next to a report on
  // stdout (which may be JSON or SARIF) the line goes to stderr.
  const log = toFile ? io.stdout : io.stderr;
  const resolved = resolvedSettingsNote(outcome, undefined);
  if (resolved) log.write(`${resolved.text}\n`);
  const onlineNote = outcome.result.online && onlineSummaryText(outcome.result.online);
  if (onlineNote) log.write(`${redactSecrets(visible(onlineNote), secrets)}\n`);
  return outcome.failed ? EXIT_FAIL : EXIT_PASS;
}

async function runInit(args: ParsedArgs, io: CliIo): Promise<number> {
  const solutions = solutionsOf(
    'init',
    args,
    'the one solution (zip or unpacked folder) to write settings for',
  );
  const checkOnly = args.flags.has('check');
  let result;
  try {
    result = await init({
      solution: solutions,
      settings: args.values.get('settings') ?? [],
      cwd: io.cwd,
      check: checkOnly,
    });
  } catch (error) {
    if (!(error instanceof InitSolutionError)) throw error;
    io.stderr.write(`${TOOL_NAME}: ${visible(error.message)}; no settings written\n`);
    return EXIT_FAIL;
  }
  for (const line of formatInitText(result, checkOnly)) {
    io[line.stream].write(`${line.text}\n`);
  }
  if (checkOnly) return initOutOfStep(result) ? EXIT_FAIL : EXIT_PASS;
  return result.files.some((file) => file.status === 'unusable') ? EXIT_FAIL : EXIT_PASS;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.flags.has('help')) {
    io.stdout.write(HELP);
    return EXIT_PASS;
  }
  if (args.flags.has('version')) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_PASS;
  }
  const command = args.positionals[0];
  switch (command) {
    case 'check':
      return runCheck(args, io);
    case 'help':
      io.stdout.write(HELP);
      return EXIT_PASS;
    case 'init':
      return runInit(args, io);
    case undefined:
      throw new UsageError(
        `missing command: ${TOOL_NAME} check --solution PATH (see ${TOOL_NAME} --help)`,
      );
    default:
      throw new UsageError(
        `unknown command ${command} (commands: check, init, help; see ${TOOL_NAME} --help)`,
      );
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/** Runs the CLI and returns its exit code; never throws, never prints a stack trace. */
export async function run(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const fullIo: CliIo = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    isTTY: io.isTTY ?? process.stdout.isTTY === true,
  };
  try {
    return await dispatch(argv, fullIo);
  } catch (error) {
    if (error instanceof UsageError) {
      fullIo.stderr.write(`${TOOL_NAME}: ${oneLine(error.message)}\n`);
    } else {
      // A bug, not the user's fault: one line, and the stack only when asked for.
      fullIo.stderr.write(
        `${TOOL_NAME}: internal error: ${oneLine(errorMessage(error))} (please report it at ${REPOSITORY_URL}/issues; set CONNREF_GATE_DEBUG=1 for details)\n`,
      );
      if (fullIo.env['CONNREF_GATE_DEBUG'] && error instanceof Error && error.stack) {
        fullIo.stderr.write(`${error.stack}\n`);
      }
    }
    return EXIT_USAGE;
  }
}
