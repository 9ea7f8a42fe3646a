/**
 * The Engine API client without a daemon: version negotiation, the paths and
 * queries it sends, daemon errors, and the two streaming formats (JSON
 * messages, stdcopy frames) cut at every byte boundary.
 */
import { describe, expect, it } from 'vitest';
import { HttpEngine } from '../../worker/engine-client/http-engine.ts';
import { demux, jsonValues } from '../../worker/engine-client/frames.ts';
import type { HijackedConnection, Transport, TransportRequest, TransportResponse } from '../../worker/engine-client/transport.ts';
import { EngineError } from '../../worker/engine/errors.ts';
import { StreamError } from '../../worker/engine/platform.ts';

const enc = new TextEncoder();

async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield p;
}

/** A daemon double: answers by `METHOD path`, records every request. */
class FakeDaemon implements Transport {
  readonly seen: string[] = [];
  constructor(
    readonly apiVersion: string,
    readonly answers: Record<string, { status?: number; body: string }>,
  ) {}
  async request(req: TransportRequest): Promise<TransportResponse> {
    this.seen.push(`${req.method} ${req.path}`);
    if (req.path === '/_ping') return { status: 200, headers: { 'api-version': this.apiVersion, ostype: 'linux' }, body: chunks(enc.encode('OK')) };
    const a = this.answers[`${req.method} ${req.path.replace(/^\/v[\d.]+/, '')}`] ?? { status: 404, body: '{"message":"page not found"}' };
    return { status: a.status ?? 200, headers: {}, body: chunks(enc.encode(a.body)) };
  }
  async hijack(): Promise<HijackedConnection> {
    throw new Error('not used');
  }
}

describe('HttpEngine', () => {
  it('negotiates the lower API version once and prefixes every path with it', async () => {
    const old = new FakeDaemon('1.45', { 'GET /images/json': { body: '[]' }, 'GET /images/json?all=1': { body: '[]' } });
    const api = new HttpEngine(old);
    await api.imageList();
    await api.imageList({ all: true });
    expect(old.seen).toEqual(['GET /_ping', 'GET /v1.45/images/json', 'GET /v1.45/images/json?all=1']);
    const newer = new FakeDaemon('1.52', { 'GET /images/json': { body: '[]' } });
    await new HttpEngine(newer).imageList();
    expect(newer.seen).toEqual(['GET /_ping', 'GET /v1.51/images/json']);
  });

  it('sends filters as filters.Args JSON and references unescaped', async () => {
    const d = new FakeDaemon('1.51', {
      'GET /containers/json?all=1&filters=%7B%22name%22%3A%7B%22web%22%3Atrue%7D%7D': { body: '[]' },
      'POST /images/docker.io/library/alpine:3.20/tag?repo=me%2Falpine&tag=v1': { status: 201, body: '' },
    });
    const api = new HttpEngine(d);
    await api.containerList({ all: true, filters: { name: ['web'] } });
    await api.imageTag('docker.io/library/alpine:3.20', 'me/alpine', 'v1');
    expect(d.seen.slice(1)).toEqual([
      'GET /v1.51/containers/json?all=1&filters=%7B%22name%22%3A%7B%22web%22%3Atrue%7D%7D',
      'POST /v1.51/images/docker.io/library/alpine:3.20/tag?repo=me%2Falpine&tag=v1',
    ]);
  });

  it("turns the daemon's error body into an EngineError of its status", async () => {
    const d = new FakeDaemon('1.51', { 'DELETE /containers/web': { status: 409, body: '{"message":"cannot remove container \\"/web\\": container is running"}' } });
    const err = await new HttpEngine(d).containerRemove('web').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect([(err as EngineError).code, (err as EngineError).message]).toEqual(['Conflict', 'cannot remove container "/web": container is running']);
  });

  it('hands pull messages over one by one and ends with the error a message carries', async () => {
    const body = '{"status":"Pulling from library/nope","id":"latest"}\r\n{"errorDetail":{"message":"manifest unknown"},"error":"manifest unknown"}\r\n';
    const d = new FakeDaemon('1.51', { 'POST /images/create?fromImage=nope&tag=latest': { body } });
    const got: unknown[] = [];
    const err = await new HttpEngine(d).imagePull('nope', 'latest', (m) => got.push(m)).catch((e: unknown) => e);
    expect(got).toEqual([{ status: 'Pulling from library/nope', id: 'latest' }]);
    expect(err).toEqual(new StreamError('manifest unknown'));
  });
});

describe('stream formats', () => {
  it('reads JSON values split anywhere, with or without newlines between them', async () => {
    const text = enc.encode('{"stream":"Step 1/2 : FROM alpine\\n"}{"aux":{"ID":"sha256:ab"}}\n{"stream":"a } { \\" brace"}');
    for (let cut = 1; cut < text.length; cut++) {
      const values: unknown[] = [];
      for await (const v of jsonValues(chunks(text.slice(0, cut), text.slice(cut)))) values.push(v);
      expect(values).toEqual([{ stream: 'Step 1/2 : FROM alpine\n' }, { aux: { ID: 'sha256:ab' } }, { stream: 'a } { " brace' }]);
    }
  });

  it('demultiplexes stdcopy frames split anywhere', async () => {
    const frame = (stream: number, text: string): Uint8Array => {
      const payload = enc.encode(text);
      const out = new Uint8Array(8 + payload.length);
      out[0] = stream;
      new DataView(out.buffer).setUint32(4, payload.length);
      out.set(payload, 8);
      return out;
    };
    const all = new Uint8Array([...frame(1, 'out\n'), ...frame(2, 'err\n'), ...frame(1, '')]);
    for (let cut = 1; cut < all.length; cut++) {
      const frames: Array<[number, string]> = [];
      for await (const [s, p] of demux(chunks(all.slice(0, cut), all.slice(cut)))) frames.push([s, new TextDecoder().decode(p)]);
      expect(frames).toEqual([
        [1, 'out\n'],
        [2, 'err\n'],
        [1, ''],
      ]);
    }
  });
});
