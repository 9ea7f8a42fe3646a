/**
 * An editor as a foreground program of the session (worker/shell/foreground.ts):
 * it takes the terminal in raw mode, so the console hands it every keystroke
 * as the terminal sent it (no line editing, no echo) instead of typed lines.
 * Its saves go to the file through the callback, during the keystroke that
 * asked for them, so the session persists them like a line's writes.
 */
import type { IFileSystem } from 'just-bash';
import type { ForegroundOutput, ForegroundProgram } from '../shell/foreground.ts';
import type { Editor } from './types.ts';

/** A foreground program that reads raw keystrokes: `feed` gets each chunk of terminal input. */
export interface RawForeground extends ForegroundProgram {
  readonly raw: true;
  /**
   * Gives the program the host filesystem once its line has ended: a
   * command's own `ctx.fs` may only be used while the command runs.
   */
  attach(fs: IFileSystem): void;
  /** The terminal changed size: the program redraws; returns what to write. */
  resize(cols: number, rows: number): string;
}

/** Whether the foreground program (if any) wants raw keystrokes. */
export function isRaw(program: ForegroundProgram | undefined): program is RawForeground {
  return program !== undefined && (program as Partial<RawForeground>).raw === true;
}

/** Runs `editor` in the foreground; it saves to the file it names, relative to `cwd`. */
export function editorProgram(editor: Editor, cwd: string): RawForeground {
  let files: IFileSystem | undefined;
  const save = async (text: string, path: string): Promise<void> => {
    if (files === undefined) throw new Error('the editor has no filesystem to save to');
    await files.writeFile(files.resolvePath(cwd, path), text);
  };
  return {
    raw: true,
    attach: (fs) => void (files = fs),
    resize: (cols, rows) => editor.resize(cols, rows),
    // The editor draws its own screen; there is no prompt.
    prompt: () => '',
    async feed(data): Promise<ForegroundOutput> {
      const step = editor.key(data);
      if (step.save !== undefined) await save(step.save, step.savePath ?? '');
      return { stdout: step.screen, stderr: '', ...(step.done ? { exitCode: 0 } : {}) };
    },
  };
}
