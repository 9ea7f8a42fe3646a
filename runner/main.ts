/**
 * `npm run runner`: reads RUNNER_* (runner/config.ts), picks the session
 * backend and the learner containers' runtime, reaps what a previous run
 * left, and serves on RUNNER_HOST:RUNNER_PORT until SIGINT/SIGTERM, when it
 * destroys every session it holds. Configuration errors end it with one
 * plain line and exit status 2.
 */
import { ConfigError, loadConfig, type RunnerConfig } from './config.ts';
import type { SessionBackend } from './backends/backend.ts';
import { LocalBackend } from './backends/local.ts';
import { kubernetesBackendFromEnv } from './backends/kubernetes.ts';
import { decideRuntime } from './backends/runtime.ts';
import { jsonLog, startRunner } from './server.ts';
import { existsSync } from 'node:fs';

async function backendFor(cfg: RunnerConfig): Promise<{ backend: SessionBackend; runtime?: string }> {
  if (cfg.backend === 'kubernetes') {
    // The Kubernetes backend reads its own RUNNER_K8S_* settings (runner/deploy/kubernetes/README.md).
    // Its start-up errors are all about settings (no cluster, no TLS directory, a bad sandbox name): one plain line.
    try {
      return { backend: await kubernetesBackendFromEnv(process.env) };
    } catch (e) {
      throw new ConfigError(`RUNNER_BACKEND=kubernetes: ${(e as Error).message}`);
    }
  }
  if (cfg.network !== 'none') throw new ConfigError('RUNNER_NETWORK=bridge: the local backend runs session engines without a network (a per-session bridge is not built yet); use none');
  if (!existsSync(cfg.dockerd)) throw new ConfigError(`RUNNER_DOCKERD=${cfg.dockerd}: no such file (install docker.io, or point it at a dockerd)`);
  if (process.getuid?.() !== 0) throw new ConfigError('the local backend starts a dockerd per session and needs root (run it in a VM or a dedicated host; see runner/README.md)');
  const decision = await decideRuntime(cfg.runtime);
  jsonLog('runtime', { runtime: decision.runtime, reason: decision.reason });
  return {
    backend: new LocalBackend({ dockerd: cfg.dockerd, stateDir: cfg.stateDir, runtime: decision.runtime, seedImages: cfg.seedImages, registryMirror: cfg.registryMirror }),
    runtime: decision.runtime,
  };
}

async function main(): Promise<void> {
  const cfg = loadConfig();
  for (const f of cfg.seedImages) if (!existsSync(f)) throw new ConfigError(`RUNNER_SEED_IMAGES: ${f} does not exist`);
  if (cfg.allowedOrigins.length === 0) jsonLog('warning', { message: 'RUNNER_ALLOWED_ORIGINS is empty: every browser is refused' });
  // The handlers are installed before the runner starts: its `listening` log line is what a supervisor (and the
  // crash test) waits for, and a SIGTERM right after it must still stop it cleanly, not kill it by the signal.
  let stopping: string | null = null;
  let close: (() => Promise<void>) | null = null;
  const stop = (sig: string) => {
    if (stopping) return;
    stopping = sig;
    jsonLog('stopping', { signal: sig });
    if (close) void close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const { backend, runtime } = await backendFor(cfg);
  const runner = await startRunner({ cfg, backend, ...(runtime ? { runtime } : {}) });
  close = () => runner.close();
  if (stopping) void close().then(() => process.exit(0));
}

main().catch((e: Error) => {
  process.stderr.write(`layerlab runner: ${e instanceof ConfigError ? e.message : e.stack ?? e.message}\n`);
  process.exit(e instanceof ConfigError ? 2 : 1);
});
