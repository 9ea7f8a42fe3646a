/** worker/progress.ts: when meters speak, how often, and that a line's end clears the bar once. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { meter, tracked, withProgress, type ProgressReport } from '../../worker/progress.ts';

const PACING = { delayMs: 300, intervalMs: 100 };

beforeEach(() => void vi.useFakeTimers({ now: 0 }));
afterEach(() => void vi.useRealTimers());

/** Runs `fn` as a line with a sink that records reports as `label done/total` and ends as `end`. */
async function line(fn: () => Promise<void>): Promise<string[]> {
  const heard: string[] = [];
  const sink = (r: ProgressReport | undefined): void => void heard.push(r ? `${r.label} ${r.done}/${r.total}` : 'end');
  await withProgress(sink, fn, PACING);
  return heard;
}

describe('progress meters', () => {
  it('say nothing for an operation quicker than the delay', async () => {
    expect(
      await line(async () => {
        const m = meter('Saving', 10);
        vi.advanceTimersByTime(299);
        m.update(10);
        m.end();
        vi.advanceTimersByTime(1000);
      }),
    ).toEqual([]);
  });

  it('speak after the delay, at most once per interval, with the last count at the end, and end once', async () => {
    expect(
      await line(async () => {
        const m = meter('Saving', 100);
        vi.advanceTimersByTime(300); // the timer: 0/100
        m.update(10); // too soon after the timer's report
        vi.advanceTimersByTime(100);
        m.update(20); // 20/100
        vi.advanceTimersByTime(50);
        m.update(30); // too soon
        m.end(); // the last count, 30/100
      }),
    ).toEqual(['Saving 0/100', 'Saving 20/100', 'Saving 30/100', 'end']);
  });

  it('speak on the timer while an operation that cannot count waits', async () => {
    expect(
      await line(() =>
        tracked('Storing', async () => {
          await vi.advanceTimersByTimeAsync(2000);
        }),
      ),
    ).toEqual(['Storing 0/0', 'end']);
  });

  it('speak at once when the line already spoke, so a step that holds the worker still shows', async () => {
    expect(
      await line(async () => {
        await tracked('Saving', async () => void (await vi.advanceTimersByTimeAsync(400)), 5);
        meter('Storing').end();
      }),
    ).toEqual(['Saving 0/5', 'Storing 0/0', 'end']);
  });

  it('learn the total as they go, and never pass it', async () => {
    expect(
      await line(async () => {
        vi.advanceTimersByTime(300);
        const m = meter('Saving');
        m.update(5, 50);
        vi.advanceTimersByTime(100);
        m.update(80);
      }),
    ).toEqual(['Saving 0/0', 'Saving 50/50', 'end']);
  });

  it('end their report even when the operation fails', async () => {
    const heard: string[] = [];
    const failing = withProgress(
      (r) => void heard.push(r ? r.label : 'end'),
      () =>
        tracked('Exporting', async () => {
          await vi.advanceTimersByTimeAsync(500);
          throw new Error('disk full');
        }),
      PACING,
    );
    await expect(failing).rejects.toThrow('disk full');
    expect(heard).toEqual(['Exporting', 'end']);
  });

  it('say nothing after their line ended, even when left running', async () => {
    const heard = await line(async () => {
      vi.advanceTimersByTime(100);
      meter('Forgotten');
    });
    vi.advanceTimersByTime(1000);
    expect(heard).toEqual([]);
  });

  it('do nothing outside a line (bin/layerlab)', async () => {
    const m = meter('Saving', 10);
    vi.advanceTimersByTime(1000);
    m.update(10);
    m.end();
    expect(vi.getTimerCount()).toEqual(0);
  });
});
