/**
 * An editor as a foreground program of the session (worker/shell/foreground.ts):
 * it takes the terminal in raw mode, so the console hands it every keystroke
 * as the terminal sent it (no line editing, no echo) instead of typed lines.
 * Its saves go to the host filesystem the session attaches, during the
 * keystroke that asked for them, so the session persists them like a
 * line's writes.
 */
import type { IFileSystem } from 'just-bash';
import type { ForegroundOutput, ForegroundProgram } from '../shell/foreground.ts';
import type { Editor } from './types.ts';
import { ALT_SCREEN_OFF } from './types.ts';

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

/** The system error of a failed write, as strerror words it (`No such file or directory`). */
function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/ENOENT/.test(text)) return 'No such file or directory';
  if (/EISDIR/.test(text)) return 'Is a directory';
  if (/ENOTDIR/.test(text)) return 'Not a directory';
  if (/EACCES|EPERM/.test(text)) return 'Permission denied';
  return text;
}

/** Runs `editor` in the foreground; it saves to the file it names, relative to `cwd`. */
export function editorProgram(editor: Editor, cwd: string): RawForeground {
  let files: IFileSystem | undefined;
  const save = async (text: string, path: string): Promise<void> => {
    if (files === undefined) throw new Error('the editor has no filesystem to save to');
    const abs = files.resolvePath(cwd, path);
    // just-bash creates missing parent directories on write; open(2) does not, so vim and nano fail there.
    const parent = abs.slice(0, abs.lastIndexOf('/')) || '/';
    if (!(await files.exists(parent))) throw new Error('ENOENT');
    if (!(await files.stat(parent)).isDirectory) throw new Error('ENOTDIR');
    await files.writeFile(abs, text);
  };
  return {
    raw: true,
    attach: (fs) => void (files = fs),
    resize: (cols, rows) => editor.resize(cols, rows),
    // A terminal loop without raw mode (bin/layerlab's readline) signals Ctrl-C and Ctrl-D instead of
    // sending them as keys; leaving the editor unsaved there beats leaving the learner stuck in it.
    interrupt: async () => ({ stdout: ALT_SCREEN_OFF, stderr: '', exitCode: 130 }),
    eof: async () => ({ stdout: ALT_SCREEN_OFF, stderr: '', exitCode: 1 }),
    // The editor draws its own screen; there is no prompt.
    prompt: () => '',
    async feed(data): Promise<ForegroundOutput> {
      const step = editor.key(data);
      if (step.save !== undefined) {
        try {
          await save(step.save, step.savePath ?? '');
        } catch (error) {
          // The editor stays open (even after `:wq`), as vim and nano do when the write fails.
          return { stdout: editor.saveFailed(reason(error)), stderr: '' };
        }
      }
      return { stdout: step.screen, stderr: '', ...(step.done ? { exitCode: 0 } : {}) };
    },
  };
}
