/**
 * Restart policies as moby's restartmanager decides them (restart.ts): which
 * exits restart under each policy, that a stop by the user ends every loop,
 * and the wait before each restart (100 ms doubling to a minute, back to
 * 100 ms after a run of 10 s).
 */
import { describe, expect, it } from 'vitest';
import { restartDelay, shouldRestart } from '../../worker/engine/containers/restart.ts';
import type { RestartPolicy } from '../../worker/engine/containers/record.ts';

const policy = (Name: RestartPolicy['Name'], MaximumRetryCount = 0): RestartPolicy => ({ Name, MaximumRetryCount });

describe('restart policies', () => {
  it('restart on the exits moby restarts on', () => {
    const cases: Array<[RestartPolicy, number, number, boolean]> = [
      [policy('no'), 1, 0, false],
      [policy('always'), 0, 0, true],
      [policy('always'), 1, 5, false],
      [policy('unless-stopped'), 0, 0, true],
      [policy('on-failure'), 0, 0, false],
      [policy('on-failure'), 1, 100, true],
      [policy('on-failure', 2), 1, 1, true],
      [policy('on-failure', 2), 1, 2, false],
    ];
    // The fourth column: stopped by the user (the third case), else not.
    expect(cases.map(([p, code, count], i) => shouldRestart(p, code, count, i === 2))).toEqual(cases.map(([, , , want]) => want));
  });

  it('waits 100 ms, doubling to a minute, and starts over after a long run', () => {
    const waits: number[] = [];
    let w = 0;
    for (let i = 0; i < 12; i++) waits.push((w = restartDelay(w, 50)));
    expect(waits).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200, 60000, 60000]);
    expect(restartDelay(60000, 10_000)).toEqual(100);
  });
});
