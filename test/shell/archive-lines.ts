/**
 * The archive lines of the streaming-archives test (issue 12): save, load,
 * export, import, cp and tar through files, redirections and pipes, over the
 * simulated Hub's small images with a fixed clock. `node
 * test/shell/archive-lines.ts` prints their results as JSON; the fixture
 * archive-lines.json was recorded so from the whole-buffer implementation
 * (commit 0a15a91), which the streaming one must match byte for byte. One
 * line differs on purpose: `cat nosuch.tar | docker load` now gets the
 * daemon's error for an empty archive, as Engine 26.1 answers an empty pipe
 * (docker/cli refuses only a terminal stdin), not "stdin is empty".
 */
import { createSession } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';

/** The lines, in order; `sha256sum` of every archive file pins its bytes. */
export const ARCHIVE_LINES = [
  'docker save alpine > a.tar',
  'docker save -o b.tar busybox hello-world',
  'docker save alpine busybox hello-world | sha256sum',
  'docker save hello-world | tar -t',
  'docker save hello-world | tar -tv',
  'docker save nosuch > n.tar; echo $?; wc -c n.tar',
  'docker save -o m.tar nosuch; echo $?; ls m.tar',
  'docker create --name box alpine',
  'docker export box > c.tar',
  'docker export -o c2.tar box',
  'docker export box | tar -t | head -5',
  'docker export nosuch > x.tar; echo $?',
  'sha256sum a.tar b.tar c.tar c2.tar',
  'docker rmi busybox hello-world > /dev/null; docker rmi -f alpine > /dev/null; docker images -q | wc -l',
  'docker load < a.tar',
  'cat b.tar | docker load',
  'docker save alpine | docker load',
  'docker load -i b.tar',
  'docker load < nosuch.tar; echo $?',
  'cat nosuch.tar | docker load; echo $?',
  'docker import c.tar imp:1',
  'cat c2.tar | docker import - imp:2',
  'docker import - imp:3 < c.tar',
  'docker images --format "{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}"',
  'docker save imp:1 | sha256sum',
  'docker save imp:1 > i.tar; docker rmi imp:1 imp:2 imp:3 > /dev/null; docker load < i.tar; docker save imp:1 | sha256sum',
  'tar -cf h.tar a.tar b.tar && tar -tf h.tar',
  'tar -cf - a.tar | tar -t',
  'tar -c a.tar > h2.tar; wc -c h2.tar',
  'mkdir x && tar -xf h.tar -C x && sha256sum x/a.tar x/b.tar',
  'mkdir y && tar -x -C y < h2.tar && sha256sum y/a.tar',
  'docker cp box:/etc/os-release - | tar -tv',
  'docker cp box:/etc/os-release - > os.tar; sha256sum os.tar',
  'mkdir -p in && echo hi > in/f && tar -c -C in f | docker cp - box:/tmp && docker cp box:/tmp/f - | tar -xO',
  'docker save alpine | wc -c',
];

/** Runs the lines in a fresh session; one result per line. */
export async function runArchiveLines(): Promise<Array<{ cmd: string; stdout: string; stderr: string; rc: number }>> {
  const store = await MemoryStore.open();
  let seed = 1;
  const session = await createSession({
    store,
    clock: () => Date.parse('2026-11-24T03:00:00Z'),
    random: () => ((seed = (seed * 16807) % 2147483647) / 2147483647),
    preload: ['alpine', 'busybox', 'hello-world'],
  });
  const out = [];
  for (const line of ARCHIVE_LINES) {
    const r = await session.runLine(line);
    out.push({ cmd: r.cmd, stdout: r.stdout, stderr: r.stderr, rc: r.rc });
  }
  return out;
}

if (process.argv[1]?.endsWith('archive-lines.ts')) {
  process.stdout.write(JSON.stringify(await runArchiveLines(), null, 1) + '\n');
}
