import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../worker/cli/format/template/index.ts';
import type { ExecuteOptions } from '../../worker/cli/format/template/index.ts';
import { GoFloat } from '../../worker/cli/format/go-value.ts';

const run = (text: string, data: unknown = {}, options: ExecuteOptions = {}): string =>
  parseTemplate(text).execute(data, options);

describe('template execution: fields, variables, pipelines (Go text/template doc.go)', () => {
  it('looks up fields, nested fields and zero-argument methods', () => {
    const ctx = { Repository: () => 'busybox', Config: { Env: ['A=1'], Labels: { maintainer: 'ref' } } };
    expect(run('{{.Repository}} {{.Config.Labels.maintainer}} {{.Config.Env}}', ctx)).toEqual('busybox ref [A=1]');
    class Ctx {
      #id = 'sha256:abc';
      ID(): string {
        return this.#id.slice(7);
      }
    }
    expect(run('{{.ID}}', new Ctx(), { typeName: '*formatter.imageContext' })).toEqual('abc');
  });

  it('passes arguments to methods, like ContainerContext.Label(name)', () => {
    const labels: Record<string, string> = { 'com.example.role': 'web' };
    const ctx = { Label: (name: string) => labels[name] ?? '' };
    const opts = { typeName: '*formatter.ContainerContext' };
    expect(run('{{.Label "com.example.role"}}|{{.Label "nope"}}|{{"com.example.role" | .Label}}', ctx, opts)).toEqual('web||web');
  });

  it('prints a missing map key as <no value> without missingkey=error', () => {
    expect(run('{{.Nope}}|{{.Nope.Deeper}}|{{.Nil}}', { Nil: null })).toEqual('<no value>|<no value>|<no value>');
  });

  it('prints a nil pointer from a struct as <nil> but a nil map value as <no value>', () => {
    const ps = { Platform: () => null, Names: 'web' };
    const opts = { typeName: '*formatter.ContainerContext' };
    expect(run('{{.Platform}}|{{json .Platform}}|{{if .Platform}}y{{else}}n{{end}}|{{eq .Platform nil}}', ps, opts)).toEqual(
      '<nil>|null|n|true',
    );
    expect(run('{{.Platform}}', { Platform: null })).toEqual('<no value>');
  });

  it('prints values as fmt %v does', () => {
    const data = { M: { b: 2, a: [1, 'x'], c: null }, F: new GoFloat(1982341), G: 0.5, T: true, E: [] };
    expect(run('{{.M}} {{.F}} {{.G}} {{.T}} {{.E}}', data)).toEqual('map[a:[1 x] b:2 c:<nil>] 1.982341e+06 0.5 true []');
  });

  it('evaluates the documented pipeline examples to "output"', () => {
    const examples = [
      '{{"\\"output\\""}}',
      '{{`"output"`}}',
      '{{printf "%q" "output"}}',
      '{{"output" | printf "%q"}}',
      '{{printf "%q" (print "out" "put")}}',
      '{{"put" | printf "%s%s" "out" | printf "%q"}}',
      '{{"output" | printf "%s" | printf "%q"}}',
      '{{with "output"}}{{printf "%q" .}}{{end}}',
      '{{with $x := "output" | printf "%q"}}{{$x}}{{end}}',
      '{{with $x := "output"}}{{printf "%q" $x}}{{end}}',
      '{{with $x := "output"}}{{$x | printf "%q"}}{{end}}',
    ];
    for (const t of examples) expect(run(t)).toEqual('"output"');
  });

  it('scopes variables to their control structure; = assigns the outer variable', () => {
    expect(run('{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}')).toEqual('21');
    expect(run('{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}')).toEqual('2');
    expect(run('{{range .Names}}{{$.Tag}}:{{.}} {{end}}', { Names: ['a', 'b'], Tag: 't' })).toEqual('t:a t:b ');
    expect(run('{{$v := .A}}{{$v.B}}', { A: { B: 'deep' } })).toEqual('deep');
  });

  it('handles literals: numbers, chars, strings, bools, parenthesized chains', () => {
    expect(run('{{1.0}} {{1e6}} {{0x1F}} {{0o17}} {{0b101}} {{1_000}} {{-3}} {{\'a\'}} {{true}}')).toEqual(
      '1 1e+06 31 15 5 1000 -3 97 true',
    );
    expect(run('{{"a\\tb\\u00e9"}}|{{`a\\tb`}}')).toEqual('a\tbé|a\\tb');
    expect(run('{{(.A).B}}', { A: { B: 'chained' } })).toEqual('chained');
  });
});

