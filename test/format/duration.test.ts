import { describe, expect, it } from 'vitest';
import { humanDuration } from '../../worker/common/go-duration.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (go-units HumanDuration, docker-reference §1.5)', () => {
  const cases: [number, string][] = [
    [-5 * S, 'Less than a second'],
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [1 * S, '1 second'],
    [1999, '1 second'],
    [2 * S, '2 seconds'],
    [59 * S + 999, '59 seconds'],
    [60 * S, 'About a minute'],
    [119 * S, 'About a minute'],
    [2 * M, '2 minutes'],
    [59 * M + 59 * S, '59 minutes'],
    [60 * M, 'About an hour'],
    [H + 29 * M + 59 * S, 'About an hour'],
    [H + 30 * M, '2 hours'], // hours are rounded
    [47 * H + 29 * M, '47 hours'],
    [47 * H + 30 * M, '2 days'],
    [13 * D + 23 * H + 29 * M, '13 days'],
    [14 * D, '2 weeks'],
    [59 * D + 23 * H, '8 weeks'],
    [60 * D, '2 months'],
    [729 * D, '24 months'],
    [730 * D, '2 years'],
    [3 * 365 * D + 23 * H + 59 * M, '3 years'],
  ];
  it.each(cases)('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toEqual(text);
  });

  it('never says 1 day / 1 week / 1 month / 1 year', () => {
    for (let ms = 0; ms < 4 * 365 * D; ms += 7 * H + 13 * M) {
      expect(humanDuration(ms)).not.toMatch(/^1 (day|week|month|year)$/);
    }
  });

  it('epoch-created images read "56 years" in 2026 [docker-reference §1.5]', () => {
    expect(humanDuration(Date.UTC(2026, 10, 24, 2, 40) - 0)).toEqual('56 years');
  });
});
