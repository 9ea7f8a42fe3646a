/**
 * Archives through the CLI's standard streams: `docker save`, `export` and
 * `cp` write a stream to stdout, `load`, `import` and `cp` read one from
 * stdin. The shell connects a stream to a file or to the next command of a
 * pipe when it can (DockerIo.stdoutStream / stdinStream, shell/stream-pipe.ts);
 * otherwise the bytes are gathered and pass as the shell's whole-output value.
 */
import { bytesStream, collectBytes } from '../../engine/layer/tar-stream.ts';
import type { ByteStream } from '../../engine/stream.ts';
import type { DockerIo } from '../io.ts';

/** Writes an archive to stdout; resolves once the destination has taken it. */
export async function writeStdout(io: DockerIo, stream: ByteStream): Promise<void> {
  if (io.stdoutStream) await io.stdoutStream(stream);
  else io.stdout(await collectBytes(stream));
}

/** The command's stdin as a stream (whatever the shell connected: a pipe, a file, or the bytes it holds). */
export function readStdin(io: DockerIo): ByteStream {
  return io.stdinStream ?? bytesStream(io.stdin);
}
