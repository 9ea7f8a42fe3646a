/**
 * A line such as `cat > Dockerfile` typed at the terminal: bash starts cat,
 * which copies what the learner types until Ctrl-D. The shell cannot run
 * the line first and feed it later (just-bash takes stdin up front), so this
 * foreground program collects the typed lines and runs the line with them
 * on Ctrl-D. Ctrl-C runs it with what was typed so far and status 130, as
 * cat has written those lines before SIGINT ends it.
 */
import type { ForegroundOutput, ForegroundProgram } from './foreground.ts';

/** Runs the held-back line with the collected input. */
export type RunWithInput = (stdin: string) => Promise<ForegroundOutput & { exitCode: number }>;

/** The collector for one line. */
export function stdinReader(run: RunWithInput): ForegroundProgram {
  let input = '';
  return {
    // cat prints no prompt; the terminal echoes what is typed.
    prompt: () => '',
    async feed(line) {
      input += `${line}\n`;
      return { stdout: '', stderr: '' };
    },
    eof: () => run(input),
    async interrupt() {
      const out = await run(input);
      return { ...out, exitCode: 130 };
    },
  };
}
