/**
 * vi as a state machine: key sequences as xterm sends them, then the
 * buffer, the saved text and the screen rows. Messages are vim 9's own
 * (ex_cmds.c, undo.c, search.c); the ruler is defaults.vim's.
 */
import { describe, expect, it } from 'vitest';
import { createVi } from '../../worker/editors/vi.ts';
import type { Editor, EditorStep } from '../../worker/editors/types.ts';

const ESC = '\x1b';

function vi(text?: string, rows = 6): Editor {
  const ed = createVi({ path: 'Dockerfile', text, cols: 40, rows, now: () => 0 });
  ed.open();
  return ed;
}

/** Feeds each chunk in turn (as separate keystrokes arrive) and returns the last step. */
function keys(ed: Editor, ...chunks: string[]): EditorStep {
  let step: EditorStep = { screen: '' };
  const saves: string[] = [];
  for (const c of chunks) {
    step = ed.key(c);
    if (step.save !== undefined) saves.push(step.save);
  }
  return saves.length > 0 ? { ...step, save: saves.at(-1)! } : step;
}

describe('vi', () => {
  it('opens a new file with ~ rows and [New]', () => {
    const ed = createVi({ path: 'Dockerfile', cols: 40, rows: 6 });
    expect(ed.open().startsWith('\x1b[?1049h')).toBe(true);
    expect(ed.view()).toEqual(['', '~', '~', '~', '~', '"Dockerfile" [New]    0,0-1         All']);
  });

  it('opens an existing file with its line and byte counts', () => {
    expect(vi('FROM alpine\nRUN true\n').view()).toEqual([
      'FROM alpine',
      'RUN true',
      '~',
      '~',
      '~',
      '"Dockerfile" 2L, 21B  1,1           All',
    ]);
  });

  it('inserts, shows -- INSERT --, writes with :wq and leaves the alternate screen', () => {
    const ed = vi();
    keys(ed, 'i', 'F', 'R', 'O', 'M', ' ', 'a');
    expect(ed.view()).toEqual(['FROM a', '~', '~', '~', '~', '-- INSERT --          1,7           All']);
    const step = keys(ed, ESC, ':', 'w', 'q', '\r');
    expect(step).toEqual({ screen: '\x1b[?1049l', save: 'FROM a\n', savePath: 'Dockerfile', done: true });
  });

  it(':w reports the write, [New] the first time only', () => {
    const ed = vi();
    expect(keys(ed, 'iFROM alpine:3.21', ESC, ':w\r').save).toEqual('FROM alpine:3.21\n');
    expect(ed.view()[5]).toEqual('"Dockerfile" [New] 1L, 17B written');
    keys(ed, 'x', ':w\r');
    expect(ed.view()[5]).toEqual('"Dockerfile" 1L, 16B written');
  });

  it(':q refuses a modified buffer with E37, :q! leaves without saving', () => {
    const ed = vi('a\n');
    keys(ed, 'x', ':q\r');
    expect(ed.view()[5]).toEqual('E37: No write since last change (add ! to override)');
    expect(keys(ed, ':q!\r')).toEqual({ screen: '\x1b[?1049l', done: true });
  });

  it(':q leaves an unchanged buffer, and :x and ZZ write only a changed one', () => {
    expect(keys(vi('a\n'), ':q\r').done).toBe(true);
    expect(keys(vi('a\n'), ':x\r')).toEqual({ screen: '\x1b[?1049l', done: true });
    expect(keys(vi('a\n'), 'o', 'b', ESC, 'Z', 'Z')).toEqual({ screen: '\x1b[?1049l', save: 'a\nb\n', savePath: 'Dockerfile', done: true });
  });

  it('o and O open lines below and above; a appends after the cursor', () => {
    const ed = vi('two\n');
    keys(ed, 'o', 'three', ESC, 'k', 'O', 'one', ESC, 'G', '$', 'a', '!', ESC);
    expect(ed.text).toEqual('one\ntwo\nthree!\n');
  });

  it('moves with hjkl and arrows, deletes with x', () => {
    const ed = vi('abc\ndef\n');
    keys(ed, 'l', 'l', 'x', 'j', '\x1b[D', 'x', '\x1b[A', 'h', 'x');
    expect(ed.text).toEqual('b\nef\n');
  });

  it('dd, yy and p work on whole lines', () => {
    const ed = vi('1\n2\n3\n');
    keys(ed, 'd', 'd', 'p', 'y', 'y', 'k', 'P');
    expect(ed.text).toEqual('1\n2\n1\n3\n');
  });

  it('u undoes the last change with vim\'s message, Ctrl-R redoes it', () => {
    const ed = vi('1\n2\n');
    keys(ed, 'd', 'd');
    expect(ed.text).toEqual('2\n');
    keys(ed, 'u');
    expect(ed.text).toEqual('1\n2\n');
    expect(ed.view()[5]).toEqual('1 more line; before #1  0 seconds ago');
    keys(ed, '\x12');
    expect(ed.text).toEqual('2\n');
    expect(ed.view()[5]).toEqual('1 line less; after #1  0 seconds ago');
    keys(ed, 'u', 'u');
    expect(ed.view()[5]).toEqual('Already at oldest change');
  });

  it('undoing back to the written text makes :q work again', () => {
    const ed = vi('a\n');
    keys(ed, 'x', 'u');
    expect(keys(ed, ':q\r').done).toBe(true);
  });

  it('/ searches forward, n repeats and wraps around with a warning', () => {
    const ed = vi('FROM a\nRUN b\nRUN c\n');
    keys(ed, '/RUN\r');
    expect(ed.view()[5]).toEqual('/RUN                  2,1           All');
    keys(ed, 'n', 'x');
    expect(ed.text).toEqual('FROM a\nRUN b\nUN c\n');
    keys(ed, 'n');
    expect(ed.view()[5]).toEqual('search hit BOTTOM, continuing at TOP');
    keys(ed, '/nothing\r');
    expect(ed.view()[5]).toEqual('E486: Pattern not found: nothing');
  });

  it(':set nu shows line numbers, :set nonu hides them', () => {
    const ed = vi('FROM a\nRUN b\n');
    keys(ed, ':set nu\r');
    expect(ed.view().slice(0, 3)).toEqual(['  1 FROM a', '  2 RUN b', '~']);
    keys(ed, ':set nonu\r');
    expect(ed.view().slice(0, 3)).toEqual(['FROM a', 'RUN b', '~']);
  });

  it('shows the command line while it is typed, and rejects unknown commands', () => {
    const ed = vi('a\n');
    keys(ed, ':', 'f', 'o');
    expect(ed.view()[5]).toEqual(':fo');
    keys(ed, 'o', '\r');
    expect(ed.view()[5]).toEqual('E492: Not an editor command: foo');
  });

  it('Backspace in insert mode joins lines; Enter splits them', () => {
    const ed = vi('ab\ncd\n');
    keys(ed, 'j', 'i', '\x7f', '\r', 'x', ESC);
    expect(ed.text).toEqual('ab\nxcd\n');
  });

  it('takes several keys in one chunk (a paste or fast typing)', () => {
    const ed = vi();
    expect(keys(ed, 'iFROM alpine\x1b:wq\r').save).toEqual('FROM alpine\n');
  });

  it('scrolls to keep the cursor on screen and writes each row with cursor moves', () => {
    const ed = vi('1\n2\n3\n4\n5\n6\n7\n');
    const step = keys(ed, 'G');
    expect(ed.view()).toEqual(['3', '4', '5', '6', '7', '                      7,1           Bot']);
    expect(step.screen.startsWith('\x1b[?25l\x1b[1;1H3\x1b[0m\x1b[K\x1b[2;1H4')).toBe(true);
    expect(step.screen.endsWith('\x1b[5;1H\x1b[?25h')).toBe(true);
  });

  it('redraws for a new terminal size', () => {
    const ed = vi('FROM a\n');
    ed.resize(40, 4);
    expect(ed.view()).toEqual(['FROM a', '~', '~', '"Dockerfile" 1L, 7B   1,1           All']);
  });

  it('takes counts: 3dd reports the lines, 2x, 2j, 3G, 2yy', () => {
    const ed = vi('1\n2\n3\n4\n5\n');
    keys(ed, '3', 'd', 'd');
    expect(ed.text).toEqual('4\n5\n');
    expect(ed.view()[5]).toEqual('3 fewer lines         1,1           All');
    keys(ed, 'u', '2', 'j', 'x');
    expect(ed.text).toEqual('1\n2\n\n4\n5\n');
    keys(ed, '5', 'G', 'i', 'ab', ESC, '0', '2', 'x');
    expect(ed.text).toEqual('1\n2\n\n4\n5\n');
    keys(ed, '1', 'G', '2', 'y', 'y', 'G', 'p');
    expect(ed.text).toEqual('1\n2\n\n4\n5\n1\n2\n');
  });
});
