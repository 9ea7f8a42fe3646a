/**
 * `docker cp` routes (moby api/server/router/container/copy.go):
 * `HEAD /containers/{id}/archive?path=` stats a path, `GET` sends it as a
 * tar, `PUT` extracts a tar into a directory. The stat travels base64 JSON
 * in `X-Docker-Container-Path-Stat`; the CLI does the renaming of the copy.
 */
import { archivePath, extractInto, type PathStat } from '../../engine/containers/archive.ts';
import { EngineError } from '../../engine/errors.ts';
import { baseName } from '../../engine/layer/entry.ts';
import { readTarEntries } from '../../engine/layer/tar-stream.ts';
import { tarChunks } from '../../engine/layer/tar-write.ts';
import { bodyStream } from '../body.ts';
import { pipeBytes } from '../json-stream.ts';
import type { DaemonLab } from '../lab.ts';
import { badRequest, boolParam, commonHeaders, sendEmpty } from '../respond.ts';
import type { Router } from '../router.ts';

/** Go os.FileMode bits the CLI reads: ModeDir (1<<31) and ModeSymlink (1<<27) above the permissions. */
function goFileMode(stat: PathStat): number {
  return (stat.isDir ? 2 ** 31 : 0) + (stat.mode & 0o7777);
}

/** The header value: base64 of moby's container.PathStat JSON. */
function statHeader(stat: PathStat): string {
  const json = JSON.stringify({ name: stat.name, size: stat.size, mode: goFileMode(stat), mtime: '0001-01-01T00:00:00Z', linkTarget: '' });
  return Buffer.from(json).toString('base64');
}

function pathParam(q: URLSearchParams): string {
  const path = q.get('path');
  if (!path) throw badRequest('path cannot be empty');
  return path.startsWith('/') ? path : `/${path}`;
}

async function statAndEntries(lab: DaemonLab, ref: string, path: string) {
  const svc = lab.containers;
  const c = svc.get(ref);
  const view = await svc.archiveView(c, path);
  // Inside a volume the archive is still named after the container's path.
  const named = view.path !== path && !path.endsWith('/.') ? baseName(path.replace(/\/+$/, '')) : undefined;
  return archivePath(view.fs, view.path, ref, named);
}

/** Declares the archive routes. */
export function archiveRoutes(r: Router): void {
  r.add('HEAD', '/containers/{id}/archive', async ({ res, params, query, lab }) => {
    const { stat } = await statAndEntries(lab, params.id!, pathParam(query));
    res!.writeHead(200, { ...commonHeaders(), 'X-Docker-Container-Path-Stat': statHeader(stat), 'Content-Type': 'application/x-tar' });
    res!.end();
  });
  r.add('GET', '/containers/{id}/archive', async ({ res, params, query, lab }) => {
    const { stat, entries } = await statAndEntries(lab, params.id!, pathParam(query));
    res!.writeHead(200, { ...commonHeaders(), 'X-Docker-Container-Path-Stat': statHeader(stat), 'Content-Type': 'application/x-tar' });
    await pipeBytes(res!, tarChunks(entries));
  });
  r.add('PUT', '/containers/{id}/archive', async ({ req, res, params, query, lab }) => {
    const svc = lab.containers;
    const path = pathParam(query);
    const c = svc.get(params.id!);
    const view = await svc.archiveView(c, path);
    if (!(await view.fs.exists(view.path))) throw new EngineError('NotFound', `Could not find the file ${path} in container ${params.id}`);
    if (!(await view.fs.stat(view.path)).isDirectory) throw badRequest('extraction point is not a directory');
    if (view.readOnly) throw new EngineError('Forbidden', 'mounted volume is marked read-only');
    // A failed extraction changes nothing: the tar is read (into the entries the container keeps) before anything is written.
    const entries = await readTarEntries(bodyStream(req));
    await extractInto(view.fs, view.path, entries, boolParam(query, 'copyUIDGID'));
    await svc.save(c.id, () => ({}));
    lab.events.emit('container', 'extract-to-dir', c.id, { path });
    sendEmpty(res!, 200);
  });
}
