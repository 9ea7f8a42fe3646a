/** A split pane's size arithmetic (src/lib/split.ts): any stored or dragged size ends inside the split. */
import { describe, expect, it } from 'vitest';
import { clampSplit, storedSplit } from '../../src/lib/split.ts';

const lesson = { min: 10, max: 70, minFirst: 240, minSecond: 366 };

describe('clampSplit', () => {
  it('keeps the percentage within its limits before the split is measured', () => {
    expect([5, 23, 90, NaN].map((v) => clampSplit(v, { ...lesson, total: 0 }))).toEqual([10, 23, 70, 10]);
  });

  it('keeps the first pane its pixels and leaves the second its own', () => {
    // 1280 px: 240 px is 18.75%, 100% - 366 px is 71.4%, beyond max.
    expect([0, 18, 23, 100].map((v) => clampSplit(v, { ...lesson, total: 1280 }))).toEqual([18.75, 18.75, 23, 70]);
  });

  it('lets the first pane give way when the split is too small for both', () => {
    // 500 px: the second pane's 366 px leave the first 26.8%, under its own 240 px (48%).
    expect(clampSplit(50, { ...lesson, total: 500 })).toBeCloseTo(26.8, 5);
    expect(clampSplit(50, { ...lesson, total: 300 })).toEqual(0);
  });
});

describe('storedSplit', () => {
  it('recovers from anything stored', () => {
    const o = { initial: 23, min: 10, max: 70 };
    expect([null, '', 'abc', 'NaN', 'Infinity', '-4', '3.5', '99', '42'].map((s) => storedSplit(s, o))).toEqual([23, 23, 23, 23, 23, 10, 10, 70, 42]);
  });
});
