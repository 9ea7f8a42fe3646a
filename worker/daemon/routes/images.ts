/** Image routes: list, inspect, history, tag, delete, prune, create (pull, import), get (save), load. */
import { compareVersions } from '../api-version.ts';
import { bodyStream } from '../body.ts';
import { JsonStream, pipeBytes } from '../json-stream.ts';
import { boolParam, commonHeaders, sendJson, startStream, HttpError } from '../respond.ts';
import type { Call, Router } from '../router.ts';
import type { DaemonLab } from '../lab.ts';
import { filtersParam } from './params.ts';

/** Declares the image routes. */
export function imageRoutes(r: Router): void {
  r.add('GET', '/images/json', async ({ res, query, lab, version }) => {
    const list = await lab.engine.imageList({ all: boolParam(query, 'all'), filters: filtersParam(query) });
    // Older API versions' shapes (docker-reference §11): VirtualSize before 1.44, `<none>` placeholders before 1.43.
    const shaped = list.map((i) => {
      const o: Record<string, unknown> = { ...i };
      if (compareVersions(version, '1.43') < 0) {
        if (i.RepoTags.length === 0) o.RepoTags = ['<none>:<none>'];
        if (i.RepoDigests.length === 0) o.RepoDigests = ['<none>@<none>'];
      }
      if (compareVersions(version, '1.44') < 0) o.VirtualSize = i.Size;
      return o;
    });
    sendJson(res!, 200, shaped);
  });
  r.add('GET', '/images/{name*}/json', async ({ res, params, lab }) => sendJson(res!, 200, await lab.engine.imageInspect(params.name!)));
  r.add('GET', '/images/{name*}/history', async ({ res, params, lab }) => sendJson(res!, 200, await lab.engine.imageHistory(params.name!)));
  r.add('POST', '/images/{name*}/tag', async ({ res, params, query, lab }) => {
    const repo = query.get('repo') ?? '';
    const tag = query.get('tag') ?? '';
    await lab.engine.imageTag(params.name!, repo, tag);
    lab.events.emit('image', 'tag', params.name!, { name: tag ? `${repo}:${tag}` : repo });
    res!.writeHead(201, commonHeaders());
    res!.end();
  });
  r.add('DELETE', '/images/{name*}', async ({ res, params, query, lab }) => {
    const items = await lab.engine.imageRemove(params.name!, { force: boolParam(query, 'force'), noPrune: boolParam(query, 'noprune') });
    for (const it of items) lab.events.emit('image', 'Untagged' in it ? 'untag' : 'delete', 'Untagged' in it ? it.Untagged : it.Deleted, { name: params.name! });
    sendJson(res!, 200, items);
  });
  r.add('POST', '/images/prune', async ({ res, query, lab }) => {
    const report = await lab.engine.imagesPrune(filtersParam(query));
    lab.events.emit('image', 'prune', '', { reclaimed: String(report.SpaceReclaimed) });
    sendJson(res!, 200, report);
  });
  r.add('POST', '/images/create', async ({ req, res, query, lab }) => {
    const stream = new JsonStream(res!);
    const fromSrc = query.get('fromSrc');
    try {
      if (fromSrc !== null) {
        // docker import: the body is the tarball (`fromSrc=-`); a URL source needs a network the lab has not.
        if (fromSrc !== '-') throw new HttpError(400, `importing from a URL is not simulated in Layerlab: upload the tarball (fromSrc=-)`);
        const repo = query.get('repo') ?? '';
        const tag = query.get('tag') ?? '';
        const id = await lab.engine.imageImport(bodyStream(req), { reference: repo && tag ? `${repo}:${tag}` : repo, message: query.get('message') ?? '', changes: query.getAll('changes'), source: '-' });
        lab.events.emit('image', 'import', id, {});
        stream.message({ status: id });
      } else {
        const from = query.get('fromImage') ?? '';
        await lab.engine.imagePull(from, query.get('tag') ?? '', (m) => stream.message(m), query.get('platform') ?? undefined);
        lab.events.emit('image', 'pull', from, { name: from });
      }
      stream.end();
    } catch (err) {
      stream.fail(err);
    }
  });
  const save = async (res: NonNullable<Call['res']>, names: string[], lab: DaemonLab): Promise<void> => {
    // Rejects before any byte (moby answers 404 before the body): nothing is written for a missing image.
    const archive = await lab.engine.imageSave(names);
    for (const n of names) lab.events.emit('image', 'save', n, { name: n });
    startStream(res, 'application/x-tar');
    await pipeBytes(res, archive);
  };
  r.add('GET', '/images/get', async ({ res, query, lab }) => save(res!, query.getAll('names'), lab));
  r.add('GET', '/images/{name*}/get', async ({ res, params, lab }) => save(res!, [params.name!], lab));
  r.add('POST', '/images/load', async ({ req, res, query, lab }) => {
    const stream = new JsonStream(res!);
    // moby sends the headers before it reads the archive: a bad archive is an error message in the stream.
    stream.begin();
    try {
      const quiet = boolParam(query, 'quiet');
      await lab.engine.imageLoad(bodyStream(req), (m) => {
        if (quiet && m.stream === undefined) return;
        stream.message(m);
      });
      lab.events.emit('image', 'load', '', {});
      stream.end();
    } catch (err) {
      stream.fail(err);
    }
  });
}
