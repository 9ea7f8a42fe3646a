/** Placeholders in runnable blocks (src/lib/code-fields.ts): fields where they stand, the text filled from them. */
import { describe, expect, it } from 'vitest';
import { commandLines, fieldLabel, fill, segments, words } from '../../src/lib/code-fields.ts';

describe('segments', () => {
  it('cuts the text at each named placeholder, and only those', () => {
    expect(segments('docker commit <container_id> <name> && cat <<EOF <other>', ['container_id', 'name'])).toEqual([
      { text: 'docker commit ' },
      { field: 'container_id' },
      { text: ' ' },
      { field: 'name' },
      { text: ' && cat <<EOF <other>' },
    ]);
  });

  it('leaves a block without placeholders whole', () => {
    expect(segments('docker images', [])).toEqual([{ text: 'docker images' }]);
    expect(segments('<a>', ['a'])).toEqual([{ field: 'a' }]);
  });
});

describe('fill', () => {
  const parts = segments('docker diff <container_id> | grep <container_id> <path>', ['container_id', 'path']);

  it('puts each value where its field stands, trimmed', () => {
    expect(fill(parts, { container_id: ' 3f2a9c ', path: '/etc' })).toEqual({ text: 'docker diff 3f2a9c | grep 3f2a9c /etc' });
  });

  it('names the fields still empty, once each, in order', () => {
    expect(fill(parts, { container_id: '', path: '  ' })).toEqual({ missing: ['container_id', 'path'] });
    expect(fill(parts, { path: '/etc' })).toEqual({ missing: ['container_id'] });
  });
});

describe('commandLines', () => {
  it('keeps commands and continuations, drops blank lines and comments', () => {
    const text = '# list them\ndocker images\n\ndocker build \\\n  -t hello .\n# done\n';
    expect(commandLines(text)).toEqual(['docker images', 'docker build \\', '  -t hello .']);
  });
});

describe('fieldLabel', () => {
  it('reads a placeholder as words', () => {
    expect(fieldLabel('container_id')).toBe('container id');
  });
});

describe('words', () => {
  it('keeps short words whole and lets spaces and long words wrap', () => {
    const digest = 'sha256:' + 'a'.repeat(64);
    expect(words(`run -it  ${digest}\n`)).toEqual([
      { text: 'run', keep: true },
      { text: ' ', keep: false },
      { text: '-it', keep: true },
      { text: '  ', keep: false },
      { text: digest, keep: false },
      { text: '\n', keep: false },
    ]);
  });
});
