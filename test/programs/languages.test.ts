/**
 * The language and application images' programs, run as a learner runs them:
 * `docker run IMAGE tool --version` through the CLI, the engine and the simulated
 * Hub. Version lines are the real tools' (go, HotSpot's java/javac, ruby/gem/bundle,
 * php, rustc/cargo/rustup, docker/dockerd); what is not simulated says so in one
 * line; apache starts with its real log lines and stops gracefully on SIGWINCH.
 */
import { Lab } from '../../worker/lab/lab.ts';
import { describe, expect, it } from 'vitest';
import { DockerCli } from '../../worker/cli/docker.ts';
import { Engine } from '../../worker/engine/engine.ts';
import { hubRegistry } from '../../worker/registry/hub-client.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import type { DockerIo } from '../../worker/shell/commands/docker.ts';
import { NOW, seeded } from '../containers/helpers.ts';

type Out = { stdout: string; stderr: string; rc: number };

async function lab() {
  const engine = await Engine.open({ store: new MemoryStore(), registry: hubRegistry(), clock: () => NOW, random: seeded(5) });
  const docker = new DockerCli(new Lab(engine).api);
  return async (...argv: string[]): Promise<Out> => {
    let stdout = '';
    let stderr = '';
    const io: DockerIo = { stdin: new Uint8Array(), stdout: (s) => (stdout += String(s)), stderr: (s) => (stderr += s), env: {}, cwd: '/', fs: undefined as never, isTTY: false, startForeground: () => undefined };
    const rc = await docker.run(argv, io);
    return { stdout, stderr, rc };
  };
}

/** `docker run --rm IMAGE ARGS…` after a quiet pull. */
async function runIn(image: string, ...args: string[]): Promise<Out> {
  const d = await lab();
  await d('pull', '-q', image);
  return d('run', '--rm', image, ...args);
}

const ok = (stdout: string, stderr = ''): Out => ({ stdout, stderr, rc: 0 });

describe('golang', () => {
  it('go version and go env read the toolchain; go run says Go code does not run here', async () => {
    expect(await runIn('golang:1.24', 'go', 'version')).toEqual(ok('go version go1.24.5 linux/amd64\n'));
    expect(await runIn('golang:1.24-alpine', 'go', 'env', 'GOPATH', 'GOROOT', 'GOTOOLCHAIN', 'GOVERSION')).toEqual(ok('/go\n/usr/local/go\nlocal\ngo1.24.5\n'));
    expect(await runIn('golang:1.24', 'go', 'run', 'main.go')).toEqual({ stdout: '', stderr: 'go: Layerlab does not run Go code (no Go toolchain runs in this simulator); only `go version` and `go env` are simulated\n', rc: 1 });
  });
});

