/**
 * The lab's servers beyond the welcome page: nginx's redirect, 403 and 405
 * (texts of nginx's special responses; 405 recorded in fixtures/net.json),
 * busybox httpd's 404 page and redirect (recorded from busybox 1.35 httpd by
 * hand, see static-http.ts), and python3 -m http.server (CPython 3.9's pages,
 * HTTP/1.0, its stderr log, stdout held in Python's buffer when detached).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { NOW, seeded } from '../containers/helpers.ts';

let s: Session;
const run = async (line: string): Promise<{ stdout: string; stderr: string; rc: number }> => {
  const r = await s.runLine(line);
  return { stdout: r.stdout, stderr: r.stderr, rc: r.rc };
};

beforeAll(async () => {
  s = await createSession({ store: new MemoryStore(), preload: ['alpine', 'nginx', 'busybox', 'python:3.9-slim'], clock: () => NOW, random: seeded(5), isTTY: false });
  await run('docker network create net1');
}, 180_000);

describe('servers', () => {
  it('nginx: a directory without its slash is redirected, without an index forbidden, POST not allowed', async () => {
    await run("docker run -d --name web --network net1 nginx sh -c 'mkdir -p /usr/share/nginx/html/empty && exec nginx -g \"daemon off;\"'");
    const curl = (args: string) => run(`docker run --rm --network net1 nginx curl ${args}`);
    const head = (await curl('-sI http://web/empty')).stdout.split('\r\n');
    expect([head[0], head.find((h) => h.startsWith('Location'))]).toEqual(['HTTP/1.1 301 Moved Permanently', 'Location: http://web/empty/']);
    expect(await curl('-s http://web/empty/')).toEqual({ stdout: '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.29.0</center>\r\n</body>\r\n</html>\r\n', stderr: '', rc: 0 });
    expect(await curl('-s -o /dev/null -w "%{http_code}" -X POST http://web/')).toEqual({ stdout: '405', stderr: '', rc: 0 });
    expect(await curl('-sL -o /dev/null -w "%{http_code} %{url_effective}" http://web/empty')).toEqual({ stdout: '403 http://web/empty/', stderr: '', rc: 0 });
  }, 60_000);

  it('busybox httpd: its 404 page, the redirect of a directory, no background mode', async () => {
    await run("docker run -d --name bb --network net1 busybox sh -c 'mkdir -p /www/d && echo hi > /www/index.html && exec httpd -f -h /www'");
    expect(await run('docker run --rm --network net1 nginx curl -si http://bb/nope')).toMatchObject({
      stdout: expect.stringMatching(/^HTTP\/1\.1 404 Not Found\r\nDate: .*\r\nConnection: close\r\nContent-type: text\/html\r\n\r\n<HTML><HEAD><TITLE>404 Not Found<\/TITLE><\/HEAD>\n<BODY><H1>404 Not Found<\/H1>\nThe requested URL was not found\n<\/BODY><\/HTML>\n$/),
      rc: 0,
    });
    expect((await run('docker run --rm --network net1 alpine wget -qO- bb/d')).stderr).toBe('wget: server returned error: HTTP/1.1 404 Not Found\n');
    expect(await run('docker run --rm busybox httpd -h /')).toEqual({ stdout: '', stderr: 'httpd: running in the background (without -f) is not simulated in Layerlab; use httpd -f\n', rc: 1 });
  }, 60_000);

  it('python3 -m http.server: the index, a listing, the 404 page, its log on stderr', async () => {
    await run('docker network create --subnet 10.9.0.0/24 pynet');
    await run('docker run -d --name py --network pynet -w /srv python:3.9-slim python3 -m http.server');
    await run('docker exec py mkdir -p /srv/d');
    await run("docker exec py sh -c 'echo a > /srv/d/a.txt'");
    expect(await run('docker run --rm --network pynet alpine wget -qO- py:8000/d/')).toEqual({
      stdout:
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">\n<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n' +
        '<title>Directory listing for /d/</title>\n</head>\n<body>\n<h1>Directory listing for /d/</h1>\n<hr>\n<ul>\n<li><a href="a.txt">a.txt</a></li>\n</ul>\n<hr>\n</body>\n</html>\n',
      stderr: '',
      rc: 0,
    });
    expect(await run('docker run --rm --network pynet alpine wget -qO- py:8000/d/a.txt')).toEqual({ stdout: 'a\n', stderr: '', rc: 0 });
    const missing = await run('docker run --rm --network pynet nginx curl -si py:8000/nope');
    expect(missing.stdout.replace(/Date: [^\r]*/, 'Date: <date>')).toBe(
      'HTTP/1.0 404 File not found\r\nServer: SimpleHTTP/0.6 Python/3.9.23\r\nDate: <date>\r\nConnection: close\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 452\r\n\r\n' +
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"\n        "http://www.w3.org/TR/html4/strict.dtd">\n<html>\n    <head>\n        <meta http-equiv="Content-Type" content="text/html;charset=utf-8">\n' +
        '        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n' +
        '        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n',
    );
    // "Serving HTTP on ..." stays in Python's stdout buffer (not a terminal); the log lines are stderr.
    expect(await run('docker logs py')).toEqual({
      stdout: '',
      stderr: [
        '10.9.0.3 - - [24/Nov/2026 03:00:00] "GET /d/ HTTP/1.1" 200 -',
        '10.9.0.3 - - [24/Nov/2026 03:00:00] "GET /d/a.txt HTTP/1.1" 200 -',
        '10.9.0.3 - - [24/Nov/2026 03:00:00] code 404, message File not found',
        '10.9.0.3 - - [24/Nov/2026 03:00:00] "GET /nope HTTP/1.1" 404 -',
        '',
      ].join('\n'),
      rc: 0,
    });
  }, 60_000);
});

