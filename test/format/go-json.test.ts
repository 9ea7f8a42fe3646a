import { describe, expect, it } from 'vitest';
import { goJson, goJsonIndent, jsonIndent } from '../../worker/cli/format/go-json.ts';
import { GoFloat, GoStruct } from '../../worker/cli/format/go-value.ts';

describe('goJson (encoding/json Marshal)', () => {
  it('escapes <>& by default, as in docker images --format json [cap:26]', () => {
    const row = {
      Containers: 'N/A',
      CreatedAt: '2026-11-24 02:31:58 +0000 UTC',
      CreatedSince: '9 minutes ago',
      Digest: '<none>',
      ID: '59b979dad67a',
      Repository: 'ref-base',
      SharedSize: 'N/A',
      Size: '3.02MB',
      Tag: '1',
      UniqueSize: 'N/A',
      VirtualSize: '3.02MB',
    };
    expect(goJson(row)).toEqual(
      '{"Containers":"N/A","CreatedAt":"2026-11-24 02:31:58 +0000 UTC","CreatedSince":"9 minutes ago","Digest":"\\u003cnone\\u003e","ID":"59b979dad67a","Repository":"ref-base","SharedSize":"N/A","Size":"3.02MB","Tag":"1","UniqueSize":"N/A","VirtualSize":"3.02MB"}',
    );
    expect(goJson('<a&b>', { escapeHtml: false })).toEqual('"<a&b>"');
  });

  it('escapes control characters like Go 1.22+, always escapes U+2028/2029', () => {
    expect(goJson('a"b\\c\n\r\t\b\f\x01\x7f')).toEqual('"a\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\x7f"');
    expect(goJson('\u2028\u2029', { escapeHtml: false })).toEqual('"\\u2028\\u2029"');
    expect(goJson('日本🐳')).toEqual('"日本🐳"');
    expect(goJson('\ud800x')).toEqual('"\ufffdx"');
  });

  it('formats numbers as Go ints and float64s', () => {
    expect(goJson([0, -3, 1982341, 1.5, 0.1, 1e21, 1e-7, 123456789.25])).toEqual(
      '[0,-3,1982341,1.5,0.1,1e+21,1e-7,123456789.25]',
    );
    expect(goJson(new GoFloat(1982341))).toEqual('1982341');
    expect(goJson(new GoFloat(-0))).toEqual('-0');
    expect(() => goJson(NaN)).toThrow('json: unsupported value: NaN');
  });

  it('keeps object insertion order, sorts Map keys, omits undefined', () => {
    expect(goJson({ b: 1, a: null, c: undefined, d: [] })).toEqual('{"b":1,"a":null,"d":[]}');
    expect(goJson(new Map<string, unknown>([['b', 1], ['a', true], ['B', 'x']]))).toEqual('{"B":"x","a":true,"b":1}');
    expect(goJson(new Date(Date.UTC(2025, 7, 8, 19, 5, 17)))).toEqual('"2025-08-08T19:05:17Z"');
  });

  it('uses a GoStruct marshaler and applies HTML escaping to its output like compact()', () => {
    const s = new GoStruct({}, '*x', () => '{"A":"<b>"}');
    expect(goJson(s)).toEqual('{"A":"\\u003cb\\u003e"}');
    expect(goJson(s, { escapeHtml: false })).toEqual('{"A":"<b>"}');
    expect(goJson(new GoStruct({ X: 1 }, '*x'))).toEqual('{"X":1}');
  });
});

describe('goJsonIndent / jsonIndent (json.Indent with four spaces, docker inspect §6)', () => {
  it('indents like docker image inspect [cap:26]', () => {
    const image = {
      Id: 'sha256:8aae4cb5b0040537c44439a1efd02fdc8c21a4f221bb537052695fc7af900d0a',
      RepoTags: ['busybox:latest', 'ref-base:1'],
      RepoDigests: [],
      Parent: '',
      Config: { Env: null, Cmd: ['/bin/sh'], Labels: null },
      Size: 1982333,
      Metadata: { LastTagTime: '2026-11-24T02:38:35.999986902Z' },
      Empty: {},
    };
    expect(goJsonIndent([image], '', '    ')).toEqual(
      [
        '[',
        '    {',
        '        "Id": "sha256:8aae4cb5b0040537c44439a1efd02fdc8c21a4f221bb537052695fc7af900d0a",',
        '        "RepoTags": [',
        '            "busybox:latest",',
        '            "ref-base:1"',
        '        ],',
        '        "RepoDigests": [],',
        '        "Parent": "",',
        '        "Config": {',
        '            "Env": null,',
        '            "Cmd": [',
        '                "/bin/sh"',
        '            ],',
        '            "Labels": null',
        '        },',
        '        "Size": 1982333,',
        '        "Metadata": {',
        '            "LastTagTime": "2026-11-24T02:38:35.999986902Z"',
        '        },',
        '        "Empty": {}',
        '    }',
        ']',
      ].join('\n'),
    );
  });

  it('does not escape HTML by default (the daemon encoder disables it) and keeps string contents intact', () => {
    expect(goJsonIndent({ a: '<x>, {y}: [z]' }, '', '  ')).toEqual('{\n  "a": "<x>, {y}: [z]"\n}');
    expect(goJsonIndent([], '', '    ')).toEqual('[]');
  });

  it('re-indents existing JSON text with a prefix (not on the first line)', () => {
    expect(jsonIndent('{ "a" : [1, 2],"b":"q\\"{"}', '>', '\t')).toEqual('{\n>\t"a": [\n>\t\t1,\n>\t\t2\n>\t],\n>\t"b": "q\\"{"\n>}');
  });
});
