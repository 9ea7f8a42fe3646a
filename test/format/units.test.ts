import { describe, expect, it } from 'vitest';
import { bytesSize, humanSize, humanSizeWithPrecision } from '../../worker/common/go-units.ts';
import { formatFloat } from '../../worker/common/go-strconv.ts';

describe('humanSizeWithPrecision (go-units, docker-reference §1.4 table)', () => {
  // [bytes, p=3, p=4] — rows of the §1.4 table.
  const table: [number, string, string][] = [
    [0, '0B', '0B'],
    [47, '47B', '47B'],
    [999, '999B', '999B'],
    [1000, '1kB', '1kB'],
    [1001, '1kB', '1.001kB'],
    [1125, '1.12kB', '1.125kB'],
    [2048, '2.05kB', '2.048kB'],
    [10072, '10.1kB', '10.07kB'],
    [99950, '100kB', '99.95kB'],
    [999499, '999kB', '999.5kB'],
    [999500, '1e+03kB', '999.5kB'],
    [1982333, '1.98MB', '1.982MB'],
    [1234567890, '1.23GB', '1.235GB'],
  ];
  it.each(table)('%d bytes → %s / %s', (bytes, p3, p4) => {
    expect(humanSizeWithPrecision(bytes, 3)).toEqual(p3);
    expect(humanSizeWithPrecision(bytes, 4)).toEqual(p4);
    expect(humanSize(bytes)).toEqual(p4);
  });

  it('matches captured column values [cap:26]', () => {
    expect(humanSizeWithPrecision(1982341, 3)).toEqual('1.98MB');
    expect(humanSizeWithPrecision(3080, 3)).toEqual('3.08kB');
    expect(humanSizeWithPrecision(12, 3)).toEqual('12B');
    expect(humanSize(1031000)).toEqual('1.031MB'); // "Total reclaimed space: 1.031MB"
  });

  it('stops at YB and leaves negative sizes undivided', () => {
    expect(humanSizeWithPrecision(1e27, 3)).toEqual('1e+03YB');
    expect(humanSizeWithPrecision(-5, 3)).toEqual('-5B');
  });

  it('bytesSize uses base 1024 and KiB units', () => {
    expect(bytesSize(1024)).toEqual('1KiB');
    expect(bytesSize(1536)).toEqual('1.5KiB');
    expect(bytesSize(1048576 * 3.5)).toEqual('3.5MiB');
    expect(bytesSize(500)).toEqual('500B');
  });
});

describe('formatFloat (Go strconv)', () => {
  it('%g rounds the exact binary value half-to-even', () => {
    expect(formatFloat(1.125, 'g', 3)).toEqual('1.12');
    expect(formatFloat(1.375, 'g', 3)).toEqual('1.38');
    expect(formatFloat(2.675, 'g', 3)).toEqual('2.67'); // 2.67499999… in binary
    expect(formatFloat(0.5, 'g', 1)).toEqual('0.5');
    expect(formatFloat(2.5, 'g', 1)).toEqual('2');
    expect(formatFloat(3.5, 'g', 1)).toEqual('4');
  });
  it('%g switches to exponent form below 1e-4 and at the precision', () => {
    expect(formatFloat(0.0001, 'g', 3)).toEqual('0.0001');
    expect(formatFloat(0.00001, 'g', 3)).toEqual('1e-05');
    expect(formatFloat(123456, 'g', 3)).toEqual('1.23e+05');
    expect(formatFloat(100, 'g', 3)).toEqual('100');
    expect(formatFloat(0, 'g', 3)).toEqual('0');
  });
  it('shortest %g (fmt %v) uses exponent form from 1e+06 (1.982341e+06 in docker inspect)', () => {
    expect(formatFloat(1982341, 'g', -1)).toEqual('1.982341e+06');
    expect(formatFloat(123456, 'g', -1)).toEqual('123456');
    expect(formatFloat(0.1, 'g', -1)).toEqual('0.1');
    expect(formatFloat(1e21, 'g', -1)).toEqual('1e+21');
    expect(formatFloat(1e-7, 'g', -1)).toEqual('1e-07');
  });
  it('%e and %f', () => {
    expect(formatFloat(1234.5678, 'e', 2)).toEqual('1.23e+03');
    expect(formatFloat(1234.5678, 'f', 2)).toEqual('1234.57');
    expect(formatFloat(0.125, 'f', 2)).toEqual('0.12');
    expect(formatFloat(-0.5, 'f', 0)).toEqual('-0');
    expect(formatFloat(1e100, 'e', 1)).toEqual('1.0e+100');
    expect(formatFloat(3, 'f', -1)).toEqual('3');
    expect(formatFloat(Infinity, 'g', -1)).toEqual('+Inf');
    expect(formatFloat(NaN, 'g', -1)).toEqual('NaN');
  });
});