describe('ping', () => {
  it('answers from containers on the network, fails by name on the bridge and from none', async () => {
    await run('docker run -d --name target --network net1 alpine sleep 1000');
    const ip = (await run("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' target")).stdout.trim();
    const got = await run('docker run --rm --network net1 alpine ping -c 1 target');
    expect({ ...got, stdout: got.stdout.replace(/time=\d\.\d{3}/, 'time=<t>').replace(/= (\d\.\d{3})\/\1\/\1 ms/, '= <t>/<t>/<t> ms') }).toEqual({
      stdout: `PING target (${ip}): 56 data bytes\n64 bytes from ${ip}: seq=0 ttl=64 time=<t> ms\n\n--- target ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = <t>/<t>/<t> ms\n`,
      stderr: '',
      rc: 0,
    });
    expect(await run('docker run --rm alpine ping -c 1 target')).toEqual({ stdout: '', stderr: "ping: bad address 'target'\n", rc: 1 });
    expect(await run(`docker run --rm --network none alpine ping -c 1 ${ip}`)).toEqual({ stdout: `PING ${ip} (${ip}): 56 data bytes\n`, stderr: 'ping: sendto: Network is unreachable\n', rc: 1 });
    expect(await run('docker run --rm --network net1 alpine ping -c 1 93.184.216.34')).toEqual({
      stdout: 'PING 93.184.216.34 (93.184.216.34): 56 data bytes\n\n--- 93.184.216.34 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n',
      stderr: '',
      rc: 1,
    });
  }, 60_000);
});

describe('nslookup and nc', () => {
  it('the embedded DNS answers names on a user network; anything else times out offline; nc says it is not simulated', async () => {
    await run('docker run -d --name dnsme --network net1 alpine sleep 1000');
    const ip = (await run("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' dnsme")).stdout.trim();
    const head = (server: string) => `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
    expect(await run('docker run --rm --network net1 alpine nslookup dnsme')).toEqual({ stdout: `${head('127.0.0.11')}Non-authoritative answer:\nName:\tdnsme\nAddress: ${ip}\n\nNon-authoritative answer:\n\n`, stderr: '', rc: 0 });
    expect(await run('docker run --rm --network net1 alpine nslookup example.com')).toEqual({ stdout: `${head('127.0.0.11')};; connection timed out; no servers could be reached\n\n`, stderr: '', rc: 1 });
    expect(await run('docker run --rm alpine nslookup dnsme')).toEqual({ stdout: `${head('8.8.8.8')};; connection timed out; no servers could be reached\n\n`, stderr: '', rc: 1 });
    expect(await run('docker run --rm alpine nc dnsme 80')).toEqual({ stdout: '', stderr: 'nc: raw TCP connections are not simulated in Layerlab; use wget or curl to reach a server\n', rc: 1 });
  }, 60_000);
});
