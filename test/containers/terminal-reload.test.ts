/**
 * A page reload while the terminal is inside a container (issue 8): the
 * session is closed mid-container and a new one opened on the same
 * directory store, as the page's worker does after a reload. The
 * container's files, its shell's directory and variables, and the terminal
 * itself come back; what can't come back is said in one line.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../worker/session.ts';
import { DirStore } from '../../worker/store/dir-store.ts';
import { StoreFullError, type Store } from '../../worker/store/store.ts';
import { BASH_DIFF } from './bash-diff.ts';
import { NOW, seeded } from './helpers.ts';

/** A lab in a state directory; `reload()` closes the session where it is and opens the next one. */
async function lab(preload: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-reload-'));
  let minute = 0;
  let s: Session = await createSession({ store: await DirStore.open(dir), isTTY: true, preload, clock: () => NOW, random: seeded(5) });
  return {
    /** Runs a line; stdout, stderr and the prompt shown after it. */
    async line(text: string): Promise<[string, string, string]> {
      const r = await s.runLine(text);
      return [r.stdout, r.stderr, s.prompt()];
    },
    /** The page goes away (its engine stops writing) and a new one opens on the stored state. */
    async reload(wrap: (store: Store) => Store = (store) => store): Promise<{ notice: string | undefined; prompt: string }> {
      await s.retire();
      await s.close();
      const now = NOW + ++minute * 60_000;
      s = await createSession({ store: wrap(await DirStore.open(dir)), isTTY: true, clock: () => now, random: seeded(5 + minute), reattach: true });
      return { notice: s.notice, prompt: s.prompt() };
    },
    detach: () => s.detach(),
  };
}

const HOST = 'learner@layerlab:~$ ';

