/**
 * What the page's runner tests run against: a private real dockerd
 * (test/interop/real-engine.ts, stopped by its pid) seeded with the
 * `alpine` stand-in (a static busybox root, as test/engine-client/
 * real-engine.test.ts imports it), behind the test bridge (bridge.ts) on
 * loopback. Swapping in the real runner (runner/main.ts started with
 * RUNNER_ALLOWED_ORIGINS and RUNNER_SEED_IMAGES) changes only this file.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startRealEngine, type RealEngine } from '../../interop/real-engine.ts';
import { startBridge, type Bridge } from './bridge.ts';
import type { FetchLike, OpenWebSocket } from '../../../worker/runner-client/runner-session.ts';
import type { WebSocketLike } from '../../../worker/engine-client/ws-transport.ts';

/** A runner for the page's tests. */
export interface TestRunner {
  url: string;
  engine: RealEngine;
  bridge: Bridge;
  stop(): Promise<void>;
}

/** Starts dockerd, seeds `alpine`, starts the bridge allowing `origins`. */
export async function startTestRunner(origins: string[]): Promise<TestRunner> {
  const engine = await startRealEngine();
  try {
    seedAlpine(engine);
    const bridge = await startBridge(engine.host, origins);
    return {
      url: bridge.url,
      engine,
      bridge,
      async stop() {
        await bridge.stop();
        await engine.stop();
      },
    };
  } catch (error) {
    await engine.stop();
    throw error;
  }
}

/** Node's pieces for runner-client: `ws` as the WebSocket, sending `origin` as a browser would. */
export function nodeRunnerDeps(origin: string): { fetch: FetchLike; openWebSocket: OpenWebSocket } {
  return {
    fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, origin } }),
    openWebSocket: (url, protocol) => new WebSocket(url, protocol, { origin }) as unknown as WebSocketLike,
  };
}

/** Imports `alpine:latest`: a static busybox with its applet links, /etc/alpine-release, CMD /bin/sh. */
function seedAlpine(e: RealEngine): void {
  const root = mkdtempSync(path.join(tmpdir(), 'll-page-root-'));
  try {
    for (const d of ['bin', 'etc', 'tmp', 'root', 'usr/bin', 'usr/sbin', 'sbin']) mkdirSync(path.join(root, d), { recursive: true });
    copyFileSync('/bin/busybox', path.join(root, 'bin/busybox'));
    for (const a of execFileSync('/bin/busybox', ['--list'], { encoding: 'utf8' }).split('\n').filter((x) => x && x !== 'busybox')) symlinkSync('busybox', path.join(root, 'bin', a));
    writeFileSync(path.join(root, 'etc/alpine-release'), '3.22.1\n');
    writeFileSync(path.join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
    writeFileSync(path.join(root, 'etc/group'), 'root:x:0:root\n');
    const tar = execFileSync('tar', ['--numeric-owner', '-C', root, '-c', '.'], { maxBuffer: 1 << 28 });
    e.docker(['import', '--change', 'CMD ["/bin/sh"]', '--change', 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', '-', 'alpine:latest'], tar);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
