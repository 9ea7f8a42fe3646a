/**
 * `GET /events`: the daemon's event log. The simulated engine keeps no
 * event history of its own, so the daemon records the events of the
 * operations it serves (container create/start/die/destroy…, image
 * pull/tag/untag/delete…, volume and network changes) with moby's shapes
 * (api/types/events.Message), keeps the last 256 as moby's events service
 * does, and streams new ones to subscribers.
 */

/** One event (events.Message as API 1.51 sends it). */
export interface EventMessage {
  status?: string;
  id?: string;
  from?: string;
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: 'local';
  time: number;
  timeNano: number;
}

/** moby daemon/events: the ring buffer size. */
const KEEP = 256;

/** The event log of one daemon. */
export class EventLog {
  readonly #events: EventMessage[] = [];
  readonly #subscribers = new Set<(e: EventMessage) => void>();
  /** The last attributes seen of each container (a removed one's `die`/`destroy` still name it). */
  readonly #known = new Map<string, Record<string, string>>();

  /**
   * `describe` gives a container's attributes as moby puts them on every
   * container event (`image`, `name`), or undefined once it is gone.
   */
  constructor(
    private readonly now: () => number,
    private readonly describe: (id: string) => Record<string, string> | undefined = () => undefined,
  ) {}

  /** Records an event and tells every subscriber. */
  emit(type: string, action: string, id: string, extra: Record<string, string> = {}): void {
    let attributes = extra;
    if (type === 'container') {
      const base = this.describe(id) ?? this.#known.get(id) ?? {};
      this.#known.set(id, base);
      attributes = { ...base, ...extra };
    }
    const ms = this.now();
    const e: EventMessage = {
      ...(type === 'container' || type === 'image' ? { status: action, id, ...(attributes.image ? { from: attributes.image } : {}) } : {}),
      Type: type,
      Action: action,
      Actor: { ID: id, Attributes: attributes },
      scope: 'local',
      time: Math.floor(ms / 1000),
      timeNano: ms * 1e6,
    };
    this.#events.push(e);
    if (this.#events.length > KEEP) this.#events.shift();
    for (const s of this.#subscribers) s(e);
  }

  /** The recorded events, oldest first. */
  history(): readonly EventMessage[] {
    return this.#events;
  }

  /** Calls `fn` for every new event until the returned function is called. */
  subscribe(fn: (e: EventMessage) => void): () => void {
    this.#subscribers.add(fn);
    return () => this.#subscribers.delete(fn);
  }
}

/**
 * moby's events filter (daemon/events/filter.go) for the keys the log can
 * answer: type, event/action, container, image, volume, network, label.
 */
export function eventMatches(e: EventMessage, filters: Record<string, string[]>): boolean {
  const any = (key: string, ok: (v: string) => boolean): boolean => !filters[key]?.length || filters[key]!.some(ok);
  const actorIs = (type: string) => (v: string) => e.Type === type && (e.Actor.ID === v || e.Actor.ID.startsWith(v) || e.Actor.Attributes.name === v);
  return (
    any('type', (v) => e.Type === v) &&
    any('event', (v) => e.Action === v || e.Action.startsWith(`${v}:`)) &&
    any('container', actorIs('container')) &&
    any('image', (v) => e.Actor.Attributes.image === v || actorIs('image')(v)) &&
    any('volume', actorIs('volume')) &&
    any('network', actorIs('network')) &&
    any('label', (v) => {
      const eq = v.indexOf('=');
      return eq < 0 ? v in e.Actor.Attributes : e.Actor.Attributes[v.slice(0, eq)] === v.slice(eq + 1);
    })
  );
}
