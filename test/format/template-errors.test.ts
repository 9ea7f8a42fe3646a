import { describe, expect, it } from 'vitest';
import { TemplateError, parseTemplate } from '../../worker/cli/format/template/index.ts';
import type { ExecuteOptions } from '../../worker/cli/format/template/index.ts';

/** The error message thrown while parsing and executing, or '' when none. */
function errorOf(text: string, data: unknown = {}, options: ExecuteOptions = {}): string {
  try {
    parseTemplate(text).execute(data, options);
    return '';
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as Error).message;
  }
}

const IMAGE = { typeName: '*formatter.imageContext' };

describe('parse errors (text/template/parse, Go 1.22+)', () => {
  const cases: [string, string][] = [
    ['{{bogus}}', 'template: :1: function "bogus" not defined'],
    ['{{.ID}', 'template: :1: unexpected "}" in operand'],
    ['{{.ID', 'template: :1: unclosed action'],
    ['{{.ID\n\n', 'template: :3: unclosed action started at :1'],
    ['{{if .A}}x', 'template: :1: unexpected EOF'],
    ['{{if .A}}\nx\n', 'template: :3: unexpected EOF'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{else}}', 'template: :1: unexpected {{else}}'],
    ['{{if .A}}{{else}}{{else}}{{end}}', 'template: :1: expected end; found {{else}}'],
    ['{{with 1}}{{else if 2}}{{end}}', 'template: :1: unexpected <if> in input'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{if true}}{{$y := 1}}{{end}}{{$y}}', 'template: :1: undefined variable "$y"'],
    ['{{}}', 'template: :1: missing value for command'],
    ['{{if}}{{end}}', 'template: :1: missing value for if'],
    ['{{.A | 3}}', 'template: :1: non executable command in pipeline stage 2'],
    ['{{range $a, $b, $c := .}}{{end}}', 'template: :1: too many declarations in range'],
    ['{{"abc}}', 'template: :1: unterminated quoted string'],
    ['{{`abc}}', 'template: :1: unterminated raw quoted string'],
    ['{{/* x }}', 'template: :1: unclosed comment'],
    ['{{/* x */ }}', 'template: :1: comment ends before closing delimiter'],
    ['{{3x}}', 'template: :1: bad number syntax: "3x"'],
    ['{{.A)}}', 'template: :1: unexpected right paren'],
    ['{{(.A}}', 'template: :1: unclosed left paren'],
    ['{{break}}', 'template: :1: {{break}} outside {{range}}'],
    ['{{range .}}{{continue 1}}{{end}}', 'template: :1: unexpected "1" in {{continue}}'],
    ['{{.A.B | printf "%s" .C.D.E.F.G.H.I.J.K.L}} {{.X .Y}', 'template: :1: unexpected "}" in operand'],
    ['{{"x".A}}', 'template: :1: unexpected . after term "\\"x\\""'],
    ['{{"\\q"}}', 'template: :1: invalid syntax'],
    ['{{.A #}}', 'template: :1: unexpected "#" in operand'],
    ['{{range .}}{{end}}{{.A := 1}}', 'template: :1: unexpected ":=" in operand'],
    ['{{"abcdefghijkl" "x" ]}}', 'template: :1: unexpected "]" in operand'],
    ["{{'ab'}}", "template: :1: malformed character constant: 'ab'"],
    ["{{''}}", 'template: :1: invalid syntax'],
    ['{{define "a"}}x{{end}}{{define "a"}}y{{end}}', 'template: :1: template: multiple definition of template "a"'],
    ['{{define "a"}}{{$x}}{{end}}', 'template: :1: undefined variable "$x"'],
    ['{{template .X}}', 'template: :1: unexpected ".X" in template clause'],
    ['{{define "a"}}x', 'template: :1: unexpected EOF'],
    ['{{.A ≠ 1}}', "template: :1: unrecognized character in action: U+2260 '≠'"],
  ];
  it.each(cases)('%s', (text, message) => {
    expect(errorOf(text)).toEqual(message);
  });
});

