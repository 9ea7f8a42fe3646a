/**
 * Archives stream (issue 12): docker save/load/export/import/cp and tar,
 * through files, redirections and pipes, give exactly what the whole-buffer
 * implementation gave (archive-lines.json, recorded from it), and a stream
 * bigger than a shell string can carry passes between our commands while
 * the string path says plainly that it cannot.
 */
import { describe, expect, it } from 'vitest';
import type { ByteStream } from '../../worker/engine/stream.ts';
import { HostShell, type DockerCommand } from '../../worker/shell/host-shell.ts';
import { STRING_OUTPUT_LIMIT } from '../../worker/shell/commands/docker.ts';
import { runArchiveLines } from './archive-lines.ts';
import recorded from './archive-lines.json' with { type: 'json' };

describe('archives through files, redirections and pipes', () => {
  it('match the whole-buffer implementation byte for byte (sha256 of every archive, listings, loads)', async () => {
    expect(await runArchiveLines()).toEqual(recorded);
  }, 120_000);
});

/** `size` zero bytes in chunks of 1 MiB, one buffer reused (nothing is kept). */
async function* zeros(size: number): AsyncGenerator<Uint8Array> {
  const chunk = new Uint8Array(1 << 20);
  for (let left = size; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
}

/**
 * A docker double: `save` hands a stream of SIZE zero bytes to stdout as the
 * real CLI does (io.stdoutStream), `load` counts what it reads and the
 * largest chunk, on stdin as a stream or as bytes.
 */
function streamingDocker(size: number): DockerCommand {
  return async (argv, io) => {
    if (argv[0] === 'name') {
      io.stdout('box\n');
      return 0;
    }
    if (argv[0] === 'save') {
      if (argv[1] === 'nosuch') {
        io.stderr('Error response from daemon: reference does not exist\n');
        return 1;
      }
      const stream: ByteStream = zeros(size);
      if (!io.stdoutStream) throw new Error('no stdoutStream');
      try {
        await io.stdoutStream(stream);
      } catch (err) {
        // As the CLI reports a CliError (worker/cli/docker.ts): its message, exit 1.
        io.stderr(`${(err as Error).message}\n`);
        return 1;
      }
      return 0;
    }
    if (argv[0] === 'load') {
      let n = io.stdin.length;
      let max = 0;
      let streamed = false;
      if (io.stdinStream) {
        streamed = true;
        for await (const c of io.stdinStream) {
          n += c.length;
          max = Math.max(max, c.length);
        }
      }
      io.stdout(`read ${n} bytes, ${streamed ? `streamed, largest chunk ${max}` : 'as bytes'}\n`);
      return 0;
    }
    return 1;
  };
}

describe('a stream larger than a shell string', () => {
  const big = STRING_OUTPUT_LIMIT + (4 << 20);

  it('goes through a pipe between streaming commands in 1 MiB chunks, never whole', async () => {
    const shell = new HostShell({ docker: streamingDocker(big) });
    expect(await shell.run('docker save big | docker load')).toEqual({ stdout: `read ${big} bytes, streamed, largest chunk 1048576\n`, stderr: '', exitCode: 0 });
  });

  it('through a pipe into another program, fails with a plain message instead of crashing', async () => {
    const shell = new HostShell({ docker: streamingDocker(big) });
    expect(await shell.run('docker save big | wc -c')).toEqual({
      stdout: '0\n',
      stderr:
        'write /dev/stdout: this output is larger than 256 MiB, more than this simulated shell can pass to another program in one piece; write it to a file (-o FILE or > FILE) or pipe it straight into docker load or tar\n',
      exitCode: 0,
    });
  });
});

describe('which ends stream', () => {
  it('a small archive takes the same path either way: redirections with quotes and variables, >>, 2>&1, |&, $(...)', async () => {
    const shell = new HostShell({ docker: streamingDocker(3000) });
    const lines = [
      'D="$HOME/my dir"; mkdir -p "$D"; docker save x > "$D/a.tar"; wc -c < "$D/a.tar"',
      'docker load < "$HOME/my dir/a.tar"',
      'cat ~/"my dir/a.tar" ~/"my dir/a.tar" | docker load',
      'docker save x >> b.tar; docker save x >> b.tar; wc -c < b.tar',
      'docker save x 2>&1 > c.tar | docker load; wc -c < c.tar',
      'docker save x |& docker load',
      'docker save x | cat | docker load',
      'cat nosuch.tar | docker load; echo $?',
      'docker load < nosuch.tar; echo $?',
      // The marks are in the environment of `$(...)` too: only the marked command takes them.
      'docker save $(docker name) > n.tar; wc -c < n.tar; docker save $(docker name) | docker load',
      'docker save nosuch > e.tar; echo $?; wc -c < e.tar',
    ];
    const out = [];
    for (const l of lines) out.push(await shell.run(l));
    expect(out).toEqual([
      { stdout: '3000\n', stderr: '', exitCode: 0 },
      { stdout: 'read 3000 bytes, streamed, largest chunk 3000\n', stderr: '', exitCode: 0 },
      { stdout: 'read 6000 bytes, streamed, largest chunk 3000\n', stderr: '', exitCode: 0 },
      { stdout: '6000\n', stderr: '', exitCode: 0 },
      { stdout: 'read 0 bytes, as bytes\n3000\n', stderr: '', exitCode: 0 },
      { stdout: 'read 3000 bytes, as bytes\n', stderr: '', exitCode: 0 },
      { stdout: 'read 3000 bytes, as bytes\n', stderr: '', exitCode: 0 },
      { stdout: 'read 0 bytes, as bytes\n0\n', stderr: 'cat: nosuch.tar: No such file or directory\n', exitCode: 0 },
      { stdout: '1\n', stderr: 'bash: nosuch.tar: No such file or directory\n', exitCode: 0 },
      { stdout: '3000\nread 3000 bytes, streamed, largest chunk 3000\n', stderr: '', exitCode: 0 },
      { stdout: '1\n0\n', stderr: 'Error response from daemon: reference does not exist\n', exitCode: 0 },
    ]);
  });
});
