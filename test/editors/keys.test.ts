/** Raw terminal input split into editor keys, as xterm sends them. */
import { describe, expect, it } from 'vitest';
import { editorKeys, splitLines } from '../../worker/editors/keys.ts';

describe('editorKeys', () => {
  it('names arrows (CSI and SS3), Delete, Enter, Backspace, Escape and Ctrl keys', () => {
    expect(editorKeys('\x1b[A\x1bOB\x1b[3~\r\x7f\x1b\x18a')).toEqual(['Up', 'Down', 'Delete', 'Enter', 'Backspace', 'Escape', 'C-x', 'a']);
  });

  it('takes an ESC followed by text as Escape then the text', () => {
    expect(editorKeys('\x1b:wq')).toEqual(['Escape', ':', 'w', 'q']);
  });

  it('types a bracketed paste as its text', () => {
    expect(editorKeys('\x1b[200~ab\x1b[201~')).toEqual(['a', 'b']);
  });
});

describe('splitLines', () => {
  it('ends the last line at a final newline', () => {
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\nb')).toEqual(['a', 'b']);
    expect(splitLines('')).toEqual(['']);
  });
});
