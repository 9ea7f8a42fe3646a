import { describe, expect, it } from 'vitest';
import { goTimeString, rfc3339, rfc3339Nano } from '../../worker/cli/format/go-time.ts';

const created = Date.UTC(2026, 10, 24, 2, 31, 58);

describe('Go time formatting', () => {
  it('time.Time.String() in UTC as docker images --format json CreatedAt [cap:26]', () => {
    expect(goTimeString(created)).toEqual('2026-11-24 02:31:58 +0000 UTC');
    expect(goTimeString(new Date(created))).toEqual('2026-11-24 02:31:58 +0000 UTC');
  });

  it('shows a trimmed fraction when the time has sub-second parts', () => {
    expect(goTimeString(created + 500)).toEqual('2026-11-24 02:31:58.5 +0000 UTC');
    expect(goTimeString(created, 0, { nanos: 574934519 })).toEqual('2026-11-24 02:31:58.574934519 +0000 UTC');
  });

  it('shifts into other zones', () => {
    expect(goTimeString(created, 60, { zone: 'CET' })).toEqual('2026-11-24 03:31:58 +0100 CET');
    expect(goTimeString(created, -330)).toEqual('2026-11-23 21:01:58 -0530 -0530');
    expect(goTimeString(created, 120)).toEqual('2026-11-24 04:31:58 +0200 +02');
  });

  it('RFC 3339 forms as in inspect Created and history -H=false [cap:26, cap:20.10]', () => {
    expect(rfc3339(created)).toEqual('2026-11-24T02:31:58Z');
    expect(rfc3339Nano(created, 574934519)).toEqual('2026-11-24T02:31:58.574934519Z');
    expect(rfc3339Nano(created + 120)).toEqual('2026-11-24T02:31:58.12Z');
    expect(rfc3339Nano(created)).toEqual('2026-11-24T02:31:58Z');
  });

  it('formats the Go zero time used for Metadata.LastTagTime [cap:26]', () => {
    const zero = new Date(0);
    zero.setUTCFullYear(1, 0, 1);
    zero.setUTCHours(0, 0, 0, 0);
    expect(rfc3339Nano(zero)).toEqual('0001-01-01T00:00:00Z');
  });
});
