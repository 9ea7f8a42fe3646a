/**
 * The runner's sessions: admission (global and per-address caps), the
 * engine each gets from the backend, the idle and hard TTLs, explicit
 * teardown, and the orphan reaper that destroys backend sessions this
 * runner does not know (those of a runner that crashed), on start and on a
 * timer (runner-security.md §3.2).
 */
import type { SessionBackend, SessionEngine } from '../backends/backend.ts';
import type { SessionPolicy } from '../policy/index.ts';
import type { RunnerConfig } from '../config.ts';
import { newSessionId, newToken, tokenMatches } from './tokens.ts';
import { lowerApiVersion } from '../../worker/common/api-version.ts';

/** One live session. */
export interface Session {
  readonly id: string;
  readonly ip: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly policy: SessionPolicy;
  readonly engine: SessionEngine;
  /** The API version the session engine speaks, at most the pinned 1.51 (its /_ping's Api-Version). */
  readonly apiVersion: string;
  /** `docker <version>` of the engine, for the create response. */
  readonly engineVersion: string;
  lastActive: number;
  /** Requests in flight (a long build or an attached terminal is not idle). */
  active: number;
  /** Called when the session ends (closes its WebSocket with the given code and reason). */
  onEnd?: (code: number, reason: string) => void;
}

/** The answer to a create: the session and its token, or a refusal with an HTTP status. */
export type CreateResult = { ok: true; session: Session; token: string } | { ok: false; status: number; message: string };

/** Close codes the runner uses on a session's WebSocket when the session ends. */
export const CLOSE = { auth: 4401, replaced: 4409, idle: 4408, expired: 4410, deleted: 4404, shutdown: 1001, bye: 1000 } as const;

/** The newest Engine API version the runner forwards (the policy pins paths to it). */
export const PINNED_API = '1.51';

/** Keeps the sessions of one runner. */
export class SessionManager {
  readonly #sessions = new Map<string, Session & { digest: Buffer; timer?: NodeJS.Timeout }>();
  /** Sessions being created: counted against the caps, and never reaped. */
  readonly #pending = new Map<string, string>();
  /** Teardowns under way: a shutdown waits for them, or a SIGTERM right after a bye would leave the engine's mounts behind. */
  readonly #ending = new Set<Promise<void>>();
  #reaper: NodeJS.Timeout | undefined;
  #reaping: Promise<void> | undefined;

  constructor(
    private readonly cfg: RunnerConfig,
    private readonly backend: SessionBackend,
    private readonly runtime: string | undefined,
    private readonly log: (event: string, fields?: Record<string, unknown>) => void = () => undefined,
  ) {}

  /** Runs the reaper once, then every RUNNER_REAP_SECONDS. */
  async start(): Promise<void> {
    await this.reap();
    this.#reaper = setInterval(() => void this.reap(), this.cfg.reapSeconds * 1000);
    this.#reaper.unref();
  }

