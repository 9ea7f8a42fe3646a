/**
 * nano as a state machine, on an 80x8 screen: the title bar, the status
 * bar messages and prompts, and the help lines laid out as nano 7.2's
 * bottombars() lays them out on an 80-column terminal.
 */
import { describe, expect, it } from 'vitest';
import { createNano } from '../../worker/editors/nano.ts';
import type { Editor, EditorStep } from '../../worker/editors/types.ts';

const HELP = [
  '^G Help      ^O Write Out ^W Where Is  ^K Cut       ^T Execute   ^C Location',
  '^X Exit      ^R Read File ^\\ Replace   ^U Paste     ^J Justify   ^/ Go To Line',
];
const WRITE_HELP = [
  '^G Help             M-D DOS Format      M-A Append          M-B Backup File',
  '^C Cancel           M-M Mac Format      M-P Prepend         ^T Browse',
];
// Title rows as Debian nano 7.2 draws them at 80 columns (tmux capture of the real nano, padded).
const TITLE = '  GNU nano 7.2                       Dockerfile                                 ';
const TITLE_MODIFIED = '  GNU nano 7.2                       Dockerfile                       Modified  ';
const BLANK = (n: number): string[] => Array.from({ length: n }, () => '');

function nano(text?: string): Editor {
  const ed = createNano({ path: 'Dockerfile', text, cols: 80, rows: 8 });
  ed.open();
  return ed;
}

function keys(ed: Editor, ...chunks: string[]): EditorStep {
  let last: EditorStep = { screen: '' };
  for (const c of chunks) last = ed.key(c);
  return last;
}

describe('nano', () => {
  it('opens a new file: title bar, [ New File ] and the help lines', () => {
    const ed = createNano({ path: 'Dockerfile', cols: 80, rows: 8 });
    expect(ed.open().startsWith('\x1b[?1049h')).toBe(true);
    expect(ed.view()).toEqual([TITLE, ...BLANK(4), '                                  [ New File ]', ...HELP]);
  });

  it('opens an existing file with [ Read N lines ]', () => {
    expect(nano('FROM alpine\nRUN true\n').view()).toEqual([
      TITLE,
      'FROM alpine',
      'RUN true',
      '',
      '',
      '                                [ Read 2 lines ]',
      ...HELP,
    ]);
  });

  it('types, and marks the buffer Modified', () => {
    const ed = nano();
    keys(ed, 'FROM alpine', '\r', 'RUN x');
    expect(ed.view().slice(0, 4)).toEqual([TITLE_MODIFIED, 'FROM alpine', 'RUN x', '']);
    expect(ed.text).toEqual('FROM alpine\nRUN x\n');
  });

  it('^O asks for the file name and writes it', () => {
    const ed = nano();
    keys(ed, 'FROM alpine', '\x0f');
    expect(ed.view().slice(5)).toEqual([`File Name to Write: Dockerfile${' '.repeat(50)}`, ...WRITE_HELP]);
    const step = keys(ed, '\r');
    expect(step.save).toEqual('FROM alpine\n');
    expect(step.savePath).toEqual('Dockerfile');
    expect(ed.view()).toEqual([TITLE, 'FROM alpine', ...BLANK(3), '                                [ Wrote 1 line ]', ...HELP]);
  });

  it('^O can write to another name; ^C at the prompt cancels', () => {
    const ed = nano('a\n');
    keys(ed, '\x0f', '\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f', 'b.txt');
    expect(keys(ed, '\r').savePath).toEqual('b.txt');
    keys(ed, '\x0f', '\x03');
    expect(ed.view()[5]).toEqual('                                 [ Cancelled ]');
  });

  it('^X on a modified buffer asks Save modified buffer?, with Y, N and ^C', () => {
    const ed = nano();
    keys(ed, 'x', '\x18');
    expect(ed.view().slice(5)).toEqual([`Save modified buffer? ${' '.repeat(58)}`, ' Y Yes', ' N No           ^C Cancel']);
    keys(ed, '\x03');
    expect(ed.view()[5]).toEqual('                                 [ Cancelled ]');
    keys(ed, '\x18', 'y');
    expect(ed.view()[5]).toEqual(`File Name to Write: Dockerfile${' '.repeat(50)}`);
    expect(keys(ed, '\r')).toEqual({ screen: '\x1b[?1049l', save: 'x\n', savePath: 'Dockerfile', done: true });
  });

  it('^X then N leaves without saving; ^X on an unchanged buffer just leaves', () => {
    expect(keys(nano(), 'x', '\x18', 'n')).toEqual({ screen: '\x1b[?1049l', done: true });
    expect(keys(nano('a\n'), '\x18')).toEqual({ screen: '\x1b[?1049l', done: true });
  });

  it('Backspace and Delete join lines; arrows move across them', () => {
    const ed = nano('ab\ncd\n');
    keys(ed, '\x1b[B', '\x7f');
    expect(ed.text).toEqual('abcd\n');
    keys(ed, '\x1b[D', '\x1b[3~', '\r', '\x1b[A', '\x1b[C', 'X');
    expect(ed.text).toEqual('aX\ncd\n');
  });

  it('^K cuts a line and ^U pastes it', () => {
    const ed = nano('1\n2\n3\n');
    keys(ed, '\x0b', '\x1b[B', '\x15');
    expect(ed.text).toEqual('2\n1\n3\n');
  });

  it('a file without a final newline gets one when written', () => {
    const ed = nano('a');
    expect(keys(ed, '\x0f', '\r').save).toEqual('a\n');
  });

  it('a failed write says why and keeps the buffer modified', () => {
    const ed = nano();
    keys(ed, 'x', '\x0f', '\r');
    ed.saveFailed('No such file or directory');
    expect(ed.view()[0]).toEqual(TITLE_MODIFIED);
    expect(ed.view()[5]).toEqual('            [ Error writing Dockerfile: No such file or directory ]');
  });
});
