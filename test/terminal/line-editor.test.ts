import { describe, expect, it } from 'vitest';
import { LineEditor } from '../../worker/terminal/line-editor.ts';
import type { EditOutcome } from '../../worker/terminal/line-editor.ts';
import { History } from '../../worker/terminal/history.ts';
import { parseKeys } from '../../worker/terminal/keys.ts';
import { FakeTerminal } from './fake-terminal.ts';

const PROMPT = 'learner@layerlab:~$ ';

async function feed(editor: LineEditor, data: string): Promise<EditOutcome[]> {
  const outcomes: EditOutcome[] = [];
  for (const key of parseKeys(data)) outcomes.push(await editor.handle(key));
  return outcomes;
}

function setup(cols = 80, lines: string[] = []): { term: FakeTerminal; editor: LineEditor } {
  const term = new FakeTerminal(cols);
  const history = new History({ read: async () => lines.map((l) => `${l}\n`).join(''), write: async () => undefined });
  const editor = new LineEditor(term, history);
  editor.begin(PROMPT);
  term.take();
  return { term, editor };
}

describe('line editor: typing and Enter', () => {
  it('echoes typed text as is and returns the line on Enter', async () => {
    const { term, editor } = setup();
    for (const ch of 'ls -l') await feed(editor, ch);
    expect(term.take()).toEqual('ls -l');
    expect(await feed(editor, '\r')).toEqual([{ kind: 'line', line: 'ls -l' }]);
    expect(term.take()).toEqual('\r\n');
  });

  it('inserts in the middle by redrawing the line and putting the cursor back', async () => {
    const { term, editor } = setup();
    await feed(editor, 'echo hllo');
    term.take();
    await feed(editor, '\x1b[D\x1b[D\x1b[D');
    expect(term.take()).toEqual('\b\b\b');
    await feed(editor, 'e');
    expect(term.take()).toEqual(`\r${PROMPT}echo hello\x1b[J\b\b\b`);
    expect(editor.line).toEqual({ text: 'echo hello', cursor: 7 });
  });

  it('writes nothing for text the page has already echoed, and knows it is appending', async () => {
    const { term, editor } = setup();
    expect(editor.appending).toEqual(true);
    await editor.handle({ kind: 'text', text: 'l', echoed: true });
    await editor.handle({ kind: 'text', text: 's' });
    expect(term.take()).toEqual('s');
    expect(editor.line).toEqual({ text: 'ls', cursor: 2 });
    await feed(editor, '\x1b[D');
    expect(editor.appending).toEqual(false);
    await feed(editor, '\r');
    expect(editor.appending).toEqual(false);
  });

  it('wraps a line that reaches the right margin as readline does (a space, then CR)', async () => {
    const term = new FakeTerminal(10);
    const editor = new LineEditor(term, new History());
    editor.begin('$ ');
    term.take();
    await feed(editor, '12345678');
    expect(term.take()).toEqual('12345678 \r');
    await feed(editor, '9');
    expect(term.take()).toEqual('9');
  });

  it('ends a line that fills its rows exactly on Enter without leaving an empty row', async () => {
    const term = new FakeTerminal(10);
    const editor = new LineEditor(term, new History());
    editor.begin('$ ');
    await feed(editor, '12345678');
    term.take();
    await feed(editor, '\r');
    // The cursor stands on the wrapped line's next row: EL from column 0 ends the line there.
    expect(term.take()).toEqual('\x1b[K');
  });
});

describe('line editor: readline bindings', () => {
  it('Ctrl-A, Ctrl-E, Home, End, Ctrl-B, Ctrl-F move the cursor', async () => {
    const { editor } = setup();
    await feed(editor, 'docker ps');
    await feed(editor, '\x01');
    expect(editor.line).toEqual({ text: 'docker ps', cursor: 0 });
    await feed(editor, '\x06\x06');
    expect(editor.line.cursor).toEqual(2);
    await feed(editor, '\x1b[F');
    expect(editor.line.cursor).toEqual(9);
    await feed(editor, '\x1b[H');
    expect(editor.line.cursor).toEqual(0);
    await feed(editor, '\x05\x02');
    expect(editor.line.cursor).toEqual(8);
  });

  it('Ctrl-U, Ctrl-K and Ctrl-W kill, Ctrl-Y yanks the last kill', async () => {
    const { editor } = setup();
    await feed(editor, 'docker image ls');
    await feed(editor, '\x17');
    expect(editor.line).toEqual({ text: 'docker image ', cursor: 13 });
    await feed(editor, '\x19');
    expect(editor.line).toEqual({ text: 'docker image ls', cursor: 15 });
    await feed(editor, '\x1b[D\x1b[D\x0b');
    expect(editor.line).toEqual({ text: 'docker image ', cursor: 13 });
    await feed(editor, '\x15');
    expect(editor.line).toEqual({ text: '', cursor: 0 });
  });

  it('Backspace and Delete remove characters', async () => {
    const { editor } = setup();
    await feed(editor, 'abcd\x7f\x1b[D\x1b[D\x1b[3~');
    expect(editor.line).toEqual({ text: 'ac', cursor: 1 });
  });

  it('Ctrl-C drops the line with ^C; Ctrl-D ends input only on an empty line', async () => {
    const { term, editor } = setup();
    await feed(editor, 'half typed');
    term.take();
    expect(await feed(editor, '\x03')).toEqual([{ kind: 'interrupt' }]);
    expect(term.take()).toEqual('^C\r\n');
    editor.begin(PROMPT);
    await feed(editor, 'ab\x01');
    expect(await feed(editor, '\x04')).toEqual([{ kind: 'pending' }]);
    expect(editor.line).toEqual({ text: 'b', cursor: 0 });
    await feed(editor, '\x04');
    expect(await feed(editor, '\x04')).toEqual([{ kind: 'eof' }]);
  });

  it('Ctrl-L clears the screen and redraws the line at the top', async () => {
    const { term, editor } = setup();
    await feed(editor, 'pwd');
    term.take();
    await feed(editor, '\x0c');
    expect(term.take()).toEqual(`\x1b[H\x1b[2J\r${PROMPT}pwd\x1b[J`);
  });
});

describe('line editor: history', () => {
  it('walks the history with Up/Down and returns to the typed draft', async () => {
    const { editor } = setup(80, ['docker pull alpine', 'docker image ls']);
    await feed(editor, 'ec');
    await feed(editor, '\x1b[A');
    expect(editor.line.text).toEqual('docker image ls');
    await feed(editor, '\x1b[A\x1b[A');
    expect(editor.line.text).toEqual('docker pull alpine');
    await feed(editor, '\x1b[B');
    expect(editor.line.text).toEqual('docker image ls');
    await feed(editor, '\x1b[B');
    expect(editor.line).toEqual({ text: 'ec', cursor: 2 });
  });

  it('keeps lines as bash with HISTCONTROL=ignoreboth and prints `history` as bash does', async () => {
    let saved = '';
    const history = new History({ read: async () => '', write: async (t) => void (saved = t) });
    for (const line of ['ls', 'ls', ' secret', '', 'pwd']) await history.add(line);
    expect(saved).toEqual('ls\npwd\n');
    expect(history.list()).toEqual('    1  ls\n    2  pwd\n');
    expect(history.list(1)).toEqual('    2  pwd\n');
  });
});
