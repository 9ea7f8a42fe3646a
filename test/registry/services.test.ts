/**
 * The service images on the simulated Hub: pull, images (SIZE), history and the
 * inspected Config of every one, compared whole with fixtures/services-hub.txt
 * (written by record-services.mts and read against the images' Dockerfiles; there is
 * no Hub to record from here). Also their sizes against the real images' and the
 * base layers they share with the chapters' images.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolve } from '../../worker/registry/registry.ts';
import { serviceTranscript } from './services-hub.ts';

describe('service images', () => {
  it('pull, images, history and Config match the transcript', async () => {
    const expected = readFileSync(new URL('./fixtures/services-hub.txt', import.meta.url), 'utf8');
    expect(await serviceTranscript()).toBe(expected);
  }, 120_000);

  it('are as large as the real images (docker images SIZE)', () => {
    const size = (n: string, t: string): number => resolve(n, t).layers.reduce((s, l) => s + l.size, 0);
    const real: Array<[string, string, number]> = [['postgres', '17', 438e6], ['postgres', '17-alpine', 278e6], ['mysql', '8.4', 603e6], ['mariadb', '11.8', 330e6], ['memcached', '1.6', 87e6],
      ['rabbitmq', '4.1', 250e6], ['rabbitmq', '4.1-management', 275e6], ['httpd', '2.4', 148e6], ['httpd', 'alpine', 63e6], ['traefik', 'v3.4', 224e6], ['haproxy', 'lts', 120e6], ['registry', '3', 57e6]];
    for (const [n, t, bytes] of real) expect(Math.abs(size(n, t) - bytes) / bytes, `${n}:${t}`).toBeLessThan(0.01);
  });

  it('share the base layers of the chapters\' images', () => {
    const first = (n: string, t: string): string => resolve(n, t).layers[0]!.diffId;
    const slim = first('debian', 'bookworm-slim');
    for (const [n, t] of [['postgres', '17'], ['postgres', '16'], ['memcached', '1.6'], ['httpd', '2.4'], ['haproxy', 'lts']]) expect(first(n!, t!)).toBe(slim);
    const alpine = first('alpine', '3.22');
    for (const [n, t] of [['postgres', '17-alpine'], ['memcached', 'alpine'], ['httpd', 'alpine'], ['traefik', 'v3.4'], ['registry', '3']]) expect(first(n!, t!)).toBe(alpine);
    const noble = first('ubuntu', '24.04');
    for (const [n, t] of [['mariadb', '11.8'], ['rabbitmq', '4.1']]) expect(first(n!, t!)).toBe(noble);
    expect(first('mysql', '8.4')).toBe(first('mysql', '9'));
    // rabbitmq's management variant is built FROM rabbitmq:4.1: all its layers but the last are the same.
    expect(resolve('rabbitmq', 'management').layers.slice(0, -1).map((l) => l.diffId)).toEqual(resolve('rabbitmq', '4.1').layers.map((l) => l.diffId));
  });
});
