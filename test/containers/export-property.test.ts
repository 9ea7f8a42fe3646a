/**
 * Property: whatever a container does to its files, export equals the merged
 * view (image layers + writable layer) computed independently, committing and
 * running the new image shows the same files, and the stored writable layer
 * gives the same view after a reload.
 */
import { describe, expect, it } from 'vitest';
import { containerExportEntries as containerExport } from '../../worker/engine/containers/operations.ts';
import { readText, type Entry } from '../../worker/engine/layer/entry.ts';
import { BASE, containerCli, seeded } from './helpers.ts';

const PATHS = ['etc/a', 'etc/motd', 'etc/sub', 'etc/sub/f', 'var/cache', 'var/cache/a', 'var/cache/n', 'usr/share/doc', 'usr/share/doc/README', 'new', 'new/x', 'new/y'];
const INIT = /^(\.dockerenv|dev|proc|sys|etc\/(hosts|hostname|resolv\.conf|mtab))(\/|$)/;

type Model = Map<string, string | null>; // path → file text, or null for a directory

function modelOf(entries: readonly Entry[]): Model {
  const m: Model = new Map();
  for (const e of entries) if (e.type === 'dir' || e.type === 'file') m.set(e.path, e.type === 'dir' ? null : readText(e));
  return m;
}

function listing(m: Model): string[] {
  return [...m].map(([p, t]) => `${p}=${t ?? '<dir>'}`).sort();
}

function exported(entries: readonly Entry[]): string[] {
  return listing(modelOf(entries.filter((e) => !INIT.test(e.path) && e.type !== 'symlink')));
}

describe('export is the merged view', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`random changes, seed ${seed}`, async () => {
      const d = await containerCli();
      await d.run('pull base');
      await d.run('create --name subject base');
      const c = d.svc.get('subject');
      const fs = await d.svc.fs(c);
      const model = modelOf(BASE);
      const random = seeded(seed);
      const parentIsDir = (p: string) => !p.includes('/') || model.get(p.slice(0, p.lastIndexOf('/'))) === null;
      for (let step = 0; step < 25; step++) {
        const p = PATHS[Math.floor(random() * PATHS.length)]!;
        const op = Math.floor(random() * 3);
        if (op === 0 && parentIsDir(p) && model.get(p) !== null) {
          const text = `v${step}\n`;
          await fs.writeFile('/' + p, text);
          model.set(p, text);
        } else if (op === 1 && model.has(p)) {
          await fs.rm('/' + p, { recursive: true });
          for (const k of [...model.keys()]) if (k === p || k.startsWith(p + '/')) model.delete(k);
        } else if (op === 2 && parentIsDir(p) && !model.has(p)) {
          await fs.mkdir('/' + p);
          model.set(p, null);
        }
      }
      await d.svc.save(c.id, () => ({}));
      expect(exported(await containerExport(d.svc, 'subject'))).toEqual(listing(model));
      await d.run('commit subject snap:p');
      await d.run('create --name again snap:p');
      expect(exported(await containerExport(d.svc, 'again'))).toEqual(listing(model));
    });
  }
});
