import { describe, expect, it } from 'vitest';
import { DOCKER_HEADER_FUNCS, parseTemplate } from '../../worker/cli/format/template/index.ts';
import { sprintf } from '../../worker/cli/format/template/go-fmt.ts';
import { GoFloat } from '../../worker/cli/format/go-value.ts';

/** Execute; with `error` set, return the error text instead of throwing. */
const run = (text: string, data: unknown = {}, error = false): string => {
  try {
    return parseTemplate(text).execute(data);
  } catch (e) {
    if (!error) throw e;
    return (e as Error).message;
  }
};

describe('Go builtin functions (text/template funcs.go)', () => {
  it('and / or return the deciding argument and short-circuit', () => {
    expect(run('{{and 1 0 2}}|{{and 1 2}}|{{or 0 "" "x"}}|{{or 0 ""}}|{{not 0}}|{{not "a"}}')).toEqual('0|2|x||true|false');
    expect(run('{{or true (index .L 5)}}|{{and false (index .L 5)}}', { L: [] })).toEqual('true|false');
    expect(run('{{if and .A (not .B)}}yes{{end}}', { A: 'x', B: '' })).toEqual('yes');
  });

  it('compares with eq (several operands), ne, lt, le, gt, ge', () => {
    expect(run('{{eq .S "a" "b"}} {{eq .S "c"}} {{eq .Missing "x"}} {{ne 1 2}}', { S: 'b' })).toEqual('true false false true');
    expect(run('{{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1 2}} {{lt 1.5 2.5}} {{eq true true}}')).toEqual(
      'true true true false true true',
    );
  });

  it('len counts bytes of strings and entries of slices and maps', () => {
    expect(run('{{len "héllo"}} {{len .L}} {{len .M}}', { L: [1, 2, 3], M: { a: 1, b: 2 } })).toEqual('6 3 2');
  });

  it('index walks slices, maps and string bytes', () => {
    const data = { L: [['a', 'b'], ['c']], M: { k: 'v' } };
    expect(run('{{index .L 1 0}} {{index .M "k"}} {{index .M "nope"}} {{index "abc" 1}}', data)).toEqual('c v <no value> 98');
  });

  it('slice cuts slices and string bytes; js escapes for JavaScript', () => {
    expect(run('{{slice .L 1}} {{slice .L 1 2}} {{slice "héllo" 1 3}} {{slice .L}}', { L: ['a', 'b', 'c'] })).toEqual('[b c] [b] é [a b c]');
    expect(run('{{slice .L 2 1}}|', { L: [1, 2, 3] }, true)).toEqual(
      'template: :1:2: executing "" at <slice .L 2 1>: error calling slice: invalid slice index: 2 > 1',
    );
    // Template text: {{js "a'b<c>=\\"}} — the Go literal ends in one backslash.
    expect(run(String.raw`{{js "a'b<c>=\\"}}`)).toEqual(String.raw`a\'b\u003Cc\u003E\u003D\\`);
  });

  it('print and println follow fmt.Sprint / Sprintln spacing', () => {
    expect(run('{{print 1 2 "a" 3 "b" "c"}}|{{println 1 2 "a"}}|{{print nil}}')).toEqual('1 2a3bc|1 2 a\n|<nil>');
  });

  it('html and urlquery escape like Go', () => {
    expect(run(`{{html "<a href='x'>&\\"</a>"}}`)).toEqual('&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;');
    expect(run('{{urlquery "a b&c/é"}}')).toEqual('a+b%26c%2F%C3%A9');
  });
});