  /** Stops the timers and destroys every session (a clean shutdown leaves nothing for the next reaper). */
  async stop(): Promise<void> {
    clearInterval(this.#reaper);
    await this.#reaping;
    await Promise.all([...this.#sessions.keys()].map((id) => this.destroy(id, 'shutdown')));
    await Promise.all([...this.#ending]);
  }

  /** Number of live and pending sessions. */
  get size(): number {
    return this.#sessions.size + this.#pending.size;
  }

  /** Admits and creates a session for a client at `ip`; resolves once its engine answers. */
  async create(ip: string): Promise<CreateResult> {
    if (this.size >= this.cfg.maxSessions) return { ok: false, status: 429, message: `the runner holds its maximum of ${this.cfg.maxSessions} sessions; try again later` };
    const mine = [...this.#sessions.values()].filter((s) => s.ip === ip).length + [...this.#pending.values()].filter((p) => p === ip).length;
    if (mine >= this.cfg.sessionsPerIp) return { ok: false, status: 429, message: `at most ${this.cfg.sessionsPerIp} sessions per client address` };
    const id = newSessionId();
    this.#pending.set(id, ip);
    const createdAt = Date.now();
    const expiresAt = createdAt + this.cfg.ttlSeconds * 1000;
    const labels = { 'org.layerlab.session': id, 'org.layerlab.expires': new Date(expiresAt).toISOString() };
    const policy: SessionPolicy = {
      sessionId: id,
      labels,
      network: this.cfg.network,
      memoryBytes: this.cfg.memoryBytes,
      nanoCpus: this.cfg.nanoCpus,
      pidsLimit: this.cfg.pidsLimit,
      ...(this.cfg.diskBytes !== undefined ? { diskBytes: this.cfg.diskBytes } : {}),
      ...(this.runtime ? { runtime: this.runtime } : {}),
    };
    try {
      const engine = await this.backend.create({ id, labels, policy });
      const { apiVersion, engineVersion } = await describe(engine);
      const { token, digest } = newToken();
      const s: Session & { digest: Buffer } = { id, ip, createdAt, expiresAt, policy, engine, apiVersion, engineVersion, lastActive: createdAt, active: 0, digest };
      this.#sessions.set(id, s);
      this.#arm(s);
      this.log('session created', { id, ip, runtime: engine.runtime ?? this.runtime ?? 'unknown', engine: engineVersion, api: apiVersion });
      return { ok: true, session: s, token };
    } catch (err) {
      this.log('session failed', { id, error: (err as Error).message });
      await this.backend.destroy(id).catch(() => undefined);
      return { ok: false, status: 503, message: 'the runner could not start an engine for this session' };
    } finally {
      this.#pending.delete(id);
    }
  }

  /** The session `id` when `token` is its token (constant-time), else null. Unknown and expired sessions look the same. */
  authenticate(id: string, token: unknown): Session | null {
    const s = this.#sessions.get(id);
    // A digest compare happens either way, so an unknown id costs the same as a wrong token.
    const ok = tokenMatches(token, s?.digest ?? UNKNOWN);
    return s && ok && Date.now() < s.expiresAt ? s : null;
  }

  /** Records activity from the learner (resets the idle TTL). */
  touch(s: Session): void {
    s.lastActive = Date.now();
  }

  /** Ends a session: closes its socket, destroys its engine. Idempotent. */
  async destroy(id: string, why: 'bye' | 'deleted' | 'idle' | 'expired' | 'shutdown' | 'tab closed'): Promise<void> {
    const s = this.#sessions.get(id);
    if (!s) return;
    this.#sessions.delete(id);
    clearTimeout(s.timer);
    const code = why === 'idle' ? CLOSE.idle : why === 'expired' ? CLOSE.expired : why === 'deleted' ? CLOSE.deleted : why === 'shutdown' ? CLOSE.shutdown : CLOSE.bye;
    s.onEnd?.(code, `session ended: ${why}`);
    this.log('session ended', { id, why });
    const ending = this.backend.destroy(id).catch((e: Error) => this.log('destroy failed', { id, error: e.message }));
    this.#ending.add(ending);
    await ending;
    this.#ending.delete(ending);
  }

  /** Destroys backend sessions this runner does not know (left by a crashed runner). */
  reap(): Promise<void> {
    this.#reaping ??= (async () => {
      try {
        for (const id of await this.backend.list()) {
          if (this.#sessions.has(id) || this.#pending.has(id)) continue;
          this.log('reaping orphan', { id });
          await this.backend.destroy(id).catch((e: Error) => this.log('reap failed', { id, error: e.message }));
        }
      } finally {
        this.#reaping = undefined;
      }
    })();
    return this.#reaping;
  }

  /** One timer per session, at the earlier of its idle deadline and its hard TTL; re-armed when activity moved the idle deadline. */
  #arm(s: Session & { timer?: NodeJS.Timeout }): void {
    const idleAt = s.lastActive + this.cfg.idleSeconds * 1000;
    const at = Math.min(idleAt, s.expiresAt);
    s.timer = setTimeout(() => {
      if (!this.#sessions.has(s.id)) return;
      const now = Date.now();
      if (now >= s.expiresAt) void this.destroy(s.id, 'expired');
      else if (now >= s.lastActive + this.cfg.idleSeconds * 1000 && s.active === 0) void this.destroy(s.id, 'idle');
      else {
        if (s.active > 0) s.lastActive = now; // a request in flight counts as activity
        this.#arm(s);
      }
    }, Math.max(0, at - Date.now()) + 5);
    s.timer.unref();
  }
}

const UNKNOWN = Buffer.alloc(32);

/** Asks the new engine its API version and release, for version pinning and the create response. */
async function describe(engine: SessionEngine): Promise<{ apiVersion: string; engineVersion: string }> {
  const r = await engine.transport.request({ method: 'GET', path: '/version' });
  let text = '';
  for await (const c of r.body) text += Buffer.from(c).toString();
  if (r.status !== 200) throw new Error(`engine /version answered ${r.status}`);
  const v = JSON.parse(text) as { Version?: string; ApiVersion?: string };
  return { apiVersion: lowerApiVersion(PINNED_API, v.ApiVersion ?? PINNED_API), engineVersion: `docker ${v.Version ?? 'unknown'}` };
}
