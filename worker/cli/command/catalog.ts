/**
 * The docker command tree as cobra builds it in docker/cli 28.x: every command of the
 * generated catalog files, reachable under its canonical path, its cobra aliases, its legacy
 * top-level name (`images`, `rmi`, `ps`, …) and extra paths (`builder build`).
 */
import { containerCommands } from './catalog-container.ts';
import { imageCommands } from './catalog-image.ts';
import { networkCommands } from './catalog-network.ts';
import { otherCommands } from './catalog-other.ts';
import { rootCommand } from './catalog-root.ts';
import { serviceCommands } from './catalog-service.ts';
import { swarmCommands } from './catalog-swarm.ts';
import { systemCommands } from './catalog-system.ts';
import type { CommandSpec, PluginStub } from './spec.ts';

/** docker/cli v28.5.1: `bake` is a stub aliased to `docker buildx bake` when buildx is installed (builder/cmd.go). */
const bakeStub: CommandSpec = {
  path: 'bake',
  use: 'bake [OPTIONS] [TARGET...]',
  aliases: [],
  short: 'Build from a file',
  args: {},
  flags: [],
  group: 'common',
  topOrder: 5,
  requiresPlugin: 'buildx',
  disableFlagParsing: true,
};

/** Every command spec of Docker CLI 28.x (all management groups included). */
export const commandSpecs: readonly CommandSpec[] = [
  ...imageCommands,
  ...containerCommands,
  ...systemCommands,
  ...otherCommands,
  ...networkCommands,
  ...swarmCommands,
  ...serviceCommands,
  bakeStub,
];

export { rootCommand };

/** One cobra command object: a spec reached under one particular name. */
export interface CommandNode {
  /** Name the parent's Find matches (last word of the path). */
  name: string;
  /** Further names under the same parent (cobra Aliases). */
  aliases: string[];
  spec: CommandSpec;
  parent?: CommandNode;
  /** Sorted by name, as cobra's Commands() returns them. */
  children: CommandNode[];
  /** True for a CLI plugin's stub command (root help decorates its name with `*`). */
  plugin?: boolean;
  /** cobra Hidden: runs, but help does not list it (the `bake` stub without buildx). */
  hidden?: boolean;
}

/** cobra CommandPath(): `docker image ls`, `docker images`, `docker`. */
export function commandPath(node: CommandNode): string {
  return node.parent ? `${commandPath(node.parent)} ${node.name}` : 'docker';
}

/**
 * Builds the cobra tree. Commands requiring a plugin are hidden unless it is installed
 * (cmd/docker/docker.go hides `bake` without buildx; running it then is the builder
 * layer's business), and each installed plugin adds a stub
 * (pluginmanager.AddPluginCommandStubs).
 */
export function buildCommandTree(plugins: readonly PluginStub[]): CommandNode {
  const root: CommandNode = { name: 'docker', aliases: [], spec: rootCommand, children: [] };
  const installed = new Set(plugins.map((p) => p.name));
  const nodeAt = new Map<string, CommandNode>([['', root]]);
  const attach = (fullPath: string, spec: CommandSpec, aliases: string[]): void => {
    const words = fullPath.split(' ');
    const parent = nodeAt.get(words.slice(0, -1).join(' '));
    if (!parent) throw new Error(`no parent command for ${fullPath}`);
    const node: CommandNode = { name: words.at(-1)!, aliases, spec, parent, children: [] };
    parent.children.push(node);
    nodeAt.set(fullPath, node);
  };
  // Parents before children: sort by depth.
  const specs = [...commandSpecs].sort((a, b) => a.path.split(' ').length - b.path.split(' ').length);
  for (const spec of specs) attach(spec.path, spec, spec.aliases);
  for (const spec of specs) if (spec.requiresPlugin && !installed.has(spec.requiresPlugin)) nodeAt.get(spec.path)!.hidden = true;
  for (const spec of specs) {
    if (spec.topLevel) attach(spec.topLevel, spec, []);
    for (const extra of spec.extraPaths ?? []) attach(extra, spec, []);
  }
  for (const plugin of plugins) {
    const spec: CommandSpec = { path: plugin.name, use: plugin.name, aliases: [], short: plugin.short, args: {}, flags: [], group: 'management', disableFlagParsing: true };
    root.children.push({ name: plugin.name, aliases: [], spec, parent: root, children: [], plugin: true });
  }
  for (const node of nodeAt.values()) node.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return root;
}

/** cobra findNext: a child by exact name or alias (docker disables prefix matching). */
export function findChild(node: CommandNode, name: string): CommandNode | undefined {
  return node.children.find((c) => c.name === name || c.aliases.includes(name));
}

/** The spec whose canonical path is `path` ('image ls'), if any. */
export function specByPath(path: string): CommandSpec | undefined {
  return path === '' ? rootCommand : commandSpecs.find((s) => s.path === path);
}
