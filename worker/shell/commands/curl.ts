/**
 * `curl` on the learner's host (Debian 12's curl 7.88.1, the same program as
 * in the nginx image: worker/programs/applets/curl.ts). The host reaches
 * what a real host reaches: ports that containers publish (`curl
 * localhost:8080` after `docker run -p 8080:80 nginx`) and containers'
 * addresses on the bridges; names other than localhost do not resolve (the
 * machine is offline). The network comes from the engine through
 * {@link DockerCommand.hostNetwork}; without an engine only the failure
 * paths remain.
 */
import type { Command } from 'just-bash';
import type { ProcessNetwork } from '../../engine/network/lab.ts';
import type { DockerCommand } from './docker.ts';
import { hostFs } from '../host-fs.ts';
import type { JustBash, LineHooks } from './types.ts';

/** The `curl` command. */
export function curlCommands(jb: JustBash, docker: DockerCommand, hooks: LineHooks): Command[] {
  const command = jb.defineCommand('curl', async (args, ctx) => {
    const [{ curl }, network] = await Promise.all([import('../../programs/applets/curl.ts'), docker.hostNetwork?.() ?? Promise.resolve<ProcessNetwork>({ ip: '' })]);
    const fs = hostFs(ctx.fs, ctx.cwd);
    let stdout = '';
    let stderr = '';
    const spec = {
      argv: ['curl', ...args],
      env: Object.fromEntries(ctx.env),
      cwd: ctx.cwd,
      user: 'learner',
      hostname: 'layerlab',
      // What curl reads of the filesystem: which distribution it is (Debian 12) and where -o writes.
      fs: {
        exists: async (p: string) => p !== '/etc/alpine-release' && fs.exists(p),
        readFile: async (p: string) => new TextDecoder().decode(await fs.readFile(p)),
        writeFile: (p: string, data: Uint8Array | string) => fs.writeFile(p, data),
      },
      tty: hooks.isTTY('curl'),
      stdin: { read: async () => null },
      stdout: (s: string) => {
        stdout += s;
      },
      stderr: (s: string) => {
        stderr += s;
      },
      signal: ctx.signal ?? new AbortController().signal,
      network,
      now: () => Date.now(),
      random: Math.random,
    };
    const exitCode = await curl({ spec: spec as never, name: 'curl', path: '/usr/bin/curl', args });
    return { stdout, stderr, exitCode };
  });
  return [command];
}
