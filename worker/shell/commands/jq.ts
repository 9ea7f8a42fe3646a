/**
 * `jq` in color on a terminal, as jq 1.6 (Debian 12's) prints it: the course
 * says of `docker inspect alpine | jq` "we get color, for starters".
 * just-bash's jq does the filtering; its output is reprinted with the
 * escape sequences of jq 1.6's jv_dump_term (src/jv_print.c): per kind
 * colors null 1;30, false/true/numbers 0;39, strings 0;32, arrays and
 * objects 1;39, object keys 34;1, the container color re-sent after each
 * member, and a reset after each value. Off the terminal, or with -M, -r or
 * -j, jq's output passes through untouched.
 */
import type { Command } from 'just-bash';
import type { JustBash, LineHooks } from './types.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ESC = '\u001b[';
const RESET = `${ESC}0m`;
const FIELD = `${ESC}34;1m`;

function colorOf(x: Json): string {
  if (x === null) return `${ESC}1;30m`;
  if (typeof x === 'string') return `${ESC}0;32m`;
  if (typeof x === 'object') return `${ESC}1;39m`;
  return `${ESC}0;39m`;
}

/** jvp_dump_string: JSON escapes, plus DEL as \u007f; non-ASCII as is unless -a. */
function dumpString(s: string, ascii: boolean): string {
  let out = JSON.stringify(s).replaceAll('\u007f', '\\u007f');
  if (ascii) out = out.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return out;
}

/** Options of the output format. */
export interface JqPrint {
  /** Spaces per level, `\t` for --tab, or undefined for compact output. */
  indent?: string;
  ascii: boolean;
}

/** One value as jq 1.6 prints it with JV_PRINT_COLOR. */
export function colorJson(x: Json, p: JqPrint, level = 0): string {
  const color = colorOf(x);
  const pad = (n: number) => (p.indent === undefined ? '' : `\n${p.indent.repeat(n)}`);
  const sep = p.indent === undefined ? ',' : `,${pad(level + 1)}`;
  let out = color;
  if (x === null || typeof x === 'boolean' || typeof x === 'number') out += JSON.stringify(x);
  else if (typeof x === 'string') out += dumpString(x, p.ascii);
  else if (Array.isArray(x)) {
    if (x.length === 0) out += '[]';
    else {
      out += `[${pad(level + 1)}`;
      x.forEach((v, i) => {
        if (i > 0) out += sep;
        out += colorJson(v, p, level + 1) + color;
      });
      out += `${pad(level)}${color}]`;
    }
  } else {
    const keys = Object.keys(x);
    if (keys.length === 0) out += '{}';
    else {
      out += `{${pad(level + 1)}`;
      keys.forEach((k, i) => {
        if (i > 0) out += sep;
        out += `${RESET}${FIELD}${dumpString(k, p.ascii)}${RESET}${color}${p.indent === undefined ? ':' : ': '}${RESET}`;
        out += colorJson(x[k]!, p, level + 1) + color;
      });
      out += `${pad(level)}${color}}`;
    }
  }
  return out + RESET;
}

/** Reads the output options from jq's argv; undefined when jq must not color. */
function colorOptions(args: string[], tty: boolean): JqPrint | undefined {
  let color = tty;
  let compact = false;
  let ascii = false;
  let indent = '  ';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--tab') indent = '\t';
    else if (a === '--indent') indent = ' '.repeat(Math.min(7, Number(args[++i]) || 0));
    else if (a === '--color-output') color = true;
    else if (a === '--monochrome-output' || a === '--raw-output' || a === '--join-output') return undefined;
    else if (a === '--compact-output') compact = true;
    else if (a === '--ascii-output') ascii = true;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      if (/[Mrj]/.test(a)) return undefined;
      if (a.includes('C')) color = true;
      if (a.includes('c')) compact = true;
      if (a.includes('a')) ascii = true;
    }
  }
  if (!color) return undefined;
  return compact || indent === '' ? { ascii } : { indent, ascii };
}

/** The `jq` command: just-bash's, reprinted in color on a terminal. */
export function jqCommand(jb: JustBash, hooks: LineHooks): Command[] {
  return [
    jb.defineCommand('jq', async (args, ctx) => {
      // Debian 12 ships jq 1.6.
      if (args.includes('--version')) return { stdout: 'jq-1.6\n', stderr: '', exitCode: 0 };
      const print = colorOptions(args, hooks.isTTY('jq'));
      if (print === undefined || !ctx.origCommand) return ctx.origCommand ? ctx.origCommand(args) : { stdout: '', stderr: 'jq: not available\n', exitCode: 127 };
      const plain = await ctx.origCommand(['-c', '-M', ...args.filter((a) => a !== '-C' && a !== '--color-output')]);
      const values = plain.stdout.split('\n').filter((l) => l !== '');
      let stdout = '';
      for (const v of values) stdout += `${colorJson(JSON.parse(v) as Json, print)}\n`;
      return { stdout, stderr: plain.stderr, exitCode: plain.exitCode };
    }),
  ];
}
