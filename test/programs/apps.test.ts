import { describe, expect, it } from 'vitest';
import { nginxAccessLine } from '../../worker/programs/apps/nginx.ts';
import { imageFs, run, testSpec } from './fixture.ts';
import { runProcess } from '../../worker/programs/process.ts';

describe('programs the chapters run', () => {
  it('hello-world prints the real image\'s message', async () => {
    const fs = await imageFs('hello-world');
    // What `docker run hello-world` prints on amd64 (hello.c of docker-library/hello-world, as published transcripts show it).
    const real =
      '\nHello from Docker!\nThis message shows that your installation appears to be working correctly.\n\n' +
      'To generate this message, Docker took the following steps:\n 1. The Docker client contacted the Docker daemon.\n' +
      ' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.\n    (amd64)\n' +
      ' 3. The Docker daemon created a new container from that image which runs the\n    executable that produces the output you are currently reading.\n' +
      ' 4. The Docker daemon streamed that output to the Docker client, which sent it\n    to your terminal.\n\n' +
      'To try something more ambitious, you can run an Ubuntu container with:\n $ docker run -it ubuntu bash\n\n' +
      'Share images, automate workflows, and more with a free Docker ID:\n https://hub.docker.com/\n\n' +
      'For more examples and ideas, visit:\n https://docs.docker.com/get-started/\n\n';
    expect(await run(fs, ['/hello'])).toEqual([0, real, '']);
  });

  it('nginx: entrypoint notices, then runs until stopped', async () => {
    const fs = await imageFs('nginx');
    // The real docker-entrypoint.sh opens fd 3 for its hooks' messages (the registry's copy omits it).
    const script = await fs.readFile('/docker-entrypoint.sh');
    await fs.writeFile('/docker-entrypoint.sh', script.replace('set -e\n', 'set -e\n\nif [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then\n    exec 3>&1\nelse\n    exec 3>/dev/null\nfi\n'));
    await fs.chmod('/docker-entrypoint.sh', 0o775);
    const stop = new AbortController();
    const spec = testSpec(fs, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], { signal: stop.signal, env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', NGINX_VERSION: '1.29.0', HOSTNAME: 'c0ffee123456', HOME: '/root' } });
    const done = runProcess(spec);
    // nginx runs until stopped: wait for its last startup notice (however loaded the machine), then stop it.
    for (let i = 0; i < 400 && !spec.err.includes('start worker process 30'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(spec.out).toEqual([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: ipv6 not available',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      ''].join('\n'));
    const t = '2025/08/01 12:00:00 [notice]';
    expect(spec.err).toEqual([
      `${t} 1#1: using the "epoll" event method`, `${t} 1#1: nginx/1.29.0`, `${t} 1#1: built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) `,
      `${t} 1#1: OS: Linux 6.1.0-27-amd64`, `${t} 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`, `${t} 1#1: start worker processes`,
      `${t} 1#1: start worker process 29`, `${t} 1#1: start worker process 30`, ''].join('\n'));
    stop.abort();
    expect(await done).toEqual(0);
  });

  it('nginx access log line', () => {
    expect(nginxAccessLine({ time: Date.UTC(2025, 6, 22, 10, 0, 0) })).toEqual('172.17.0.1 - - [22/Jul/2025:10:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\n');
  });
});

describe('signals', () => {
  it('sleep ends with 128+N of the signal; nginx shuts down gracefully on SIGQUIT', async () => {
    const fs = await imageFs('alpine');
    const stop = new AbortController();
    const done = runProcess(testSpec(fs, ['sleep', '1000'], { signal: stop.signal }));
    setTimeout(() => stop.abort('SIGTERM'), 20);
    expect(await done).toEqual(143);
    const nfs = await imageFs('nginx');
    const quit = new AbortController();
    const spec = testSpec(nfs, ['nginx', '-g', 'daemon off;'], { signal: quit.signal });
    const ran = runProcess(spec);
    setTimeout(() => quit.abort('SIGQUIT'), 20);
    expect(await ran).toEqual(0);
    const t = '2025/08/01 12:00:00 [notice]';
    expect(spec.err.split('\n').slice(8)).toEqual([
      `${t} 1#1: signal 3 (SIGQUIT) received, shutting down`,
      `${t} 29#29: gracefully shutting down`, `${t} 30#30: gracefully shutting down`,
      `${t} 29#29: exiting`, `${t} 30#30: exiting`, `${t} 29#29: exit`, `${t} 30#30: exit`,
      `${t} 1#1: signal 17 (SIGCHLD) received from 29`, `${t} 1#1: signal 17 (SIGCHLD) received from 30`,
      `${t} 1#1: worker process 29 exited with code 0`, `${t} 1#1: worker process 30 exited with code 0`,
      `${t} 1#1: exit`, '']);
  });
});
