import { describe, expect, it } from 'vitest';
import { inspectAll } from '../../worker/cli/inspector.ts';
import { CliError } from '../../worker/cli/context.ts';
import { GoStruct } from '../../worker/cli/format/go-value.ts';

const raw = {
  Id: 'sha256:dc980c18144b2a8644a7d08f3f3fe3d1c562449f8103f9eaf691cddb0faa719a',
  RepoTags: ['localhost:5000/alpine:3.22'],
  RepoDigests: [],
  Config: { Cmd: ['/bin/sh'], Labels: { maintainer: 'ref' } },
  Architecture: 'amd64',
  Os: 'linux',
  Size: 1982341,
  RootFS: {
    Type: 'layers',
    Layers: [
      'sha256:052831382045a30cc1f941e1148bd7dcfc68c05729ce74c2a62b1c5d5ec135ae',
      'sha256:7d120e4d70e80399541b95054c36eee38970785d916871f0495d1580f4375c33',
    ],
  },
};
/** The typed view: structs where Go has structs, maps (Labels) stay plain. */
const typed = new GoStruct(
  {
    ...raw,
    Config: new GoStruct(raw.Config, '*container.Config'),
    RootFS: new GoStruct(raw.RootFS, 'image.RootFS'),
  },
  'image.InspectResponse',
);


/** Runs the inspector over named elements; returns stdout, and the error text and exit code if it failed. */
async function render(format: string, elements: Array<{ typed: unknown; raw?: unknown }>): Promise<string> {
  let out = '';
  await inspectAll(elements.map((_, i) => String(i)), format, async (ref) => {
    const e = elements[Number(ref)]!;
    return { typed: e.typed, raw: e.raw ?? e.typed };
  }, (s) => (out += s));
  return out;
}

describe('inspectAll (docker inspect formats) (docker inspect formats)', () => {
  it('runs templates per element [cap:26]', async () => {
    expect(await render('{{.Id}} {{.Os}}/{{.Architecture}} {{.Size}}', [{ typed, raw }])).toEqual(
      'sha256:dc980c18144b2a8644a7d08f3f3fe3d1c562449f8103f9eaf691cddb0faa719a linux/amd64 1982341\n',
    );
    expect(await render('{{json .RootFS.Layers}}', [{ typed, raw }])).toEqual(
      '["sha256:052831382045a30cc1f941e1148bd7dcfc68c05729ce74c2a62b1c5d5ec135ae","sha256:7d120e4d70e80399541b95054c36eee38970785d916871f0495d1580f4375c33"]\n',
    );
    expect(await render('{{json .RootFS}}', [{ typed, raw }])).toEqual(
      '{"Type":"layers","Layers":["sha256:052831382045a30cc1f941e1148bd7dcfc68c05729ce74c2a62b1c5d5ec135ae","sha256:7d120e4d70e80399541b95054c36eee38970785d916871f0495d1580f4375c33"]}\n',
    );
  });

  it('falls back to the raw map with missingkey=error [docker-reference §6]', async () => {
    await expect(render('{{.Nope}}', [{ typed, raw }])).rejects.toThrow(
      'template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"',
    );
    expect(await render('{{.Config.Labels.nope}}|{{.Config.Labels.maintainer}}', [{ typed, raw }])).toEqual('<no value>|ref\n');
  });

  it('prints the raw objects indented, [] when empty', async () => {
    expect(await render('', [])).toEqual('[]\n');
    expect(await render('', [{ typed, raw: { Id: 'x', Tags: [], Labels: { a: '<b>' } } }])).toEqual(
      '[\n    {\n        "Id": "x",\n        "Tags": [],\n        "Labels": {\n            "a": "<b>"\n        }\n    }\n]\n',
    );
    expect(await render('json', [{ typed, raw: { Id: 'x' } }])).toEqual('[{"Id":"x"}]\n');
  });

  it('reports parse errors with docker\'s prefix, exit 64', async () => {
    await expect(render('{{.Id', [{ typed, raw }])).rejects.toThrow('template parsing error: template: :1: unclosed action');
  });
});

describe('inspectAll errors, as docker/cli reports them', () => {
  it('prints what it found, then the joined errors; a bad template exits 64', async () => {
    let out = '';
    const found = { typed, raw };
    const getRef = async (ref: string) => {
      if (ref === 'alpine') return found;
      throw new CliError(`Error: No such object: ${ref}`);
    };
    const err = await inspectAll(['alpine', 'x', 'y'], '{{.Os}}', getRef, (s) => (out += s)).catch((e: CliError) => e);
    expect(out).toBe('linux\n');
    expect([(err as CliError).message, (err as CliError).exitCode]).toEqual(['Error: No such object: x\nError: No such object: y', 1]);
    out = '';
    const none = await inspectAll(['x'], '{{.Os}}', getRef, (s) => (out += s)).catch((e: CliError) => e);
    expect([out, (none as CliError).message]).toEqual(['\n', 'Error: No such object: x']);
    const bad = await inspectAll(['alpine'], '{{.Id', getRef, () => undefined).catch((e: CliError) => e);
    expect([(bad as CliError).message, (bad as CliError).exitCode]).toEqual(['template parsing error: template: :1: unclosed action', 64]);
  });
});
