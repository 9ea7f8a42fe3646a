/**
 * dash's `echo` (Debian's /bin/sh): it takes no option but `-n` and always
 * interprets backslash escapes (`\t`, `\n`, `\c` ends the output, `\0nnn`
 * octal), so `echo -e "a\tb"` prints `-e a<TAB>b`, unlike bash's and busybox
 * ash's echo (just-bash's builtin) which read -e as an option.
 */
import type { Command } from 'just-bash';
import type { JustBash } from '../builtins.ts';

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** What dash's echo writes for `args`. */
export function dashEcho(args: string[]): string {
  let newline = true;
  if (args[0] === '-n') {
    newline = false;
    args = args.slice(1);
  }
  let out = '';
  const text = args.join(' ');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const n = text[++i]!;
    if (n === 'c') return out;
    if (n === '0') {
      const oct = /^[0-7]{0,3}/.exec(text.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(oct || '0', 8));
      i += oct.length;
    } else if (n in ESCAPES) out += ESCAPES[n];
    else out += `\\${n}`;
  }
  return newline ? `${out}\n` : out;
}

/** The `echo` command of a dash shell. */
export function dashEchoCommand(jb: JustBash): Command {
  return jb.defineCommand('echo', async (args) => ({ stdout: dashEcho(args), stderr: '', exitCode: 0 }));
}
