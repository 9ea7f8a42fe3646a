/**
 * `history`: the lines typed in this session, which just-bash cannot keep
 * because every line is a fresh exec. bash adds a line to the list before
 * running it, so `history` shows itself last; each entry prints as
 * `%5d  %s` (bash's builtins/history.def).
 */
import type { Command } from 'just-bash';
import { text } from './types.ts';
import type { JustBash } from './types.ts';

/** The session's typed lines, oldest first. */
export interface History {
  lines(): readonly string[];
  clear(): void;
}

/** The `history` builtin over `history`. */
export function historyCommand(jb: JustBash, history: History): Command[] {
  return [
    jb.defineCommand('history', async (args) => {
      if (args[0] === '-c') {
        history.clear();
        return text('');
      }
      const all = history.lines();
      const count = args[0] === undefined ? all.length : Number(args[0]);
      if (!Number.isInteger(count) || count < 0) {
        return text('', `bash: history: ${args[0]}: numeric argument required\n`, 1);
      }
      const first = Math.max(0, all.length - count);
      return text(all.slice(first).map((line, i) => `${String(first + i + 1).padStart(5)}  ${line}\n`).join(''));
    }),
  ];
}
