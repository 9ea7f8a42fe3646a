/**
 * The seam for programs that own the terminal after the line that started
 * them returns: `docker run -it alpine` (a container shell), later the
 * editors. Until the program ends, the session hands it each typed line
 * instead of running the line in the host shell, and shows its prompt.
 */

/** What a program prints for one line; `exitCode` is set once it has ended. */
export interface ForegroundOutput {
  stdout: string;
  stderr: string;
  exitCode?: number;
}

/** A program that reads the lines typed while it runs in the foreground. */
export interface ForegroundProgram {
  /** The program's own prompt (`/ # ` for an alpine sh). */
  prompt(): string;
  /** Handles one typed line. */
  feed(line: string): Promise<ForegroundOutput>;
  /** Ctrl-D at the start of a line: end of input. */
  eof?(): Promise<ForegroundOutput>;
  /** Ctrl-C: SIGINT. */
  interrupt?(): Promise<ForegroundOutput>;
  /**
   * Present when the program can be left running (a container's terminal):
   * Docker's detach keys, Ctrl-P Ctrl-Q, give the terminal back without
   * ending it; `docker attach` re-enters it.
   */
  detachable?: true;
  /** Told once the terminal has detached from it (a reload then no longer brings the learner back into it). */
  detached?(): Promise<void>;
}

/** Starts `program` in the foreground once the current line has finished. */
export type StartForeground = (program: ForegroundProgram) => void;
