/**
 * Dockerfile parsing (a port of BuildKit's frontend/dockerfile/parser and
 * instructions): continuations, comments, directives, heredocs, JSON forms
 * and the error texts the real engine prints (recorded in
 * test/golden/fixtures/build-*.json: `unknown instruction: FORM (did you
 * mean FROM?)`, `ENV must have two arguments`, `no build stage in current
 * context`).
 */
import { describe, expect, it } from 'vitest';
import { DockerfileSyntaxError, parseDockerfile } from '../../worker/engine/builder/dockerfile/parser.ts';
import { InstructionError, LocatedError, parseStages, suggest } from '../../worker/engine/builder/dockerfile/instructions.ts';

const nodes = (text: string) => parseDockerfile(text).nodes.map((n) => ({ value: n.value, next: n.next, json: n.json, flags: n.flags, lines: [n.startLine, n.endLine] }));

describe('parseDockerfile', () => {
  it('joins continuation lines and skips comments inside them', () => {
    expect(nodes('FROM alpine\nRUN apk add \\\n# a comment\n    curl \\\n    git\n')).toEqual([
      { value: 'FROM', next: ['alpine'], json: false, flags: [], lines: [1, 1] },
      { value: 'RUN', next: ['apk add     curl     git'], json: false, flags: [], lines: [2, 5] },
    ]);
  });

  it('reads exec (JSON) and shell forms', () => {
    expect(nodes('FROM a\nCMD ["node", "/app/index.js"]\nENTRYPOINT echo hi\nCMD [not json\n').slice(1)).toEqual([
      { value: 'CMD', next: ['node', '/app/index.js'], json: true, flags: [], lines: [2, 2] },
      { value: 'ENTRYPOINT', next: ['echo hi'], json: false, flags: [], lines: [3, 3] },
      { value: 'CMD', next: ['[not json'], json: false, flags: [], lines: [4, 4] },
    ]);
  });

  it('splits ENV and LABEL in both syntaxes', () => {
    expect(nodes('ENV A=1 B="two words"\nENV C three words\nLABEL "k"=v\n').map((n) => n.next)).toEqual([
      ['A', '1', '=', 'B', '"two words"', '='],
      ['C', 'three words', ''],
      ['"k"', 'v', '='],
    ]);
  });

  it('extracts --flags', () => {
    expect(nodes('COPY --from=build --chown=1:1 /a /b\n')[0]).toEqual({ value: 'COPY', next: ['/a', '/b'], json: false, flags: ['--from=build', '--chown=1:1'], lines: [1, 1] });
  });

  it('honours the escape directive', () => {
    const r = parseDockerfile('# escape=`\nFROM a\nRUN echo a `\n  b\n');
    expect(r.escapeToken).toBe('`');
    expect(r.nodes[1]!.next).toEqual(['echo a   b']);
  });

  it('reads the syntax directive only before other lines', () => {
    expect(parseDockerfile('# syntax=docker/dockerfile:1\nFROM a\n').syntax).toBe('docker/dockerfile:1');
    expect(parseDockerfile('FROM a\n# syntax=docker/dockerfile:1\n').syntax).toBeUndefined();
  });

  it('attaches heredocs to RUN and COPY', () => {
    const r = parseDockerfile('FROM a\nRUN <<EOF\necho one\necho two\nEOF\nCOPY <<-"X" /f\n\tliteral $HOME\nX\n');
    expect(r.nodes[1]!.heredocs).toEqual([{ name: 'EOF', content: 'echo one\necho two\n', expand: true, chomp: false, fileDescriptor: 0 }]);
    expect(r.nodes[2]!.heredocs).toEqual([{ name: 'X', content: '\tliteral $HOME\n', expand: false, chomp: true, fileDescriptor: 0 }]);
  });

  it('reports parser errors with their lines', () => {
    expect(() => parseDockerfile('FROM a\nENV FOO\n')).toThrow(new DockerfileSyntaxError('ENV must have two arguments', 2, 2));
    expect(() => parseDockerfile('# only a comment\n')).toThrow(new DockerfileSyntaxError('file with no instructions', 1, 0));
    expect(() => parseDockerfile('FROM a\nRUN <<EOF\necho\n')).toThrow(new DockerfileSyntaxError('unterminated heredoc', 2, 3));
    expect(() => parseDockerfile('FROM a\nCMD ["a", 1]\n')).toThrow('when using JSON array syntax, arrays must be comprised of strings only');
  });
});

describe('parseStages', () => {
  it('groups instructions under their FROM and keeps global ARGs apart', () => {
    const { stages, metaArgs } = parseStages(parseDockerfile('ARG V=3\nFROM alpine:$V AS build\nRUN make\nFROM scratch\nCOPY --from=build /out /\n').nodes);
    expect(metaArgs.map((a) => a.args)).toEqual([[{ key: 'V', value: '3' }]]);
    expect(stages.map((s) => [s.baseName, s.name, s.commands.map((c) => c.kind)])).toEqual([
      ['alpine:$V', 'build', ['run']],
      ['scratch', '', ['copy']],
    ]);
  });

  it('words errors as `dockerfile parse error on line N`', () => {
    const parse = (t: string) => () => parseStages(parseDockerfile(t).nodes);
    expect(parse('FORM alpine\n')).toThrow(new InstructionError('unknown instruction: FORM (did you mean FROM?)', parseDockerfile('FORM alpine\n').nodes[0]!));
    expect(parse('FORM alpine\n')).toThrow('dockerfile parse error on line 1: unknown instruction: FORM (did you mean FROM?)');
    expect(parse('FROM a\nxyzzy b\n')).toThrow('dockerfile parse error on line 2: unknown instruction: xyzzy');
    expect(parse('FROM a\nCOPY onlyone\n')).toThrow('dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined');
    expect(parse('FROM a b\n')).toThrow('dockerfile parse error on line 1: FROM requires either one or three arguments');
    expect(parse('FROM a AS 1x\n')).toThrow('dockerfile parse error on line 1: invalid name for build stage: "1x", name can\'t start with a number or contain symbols');
    expect(parse('FROM a\nCOPY --nope=1 a b\n')).toThrow('dockerfile parse error on line 2: unknown flag: nope');
    expect(parse('RUN echo\n')).toThrow(LocatedError);
    expect(parse('RUN echo\n')).toThrow('no build stage in current context');
  });

  it('suggests like buildkit util/suggest: distance below 3, case matched', () => {
    expect(suggest('FORM', ['from', 'run'])).toBe('FROM');
    expect(suggest('cpy', ['copy', 'cmd'])).toBe('copy');
    expect(suggest('WORKDIRR', ['workdir'])).toBe('WORKDIR');
    expect(suggest('xyzzy', ['from', 'run'])).toBeUndefined();
  });
});
