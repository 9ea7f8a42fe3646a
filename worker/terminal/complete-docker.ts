/**
 * Completion of a `docker` command line over the CLI's own command tree
 * (worker/cli/command/catalog.ts), in the manner of docker/cli's cobra
 * completion (`docker __complete`, cli/command/completion/functions.go):
 * sub-commands of a management command, the flags of the command reached
 * (`--name` and `-n`, hidden and deprecated ones left out), image references
 * where a command takes an image (ImageNames), container names where it
 * takes a container (ContainerNames), files elsewhere.
 */
import type { CommandNode } from '../cli/command/catalog.ts';
import type { FlagSpec } from '../cli/command/spec.ts';

/** What to complete at the cursor of a docker command line. */
export type DockerWant =
  | { kind: 'words'; words: string[] }
  | { kind: 'images' }
  | { kind: 'containers' }
  | { kind: 'images-and-containers' }
  | { kind: 'files' }
  | { kind: 'none' };

// Commands whose first positional argument is an image (docker/cli: completion.ImageNames).
const IMAGE_FIRST = new Set(['container run', 'container create', 'image tag', 'image push']);
// Commands whose every positional argument is an image.
const IMAGE_ALL = new Set(['image rm', 'image inspect', 'image history', 'image save']);
// Commands whose first positional is a container (completion.ContainerNames).
const CONTAINER_FIRST = new Set(['container exec', 'container commit', 'container rename', 'container attach', 'container port', 'container top', 'container logs', 'container diff', 'container export']);
const CONTAINER_ALL = new Set(['container rm', 'container start', 'container stop', 'container kill', 'container restart', 'container pause', 'container unpause', 'container wait', 'container inspect', 'container stats', 'container update']);
// Flags whose value is a file on the host.
const FILE_FLAGS = new Set(['file', 'output', 'input', 'env-file', 'iidfile', 'cidfile', 'label-file']);

/** Decides what to offer for `current`, given the words after `docker`. */
export function dockerCompletion(root: CommandNode, args: readonly string[], current: string): DockerWant {
  let node = root;
  let positionals = 0;
  let pendingFlag: FlagSpec | undefined;
  for (const word of args) {
    if (pendingFlag) {
      pendingFlag = undefined;
      continue;
    }
    if (word.startsWith('-') && word !== '-') {
      const flag = findFlag(node, word);
      if (flag && flag.type !== 'bool' && !word.includes('=') && !/^-[A-Za-z]./.test(word)) pendingFlag = flag;
      continue;
    }
    const child = positionals === 0 ? node.children.find((c) => c.name === word || c.aliases.includes(word)) : undefined;
    if (child) node = child;
    else positionals++;
  }
  if (pendingFlag) return FILE_FLAGS.has(pendingFlag.name) ? { kind: 'files' } : { kind: 'none' };
  if (current.startsWith('-')) return { kind: 'words', words: flagWords(node) };
  if (node.children.length > 0 && positionals === 0) return { kind: 'words', words: commandWords(node) };
  const path = node.spec.path;
  if (IMAGE_ALL.has(path) || (IMAGE_FIRST.has(path) && positionals === 0)) return { kind: 'images' };
  if (CONTAINER_ALL.has(path) || (CONTAINER_FIRST.has(path) && positionals === 0)) return { kind: 'containers' };
  if (path === 'inspect') return { kind: 'images-and-containers' };
  if (IMAGE_FIRST.has(path) || CONTAINER_FIRST.has(path)) return { kind: 'none' };
  if (node === root) return { kind: 'words', words: commandWords(node) };
  return { kind: 'files' };
}

/** Names of the sub-commands, legacy top-level ones included (Docker 28 shows them unless DOCKER_HIDE_LEGACY_COMMANDS is set). */
function commandWords(node: CommandNode): string[] {
  return node.children.map((c) => c.name);
}

/** `--name` for every visible flag, plus `-x` for shorthands, and `--help`. */
function flagWords(node: CommandNode): string[] {
  const words = ['--help'];
  for (const f of visibleFlags(node)) {
    words.push(`--${f.name}`);
    if (f.shorthand) words.push(`-${f.shorthand}`);
  }
  return words;
}

function visibleFlags(node: CommandNode): FlagSpec[] {
  return node.spec.flags.filter((f) => !f.hidden && f.deprecated === undefined);
}

/** The flag a word names (`--file`, `--file=x`, `-f`, `-fx`), on this command or the root. */
function findFlag(node: CommandNode, word: string): FlagSpec | undefined {
  let root = node;
  while (root.parent) root = root.parent;
  const flags = [...node.spec.flags, ...(node === root ? [] : root.spec.flags)];
  if (word.startsWith('--')) {
    const name = word.slice(2).split('=')[0];
    return flags.find((f) => f.name === name);
  }
  return flags.find((f) => f.shorthand === word[1]);
}
