import { describe, expect, it } from 'vitest';
import { FormatError, contextJson, parseFormat, renderTable } from '../../worker/cli/format/format.ts';

const IMAGE_TABLE =
  'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
const IMAGE_HEADER = {
  Containers: 'CONTAINERS', CreatedAt: 'CREATED AT', CreatedSince: 'CREATED', Digest: 'DIGEST', ID: 'IMAGE ID',
  Repository: 'REPOSITORY', SharedSize: 'SHARED SIZE', Size: 'SIZE', Tag: 'TAG', UniqueSize: 'UNIQUE SIZE',
  VirtualSize: 'VIRTUAL SIZE',
};
const IMAGE_TYPE = { typeName: '*formatter.imageContext' };

/** A stand-in for docker's imageContext: one zero-argument method per column. */
class ImageContext {
  constructor(
    readonly r: { repo: string; tag: string; id: string; since: string; size: string; createdAt?: string },
  ) {}
  Containers(): string { return 'N/A'; }
  CreatedAt(): string { return this.r.createdAt ?? ''; }
  CreatedSince(): string { return this.r.since; }
  Digest(): string { return '<none>'; }
  ID(): string { return this.r.id; }
  Repository(): string { return this.r.repo; }
  SharedSize(): string { return 'N/A'; }
  Size(): string { return this.r.size; }
  Tag(): string { return this.r.tag; }
  UniqueSize(): string { return 'N/A'; }
  VirtualSize(): string { return this.r.size; }
}

const images = [
  new ImageContext({ repo: 'ref-bk', tag: '2', id: 'b4d4372e73a9', since: '4 seconds ago', size: '1.99MB' }),
  new ImageContext({ repo: 'ref-args', tag: '1', id: 'bcf907ff538a', since: 'About a minute ago', size: '1.99MB' }),
  new ImageContext({ repo: 'busybox', tag: 'latest', id: '4f8afa73d7b4', since: '3 minutes ago', size: '1.99MB' }),
  new ImageContext({ repo: 'ref-bb', tag: 'copy', id: '4f8afa73d7b4', since: '3 minutes ago', size: '1.99MB' }),
  new ImageContext({ repo: 'localhost:5000/alpine', tag: '3.22', id: 'dc980c18144b', since: '15 months ago', size: '1.98MB' }),
];

describe('parseFormat (Context.preFormat)', () => {
  it('substitutes the default table for "" and "table"', () => {
    expect(parseFormat('', IMAGE_TABLE)).toEqual({ kind: 'table', source: IMAGE_TABLE, template: IMAGE_TABLE.slice(6) });
    expect(parseFormat('table', IMAGE_TABLE).template).toEqual(IMAGE_TABLE.slice(6));
  });
  it('strips "table", trims spaces and converts the two-character \\t and \\n', () => {
    expect(parseFormat('table  {{.A}}\\t{{.B}}\\n ', IMAGE_TABLE)).toEqual({
      kind: 'table', source: 'table  {{.A}}\\t{{.B}}\\n ', template: '{{.A}}\t{{.B}}\n',
    });
    expect(parseFormat(' {{.ID}}\\t ', IMAGE_TABLE)).toEqual({ kind: 'raw', source: ' {{.ID}}\\t ', template: '{{.ID}}\t' });
  });
  it('maps "json" to {{json .}} but leaves " json" a raw template', () => {
    expect(parseFormat('json', IMAGE_TABLE)).toEqual({ kind: 'json', source: 'json', template: '{{json .}}' });
    expect(parseFormat(' json', IMAGE_TABLE)).toEqual({ kind: 'raw', source: ' json', template: 'json' });
  });
});