describe('java', () => {
  it('eclipse-temurin: java -version on stderr, --version on stdout, javac -version; the JRE has no javac', async () => {
    const version = 'openjdk version "21.0.8" 2025-07-15 LTS\nOpenJDK Runtime Environment Temurin-21.0.8+9 (build 21.0.8+9-LTS)\nOpenJDK 64-Bit Server VM Temurin-21.0.8+9 (build 21.0.8+9-LTS, mixed mode, sharing)\n';
    expect(await runIn('eclipse-temurin:21', 'java', '-version')).toEqual(ok('', version));
    expect(await runIn('eclipse-temurin:21-alpine', 'java', '--version')).toEqual(ok('openjdk 21.0.8 2025-07-15 LTS\nOpenJDK Runtime Environment Temurin-21.0.8+9 (build 21.0.8+9-LTS)\nOpenJDK 64-Bit Server VM Temurin-21.0.8+9 (build 21.0.8+9-LTS, mixed mode, sharing)\n'));
    expect(await runIn('eclipse-temurin:21', 'javac', '-version')).toEqual(ok('javac 21.0.8\n'));
    expect(await runIn('eclipse-temurin:17', 'java', '-version')).toEqual(ok('', 'openjdk version "17.0.16" 2025-07-15\nOpenJDK Runtime Environment Temurin-17.0.16+8 (build 17.0.16+8)\nOpenJDK 64-Bit Server VM Temurin-17.0.16+8 (build 17.0.16+8, mixed mode, sharing)\n'));
    expect(await runIn('eclipse-temurin:21-jre', 'java', '-version')).toEqual(ok('', version));
    // The entrypoint's `exec "$@"` finds no javac: the shell's 127 (its wording is the simulated shell's, not dash's `exec: javac: not found`).
    expect((await runIn('eclipse-temurin:21-jre', 'javac', '-version')).rc).toBe(127);
    // jshell, the image's CMD, would read Java: not simulated.
    expect(await runIn('eclipse-temurin:21')).toEqual({ stdout: '', stderr: 'jshell: Layerlab does not run Java code (no Java toolchain runs in this simulator); only `jshell --version` is simulated\n', rc: 1 });
  });

  it("openjdk's last builds (jdk.java.net, no vendor string)", async () => {
    expect(await runIn('openjdk:22', 'java', '-version')).toEqual(ok('', 'openjdk version "22.0.2" 2024-07-16\nOpenJDK Runtime Environment (build 22.0.2+9-70)\nOpenJDK 64-Bit Server VM (build 22.0.2+9-70, mixed mode, sharing)\n'));
    expect(await runIn('openjdk:21', 'javac', '--version')).toEqual(ok('javac 21.0.2\n'));
    const d = await lab();
    expect(await d('pull', 'openjdk')).toEqual({ stdout: 'Using default tag: latest\n', stderr: 'Error response from daemon: manifest for openjdk:latest not found: manifest unknown: manifest unknown\n', rc: 1 });
  });
});

describe('ruby', () => {
  it('ruby -v, and gem and bundle (Ruby scripts run through ruby) print their versions; irb says Ruby does not run', async () => {
    expect(await runIn('ruby:3.4', 'ruby', '-v')).toEqual(ok('ruby 3.4.5 (2025-07-16 revision 20cda200d3) +PRISM [x86_64-linux]\n'));
    expect(await runIn('ruby:3.4-alpine', 'ruby', '--version')).toEqual(ok('ruby 3.4.5 (2025-07-16 revision 20cda200d3) +PRISM [x86_64-linux-musl]\n'));
    expect(await runIn('ruby:3.4-slim', 'gem', '-v')).toEqual(ok('3.6.9\n'));
    expect(await runIn('ruby:3.4', 'bundle', '-v')).toEqual(ok('Bundler version 2.6.9\n'));
    expect(await runIn('ruby:3.4-slim')).toEqual({ stdout: '', stderr: 'irb: Layerlab does not run Ruby code (no Ruby toolchain runs in this simulator); only `ruby -v`, `gem -v` and `bundle -v` are simulated\n', rc: 1 });
  });
});

