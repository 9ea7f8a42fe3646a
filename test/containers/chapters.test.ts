/**
 * The course chapters' container exercises, typed line by line into a
 * session as a learner types them (the lines after `run -it` feed the shell):
 * alpine + apk add bash + commit as alpine:bash + bash in the new image;
 * ubuntu + apt-get install figlet + diff + commit + tag + run ourfiglet.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { NOW, seeded } from './helpers.ts';

async function session(preload: string) {
  const s = await createSession({ store: new MemoryStore(), preload: [preload], clock: () => NOW, random: seeded(5) });
  return async (line: string) => s.runLine(line);
}

describe('chapter flows', () => {
  it('alpine: apk add bash, commit as alpine:bash, run bash from it', async () => {
    const run = await session('alpine');
    expect((await run('docker run -it --name bash-lab alpine')).rc).toEqual(0);
    expect((await run('apk add bash')).stdout.split('\n').at(-2)).toEqual('OK: 9 MiB in 20 packages');
    expect((await run('exit')).rc).toEqual(0);
    const diff = (await run('docker container diff bash-lab')).stdout.split('\n');
    expect(diff.slice(0, 2)).toEqual(['C /bin', 'A /bin/bash']);
    expect((await run('docker commit bash-lab alpine:bash')).stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect((await run('docker run --rm alpine bash -c true')).rc).toEqual(127);
    expect((await run('docker run -it --rm alpine:bash /bin/bash')).rc).toEqual(0);
    expect((await run('echo $0')).stdout).toEqual('/bin/bash\n');
    expect((await run('exit 5')).rc).toEqual(5);
    expect((await run('docker ps -a --format {{.Names}}')).stdout).toEqual('bash-lab\n');
  }, 60_000);

  it('ubuntu: apt-get install figlet, diff, commit, tag, run ourfiglet', async () => {
    const run = await session('ubuntu');
    await run('docker run -it --name figlet-lab ubuntu');
    expect((await run('apt-get update > /dev/null')).rc).toEqual(0);
    expect((await run('apt-get install -y figlet > /dev/null')).rc).toEqual(0);
    await run('exit');
    expect((await run('docker container diff figlet-lab | grep bin/figlet')).stdout).toEqual('A /usr/bin/figlet\nA /usr/bin/figlet-figlet\n');
    const id = (await run('docker commit figlet-lab')).stdout.trim();
    expect((await run(`docker image tag ${id} ourfiglet`)).rc).toEqual(0);
    expect(await run('docker run --rm ourfiglet figlet hello')).toEqual({
      cmd: 'docker run --rm ourfiglet figlet hello',
      stdout: " _          _ _       \n| |__   ___| | | ___  \n| '_ \\ / _ \\ | |/ _ \\ \n| | | |  __/ | | (_) |\n|_| |_|\\___|_|_|\\___/ \n                      \n",
      stderr: '',
      rc: 0,
    });
  }, 120_000);
});
