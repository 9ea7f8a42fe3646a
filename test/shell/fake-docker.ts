/**
 * A test double of the docker CLI: records each call's argv and what the
 * shell handed it, and answers a few commands from a script. The real CLI
 * has its own tests; these check the shell's plumbing around it.
 */
import type { DockerCommand, DockerIo } from '../../worker/shell/host-shell.ts';

/** What one call received. */
export interface DockerCall {
  argv: string[];
  stdin: string;
  env: Record<string, string>;
  cwd: string;
  isTTY: boolean;
}

/** 256 bytes 0x00..0xff: every byte value once, to catch any text decoding on the way. */
export const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

/** The inspect JSON of the double, shaped like `docker image inspect` output. */
export const INSPECT = `[
    {
        "Id": "sha256:aded1e1a5b3705116fa0a92ba074a5e0b0031647d9c315983ccba2ee5428ec8b",
        "RepoTags": [
            "alpine:latest"
        ],
        "Config": {
            "Cmd": [
                "/bin/sh"
            ]
        }
    }
]
`;

/** A docker double and the list of its calls. */
export function fakeDocker(): { docker: DockerCommand; calls: DockerCall[] } {
  const calls: DockerCall[] = [];
  const docker: DockerCommand = async (argv: string[], io: DockerIo) => {
    calls.push({ argv, stdin: new TextDecoder().decode(io.stdin), env: io.env, cwd: io.cwd, isTTY: io.isTTY });
    // `docker image save` is `docker save`, and so on.
    const [verb, ...rest] = argv[0] === 'image' ? argv.slice(1) : argv;
    if (verb === 'pull') return 0;
    if (verb === 'images' && rest.includes('-q')) {
      io.stdout('aded1e1a5b37\n9c7a54a9a43c\n');
      return 0;
    }
    if (verb === 'inspect') {
      io.stdout(INSPECT);
      return 0;
    }
    if (verb === 'save' && rest[0] === '-o') {
      await io.fs.writeFile(rest[1]!, ALL_BYTES);
      return 0;
    }
    if (verb === 'save') {
      io.stdout(ALL_BYTES);
      return 0;
    }
    if (verb === 'load') {
      // A file or a pipe from a streaming command arrives as a stream (stream-pipe.ts), anything else as bytes.
      let n = io.stdin.length;
      if (io.stdinStream) for await (const c of io.stdinStream) n += c.length;
      io.stdout(`Loaded ${n} bytes\n`);
      return 0;
    }
    io.stderr(`docker: '${verb}' is not a docker command.\nSee 'docker --help'\n`);
    return 1;
  };
  return { docker, calls };
}
