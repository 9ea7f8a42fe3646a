/**
 * Post-parse checks with docker/cli 28.x wording: positional-argument validators
 * (cli/required.go, the root's noArgs in cmd/docker/docker.go) and the global options the
 * CLI checks while initialising (cli/command/cli.go, cli/flags).
 */
import { commandPath, type CommandNode } from './catalog.ts';
import type { FlagValue } from './flag-values.ts';
import { useLine } from './help.ts';
import type { FlagSetResult } from './pflag.ts';

/** Global options (`docker [OPTIONS] COMMAND`), docker/cli cli/flags.ClientOptions. */
export interface GlobalOptions {
  config: string;
  /** `-c/--context`; '' when not given. */
  context: string;
  debug: boolean;
  /** `-H/--host`, in order given. */
  hosts: string[];
  /** Lower-cased logrus level. */
  logLevel: string;
  tls: boolean;
  tlscacert: string;
  tlscert: string;
  tlskey: string;
  tlsverify: boolean;
}

const pluralize = (word: string, n: number) => (n === 1 ? word : `${word}s`);

/**
 * The Args validator's error for these positionals, or undefined if they are accepted.
 * Texts recorded from CLI 28.2.2 (fixtures/arity), including required.go's "SRun" typo
 * in RequiresMaxArgs, which is still present in v28.5.1.
 */
export function arityError(node: CommandNode, args: readonly string[]): string | undefined {
  const path = commandPath(node);
  const usage = `\n\nUsage:  ${useLine(node)}\n\n`;
  if (!node.parent) {
    return args.length ? `docker: unknown command: docker ${args[0]}\n\nRun 'docker --help' for more information` : undefined;
  }
  const a = node.spec.args;
  const n = args.length;
  if (node.spec.isGroup || a.none) {
    if (n === 0) return undefined;
    return node.children.length
      ? `docker: unknown command: ${path} ${args[0]}${usage}Run '${path} --help' for more information`
      : `docker: '${path}' accepts no arguments${usage}Run '${path} --help' for more information`;
  }
  if (a.cobra && a.exact !== undefined) return n === a.exact ? undefined : `accepts ${a.exact} arg(s), received ${n}`;
  if (a.exact !== undefined) {
    return n === a.exact ? undefined : `docker: '${path}' requires ${a.exact} ${pluralize('argument', a.exact)}${usage}Run '${path} --help' for more information`;
  }
  if (a.min !== undefined && a.max !== undefined) {
    return n >= a.min && n <= a.max
      ? undefined
      : `docker: '${path}' requires at least ${a.min} and at most ${a.max} ${pluralize('argument', a.max)}${usage}Run '${path} --help' for more information`;
  }
  if (a.min !== undefined && n < a.min) return `docker: '${path}' requires at least ${a.min} ${pluralize('argument', a.min)}${usage}See '${path} --help' for more information`;
  if (a.max !== undefined && n > a.max) return `docker: '${path}' requires at most ${a.max} ${pluralize('argument', a.max)}${usage}SRun '${path} --help' for more information`;
  return undefined;
}

// logrus.ParseLevel accepts these, case-insensitively.
const logLevels = new Set(['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace']);

/** The global options, or the error text (exit 1) the CLI's initialisation prints. */
export function globalOptionsOf(r: FlagSetResult): GlobalOptions | string {
  const v = (name: string): FlagValue => r.values.get(name)!;
  const logLevel = String(v('log-level'));
  if (!logLevels.has(logLevel.toLowerCase())) return `Unable to parse logging level: ${logLevel}`;
  const hosts = v('host') as string[];
  const context = String(v('context'));
  if (hosts.length > 0 && context !== '') return 'conflicting options: cannot specify both --host and --context';
  return {
    config: String(v('config')),
    context,
    debug: v('debug') === true,
    hosts,
    logLevel: logLevel.toLowerCase(),
    tls: v('tls') === true,
    tlscacert: String(v('tlscacert')),
    tlscert: String(v('tlscert')),
    tlskey: String(v('tlskey')),
    tlsverify: v('tlsverify') === true,
  };
}