describe('a reload inside a container terminal', () => {
  it('keeps what apk add wrote and brings the learner back into the shell, directory and variables kept', async () => {
    const l = await lab(['alpine']);
    expect(await l.line('docker run -it --name box alpine')).toEqual(['', '', '/ # ']);
    expect((await l.line('apk add bash'))[0].split('\n').at(-2)).toEqual('OK: 9 MiB in 20 packages');
    expect(await l.line('cd /etc; GREETING=hello')).toEqual(['', '', '/etc # ']);

    expect(await l.reload()).toEqual({
      notice: 'layerlab: reattached to container box (the page was reloaded)',
      prompt: '/etc # ',
    });
    expect(await l.line('pwd; echo $GREETING; ls -l /bin/bash')).toEqual(['/etc\nhello\n-rwxr-xr-x    1 root     root       1234504 Nov 24 03:00 /bin/bash\n', '', '/etc # ']);
    expect(await l.line('exit')).toEqual(['', '', HOST]);
    expect(await l.line('docker diff box')).toEqual([BASH_DIFF, '', HOST]);
    expect((await l.line('docker commit box alpine:bash'))[0]).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(await l.line('docker run --rm alpine:bash ls -l /bin/bash')).toEqual(['-rwxr-xr-x    1 root     root       1234504 Nov 24 03:00 /bin/bash\n', '', HOST]);
  }, 60_000);

  it('brings back a shell started inside the shell, and the one below it', async () => {
    const l = await lab(['alpine']);
    await l.line('docker run -it --name box alpine');
    await l.line('apk add bash > /dev/null');
    await l.line('cd /tmp && OUTER=sh');
    expect(await l.line('bash')).toEqual(['', '', 'bash-5.2# ']);
    await l.line('INNER=bash; cd /var');
    expect(await l.reload()).toEqual({
      notice: 'layerlab: reattached to container box (the page was reloaded)',
      prompt: 'bash-5.2# ',
    });
    expect(await l.line('echo $0 $PWD $OUTER $INNER')).toEqual(['bash /var sh bash\n', '', 'bash-5.2# ']);
    expect(await l.line('exit')).toEqual(['', '', '/tmp # ']);
    expect(await l.line('echo $0 $OUTER $INNER')).toEqual(['/bin/sh sh\n', '', '/tmp # ']);
  }, 60_000);

  it('after Ctrl-P Ctrl-Q the page comes back to the host shell; docker attach finds the shell as it was', async () => {
    const l = await lab(['alpine']);
    await l.line('docker run -it --name box alpine');
    await l.line('mkdir /work && cd /work && echo draft > notes && KEPT=yes');
    expect(await l.detach()).toBe(true);
    expect(await l.reload()).toEqual({ notice: undefined, prompt: HOST });
    expect(await l.line("docker ps --format '{{.Names}} {{.Status}}'")).toEqual(['box Up About a minute\n', '', HOST]);
    expect(await l.line('docker attach box')).toEqual(['', '', '/work # ']);
    expect(await l.line('cat notes; echo $KEPT')).toEqual(['draft\nyes\n', '', '/work # ']);
  }, 60_000);

  it('starts the docker exec shell again with its directory and variables', async () => {
    const l = await lab(['alpine']);
    await l.line('docker run -d --name web alpine sleep 1000');
    expect(await l.line('docker exec -it web sh')).toEqual(['', '', '/ # ']);
    await l.line('cd /tmp && touch made && V=3');
    expect(await l.reload()).toEqual({
      notice: 'layerlab: reattached to container web (the page was reloaded)',
      prompt: '/tmp # ',
    });
    expect(await l.line('pwd; echo $V; ls')).toEqual(['/tmp\n3\nmade\n', '', '/tmp # ']);
    expect(await l.line('exit')).toEqual(['', '', HOST]);
    expect(await l.line("docker ps --format '{{.Names}} {{.Status}}'")).toEqual(['web Up About a minute\n', '', HOST]);
    expect(await l.reload()).toEqual({ notice: undefined, prompt: HOST });
  }, 60_000);

  it('says plainly when the container could not start again', async () => {
    const l = await lab(['alpine']);
    await l.line('docker run -it --name box alpine');
    await l.line('rm /bin/sh');
    expect(await l.reload()).toEqual({
      notice: 'layerlab: the page was reloaded; container box could not start again (exec: "/bin/sh": stat /bin/sh: no such file or directory); back in the host shell',
      prompt: HOST,
    });
    expect(await l.line("docker ps -a --format '{{.Names}} {{.Status}}'")).toEqual(['box Exited (127) Less than a second ago\n', '', HOST]);
    expect(await l.reload()).toEqual({ notice: undefined, prompt: HOST });
  }, 60_000);

  it('a --rm container started by docker start -ai comes back too, and exit removes it', async () => {
    const l = await lab(['alpine']);
    await l.line('docker run -it --rm --name temp alpine');
    await l.line('touch /made');
    expect(await l.reload()).toEqual({ notice: 'layerlab: reattached to container temp (the page was reloaded)', prompt: '/ # ' });
    expect(await l.line('ls /made')).toEqual(['/made\n', '', '/ # ']);
    expect(await l.line('exit')).toEqual(['', '', HOST]);
    expect(await l.line('docker ps -aq')).toEqual(['', '', HOST]);
    await l.line('docker create -it --name later alpine');
    expect(await l.line('docker start -ai later')).toEqual(['', '', '/ # ']);
    await l.line('cd /tmp; A=1');
    expect(await l.reload()).toEqual({ notice: 'layerlab: reattached to container later (the page was reloaded)', prompt: '/tmp # ' });
    expect(await l.line('echo $A')).toEqual(['1\n', '', '/tmp # ']);
  }, 60_000);

  it('a program that is not a shell starts again, and the note says so', async () => {
    const l = await lab(['alpine']);
    expect(await l.line('docker run -it --name catter alpine cat')).toEqual(['', '', '']);
    expect(await l.reload()).toEqual({ notice: 'layerlab: reattached to container catter (the page was reloaded; cat started again)', prompt: '' });
    expect(await l.line('\x04')).toEqual(['', '', HOST]);
    expect(await l.line("docker ps -a --format '{{.Names}} {{.Status}}'")).toEqual(['catter Exited (0) Less than a second ago\n', '', HOST]);
  }, 60_000);

  it('opens at the host prompt, saying why, when the terminal cannot be reattached', async () => {
    const l = await lab(['alpine']);
    await l.line('docker run -it --name box alpine');
    const full = (store: Store): Store => {
      store.commit = async () => {
        throw new StoreFullError();
      };
      return store;
    };
    expect(await l.reload(full)).toEqual({
      notice: 'layerlab: the page was reloaded; the container terminal could not be reattached (no space left on device)',
      prompt: HOST,
    });
  }, 60_000);
});
