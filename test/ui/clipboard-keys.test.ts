/** Copy and paste keys (src/lib/clipboard-keys.ts), as terminals map them on each platform. */
import { describe, expect, it } from 'vitest';
import { clipboardAction, isMac } from '../../src/lib/clipboard-keys.ts';
import type { KeyPress } from '../../src/lib/clipboard-keys.ts';

/** `Ctrl+Shift+C` → a keydown with those modifiers. */
function press(combo: string, type = 'keydown'): KeyPress {
  const parts = combo.split('+');
  const key = parts.pop()!;
  return {
    type,
    key: parts.includes('Shift') ? key.toUpperCase() : key.toLowerCase(),
    ctrlKey: parts.includes('Ctrl'),
    shiftKey: parts.includes('Shift'),
    altKey: parts.includes('Alt'),
    metaKey: parts.includes('Cmd'),
  };
}

const COMBOS = ['Ctrl+C', 'Ctrl+Shift+C', 'Ctrl+V', 'Ctrl+Shift+V', 'Cmd+C', 'Cmd+V', 'Ctrl+Alt+C', 'Ctrl+D', 'Shift+V', 'V'];

function table(mac: boolean, selected: boolean): Record<string, string> {
  return Object.fromEntries(COMBOS.map((c) => [c, clipboardAction(press(c), mac, selected) ?? 'terminal']));
}

describe('clipboardAction', () => {
  it('Linux and Windows, nothing selected: Ctrl+C interrupts, the V keys paste', () => {
    expect(table(false, false)).toEqual({
      'Ctrl+C': 'terminal',
      'Ctrl+Shift+C': 'swallow',
      'Ctrl+V': 'paste',
      'Ctrl+Shift+V': 'paste',
      'Cmd+C': 'terminal',
      'Cmd+V': 'terminal',
      'Ctrl+Alt+C': 'terminal',
      'Ctrl+D': 'terminal',
      'Shift+V': 'terminal',
      V: 'terminal',
    });
  });

  it('Linux and Windows, text selected: Ctrl+C and Ctrl+Shift+C copy', () => {
    expect(table(false, true)).toMatchObject({ 'Ctrl+C': 'copy', 'Ctrl+Shift+C': 'copy', 'Ctrl+V': 'paste' });
  });

  it('macOS: Cmd copies and pastes, Ctrl+C always interrupts', () => {
    expect(table(true, true)).toEqual({
      'Ctrl+C': 'terminal',
      'Ctrl+Shift+C': 'terminal',
      'Ctrl+V': 'terminal',
      'Ctrl+Shift+V': 'terminal',
      'Cmd+C': 'copy',
      'Cmd+V': 'paste',
      'Ctrl+Alt+C': 'terminal',
      'Ctrl+D': 'terminal',
      'Shift+V': 'terminal',
      V: 'terminal',
    });
    expect(clipboardAction(press('Cmd+C'), true, false)).toEqual('swallow');
  });

  it('keeps every event of a paste key from the terminal, and copies on keydown only', () => {
    expect(['keypress', 'keyup'].map((t) => clipboardAction(press('Ctrl+V', t), false, false))).toEqual(['paste', 'paste']);
    expect(clipboardAction(press('Ctrl+C', 'keyup'), false, true)).toEqual(undefined);
  });

  it('leaves plain Ctrl+V to a full-screen program (nano\'s Next Page), Ctrl+Shift+V still pastes', () => {
    expect(['Ctrl+V', 'Ctrl+Shift+V'].map((c) => clipboardAction(press(c), false, false, true))).toEqual([undefined, 'paste']);
    expect(clipboardAction(press('Cmd+V'), true, false, true)).toEqual('paste');
  });

  it('tells macOS and iOS from the rest', () => {
    expect(['MacIntel', 'iPhone', 'Linux x86_64', 'Win32'].map((p) => isMac(p))).toEqual([true, true, false, false]);
  });
});
