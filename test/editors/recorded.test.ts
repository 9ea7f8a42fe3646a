import { describe, expect, it } from 'vitest';
import { createVi } from '../../worker/editors/vi.ts';
import recorded from './fixtures/vim-debian.json' with { type: 'json' };

// Real vim's screens for the same keys (fixtures/vim-debian.json, recorded
// with tmux from Debian's vim); capture-pane drops trailing spaces, so ours are trimmed too.
describe('vi screens against recorded vim', () => {
  it('matches vim for a new file, insert mode and :w', () => {
    const vi = createVi({ path: 'Dockerfile', cols: 80, rows: 12 });
    vi.open();
    const view = () => vi.view().map((l) => l.replace(/ +$/, ''));
    const got: Record<string, string[]> = { 'open new file': view() };
    vi.key('i');
    for (const c of 'FROM alpine:3.21') vi.key(c);
    got['after i and typing'] = view();
    vi.key('\x1b');
    for (const c of ':w\r') vi.key(c);
    got['after Escape :w'] = view();
    expect(got).toEqual(recorded.screens);
  });
});

describe('nano screens against recorded nano', () => {
  it('matches nano for a new file, typing and ^X', async () => {
    const { createNano } = await import('../../worker/editors/nano.ts');
    const { default: nanoRecorded } = await import('./fixtures/nano-debian.json', { with: { type: 'json' } });
    const ed = createNano({ path: 'Dockerfile', cols: 80, rows: 12 });
    ed.open();
    const view = () => ed.view().map((l) => l.replace(/ +$/, ''));
    const got: Record<string, string[]> = { 'open new file': view() };
    for (const c of 'FROM alpine') ed.key(c);
    got['after typing'] = view();
    ed.key('\x18');
    got['after ^X'] = view();
    expect(got).toEqual(nanoRecorded.screens);
  });
});
