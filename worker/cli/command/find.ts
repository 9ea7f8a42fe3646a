/**
 * cobra's Command.Find (command.go, as vendored by docker/cli 28.x): walks sub-command
 * names in argv, skipping flags the way cobra's stripFlags does — an unknown `--flag`
 * without `=` is assumed to take the next word as its value, which is why
 * `docker image --bogus ls` reports the flag error against `docker image`.
 */
import { findChild, type CommandNode } from './catalog.ts';
import type { FlagSpec } from './spec.ts';

/**
 * Whether a flag word is assumed to consume the next word: cobra's !hasNoOptDefVal. Bools
 * (NoOptDefVal "true") and the inherited `--help`/`-h` do not; unknown flags do.
 */
function takesValue(flags: readonly FlagSpec[], name: string, short: boolean): boolean {
  const f = flags.find((x) => (short ? x.shorthand === name : x.name === name));
  if (f) return f.type !== 'bool';
  return !(short ? name === 'h' : name === 'help');
}

/** cobra stripFlags: the non-flag words of args, for locating sub-command names. */
function stripFlags(args: readonly string[], flags: readonly FlagSpec[]): string[] {
  const commands: string[] = [];
  const rest = [...args];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s === '--') break;
    const longWithValue = s.startsWith('--') && !s.includes('=') && takesValue(flags, s.slice(2), false);
    const shortWithValue = s.startsWith('-') && !s.includes('=') && s.length === 2 && takesValue(flags, s.slice(1), true);
    if (longWithValue || shortWithValue) {
      // cobra: "delete 'arg' from args or break the loop if len(args) <= 1"
      if (rest.length <= 1) break;
      rest.shift();
    } else if (s !== '' && !s.startsWith('-')) {
      commands.push(s);
    }
  }
  return commands;
}

/** cobra argsMinusFirstX: args without the first occurrence of the sub-command name x. */
function argsMinusFirstX(args: readonly string[], flags: readonly FlagSpec[], x: string): string[] {
  for (let pos = 0; pos < args.length; pos++) {
    const s = args[pos];
    if (s === '--') break;
    const longWithValue = s.startsWith('--') && !s.includes('=') && takesValue(flags, s.slice(2), false);
    const shortWithValue = s.startsWith('-') && !s.includes('=') && s.length === 2 && takesValue(flags, s.slice(1), true);
    if (longWithValue || shortWithValue) pos++;
    else if (!s.startsWith('-') && s === x) return [...args.slice(0, pos), ...args.slice(pos + 1)];
  }
  return [...args];
}

/** The deepest command named by args, and the args left for it (flags included). */
export function findCommand(root: CommandNode, args: readonly string[]): { node: CommandNode; args: string[] } {
  let node = root;
  let rest = [...args];
  for (;;) {
    if (node.spec.disableFlagParsing) return { node, args: rest };
    const words = stripFlags(rest, node.spec.flags);
    if (words.length === 0) return { node, args: rest };
    const next = findChild(node, words[0]);
    if (!next) return { node, args: rest };
    rest = argsMinusFirstX(rest, node.spec.flags, words[0]);
    node = next;
  }
}
