/**
 * `docker` argv → the command to run or the text to print, following docker/cli 28.x
 * cmd/docker/docker.go (global flags parsed up to the first command, then cobra's
 * Execute: Find, ParseFlags, help, ValidateArgs) and its error texts / exit codes as
 * recorded from the real CLI in test/cli-command/fixtures.
 */
import { LEGACY_BUILDER_BANNER } from '../build/legacy-banner.ts';
import { buildCommandTree, commandPath, type CommandNode } from './catalog.ts';
import type { FlagValue } from './flag-values.ts';
import { renderHelp, simulatorEnv, useLine, type CliEnv } from './help.ts';
import { findCommand } from './find.ts';
import { FlagParseError, parseFlagSet, type FlagSetResult, type ParserFlag } from './pflag.ts';
import { arityError, globalOptionsOf, type GlobalOptions } from './validate.ts';
import type { CommandSpec } from './spec.ts';

export type { GlobalOptions } from './validate.ts';

/** The CLI version this simulator reports: docker/cli tag v28.5.1 (commit e180ab8ab82d). */
export const cliVersion = '28.5.1';
/** Short git commit of docker/cli v28.5.1, as `docker version` / `-v` print it. */
export const cliGitCommit = 'e180ab8';

/** Values of a command's flags after parsing. */
export interface ParsedFlags {
  /** The flag's value, or its default when unset. Throws for a name the command lacks. */
  get<T = FlagValue>(name: string): T;
  /** pflag Changed: the flag was given on the command line. */
  changed(name: string): boolean;
}

/** What to do with a docker command line. */
export type ParseOutcome =
  | {
      kind: 'run';
      command: CommandSpec;
      /** The command path as typed, canonicalised by cobra: 'docker images', 'docker image ls'. */
      invokedAs: string;
      flags: ParsedFlags;
      args: string[];
      globals: GlobalOptions;
      /** Global options given on the command line (pflag Changed), by long name: `host`, `debug`. */
      globalsChanged: string[];
      /** Text pflag writes to stdout before the command runs (deprecated-flag notices). */
      stdout: string;
      /** Text written to stderr before the command runs (deprecated global shorthand). */
      stderr: string;
    }
  | { kind: 'exit'; stdout: string; stderr: string; exitCode: number };

/** Options of {@link parseDockerArgs}. */
export interface ParseOptions {
  /** Plugins, daemon and terminal the help output depends on; default {@link simulatorEnv}. */
  env?: CliEnv;
  /**
   * `DOCKER_BUILDKIT=0`: `docker build` is the CLI's own legacy command. Otherwise,
   * with the buildx plugin installed (Docker 28's default), the CLI hands `build` to buildx, whose flag errors point at
   * `docker buildx build --help` (docker/cli cmd/docker/builder.go, buildx's cobra).
   */
  legacyBuilder?: boolean;
}

/** docker/cli's persistent `--help`, whose `-h` is deprecated (cli/cobra.go). */
function helpFlag(spec: CommandSpec): ParserFlag {
  const shadowed = spec.flags.some((f) => f.shorthand === 'h');
  return { name: 'help', type: 'bool', usage: 'Print usage', valueName: '', hidden: true, ...(shadowed ? {} : { shorthand: 'h', shorthandDeprecated: 'use --help' }) };
}

function flagsOf(r: FlagSetResult): ParsedFlags {
  return {
    get<T>(name: string): T {
      if (!r.values.has(name)) throw new Error(`no flag --${name}`);
      return r.values.get(name) as T;
    },
    changed: (name) => r.changed.has(name),
  };
}

const trees = new Map<string, CommandNode>();

/** The command tree for these plugins, built once per plugin set. */
function commandTree(env: CliEnv): CommandNode {
  const key = env.plugins.map((p) => `${p.name}\0${p.short}`).join('\0');
  let tree = trees.get(key);
  if (!tree) trees.set(key, (tree = buildCommandTree(env.plugins)));
  return tree;
}

const exit = (stdout: string, stderr: string, exitCode: number): ParseOutcome => ({ kind: 'exit', stdout, stderr, exitCode });

/** docker/cli FlagErrorFunc: exit 125 with the usage line. */
function flagError(node: CommandNode, message: string): string {
  return `${message}\n\nUsage:  ${useLine(node)}\n\nRun '${commandPath(node)} --help' for more information\n`;
}

