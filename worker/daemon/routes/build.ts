/**
 * `POST /build` for the legacy builder (`version=1`): the body is the
 * context tar, the response the builder's JSON message stream. BuildKit
 * (`version=2`) needs BuildKit's session (`/session`, `/grpc`: gRPC over a
 * hijacked connection, filesync, the solve API); the simulator does not
 * speak those, so a BuildKit build is refused with a clear 501 and the
 * learner is told to build with DOCKER_BUILDKIT=0. (The docker CLI without
 * the buildx plugin, as here, falls back to the legacy builder by itself.)
 */
import { build } from '../../engine/builder/build.ts';
import { BuildError, type BuildOptions } from '../../engine/builder/types.ts';
import { EngineError } from '../../engine/errors.ts';
import { bodyStream, readAll } from '../body.ts';
import { JsonStream } from '../json-stream.ts';
import { badRequest, boolParam, HttpError } from '../respond.ts';
import type { Router } from '../router.ts';

/** Layerlab's refusal of BuildKit over the wire. */
export const NO_BUILDKIT = 'BuildKit is not available from the Layerlab daemon (its session API is not simulated): build with the legacy builder, DOCKER_BUILDKIT=0';

function jsonMap(q: URLSearchParams, name: string): Record<string, string> {
  const raw = q.get(name);
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as Record<string, string | null>;
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null)) as Record<string, string>;
  } catch (err) {
    throw badRequest(`invalid JSON: ${(err as Error).message}`);
  }
}

/** Declares `/build` and the BuildKit session endpoints' refusal. */
export function buildRoutes(r: Router): void {
  r.add('POST', '/build', async ({ req, res, query, lab }) => {
    const version = query.get('version') || '1';
    if (version === '2') throw new HttpError(501, NO_BUILDKIT);
    if (version !== '1') throw badRequest(`invalid version: ${version}`);
    const network = query.get('networkmode') || 'default';
    if (!['default', 'bridge', 'host', 'none'].includes(network)) throw new HttpError(400, `network mode ${network} is not simulated in Layerlab: builds run with default, host or none`);
    const opts: BuildOptions = {
      version: '1',
      dockerfile: query.get('dockerfile') || 'Dockerfile',
      tags: query.getAll('t'),
      noCache: boolParam(query, 'nocache'),
      pull: boolParam(query, 'pull'),
      rm: query.get('rm') === null ? true : boolParam(query, 'rm'),
      forceRm: boolParam(query, 'forcerm'),
      buildArgs: jsonMap(query, 'buildargs'),
      labels: jsonMap(query, 'labels'),
      target: query.get('target') ?? '',
      quiet: boolParam(query, 'q'),
      network: network === 'bridge' ? 'default' : (network as 'default' | 'host' | 'none'),
      ...(query.get('platform') ? { platform: query.get('platform')! } : {}),
    };
    const tar = await readAll(bodyStream(req));
    const stream = new JsonStream(res!);
    try {
      const result = await build({ engine: lab.engine, containers: lab.containers }, tar, opts, { message: (m) => stream.message(m) });
      lab.events.emit('image', 'build', result.imageId, {});
      stream.end();
    } catch (err) {
      if (err instanceof BuildError) {
        // A daemon response (a Dockerfile parse error) before any output is an HTTP error; a failed step is a stream error with its code.
        if (err.data.response && !stream.started) throw new EngineError('InvalidParameter', err.message);
        stream.fail(new Error(err.message), err.data.exitCode);
        return;
      }
      stream.fail(err);
    }
  });
  const refuse = async (): Promise<void> => {
    throw new HttpError(501, NO_BUILDKIT);
  };
  r.add('POST', '/session', refuse, { hijack: true });
  r.add('POST', '/grpc', refuse, { hijack: true });
}
