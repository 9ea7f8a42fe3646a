import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalConfigBytes, canonicalConfigJson } from '../../worker/engine/image-config.ts';
import type { ImageConfig } from '../../worker/engine/image-config.ts';
import { digestOf } from '../../worker/engine/digest.ts';

const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));

describe('canonical image config JSON', () => {
  // fixtures/go-config.out was produced by Go's encoding/json (fixtures/go-config/main.go)
  // from fixtures/go-config.in.json: struct field order, omitempty, sorted map keys,
  // HTML-safe escaping of < > &, top-level keys re-sorted as BuildKit/moby do.
  const inputs = JSON.parse(readFileSync(here('./fixtures/go-config.in.json'), 'utf8')) as ImageConfig[];
  const expected = readFileSync(here('./fixtures/go-config.out'), 'utf8').trimEnd().split('\n');

  it('matches Go encoding/json of the OCI image-spec structs', () => {
    expect(inputs.map(canonicalConfigJson)).toEqual(expected);
  });

  it('reproduces config blobs saved from a real engine byte for byte', () => {
    // fixtures/engine-configs.txt: `docker save` of the oracle's alpine and hello-world
    // (built by BuildKit in Engine 26.1.5) and busybox; their image IDs are the digests.
    const lines = readFileSync(here('./fixtures/engine-configs.txt'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => canonicalConfigJson(JSON.parse(l) as ImageConfig))).toEqual(lines);
    expect(lines.map((l) => digestOf(canonicalConfigBytes(JSON.parse(l) as ImageConfig)).slice(7, 19))).toEqual(['9ae9639d1857', 'ec8fd29b488a', '10ab566b5fb5']);
  });

  it('encodes to UTF-8 bytes', () => {
    expect(Buffer.from(canonicalConfigBytes(inputs[1]!)).toString('utf8')).toEqual(expected[1]);
  });

  it('uses moby image.Image form (sorted keys, full container.Config) for daemon-made configs', () => {
    const committed: ImageConfig = {
      architecture: 'amd64', os: 'linux', created: '2026-11-24T02:31:58.574934519Z', comment: 'Imported from -', docker_version: '28.5.0',
      config: { Cmd: ['/bin/sh'] }, rootfs: { type: 'layers', diff_ids: ['sha256:aa'] },
      history: [{ created: '2026-11-24T02:31:58.574934519Z', created_by: '', comment: 'Imported from -' }],
    };
    expect(canonicalConfigJson(committed)).toEqual(
      '{"architecture":"amd64","comment":"Imported from -","config":{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":null,"Cmd":["/bin/sh"],"Image":"","Volumes":null,"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":null},"created":"2026-11-24T02:31:58.574934519Z","docker_version":"28.5.0","history":[{"created":"2026-11-24T02:31:58.574934519Z","comment":"Imported from -"}],"os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:aa"]}}');
  });
});
