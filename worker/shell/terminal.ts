/**
 * Which commands of a line write straight to the terminal. Programs behave
 * differently when stdout is a terminal (docker's `-it` check and progress
 * bars, `ls` columns, apt's " Done", tar's refusal to write an archive
 * there), and just-bash does not tell a command where its stdout goes. So
 * the shell reads the line's syntax tree: a command's stdout is the terminal
 * when it ends its pipeline, has no stdout redirection (nor does an
 * enclosing compound command), and is not inside `$(...)` or a word.
 */
import type { ScriptNode } from 'just-bash';

/** Command names seen writing to the terminal, and seen writing elsewhere. */
export interface TerminalUse {
  terminal: Set<string>;
  elsewhere: Set<string>;
}

const STDOUT_OPS = new Set(['>', '>>', '>|', '&>', '&>>', '>&']);

type Node = { type?: string; [key: string]: unknown };

function redirectsStdout(node: Node): boolean {
  const redirections = node.redirections;
  if (!Array.isArray(redirections)) return false;
  return redirections.some((r: Node) => STDOUT_OPS.has(String(r.operator)) && (r.fd === null || r.fd === 1));
}

function literal(word: unknown): string | undefined {
  const parts = (word as Node | null)?.parts;
  if (!Array.isArray(parts) || parts.length !== 1 || parts[0].type !== 'Literal') return undefined;
  return String(parts[0].value);
}

/** Walks a parsed line and sorts its simple commands by where their stdout goes. */
export function terminalUse(script: ScriptNode): TerminalUse {
  const use: TerminalUse = { terminal: new Set(), elsewhere: new Set() };
  const visit = (value: unknown, toTerminal: boolean): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, toTerminal);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as Node;
    const here = toTerminal && !redirectsStdout(node);
    if (node.type === 'Word') return visitChildren(node, false);
    if (node.type === 'Pipeline') {
      const commands = node.commands as unknown[];
      commands.forEach((c, i) => visit(c, here && i === commands.length - 1));
      return;
    }
    if (node.type === 'SimpleCommand') {
      const name = literal(node.name);
      // `sudo docker ...` runs docker with sudo's stdout.
      const names = name === 'sudo' ? [name, literal((node.args as unknown[])[0])] : [name];
      for (const n of names) if (n !== undefined) (here ? use.terminal : use.elsewhere).add(n);
    }
    visitChildren(node, here);
  };
  const visitChildren = (node: Node, toTerminal: boolean): void => {
    for (const [key, child] of Object.entries(node)) if (key !== 'type') visit(child, toTerminal);
  };
  visit(script, true);
  return use;
}

// Commands that, given no file operand, copy the terminal's input: what
// learners type after `cat > Dockerfile` until Ctrl-D.
const STDIN_READERS = new Set(['cat', 'tee']);
const STDIN_OPS = new Set(['<', '<<', '<<-', '<<<', '<&', '<>']);

/**
 * Whether a top-level command of the line reads the terminal: it starts its
 * pipeline, takes no stdin redirection, and is `cat` with no file operand or
 * `tee`. Such a line waits for typed input before it runs.
 */
export function readsTerminal(script: ScriptNode): boolean {
  return script.statements.some((st) =>
    st.pipelines.some((p) => {
      const first = p.commands[0] as unknown as Node | undefined;
      if (first?.type !== 'SimpleCommand') return false;
      const name = literal(first.name);
      if (name === undefined || !STDIN_READERS.has(name)) return false;
      const redirs = (first.redirections as Node[]).filter((r) => STDIN_OPS.has(String(r.operator)));
      if (redirs.length > 0) return false;
      const operands = (first.args as unknown[]).map(literal).filter((a) => a === undefined || a === '-' || !a.startsWith('-'));
      return name === 'tee' || operands.every((a) => a === '-');
    }),
  );
}

/**
 * The program a line consists of, when it is one simple command with no
 * redirection (`docker pull nginx`, `sudo docker build .`): only then may
 * that program write to the terminal as it goes, since nothing else on the
 * line has output that would have to come before or after.
 */
export function loneProgram(script: ScriptNode): string | undefined {
  if (script.statements.length !== 1) return undefined;
  const [pipeline, ...more] = script.statements[0]!.pipelines;
  if (pipeline === undefined || more.length > 0 || pipeline.commands.length !== 1) return undefined;
  const cmd = pipeline.commands[0] as unknown as Node;
  if (cmd.type !== 'SimpleCommand' || (cmd.redirections as unknown[]).length > 0) return undefined;
  const args = cmd.args as unknown[];
  if (args.some((a) => JSON.stringify(a).includes('"CommandSubstitution"'))) return undefined;
  const name = literal(cmd.name);
  return name === 'sudo' ? literal(args[0]) : name;
}

/** Whether `name` only ever writes to the terminal in this line. */
export function writesToTerminal(use: TerminalUse, name: string): boolean {
  return use.terminal.has(name) && !use.elsewhere.has(name);
}
