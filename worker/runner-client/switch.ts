/**
 * Which engine answers the terminal's `docker`: the simulated one (the
 * default; no network at all) or a real engine through a runner session.
 * The host shell, its files and the editors stay in the page either way;
 * only the docker CLI's EngineApi changes (worker/session.ts `remote`).
 */
import type { EngineApi } from '../engine-api/api.ts';
import type { EngineStatus } from '../api.ts';
import type { HttpEngine } from '../engine-client/http-engine.ts';
import type { RunnerSession } from './runner-session.ts';

/** The status while the simulator answers. */
export const SIMULATED: EngineStatus = { kind: 'simulated', label: 'engine: simulated' };

/** Holds the runner session, if any, and says what changes. */
export class RunnerSwitch {
  readonly #open: ((url: string) => Promise<RunnerSession>) | undefined;
  readonly #changed: (status: EngineStatus) => void;
  #session: RunnerSession | undefined;
  #engine: HttpEngine | undefined;
  #status: EngineStatus = SIMULATED;

  /** `open`: how a runner session is made here (absent: runners cannot be used); `changed`: told of drops. */
  constructor(open: ((url: string) => Promise<RunnerSession>) | undefined, changed: (status: EngineStatus) => void) {
    this.#open = open;
    this.#changed = changed;
  }

  get status(): EngineStatus {
    return this.#status;
  }

  /** The real engine `docker` uses, or undefined for the simulator. */
  get engine(): EngineApi | undefined {
    return this.#engine;
  }

  /**
   * Opens a session on the runner at `url` and makes it the engine. On
   * failure the simulator stays and the status carries why, in plain words.
   */
  async connect(url: string): Promise<EngineStatus> {
    await this.disconnect();
    if (!this.#open) return (this.#status = { ...SIMULATED, error: 'this page cannot reach a runner' });
    let session: RunnerSession;
    try {
      session = await this.#open(url);
    } catch (error) {
      return (this.#status = { ...SIMULATED, url, error: error instanceof Error ? error.message : String(error) });
    }
    // Loaded only when a runner is used: the page without one fetches none of it.
    const { HttpEngine } = await import('../engine-client/http-engine.ts');
    const engine = new HttpEngine(session.transport);
    let version: string;
    try {
      version = (await engine.version()).Version;
    } catch (error) {
      await session.close();
      return (this.#status = { ...SIMULATED, url, error: `the runner's engine did not answer: ${error instanceof Error ? error.message : String(error)}` });
    }
    const label = `engine: runner docker ${version} at ${new URL(session.url).host}`;
    this.#session = session;
    this.#engine = engine;
    this.#status = { kind: 'runner', label, url: session.url };
    session.onDrop((message) => {
      if (this.#session !== session) return;
      // No silent reconnect: a new session is a new, empty engine. The learner decides.
      this.#status = { kind: 'runner', label: `${label} (disconnected)`, url: session.url, error: message };
      this.#changed(this.#status);
    });
    return this.#status;
  }

  /** Ends the runner session (bye, DELETE) and goes back to the simulator. */
  async disconnect(): Promise<EngineStatus> {
    const session = this.#session;
    this.#session = undefined;
    this.#engine = undefined;
    this.#status = SIMULATED;
    await session?.close();
    return this.#status;
  }
}
