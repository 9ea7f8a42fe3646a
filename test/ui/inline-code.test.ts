/** Backticked commands in hints and goal sentences (src/lib/inline-code.ts). */
import { describe, expect, it } from 'vitest';
import { inlineRuns } from '../../src/lib/inline-code.ts';

describe('inlineRuns', () => {
  it('splits text and code, and leaves an unpaired backtick as text', () => {
    expect(inlineRuns('Run `apk add` in the container, then `exit`. A ` alone')).toEqual([
      { text: 'Run ', code: false },
      { text: 'apk add', code: true },
      { text: ' in the container, then ', code: false },
      { text: 'exit', code: true },
      { text: '. A ` alone', code: false },
    ]);
    expect(inlineRuns('<b>not html</b>')).toEqual([{ text: '<b>not html</b>', code: false }]);
  });
});
