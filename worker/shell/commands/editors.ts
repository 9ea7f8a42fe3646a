/**
 * `vi`, `vim` and `nano` on the host: full-screen editors (worker/editors)
 * that take the terminal after their line, through the shell's foreground
 * seam. The file is read relative to the current directory; a missing file
 * opens as a new buffer. Off a terminal (`bin/layerlab exec`) there is no
 * screen to draw on: vim prints its warnings and, with no input to read,
 * the error it exits with; nano dies as it does when its input fails.
 */
import type { Command, CommandContext } from 'just-bash';
import type { Editor, EditorOptions } from '../../editors/types.ts';
import { editorProgram } from '../../editors/program.ts';
import { text } from './types.ts';
import type { JustBash, LineHooks } from './types.ts';

type Factory = (opts: EditorOptions) => Editor;

const NO_TERMINAL: Record<string, string> = {
  vi: 'Vim: Warning: Output is not to a terminal\nVim: Warning: Input is not from a terminal\nVim: Error reading input, exiting...\n',
  nano: 'Too many errors from stdin\n',
};

async function open(name: string, args: string[], ctx: CommandContext, hooks: LineHooks, create: () => Promise<Factory>) {
  const start = hooks.startForeground;
  if (start === undefined || !hooks.isTTY(name)) return text('', NO_TERMINAL[name === 'nano' ? 'nano' : 'vi']!, 1);
  // Options (`-n`, `+12`) are accepted and ignored; the first operand is the file.
  const file = args.find((a) => !a.startsWith('-') && !a.startsWith('+')) ?? '';
  const abs = file === '' ? '' : ctx.fs.resolvePath(ctx.cwd, file);
  let existing: string | undefined;
  if (abs !== '' && (await ctx.fs.exists(abs))) {
    if ((await ctx.fs.stat(abs)).isDirectory) return text('', `${name}: ${file}: Is a directory\n`, 1);
    existing = await ctx.fs.readFile(abs);
  }
  const size = (key: string, fallback: number): number => Number(ctx.env.get(key)) || fallback;
  const editor = (await create())({ path: file, text: existing, cols: size('COLUMNS', 80), rows: size('LINES', 24) });
  start(editorProgram(editor, ctx.cwd));
  return text(editor.open());
}

/** The editor commands; the editors' code loads with the first one started. */
export function editorCommands(jb: JustBash, hooks: LineHooks): Command[] {
  const vi = async (): Promise<Factory> => (await import('../../editors/vi.ts')).createVi;
  const nano = async (): Promise<Factory> => (await import('../../editors/nano.ts')).createNano;
  return [
    jb.defineCommand('vi', (args, ctx) => open('vi', args, ctx, hooks, vi)),
    jb.defineCommand('vim', (args, ctx) => open('vim', args, ctx, hooks, vi)),
    jb.defineCommand('nano', (args, ctx) => open('nano', args, ctx, hooks, nano)),
  ];
}
