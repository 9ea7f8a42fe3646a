import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalConfigBytes, canonicalConfigJson } from '../../worker/engine/image-config.ts';
import type { ImageConfig } from '../../worker/engine/image-config.ts';

const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));

describe('canonical image config JSON', () => {
  // fixtures/go-config.out was produced by Go's encoding/json (fixtures/go-config/main.go)
  // from fixtures/go-config.in.json: struct field order, omitempty, sorted map keys,
  // HTML-safe escaping of < > &.
  const inputs = JSON.parse(readFileSync(here('./fixtures/go-config.in.json'), 'utf8')) as ImageConfig[];
  const expected = readFileSync(here('./fixtures/go-config.out'), 'utf8').trimEnd().split('\n');

  it('matches Go encoding/json of the OCI image-spec structs', () => {
    expect(inputs.map(canonicalConfigJson)).toEqual(expected);
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