describe('template execution: control flow', () => {
  it('if / else if / else and with / else with', () => {
    const t = '{{if eq .S "a"}}A{{else if .N}}N{{else}}none{{end}}';
    expect(run(t, { S: 'a', N: 0 })).toEqual('A');
    expect(run(t, { S: 'b', N: 2 })).toEqual('N');
    expect(run(t, { S: 'b', N: 0 })).toEqual('none');
    expect(run('{{with .Missing}}x{{else}}none{{end}} {{with .T}}{{.}}{{end}}', { T: 'tag' })).toEqual('none tag');
    expect(run('{{with .A}}a{{else with .B}}{{.}}{{end}}', { B: 'b' })).toEqual('b');
  });

  it('uses Go truth: empty strings, zero numbers, empty slices and maps are false', () => {
    const t = '{{if .}}T{{else}}F{{end}}';
    const values = ['', 'x', 0, 1, new GoFloat(0), [], [0], {}, { a: 1 }, null, true, false];
    expect(values.map((v) => run(t, v)).join('')).toEqual('FTFTFFTFTFTF');
    expect(run('{{if .}}T{{end}}', { any: 1 }, { typeName: '*s' })).toEqual('T');
  });

  it('ranges over slices, maps in sorted key order, and ints', () => {
    expect(run('{{range $i, $e := .}}{{$i}}={{$e}} {{end}}', ['a', 'b'])).toEqual('0=a 1=b ');
    expect(run('{{range $k, $v := .}}{{$k}}:{{$v}} {{end}}', { b: 2, a: 1, B: 3, é: 4 })).toEqual('B:3 a:1 b:2 é:4 ');
    expect(run('{{range .}}{{.}}{{end}}', new Map([[10, 'x'], [9, 'y']]))).toEqual('yx');
    expect(run('{{range $v := .}}[{{$v}}]{{end}}', ['only'])).toEqual('[only]');
    expect(run('{{range 3}}{{.}}{{end}}')).toEqual('012');
  });

  it('runs the else branch of range for empty and nil collections', () => {
    expect(run('{{range .}}x{{else}}empty{{end}}', [])).toEqual('empty');
    expect(run('{{range .L}}x{{else}}empty{{end}}', {})).toEqual('empty');
    expect(run('{{range .}}x{{else}}empty{{end}}', {})).toEqual('empty');
  });

  it('supports break and continue inside range', () => {
    const t = '{{range .}}{{if eq . 3}}{{break}}{{end}}{{if eq . 1}}{{continue}}{{end}}{{.}}{{end}}';
    expect(run(t, [1, 2, 3, 4])).toEqual('2');
  });

  it('trims whitespace around {{- and -}} (the doc example) and drops comments', () => {
    expect(run('{{23 -}} < {{- 45}}')).toEqual('23<45');
    expect(run('a  \n {{- /* note */ -}} \n b')).toEqual('ab');
    expect(run('a {{/* note */}} b')).toEqual('a  b');
    expect(run('x{{- 3}}|{{-3}}')).toEqual('x3|-3');
    expect(run('{{ .A }}\n{{ .B -}}\n\n', { A: 1, B: 2 })).toEqual('1\n2');
  });

  it('keeps text outside actions byte for byte, including multi-line templates', () => {
    expect(run('ID\t{{.ID}}\nNAME\t{{.Name}}\n', { ID: 'abc', Name: 'web' })).toEqual('ID\tabc\nNAME\tweb\n');
    expect(run('{{if\n.A\n}}yes{{end}}', { A: 1 })).toEqual('yes');
  });
});

describe('template execution: define, template, block', () => {
  it('invokes defined templates with the given dot and a fresh $', () => {
    expect(run('{{define "row"}}[{{.}}]{{end}}{{range .L}}{{template "row" .}}{{end}}', { L: ['a', 'b'] })).toEqual('[a][b]');
    expect(run('{{template "first" .L}}{{define "first"}}{{index . 0}}{{end}}', { L: ['a', 'b'] })).toEqual('a');
    expect(run('{{define "t"}}{{.}}{{end}}{{template "t"}}')).toEqual('<no value>');
  });

  it('block defines and runs a template in place', () => {
    expect(run('{{block "count" .L}}<{{len .}}>{{end}}', { L: [1, 2] })).toEqual('<2>');
  });
});