describe('php', () => {
  it('php -v prints three lines with the build time of the image; php -a says PHP does not run', async () => {
    const v = 'PHP 8.4.10 (cli) (built: Jul 22 2025 19:13:45) (NTS)\nCopyright (c) The PHP Group\nZend Engine v4.4.10, Copyright (c) Zend Technologies\n';
    expect(await runIn('php:8.4-cli', 'php', '-v')).toEqual(ok(v));
    // The entrypoint turns a leading option into `php OPTION`.
    expect(await runIn('php:8.4-alpine', '-v')).toEqual(ok(v));
    expect(await runIn('php:8.4-cli')).toEqual({ stdout: '', stderr: 'php: Layerlab does not run PHP code (no PHP toolchain runs in this simulator); only `php -v` is simulated\n', rc: 1 });
    // wordpress enables OPcache: a fourth line.
    expect(await runIn('wordpress:6.8', 'php', '-v')).toEqual(ok('PHP 8.3.23 (cli) (built: Jul 22 2025 19:02:18) (NTS)\nCopyright (c) The PHP Group\nZend Engine v4.3.23, Copyright (c) Zend Technologies\n    with Zend OPcache v8.3.23, Copyright (c), by Zend Technologies\n'));
  });

  it('php:8.4-apache starts apache with its real lines, serves /var/www/html, and stops gracefully on SIGWINCH', async () => {
    const d = await lab();
    await d('pull', '-q', 'php:8.4-apache');
    await d('pull', '-q', 'alpine');
    expect((await d('run', '-d', '--name', 'web', 'php:8.4-apache')).rc).toBe(0);
    expect(await d('inspect', '--format', '{{.State.Status}} {{.NetworkSettings.IPAddress}}', 'web')).toEqual(ok('running 172.17.0.2\n'));
    const forbidden = await d('run', '--rm', 'alpine', 'wget', '-q', '-O-', 'http://172.17.0.2/');
    expect([forbidden.rc, forbidden.stderr]).toEqual([1, 'wget: server returned error: HTTP/1.1 403 Forbidden\n']);
    await d('exec', 'web', 'sh', '-c', 'echo "<h1>hi</h1>" > index.html');
    expect(await d('run', '--rm', 'alpine', 'wget', '-q', '-O-', 'http://172.17.0.2/')).toEqual(ok('<h1>hi</h1>\n'));
    expect(await d('stop', 'web')).toEqual(ok('web\n'));
    const t = '[Tue Nov 24 03:00:00.000000 2026]';
    expect(await d('logs', 'web')).toEqual(ok(
      '172.17.0.3 - - [24/Nov/2026:03:00:00 +0000] "GET / HTTP/1.1" 403 275 "-" "Wget"\n172.17.0.3 - - [24/Nov/2026:03:00:00 +0000] "GET / HTTP/1.1" 200 12 "-" "Wget"\n',
      "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\n".repeat(2)
      + `${t} [mpm_prefork:notice] [pid 1:tid 1] AH00163: Apache/2.4.65 (Debian) PHP/8.4.10 configured -- resuming normal operations\n`
      + `${t} [core:notice] [pid 1:tid 1] AH00094: Command line: 'apache2 -D FOREGROUND'\n`
      + `${t} [mpm_prefork:notice] [pid 1:tid 1] AH00170: caught SIGWINCH, shutting down gracefully\n`));
    expect(await d('ps', '-a', '--format', '{{.Status}}')).toEqual(ok('Exited (0) Less than a second ago\n'));
  });

  it('wordpress copies itself into its volume with the real messages, then runs apache with PHP/8.3.23', async () => {
    const d = await lab();
    await d('pull', '-q', 'wordpress');
    await d('run', '-d', '--name', 'wp', 'wordpress');
    // The copy takes a moment: wait for apache's last startup line (each check is one `docker logs`).
    for (let i = 0; i < 500 && !(await d('logs', 'wp')).stderr.includes('AH00094'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(await d('exec', 'wp', 'sh', '-c', 'ls /var/www/html | head -3; grep wp_version /var/www/html/wp-includes/version.php | tail -1')).toEqual(ok("index.php\nlicense.txt\nreadme.html\n$wp_version = '6.8.2';\n"));
    expect(await d('stop', 'wp')).toEqual(ok('wp\n'));
    const t = '[Tue Nov 24 03:00:00.000000 2026]';
    expect(await d('logs', 'wp')).toEqual(ok('', 'WordPress not found in /var/www/html - copying now...\nComplete! WordPress has been successfully copied to /var/www/html\n'
      + "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\n".repeat(2)
      + `${t} [mpm_prefork:notice] [pid 1:tid 1] AH00163: Apache/2.4.65 (Debian) PHP/8.3.23 configured -- resuming normal operations\n`
      + `${t} [core:notice] [pid 1:tid 1] AH00094: Command line: 'apache2 -D FOREGROUND'\n`
      + `${t} [mpm_prefork:notice] [pid 1:tid 1] AH00170: caught SIGWINCH, shutting down gracefully\n`));
    expect(await d('volume', 'ls', '-q')).toEqual(ok(`${(await d('inspect', '--format', '{{(index .Mounts 0).Name}}', 'wp')).stdout}`));
  });

  it('php:8.4-fpm runs until SIGQUIT, its STOPSIGNAL', async () => {
    const d = await lab();
    await d('pull', '-q', 'php:8.4-fpm');
    await d('run', '-d', '--name', 'fpm', 'php:8.4-fpm');
    expect(await d('stop', 'fpm')).toEqual(ok('fpm\n'));
    expect(await d('logs', 'fpm')).toEqual(ok('', '[24-Nov-2026 03:00:00] NOTICE: fpm is running, pid 1\n[24-Nov-2026 03:00:00] NOTICE: ready to handle connections\n[24-Nov-2026 03:00:00] NOTICE: Finishing ...\n[24-Nov-2026 03:00:00] NOTICE: exiting, bye-bye!\n'));
  });
});

describe('rust', () => {
  it('rustc, cargo and rustup (proxies: hard links to rustup) print their versions; components outside the minimal profile are missing', async () => {
    expect(await runIn('rust:1.88', 'rustc', '--version')).toEqual(ok('rustc 1.88.0 (6b00bc388 2025-06-23)\n'));
    expect(await runIn('rust:1.88-slim', 'cargo', '--version')).toEqual(ok('cargo 1.88.0 (873a06493 2025-05-10)\n'));
    expect(await runIn('rust:1.88-alpine', 'rustup', '--version')).toEqual(ok('rustup 1.28.2 (e4f3ad6f8 2025-04-28)\n', 'info: This is the version for the rustup toolchain manager, not the rustc compiler.\ninfo: The currently active `rustc` version is `rustc 1.88.0 (6b00bc388 2025-06-23)`\n'));
    expect(await runIn('rust:1.88-slim', 'rustfmt')).toEqual({ stdout: '', stderr: "error: 'rustfmt' is not installed for the toolchain '1.88.0-x86_64-unknown-linux-gnu'.\nTo install, run `rustup component add rustfmt`\n", rc: 1 });
    expect(await runIn('rust:1.88-slim', 'cargo', 'run')).toEqual({ stdout: '', stderr: 'cargo: Layerlab does not run Rust code (no Rust toolchain runs in this simulator); only `rustc --version`, `cargo --version` and `rustup --version` are simulated\n', rc: 1 });
  });
});

describe('docker', () => {
  it('docker:cli prints its version; the entrypoint sends docker subcommands to docker, which has no daemon here', async () => {
    expect(await runIn('docker:28-cli', 'docker', '--version')).toEqual(ok('Docker version 28.3.2, build 578ccf6\n'));
    expect(await runIn('docker:28-cli', 'compose', 'version')).toEqual(ok('Docker Compose version v2.38.2\n'));
    expect(await runIn('docker:28-cli', 'ps')).toEqual({ stdout: '', stderr: "docker: Layerlab does not simulate a Docker engine inside a container (nested engines are not simulated); the lab's own docker is the one in the terminal\n", rc: 1 });
    // dockerd-entrypoint.sh would put dind (and its mounts) in front: bypass it as one does on a real engine.
    const d = await lab();
    await d('pull', '-q', 'docker:28');
    expect(await d('run', '--rm', '--entrypoint', 'dockerd', 'docker:28', '--version')).toEqual(ok('Docker version 28.3.2, build e77ff99\n'));
  });

  it('docker:dind fails without --privileged as the real dind wrapper does; with it, says nested engines are not simulated', async () => {
    const d = await lab();
    await d('pull', '-q', 'docker:dind');
    expect(await d('run', '--rm', 'docker:dind')).toEqual({ stdout: '', stderr: 'mount: permission denied (are you root?)\nCould not mount /sys/kernel/security.\nAppArmor detection and --privileged mode might break.\nmount: permission denied (are you root?)\n', rc: 1 });
    expect(await d('run', '--rm', '--privileged', 'docker:dind')).toEqual({ stdout: '', stderr: "dind: Layerlab does not simulate a Docker engine inside a container (nested engines are not simulated); the lab's own docker is the one in the terminal\n", rc: 1 });
  });
});
