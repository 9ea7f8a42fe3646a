/**
 * The flow of the "Done when": on the learner's host, a user network,
 * nginx on it with a published port, a container fetching the page by name,
 * the host fetching it through the published port. Whole outputs compared;
 * the pieces are recorded from real Docker (test/golden/fixtures/network.json)
 * and real curl/wget/nginx (test/programs/fixtures/net.json, net-fidelity.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { NOW, seeded } from '../containers/helpers.ts';
import { imageFs } from '../programs/fixture.ts';

const LO = [
  '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000',
  '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
  '    inet 127.0.0.1/8 scope host lo',
  '       valid_lft forever preferred_lft forever',
  '    inet6 ::1/128 scope host ',
  '       valid_lft forever preferred_lft forever',
];

describe('a container curls the nginx container of the chapters', () => {
  it('by name on a user network, by IP, from the host through -p, and not from the default bridge', async () => {
    const index = await (await imageFs('nginx')).readFile('/usr/share/nginx/html/index.html');
    const s = await createSession({ store: new MemoryStore(), preload: ['alpine', 'nginx'], clock: () => NOW, random: seeded(7), isTTY: false });
    const run = async (line: string): Promise<{ stdout: string; stderr: string; rc: number }> => {
      const r = await s.runLine(line);
      return { stdout: r.stdout, stderr: r.stderr, rc: r.rc };
    };
    expect((await run('docker network create net1')).rc).toBe(0);
    expect((await run('docker run -d --name web --network net1 -p 8080:80 nginx')).rc).toBe(0);
    expect(await run('docker run --rm --network net1 alpine wget -qO- web')).toEqual({ stdout: index, stderr: '', rc: 0 });
    expect(await run("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web")).toEqual({ stdout: '172.18.0.2\n', stderr: '', rc: 0 });
    expect(await run('docker run --rm --network net1 alpine wget -O- http://172.18.0.2/nope')).toEqual({
      stdout: '',
      stderr: 'Connecting to 172.18.0.2 (172.18.0.2:80)\nwget: server returned error: HTTP/1.1 404 Not Found\n',
      rc: 1,
    });
    // The default bridge has no DNS for container names.
    expect(await run('docker run --rm alpine wget -qO- web')).toEqual({ stdout: '', stderr: "wget: bad address 'web'\n", rc: 1 });
    expect(await run('docker run --rm --network net1 alpine wget -qO- http://example.com/')).toEqual({ stdout: '', stderr: "wget: bad address 'example.com'\n", rc: 1 });
    expect(await run('curl -s localhost:8080')).toEqual({ stdout: index, stderr: '', rc: 0 });
    expect(await run('curl -sI localhost:8080')).toEqual({
      stdout:
        'HTTP/1.1 200 OK\r\nServer: nginx/1.29.0\r\nDate: Tue, 24 Nov 2026 03:00:00 GMT\r\nContent-Type: text/html\r\nContent-Length: 615\r\n' +
        'Last-Modified: Tue, 22 Jul 2025 04:18:07 GMT\r\nConnection: keep-alive\r\nETag: "687f10ff-267"\r\nAccept-Ranges: bytes\r\n\r\n',
      stderr: '',
      rc: 0,
    });
    expect(await run('curl -s localhost:8081')).toEqual({ stdout: '', stderr: '', rc: 7 });
    expect(await run('curl -sS https://example.com')).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: example.com\n', rc: 6 });
    expect(await run('docker run --rm --network none alpine ip addr')).toEqual({ stdout: LO.join('\n') + '\n', stderr: '', rc: 0 });
    expect(await run('docker run --rm --network net1 alpine ip addr')).toEqual({
      stdout: [
        ...LO,
        '2: eth0@if11: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP ',
        '    link/ether 02:42:ac:12:00:03 brd ff:ff:ff:ff:ff:ff',
        '    inet 172.18.0.3/16 brd 172.18.255.255 scope global eth0',
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
      stderr: '',
      rc: 0,
    });
    // nginx's access log (stdout): the host comes in through the gateway (docker-proxy), containers with their address.
    expect(await run('docker logs web 2>/dev/null | grep HTTP')).toEqual({
      stdout: [
        '172.18.0.3 - - [24/Nov/2026:03:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "Wget" "-"',
        '172.18.0.3 - - [24/Nov/2026:03:00:00 +0000] "GET /nope HTTP/1.1" 404 153 "-" "Wget" "-"',
        '172.18.0.1 - - [24/Nov/2026:03:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"',
        '172.18.0.1 - - [24/Nov/2026:03:00:00 +0000] "HEAD / HTTP/1.1" 200 0 "-" "curl/7.88.1" "-"',
        '',
      ].join('\n'),
      stderr: '',
      rc: 0,
    });
  }, 120_000);
});
