/**
 * Help output: a port of docker/cli's cobra usage template (cli/cobra.go usageTemplate,
 * v28.5.1) over the command tree, including its daemon-dependent hiding
 * (cmd/docker/docker.go hideUnsupportedFeatures) and CLI-plugin entries.
 */
import { commandPath, type CommandNode } from './catalog.ts';
import { flagUsagesWrapped } from './flag-usages.ts';
import type { CommandSpec, FlagSpec, PluginStub } from './spec.ts';

/** What the real CLI's output depends on besides the argv. */
export interface CliEnv {
  /** Installed CLI plugins (root help lists them with a `*`). */
  plugins: readonly PluginStub[];
  /**
   * The daemon as the CLI sees it; absent = unreachable, in which case nothing is hidden
   * (that is how the fixtures were recorded).
   */
  daemon?: { experimental: boolean; osType: string; swarmManager?: boolean };
  /** Terminal columns; help wraps flag usages at width - 1 (80 when not a terminal). */
  termWidth?: number;
  /** Stdout is a terminal: the root help's last line is bold (docker/cli additionalHelp). */
  tty?: boolean;
}

/** The environment the fixtures were recorded in: CLI 28.2.2, no daemon, no plugins. */
export const recordedEnv: CliEnv = { plugins: [] };

/**
 * The simulated install: Docker Engine 28.5 on Linux, not experimental, with the buildx
 * plugin (so root help lists `buildx*` and the `bake` stub, and hides `checkpoint`).
 */
export const simulatorEnv: CliEnv = {
  plugins: [{ name: 'buildx', short: 'Docker Buildx' }],
  daemon: { experimental: false, osType: 'linux' },
};

/** docker/cli additionalHelp annotation of the root command. */
const additionalHelp = 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/';

type Annotated = Pick<CommandSpec, 'annotations'> | Pick<FlagSpec, 'annotations'>;

/** hideUnsupportedFeatures: experimental / ostype annotations against the daemon. */
function hiddenByDaemon(item: Annotated, env: CliEnv): boolean {
  const a = item.annotations;
  if (!a || !env.daemon) return false;
  // `swarm`: docker/cli's "swarm": "manager" annotation, hidden unless the daemon manages a swarm (the simulated one never does).
  return (a.experimental === true && !env.daemon.experimental) || (a.ostype !== undefined && a.ostype !== env.daemon.osType) || (a.swarm === true && env.daemon.swarmManager !== true);
}

/** Flags help lists: not hidden, not deprecated, not hidden by the daemon. */
export function visibleFlags(spec: CommandSpec, env: CliEnv): FlagSpec[] {
  return spec.flags.filter((f) => !f.hidden && !f.deprecated && !hiddenByDaemon(f, env));
}

/** cobra IsAvailableCommand. */
function isAvailable(node: CommandNode, env: CliEnv): boolean {
  return !node.hidden && !hiddenByDaemon(node.spec, env);
}

function hasSubCommands(node: CommandNode): boolean {
  return node.children.length > 0;
}

/** cobra NamePadding: the longest sibling name (hidden ones included), at least 11. */
function namePadding(node: CommandNode): number {
  return Math.max(11, ...(node.parent?.children ?? []).map((c) => c.name.length));
}

/** cobra UseLine (flags disabled in use line by docker): parent path + Use with this node's name. */
export function useLine(node: CommandNode): string {
  const use = node.spec.use;
  const rest = use.slice(use.split(' ')[0].split('\n')[0].length);
  return node.parent ? `${commandPath(node.parent)} ${node.name}${rest}` : use;
}

/** docker/cli commandAliases: the "aliases" annotation or path plus cobra aliases. */
function aliasesLine(node: CommandNode): string | undefined {
  const s = node.spec;
  if (!s.aliases.length && !s.topLevel && !s.extraPaths?.length) return undefined;
  const words = s.path.split(' ');
  const parent = words.slice(0, -1).map((w) => `${w} `).join('');
  return [s.path, ...s.aliases.map((a) => parent + a), ...(s.topLevel ? [s.topLevel] : []), ...(s.extraPaths ?? [])].map((p) => `docker ${p}`).join(', ');
}

function isExperimental(node: CommandNode | undefined): boolean {
  return node !== undefined && (node.spec.experimentalCLI === true || isExperimental(node.parent));
}

const rpad = (s: string, n: number) => s.padEnd(n);

/** Renders `docker … --help` for a command node exactly as docker/cli's usage template. */
export function renderHelp(node: CommandNode, env: CliEnv): string {
  const spec = node.spec;
  const flags = visibleFlags(spec, env);
  const width = env.termWidth ?? 80;
  let out = 'Usage:';
  out += hasSubCommands(node) ? `  ${commandPath(node)}${flags.length ? ' [OPTIONS]' : ''} COMMAND` : `  ${useLine(node)}`;
  out += `\n\n${(spec.long ?? spec.short).trim()}`;
  if (isExperimental(node)) {
    out += `\n\nEXPERIMENTAL:\n  ${commandPath(node)} is an experimental feature.
  Experimental features provide early access to product functionality. These
  features may change between releases without warning, or can be removed from a
  future release. Learn more about experimental features in our documentation:
  https://docs.docker.com/go/experimental/`;
  }
  const aliases = aliasesLine(node);
  if (aliases) out += `\n\nAliases:\n  ${aliases}`;
  if (node.parent && flags.length) out += `\n\nOptions:\n${flagUsagesWrapped(flags, width - 1).trimEnd()}`;
  const available = node.children.filter((c) => isAvailable(c, env));
  const decorated = (c: CommandNode) => `  ${rpad(c.name + (c.plugin ? '*' : ' '), namePadding(c) + 1)}${c.spec.short}`;
  if (!node.parent) {
    const top = available.filter((c) => c.spec.group === 'common' && !c.plugin);
    // sort.SliceStable with sortorder.NaturalLess on the category-top numbers.
    top.sort((a, b) => (a.spec.topOrder ?? 0) - (b.spec.topOrder ?? 0));
    if (top.length) out += `\n\nCommon Commands:\n${top.map(decorated).join('\n')}`;
  }
  // Management and Swarm blocks apply at every level (`docker trust` lists `key`, `signer`).
  {
    const management = available.filter((c) => c.plugin || (hasSubCommands(c) && c.spec.group !== 'swarm'));
    if (management.length) out += `\n\nManagement Commands:\n${management.map(decorated).join('\n')}`;
    const swarm = available.filter((c) => hasSubCommands(c) && c.spec.group === 'swarm');
    if (swarm.length) out += `\n\nSwarm Commands:\n${swarm.map(decorated).join('\n')}`;
  }
  const operations = available.filter((c) => !c.plugin && !hasSubCommands(c) && !(!node.parent && c.spec.group === 'common'));
  if (operations.length) out += `\n\nCommands:\n${operations.map((c) => `  ${rpad(c.name, namePadding(c))} ${c.spec.short}`).join('\n')}`;
  if (!node.parent && flags.length) out += `\n\nGlobal Options:\n${flagUsagesWrapped(flags, width - 1).trimEnd()}`;
  if (hasSubCommands(node)) out += `\n\nRun '${commandPath(node)} COMMAND --help' for more information on a command.`;
  if (!node.parent) out += `\n\n${env.tty ? `\x1b[1m${additionalHelp}\x1b[0m` : additionalHelp}`;
  return `${out}\n`;
}