describe('renderTable', () => {
  it('renders the default docker images table [cap:26]', () => {
    expect(renderTable(parseFormat('', IMAGE_TABLE), images, IMAGE_HEADER, IMAGE_TYPE)).toEqual(
      'REPOSITORY              TAG       IMAGE ID       CREATED              SIZE\n' +
        'ref-bk                  2         b4d4372e73a9   4 seconds ago        1.99MB\n' +
        'ref-args                1         bcf907ff538a   About a minute ago   1.99MB\n' +
        'busybox                 latest    4f8afa73d7b4   3 minutes ago        1.99MB\n' +
        'ref-bb                  copy      4f8afa73d7b4   3 minutes ago        1.99MB\n' +
        'localhost:5000/alpine   3.22      dc980c18144b   15 months ago        1.98MB\n',
    );
  });

  it('prints only the header for zero rows [cap:26]', () => {
    expect(renderTable(parseFormat('', IMAGE_TABLE), [], IMAGE_HEADER, IMAGE_TYPE)).toEqual(
      'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
    );
  });

  it('prints --format json rows with sorted keys and HTML escaping [cap:26]', () => {
    const row = new ImageContext({
      repo: 'ref-base', tag: '1', id: '59b979dad67a', since: '9 minutes ago', size: '3.02MB',
      createdAt: '2026-11-24 02:31:58 +0000 UTC',
    });
    const expected =
      '{"Containers":"N/A","CreatedAt":"2026-11-24 02:31:58 +0000 UTC","CreatedSince":"9 minutes ago","Digest":"\\u003cnone\\u003e","ID":"59b979dad67a","Repository":"ref-base","SharedSize":"N/A","Size":"3.02MB","Tag":"1","UniqueSize":"N/A","VirtualSize":"3.02MB"}\n';
    expect(renderTable(parseFormat('json', IMAGE_TABLE), [row], IMAGE_HEADER, IMAGE_TYPE)).toEqual(expected);
    // An explicit {{json .}} is the same template.
    expect(renderTable(parseFormat('{{json .}}', IMAGE_TABLE), [row], IMAGE_HEADER, IMAGE_TYPE)).toEqual(expected);
  });

  it('prints docker ps --format json with a null Platform [cap:26]', () => {
    const ps = {
      Command: '"sleep 300"', CreatedAt: '2026-11-24 02:43:52 +0000 UTC', ID: 'fbdd9e96c88e', Image: 'busybox',
      Labels: '', LocalVolumes: '0', Mounts: '', Names: 'ref-j', Networks: 'bridge', Platform: null, Ports: '',
      RunningFor: 'Less than a second ago', Size: '0B', State: 'running', Status: 'Up Less than a second',
    };
    expect(contextJson(ps)).toEqual(
      '{"Command":"\\"sleep 300\\"","CreatedAt":"2026-11-24 02:43:52 +0000 UTC","ID":"fbdd9e96c88e","Image":"busybox","Labels":"","LocalVolumes":"0","Mounts":"","Names":"ref-j","Networks":"bridge","Platform":null,"Ports":"","RunningFor":"Less than a second ago","Size":"0B","State":"running","Status":"Up Less than a second"}',
    );
  });

  it('renders a custom ps table with headers [cap:26]', () => {
    const rows = [
      { Names: 'ref-web', Status: 'Up 2 seconds', State: 'running' },
      { Names: 'ref-paused', Status: 'Up 2 seconds (Paused)', State: 'paused' },
    ];
    const header = { Names: 'NAMES', Status: 'STATUS', State: 'STATE' };
    const out = renderTable(parseFormat('table {{.Names}}\\t{{.Status}}\\t{{.State}}', ''), rows, header, {
      typeName: '*formatter.ContainerContext',
    });
    expect(out).toEqual(
      'NAMES        STATUS                  STATE\n' +
        'ref-web      Up 2 seconds            running\n' +
        'ref-paused   Up 2 seconds (Paused)   paused\n',
    );
  });

  it('renders history -H=false with trailing padding on the empty cell [cap:20.10]', () => {
    const row = { ID: '8aae4cb5b004', CreatedAt: '2026-11-24T02:31:58Z', CreatedBy: '', Size: '1982333', Comment: 'Imported from -' };
    const header = { ID: 'IMAGE', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' };
    const format = parseFormat('table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}', '');
    expect(renderTable(format, [row], header, { typeName: '*image.historyContext' })).toEqual(
      'IMAGE          CREATED AT             CREATED BY   SIZE      COMMENT\n' +
        '8aae4cb5b004   2026-11-24T02:31:58Z                1982333   Imported from -\n',
    );
  });

  it('uses identity functions for headers, except pad', () => {
    const out = renderTable(parseFormat('table {{upper .Repository}}\t{{lower .Tag}}', ''), images.slice(2, 3), IMAGE_HEADER, IMAGE_TYPE);
    expect(out).toEqual('REPOSITORY   TAG\nBUSYBOX      latest\n');
    const padded = renderTable(parseFormat('table {{pad .Tag 2 0}}|', ''), images.slice(2, 3), IMAGE_HEADER, IMAGE_TYPE);
    expect(padded).toEqual('  TAG|\n  latest|\n');
  });

  it('prints raw formats per row without a header', () => {
    expect(renderTable(parseFormat('{{.ID}}', IMAGE_TABLE), images.slice(0, 2), IMAGE_HEADER, IMAGE_TYPE)).toEqual(
      'b4d4372e73a9\nbcf907ff538a\n',
    );
    expect(renderTable(parseFormat('{{.Repository}}:{{.Tag}}\\t!', IMAGE_TABLE), images.slice(2, 3), IMAGE_HEADER, IMAGE_TYPE)).toEqual(
      'busybox:latest\t!\n',
    );
  });

  it('reports an unknown field the way docker does [cap:26]', () => {
    const run = (): string => renderTable(parseFormat('{{.Bogus}}', IMAGE_TABLE), images, IMAGE_HEADER, IMAGE_TYPE);
    expect(run).toThrow(FormatError);
    expect(run).toThrow(
      'template parsing error: template: :1:2: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *formatter.imageContext',
    );
  });

  it('reports parse errors with the same prefix', () => {
    expect(() => renderTable(parseFormat('table {{bogus .ID}}', ''), images, IMAGE_HEADER, IMAGE_TYPE)).toThrow(
      'template parsing error: template: :1: function "bogus" not defined',
    );
    expect(() => renderTable(parseFormat('{{.ID}', ''), [], IMAGE_HEADER, IMAGE_TYPE)).toThrow(
      'template parsing error: template: :1: unexpected "}" in operand',
    );
  });
});
