/**
 * The Web Worker entry of the page (design.md §1) and the only worker file
 * that imports comlink: it exposes the {@link LabApi} built by
 * terminal/lab-service.ts with the browser's pieces. Everything heavy (the
 * shell engine, the docker CLI and its command catalog, the engine) is
 * imported on first use, so the worker's first chunk stays small and the
 * prompt appears before they arrive (design.md §9).
 */
import { expose } from 'comlink';
import type { LabApi } from './api.ts';
import { createLabService } from './terminal/lab-service.ts';

/** Bash builtins and the host shell's own commands, offered with just-bash's programs in command position. */
const SHELL_WORDS = ['alias', 'apt', 'apt-get', 'cd', 'docker', 'exit', 'export', 'history', 'hostname', 'id', 'source', 'sudo', 'type', 'unalias', 'unset', 'whoami'];

const scope = globalThis as unknown as { navigator?: { locks?: LockManager } };

const api: LabApi = createLabService({
  openStore: async () => (await import('./store/idb-store.ts')).IdbStore.open('layerlab'),
  memoryStore: async () => (await import('./store/memory-store.ts')).MemoryStore.open(),
  createSession: async (opts) => (await import('./session.ts')).createSession(opts),
  async dockerTree() {
    const [{ buildCommandTree }, { simulatorEnv }] = await Promise.all([import('./cli/command/catalog.ts'), import('./cli/command/help.ts')]);
    return buildCommandTree(simulatorEnv.plugins);
  },
  async commandNames() {
    const { getCommandNames } = await import('just-bash');
    return [...new Set([...getCommandNames(), ...SHELL_WORDS])].sort();
  },
  // Compiled from lessons/ when the site is built (worker/lessons/vite-plugin.ts); loaded when the page first asks.
  course: async () => (await import('virtual:layerlab-lessons')).default,
  tabId: crypto.randomUUID(),
  locks: scope.navigator?.locks,
  channel: typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('layerlab-state'),
  // The browser sends the page's Origin itself, which the runner checks against its allow-list.
  async openRunner(url) {
    const { openRunnerSession } = await import('./runner-client/runner-session.ts');
    return openRunnerSession(url, { fetch: (u, init) => fetch(u, init), openWebSocket: (u, protocol) => new WebSocket(u, protocol) });
  },
});

expose(api);