describe('printf (fmt.Sprintf)', () => {
  const cases: [string, unknown[], string][] = [
    ['%s|%5s|%-5s|%.2s', ['ab', 'cd', 'ef', 'ghij'], 'ab|   cd|ef   |gh'],
    ['%d|%5d|%-5d|%05d|%+d', [42, 42, 42, -42, 5], '42|   42|42   |-0042|+5'],
    ['%x|%X|%o|%b|%c|%x', [255, 255, 8, 5, 65, 'hi'], 'ff|FF|10|101|A|6869'],
    ['%q|%q|%v|%t', ['a"b', 65, ['a', 'b'], true], '"a\\"b"|\'A\'|[a b]|true'],
    ['%f|%.2f|%6.2f|%e|%g|%g', [1.5, 3.14159, 3.14159, 1234.5678, 0.000012345, 100000.5].map((n) => new GoFloat(n)), '1.500000|3.14|  3.14|1.234568e+03|1.2345e-05|100000.5'],
    ['%T %T %T %T %T', ['s', 1, new GoFloat(1), ['a'], { a: 1 }], 'string int float64 []string map[string]interface {}'],
    ['%s %q %d', [['a', 'b'], ['a', 'b'], [1, 2]], '[a b] ["a" "b"] [1 2]'],
    ['%v %d %s', [null, null, 5], '<nil> %!d(<nil>) %!s(int=5)'],
    ['%d %s', ['x'], '%!d(string=x) %!s(MISSING)'],
    ['%z', [5], '%!z(int=5)'],
    ['x', [1, 'a'], 'x%!(EXTRA int=1, string=a)'],
    ['100%%', [], '100%'],
    ['%0-5d|%-05d|%.3v', [7, 7, new GoFloat(3.14159)], '7    |7    |3.14'],
    ['%*d|%-*d|', [4, 7, 3, 1], '   7|1  |'],
  ];
  it.each(cases)('%s', (format, args, out) => {
    expect(sprintf(format, args)).toEqual(out);
  });
});

describe('docker template functions (docker/cli templates.go)', () => {
  it('json encodes without HTML escaping and without the encoder newline [docker-reference §1.2, §6]', () => {
    const data = {
      RootFS: {
        Type: 'layers',
        Layers: [
          'sha256:052831382045a30cc1f941e1148bd7dcfc68c05729ce74c2a62b1c5d5ec135ae',
          'sha256:7d120e4d70e80399541b95054c36eee38970785d916871f0495d1580f4375c33',
        ],
      },
      Digest: '<none>',
    };
    expect(run('{{json .RootFS.Layers}}', data)).toEqual(
      '["sha256:052831382045a30cc1f941e1148bd7dcfc68c05729ce74c2a62b1c5d5ec135ae","sha256:7d120e4d70e80399541b95054c36eee38970785d916871f0495d1580f4375c33"]',
    );
    expect(run('{{json .RootFS.Type}} {{json .Digest}} {{json .Missing}} {{json 1.5}}', data)).toEqual('"layers" "<none>" null 1.5');
  });

  it('split, join, title, lower, upper', () => {
    expect(run('{{split "a,b,c" ","}} {{join (split "a,b" ",") "-"}} {{split "ab" ""}} {{len (split "" ",")}}')).toEqual(
      '[a b c] a-b [a b] 1',
    );
    expect(run('{{title "hello world-foo_bar élan"}} {{lower "ÀBC"}} {{upper "straße"}}')).toEqual('Hello World-Foo_bar Élan àbc STRAßE');
  });

  it('pad adds spaces only around non-empty strings', () => {
    expect(run('[{{pad "x" 1 2}}][{{pad "" 3 3}}]')).toEqual('[ x  ][]');
  });

  it('truncate cuts bytes, like Go slicing', () => {
    expect(run('{{truncate "abcdef" 3}}|{{truncate "ab" 5}}|{{truncate "abc" 3}}|{{truncate "héllo" 2}}')).toEqual(
      'abc|ab|abc|h\uFFFD',
    );
  });

  it('header functions return the header unchanged', () => {
    const tmpl = parseTemplate('{{json .A}}|{{upper .B}}|{{join .C ","}}|{{truncate .D 1}}|{{split .E ","}}');
    expect(tmpl.execute({ A: 'IMAGE', B: 'tag', C: 'NAMES', D: 'SIZE', E: 'X,Y' }, { funcs: DOCKER_HEADER_FUNCS })).toEqual(
      'IMAGE|tag|NAMES|SIZE|X,Y',
    );
  });

  it('bare Go templates know only the builtins', () => {
    expect(() => parseTemplate('{{upper .}}', {})).toThrow('template: :1: function "upper" not defined');
    expect(parseTemplate('{{shout .}}', { shout: (s: string) => s + '!' }).execute('hi')).toEqual('hi!');
  });
});

describe('values with Go String methods', () => {
  it('prints a Date as time.Time.String() does', () => {
    expect(run('{{.Created}}', { Created: new Date(Date.UTC(2026, 10, 24, 2, 31, 58)) })).toEqual('2026-11-24 02:31:58 +0000 UTC');
  });
});
