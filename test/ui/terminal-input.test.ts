/** Run types into the terminal (src/lib/terminal-input.ts): the keystrokes, their pace, and queued runs that never interleave. */
import { describe, expect, it } from 'vitest';
import { attachTerminal, keyDelay, keystrokes, typeIntoTerminal } from '../../src/lib/terminal-input.ts';

describe('keystrokes', () => {
  it('clears the half-typed line, then types each character and Enter per line', () => {
    expect(keystrokes(['ls', 'id'])).toEqual(['\x15', 'l', 's', '\r', 'i', 'd', '\r']);
  });

  it('keeps a character outside the BMP as one keystroke', () => {
    expect(keystrokes(['echo 🐳'])).toEqual(['\x15', 'e', 'c', 'h', 'o', ' ', '🐳', '\r']);
  });
});

describe('keyDelay', () => {
  it('types short commands at a visible pace and long ones within about 0.7 s', () => {
    expect([1, 20, 70, 200, 5000].map(keyDelay)).toEqual([18, 18, 10, 3, 2]);
  });
});

describe('typeIntoTerminal', () => {
  it('sends through the attached sink, focusing it when asked, and queues a second run after the first', async () => {
    const got: string[] = [];
    const detach = attachTerminal({ send: (d) => got.push(d), focus: () => got.push('<focus>') });
    const wait = (): Promise<void> => Promise.resolve();
    await Promise.all([typeIntoTerminal(['ab'], { wait }), typeIntoTerminal(['c'], { focus: true, wait })]);
    detach();
    expect(got).toEqual(['\x15', 'a', 'b', '\r', '<focus>', '\x15', 'c', '\r']);
  });

  it('fails in words when no terminal is attached, and the next run still goes', async () => {
    await expect(typeIntoTerminal(['ls'], { wait: () => Promise.resolve() })).rejects.toThrow('the terminal is not ready yet');
    const got: string[] = [];
    const detach = attachTerminal({ send: (d) => got.push(d), focus: () => undefined });
    await typeIntoTerminal(['x'], { wait: () => Promise.resolve() });
    detach();
    expect(got).toEqual(['\x15', 'x', '\r']);
  });
});