describe('execution errors (text/template/exec.go)', () => {
  it('names the unknown field and the context type as docker prints it [cap:26]', () => {
    expect(errorOf('{{.Bogus}}', { ID: 'x' }, IMAGE)).toEqual(
      'template: :1:2: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *formatter.imageContext',
    );
  });

  it('reports missing keys with missingkey=error as docker inspect does [docker-reference §6]', () => {
    const opts = { missingKeyError: true };
    expect(errorOf('{{.Nope}}', { Id: 'x' }, opts)).toEqual('template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"');
    expect(errorOf('{{.Config.Nope}}', { Config: {} }, opts)).toEqual(
      'template: :1:9: executing "" at <.Config.Nope>: map has no entry for key "Nope"',
    );
    expect(errorOf('{{.Config.Env}}', { Config: null }, opts)).toEqual(
      'template: :1:9: executing "" at <.Config.Env>: nil pointer evaluating interface {}.Env',
    );
    expect(errorOf('{{with .A}}{{end}}{{$.B.C}}', {}, opts)).toEqual('template: :1:7: executing "" at <.A>: map has no entry for key "A"');
  });

  it('counts columns in bytes from the start of the line', () => {
    expect(errorOf('é{{.Bogus}}', {}, IMAGE)).toEqual(
      'template: :1:4: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *formatter.imageContext',
    );
    expect(errorOf('line one\n  {{.ID}} {{.Bogus}}', { ID: 1 }, IMAGE)).toEqual(
      'template: :2:12: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *formatter.imageContext',
    );
  });

  it('reports field errors on non-struct values and bad calls', () => {
    expect(errorOf('{{.Tag.Foo}}', { Tag: 'x' }, IMAGE)).toEqual(
      'template: :1:6: executing "" at <.Tag.Foo>: can\'t evaluate field Foo in type string',
    );
    expect(errorOf('{{.Tag 1}}', { Tag: 'x' }, IMAGE)).toEqual(
      'template: :1:2: executing "" at <.Tag>: Tag has arguments but cannot be invoked as function',
    );
    expect(errorOf('{{.Tag 1}}', { Tag: 'x' })).toEqual('template: :1:2: executing "" at <.Tag>: Tag is not a method but has arguments');
    expect(errorOf('{{.ID 1}}', { ID: () => 'x' }, IMAGE)).toEqual(
      'template: :1:2: executing "" at <.ID>: wrong number of args for ID: want 0 got 1',
    );
    expect(errorOf('{{.secret}}', { secret: 's' }, IMAGE)).toEqual(
      'template: :1:2: executing "" at <.secret>: secret is an unexported field of struct type *formatter.imageContext',
    );
    expect(errorOf('{{nil}}')).toEqual('template: :1:2: executing "" at <nil>: nil is not a command');
    expect(errorOf('{{9223372036854775808}}')).toEqual(
      'template: :1:2: executing "" at <9223372036854775808>: 9223372036854775808 overflows int',
    );
    expect(errorOf('{{1 2}}')).toEqual('template: :1:2: executing "" at <1>: can\'t give argument to non-function 1');
    expect(errorOf('{{range .}}{{end}}', 'str')).toEqual('template: :1:8: executing "" at <.>: range can\'t iterate over str');
  });

  it('reports argument type errors of functions', () => {
    expect(errorOf('{{upper 3}}')).toEqual('template: :1:8: executing "" at <3>: expected string; found 3');
    expect(errorOf('{{pad .T "a" 1}}', { T: 'x' })).toEqual('template: :1:9: executing "" at <"a">: expected integer; found "a"');
    expect(errorOf('{{truncate .T 1.5}}', { T: 'x' })).toEqual('template: :1:14: executing "" at <1.5>: expected integer; found 1.5');
    expect(errorOf('{{join .T ","}}', { T: 'x' })).toEqual(
      'template: :1:7: executing "" at <.T>: wrong type for value; expected []string; got string',
    );
    expect(errorOf('{{upper .N}}', { N: 5 })).toEqual('template: :1:8: executing "" at <.N>: wrong type for value; expected string; got int');
    expect(errorOf('{{.N | upper}}', {})).toEqual('template: :1:7: executing "" at <upper>: invalid value; expected string');
    expect(errorOf('{{upper}}')).toEqual('template: :1:2: executing "" at <upper>: wrong number of args for upper: want 1 got 0');
    expect(errorOf('{{index}}')).toEqual('template: :1:2: executing "" at <index>: wrong number of args for index: want at least 1 got 0');
  });

  it('wraps errors returned by functions as "error calling"', () => {
    expect(errorOf('{{index .L 5}}', { L: [1] })).toEqual(
      'template: :1:2: executing "" at <index .L 5>: error calling index: index out of range: 5',
    );
    expect(errorOf('{{index .L 1}}', { L: [1] })).toEqual(
      'template: :1:2: executing "" at <index .L 1>: error calling index: reflect: slice index out of range',
    );
    expect(errorOf('{{len 3}}')).toEqual('template: :1:2: executing "" at <len 3>: error calling len: len of type int');
    expect(errorOf('{{lt 1 "a"}}')).toEqual('template: :1:2: executing "" at <lt 1 "a">: error calling lt: incompatible types for comparison');
    expect(errorOf('{{lt true false}}')).toEqual('template: :1:2: executing "" at <lt true false>: error calling lt: invalid type for comparison');
    expect(errorOf('{{eq 1}}')).toEqual('template: :1:2: executing "" at <eq 1>: error calling eq: missing argument for comparison');
    expect(errorOf('{{eq 1 "1"}}')).toEqual('template: :1:2: executing "" at <eq 1 "1">: error calling eq: incompatible types for comparison');
    expect(errorOf('{{pad "x" -1 0}}')).toEqual('template: :1:2: executing "" at <pad "x" -1 0>: error calling pad: strings: negative Repeat count');
  });

  it('names the executing template and stops runaway recursion', () => {
    expect(errorOf('{{template "x"}}')).toEqual('template: :1:11: executing "" at <{{template "x"}}>: template "x" not defined');
    expect(errorOf('{{define "e"}}{{.Bogus}}{{end}}{{template "e" 1}}')).toEqual(
      'template: :1:16: executing "e" at <.Bogus>: can\'t evaluate field Bogus in type int',
    );
    expect(errorOf('{{define "r"}}{{template "r" .}}{{end}}{{template "r"}}')).toEqual(
      'template: :1:25: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (1000)',
    );
  });

  it('keeps the output written before the error', () => {
    try {
      parseTemplate('a{{.ID}}b{{.Bogus}}c').execute({ ID: 1 }, IMAGE);
    } catch (e) {
      expect((e as TemplateError).partialOutput).toEqual('a1b');
    }
  });
});
