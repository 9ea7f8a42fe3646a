/**
 * `--runner URL` of bin/layerlab: a session on a remote runner as the page
 * opens one (worker/runner-client), with Node's `fetch` and `ws` as the
 * WebSocket. A browser sends its page's Origin by itself; here it is
 * LAYERLAB_ORIGIN, else the runner's own origin, which the runner must list
 * in RUNNER_ALLOWED_ORIGINS like any page's.
 */
import WebSocket from 'ws';
import type { Readable, Writable } from 'node:stream';
import { openRunnerSession, type RunnerSession } from '../../worker/runner-client/runner-session.ts';
import type { WebSocketLike } from '../../worker/engine-client/ws-transport.ts';
import type { RawTty } from '../../worker/engine-api/types.ts';

/** Opens a runner session from Node; rejects with the runner-client's plain words. */
export async function openNodeRunner(url: string, origin = process.env.LAYERLAB_ORIGIN): Promise<RunnerSession> {
  const sent = origin ?? safeOrigin(url);
  return openRunnerSession(url, {
    fetch: (u, init) => fetch(u, { ...init, headers: { ...init.headers, ...(sent ? { origin: sent } : {}) } }),
    openWebSocket: (u, protocol) => new WebSocket(u, protocol, sent ? { origin: sent } : {}) as unknown as WebSocketLike,
  });
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The process's terminal in raw mode for `docker run -it` on a real engine:
 * stdin's bytes go to the container as typed (Ctrl-C included) and the
 * terminal's resizes follow, until released.
 */
export function nodeRawTty(stdin: Readable & { setRawMode?(raw: boolean): void }, stdout: Writable & { columns?: number; rows?: number }): RawTty {
  return {
    size: () => ({ cols: stdout.columns ?? 80, rows: stdout.rows ?? 24 }),
    take(onData, onResize) {
      const data = (chunk: Buffer): void => onData(chunk.toString('utf8'));
      const resize = (): void => onResize(stdout.columns ?? 80, stdout.rows ?? 24);
      stdin.setRawMode?.(true);
      stdin.on('data', data);
      stdin.resume();
      stdout.on('resize', resize);
      return () => {
        stdin.off('data', data);
        stdin.pause();
        stdin.setRawMode?.(false);
        stdout.off('resize', resize);
      };
    },
  };
}
