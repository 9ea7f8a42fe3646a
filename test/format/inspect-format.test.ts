import { describe, expect, it } from 'vitest';
import { renderInspect } from '../../worker/cli/format/inspect-format.ts';
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

describe('renderInspect (docker inspect formats)', () => {
  it('runs templates per element [cap:26]', () => {
    expect(renderInspect('{{.Id}} {{.Os}}/{{.Architecture}} {{.Size}}', [{ typed, raw }])).toEqual(
      'sha256:dc980c18144b2a8644a7d08f3f3fe3d1c562449f8103f9eaf691cddb0faa719a linux/amd64 1982341\n',
    );
    expect(renderInspect('{{json .RootFS.Layers}}', [{ typed, raw }])).toEqual(
      '["sha256:052831382045a30cc1f941e1148bd7dcfc68c05729ce74c2a62b1c5d5ec135ae","sha256:7d120e4d70e80399541b95054c36eee38970785d916871f0495d1580f4375c33"]\n',
    );
    expect(renderInspect('{{json .RootFS}}', [{ typed, raw }])).toEqual(
      '{"Type":"layers","Layers":["sha256:052831382045a30cc1f941e1148bd7dcfc68c05729ce74c2a62b1c5d5ec135ae","sha256:7d120e4d70e80399541b95054c36eee38970785d916871f0495d1580f4375c33"]}\n',
    );
  });

  it('falls back to the raw map with missingkey=error [docker-reference §6]', () => {
    expect(() => renderInspect('{{.Nope}}', [{ typed, raw }])).toThrow(
      'template parsing error: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"',
    );
    expect(renderInspect('{{.Config.Labels.nope}}|{{.Config.Labels.maintainer}}', [{ typed, raw }])).toEqual('<no value>|ref\n');
  });

  it('prints the raw objects indented, [] when empty', () => {
    expect(renderInspect('', [])).toEqual('[]\n');
    expect(renderInspect('', [{ typed, raw: { Id: 'x', Tags: [], Labels: { a: '<b>' } } }])).toEqual(
      '[\n    {\n        "Id": "x",\n        "Tags": [],\n        "Labels": {\n            "a": "<b>"\n        }\n    }\n]\n',
    );
    expect(renderInspect('json', [{ typed, raw: { Id: 'x' } }])).toEqual('[{"Id":"x"}]\n');
  });

  it('reports parse errors with docker\'s prefix', () => {
    expect(() => renderInspect('{{.Id', [{ typed, raw }])).toThrow('template parsing error: template: :1: unclosed action');
  });
});
