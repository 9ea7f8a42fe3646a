import { describe, expect, it } from 'vitest';
import { imageFs, run } from './fixture.ts';

describe('node runs scripts from the container', () => {
  it('node runs real JavaScript with require("os").hostname() as the container hostname', async () => {
    const fs = await imageFs('node');
    await fs.mkdir('/app', { recursive: true });
    await fs.writeFile('/app/app.js', [
      'const os = require("os");',
      'const name = "Layer" + "lab";',
      'console.log("Hello from " + name + " on " + os.hostname());',
      'console.log({ a: 1, b: [1, 2, 3], c: "x" }, 6 * 7);',
      'setTimeout(() => console.log("later"), 5);',
      'process.stdout.write(`${[1, 2, 3].map((n) => n * 2).join(",")}\\n`);',
    ].join('\n'));
    expect(await run(fs, ['node', 'app.js'], { cwd: '/app' })).toEqual([0, "Hello from Layerlab on 3f4e8a9b1c2d\n{ a: 1, b: [ 1, 2, 3 ], c: 'x' } 42\n2,4,6\nlater\n", '']);
    expect(await run(fs, ['node', '-v'], { env: { PATH: '/usr/local/bin:/usr/bin:/bin', NODE_VERSION: '24.4.1' } })).toEqual([0, 'v24.4.1\n', '']);
    const [code, , err] = await run(fs, ['node', '-e', 'process.exit(3)']);
    expect([code, err]).toEqual([3, '']);
  });
});

describe('node core modules', () => {
  it('require("fs") reads and writes the container\'s files, sync, callback and promise forms', async () => {
    const fs = await imageFs('node');
    await fs.mkdir('/app', { recursive: true });
    await fs.writeFile('/app/in.txt', 'héllo\n');
    await fs.writeFile('/app/app.js', [
      'const fs = require("fs");',
      'const path = require("node:path");',
      'console.log(fs.readFileSync("in.txt", "utf8").trim(), fs.readFileSync(path.join(__dirname, "in.txt")).length, fs.existsSync("/nope"));',
      'fs.writeFileSync("out.json", JSON.stringify({ a: [1, 2] }));',
      'fs.appendFileSync("out.json", "\\n");',
      'fs.mkdirSync("data/logs", { recursive: true });',
      'console.log(fs.readdirSync("."), fs.statSync("data").isDirectory(), fs.statSync("out.json").size);',
      'fs.unlinkSync("in.txt");',
      'try { fs.readFileSync("/etc/missing.conf", "utf8"); } catch (e) { console.log(e.code, e.message); }',
      'fs.readFile("out.json", "utf8", (err, text) => {',
      '  console.log("callback", err, text.trim());',
      '  fs.promises.readFile("out.json", "utf8").then((t) => console.log("promise", JSON.parse(t).a));',
      '});',
    ].join('\n'));
    expect(await run(fs, ['node', 'app.js'], { cwd: '/app' })).toEqual([0, [
      'héllo 7 false',
      "[ 'app.js', 'data', 'in.txt', 'out.json' ] true 12",
      "ENOENT ENOENT: no such file or directory, open '/etc/missing.conf'",
      'callback null {"a":[1,2]}',
      'promise [ 1, 2 ]',
      ''].join('\n'), '']);
    expect([await fs.readFile('/app/out.json'), await fs.exists('/app/data/logs'), await fs.exists('/app/in.txt')]).toEqual(['{"a":[1,2]}\n', true, false]);
  });

  it('a core module Layerlab does not simulate says so, never "Cannot find module"', async () => {
    const fs = await imageFs('node');
    const [code, out, err] = await run(fs, ['node', '-e', 'require("child_process").execSync("ls")']);
    expect([code, out, err.split('\n').filter((l) => /Error/.test(l))]).toEqual([1, '', ["Error: Layerlab: node's core module 'child_process' is not simulated (Layerlab runs node on QuickJS: it cannot start other programs)"]]);
    const [, , missing] = await run(fs, ['node', '-e', 'require("left-pad")']);
    expect(missing.split('\n').filter((l) => /Error/.test(l))).toEqual(["Error: Cannot find module 'left-pad'"]);
  });
});

describe('network tools', () => {
  it('ip a s shows lo and eth0 with the container address; wget cannot resolve names', async () => {
    const fs = await imageFs('alpine');
    expect(await run(fs, ['ip', 'a', 's'])).toEqual([0, [
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000',
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      '    inet 127.0.0.1/8 scope host lo',
      '       valid_lft forever preferred_lft forever',
      '    inet6 ::1/128 scope host ',
      '       valid_lft forever preferred_lft forever',
      '2: eth0@if9: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP ',
      '    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff',
      '    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0',
      '       valid_lft forever preferred_lft forever',
      ''].join('\n'), '']);
    expect(await run(fs, ['wget', 'http://example.com/'])).toEqual([1, '', "wget: bad address 'example.com'\n"]);
    expect(await run(fs, ['id'])).toEqual([0, 'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n', '']);
    expect(await run(fs, ['uname', '-a'])).toEqual([0, 'Linux 3f4e8a9b1c2d 6.1.0-27-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01) x86_64 Linux\n', '']);
  });
});

describe('long-running node', () => {
  it('a listening http server keeps running until the container is stopped', async () => {
    const fs = await imageFs('node');
    await fs.writeFile('/server.js', 'require("http").createServer((q, s) => s.end("hi")).listen(3000, () => console.log("listening on 3000"));\n');
    const stop = new AbortController();
    const { testSpec } = await import('./fixture.ts');
    const { runProcess } = await import('../../worker/programs/process.ts');
    const spec = testSpec(fs, ['node', '/server.js'], { signal: stop.signal });
    const done = runProcess(spec);
    // Wait for the server's first output (a fixed sleep was flaky on a loaded machine).
    for (let i = 0; i < 200 && spec.out === ''; i++) await new Promise((r) => setTimeout(r, 50));
    expect(spec.out).toEqual('listening on 3000\n');
    stop.abort('SIGTERM');
    expect(await done).toEqual(143);
  });
});

describe('the interactive prompt of node', () => {
  it('node > keeps declarations between lines', async () => {
    const { testSpec } = await import('./fixture.ts');
    const { startInteractive } = await import('../../worker/programs/process.ts');
    const nfs = await imageFs('node');
    const nspec = testSpec(nfs, ['node'], { tty: true, env: { PATH: '/usr/local/bin:/usr/bin:/bin', NODE_VERSION: '24.4.1' } });
    const node = await startInteractive(nspec);
    expect([nspec.out, node.prompt()]).toEqual(['Welcome to Node.js v24.4.1.\nType ".help" for more information.\n', '> ']);
    expect(await node.feed('const a = [1, 2]')).toEqual({ stdout: 'undefined\n', stderr: '' });
    expect(await node.feed('a.map((n) => n * 21)')).toEqual({ stdout: '[ 21, 42 ]\n', stderr: '' });
    expect(await node.feed('nope')).toEqual({ stdout: '', stderr: 'Uncaught ReferenceError: nope is not defined\n' });
    expect(await node.feed('.exit')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });
});