/** Parses a docker command line (argv without the leading `docker`). */
export function parseDockerArgs(argv: readonly string[], options: ParseOptions = {}): ParseOutcome {
  const env = options.env ?? simulatorEnv;
  const root = commandTree(env);
  // HandleGlobalFlags: root flags only, stopping at the first non-flag (the command).
  const rootHelp = helpFlag(root.spec);
  let globals: FlagSetResult;
  try {
    globals = parseFlagSet([...root.spec.flags, rootHelp], argv, false);
  } catch (e) {
    if (!(e instanceof FlagParseError)) throw e;
    return exit('', e.notices + flagError(root, e.message), 125);
  }
  // The global flag set writes to stderr directly.
  const preStderr = globals.notices;
  const opts = globalOptionsOf(globals);
  if (typeof opts === 'string') return exit('', `${preStderr}${opts}\n`, 1);
  const helpRequested = globals.values.get('help') === true;
  const rest = globals.args;

  if (rest.length === 0) {
    if (helpRequested) return exit(renderHelp(root, env), preStderr, 0);
    if (globals.values.get('version') === true) return exit(`Docker version ${cliVersion}, build ${cliGitCommit}\n`, preStderr, 0);
    // The root command's RunE: ShowHelp(stderr).
    return exit('', preStderr + renderHelp(root, env), 0);
  }
  if (rest[0] === 'help') return helpCommand(root, rest.slice(1), env, preStderr);

  const { node, args } = findCommand(root, rest);
  const spec = node.spec;
  let parsed: FlagSetResult;
  if (spec.disableFlagParsing) {
    // A plugin parses its own flags; `docker --help buildx` becomes `buildx --help` (tryRunPluginHelp).
    parsed = { values: new Map(), changed: new Set(), args: helpRequested ? ['--help', ...args] : [...args], notices: '' };
  } else {
    try {
      // The help flag object is shared with the global parse: `docker --help images` shows images' help.
      const seed: FlagSetResult = { values: new Map<string, FlagValue>([['help', helpRequested]]), changed: new Set(), args: [], notices: '' };
      if (node === root) for (const [k, v] of globals.values) seed.values.set(k, v);
      parsed = parseFlagSet([...spec.flags, node === root ? rootHelp : helpFlag(spec)], args, !spec.noInterspersed, seed);
    } catch (e) {
      if (!(e instanceof FlagParseError)) throw e;
      const buildx = spec.path === 'image build' && env.plugins.some((p) => p.name === 'buildx');
      if (buildx && !options.legacyBuilder) return exit('', `${preStderr}${e.message}\nSee 'docker buildx build --help'.\n`, 125);
      // The legacy builder's deprecation banner comes first, as the CLI prints it before parsing the command.
      return exit('', preStderr + (buildx ? LEGACY_BUILDER_BANNER : '') + flagError(node, e.message), 125);
    }
  }
  if (parsed.values.get('help') === true) return exit(parsed.notices + renderHelp(node, env), preStderr, 0);
  // Only the root command has a version flag (cobra checks it right after --help).
  if (node === root && parsed.values.get('version') === true) return exit(`${parsed.notices}Docker version ${cliVersion}, build ${cliGitCommit}\n`, preStderr, 0);
  const arity = arityError(node, parsed.args);
  if (arity) return exit(parsed.notices, `${preStderr}${arity}\n`, 1);
  // Management commands run bare: ShowHelp(stderr), exit 0.
  // docker manifest's Run prints "\n" + UsageString instead (manifest/cmd.go).
  if (spec.isGroup) return exit(parsed.notices, preStderr + (spec.path === 'manifest' ? '\n' : '') + renderHelp(node, env), 0);
  return {
    kind: 'run',
    command: spec,
    invokedAs: commandPath(node),
    flags: flagsOf(parsed),
    args: parsed.args,
    globals: opts,
    globalsChanged: [...globals.changed].filter((name) => name !== 'help' && name !== 'version'),
    stdout: parsed.notices,
    stderr: preStderr,
  };
}

/** docker/cli helpCommand: `docker help [command]` (cli/cobra.go). */
function helpCommand(root: CommandNode, args: string[], env: CliEnv, preStderr: string): ParseOutcome {
  const helpNode: CommandNode = { name: 'help', aliases: [], parent: root, children: [], spec: { path: 'help', use: 'help [command]', aliases: [], short: 'Help about the command', args: {}, flags: [] } };
  let parsed: FlagSetResult;
  try {
    parsed = parseFlagSet([helpFlag(helpNode.spec)], args, true);
  } catch (e) {
    if (!(e instanceof FlagParseError)) throw e;
    return exit('', preStderr + flagError(helpNode, e.message), 125);
  }
  if (parsed.values.get('help') === true) return exit(parsed.notices + renderHelp(helpNode, env), preStderr, 0);
  const found = findCommand(root, parsed.args);
  if (found.args.length > 0) return exit(parsed.notices, `${preStderr}unknown help topic: ${found.args.join(' ')}\n`, 1);
  return exit(parsed.notices + renderHelp(found.node, env), preStderr, 0);
}
