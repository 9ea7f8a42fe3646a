/**
 * The page's side of the engine switch (worker/runner-client/switch.ts does
 * the work): the runner address the learner typed or the page was given,
 * whether a connect is under way, and the worker's last word on the engine.
 * Without a runner configured nothing here touches the network.
 */
import type { EngineStatus, LabEvent } from '../../worker/api.ts';
import type { LabClient } from './lab-client.ts';

const KEY = 'layerlab:runner';

/** `?runner=URL` in the page's address: the page is configured for that runner. */
export function configuredRunner(search: string): string | undefined {
  const url = new URLSearchParams(search).get('runner');
  return url === null || url.trim() === '' ? undefined : url.trim();
}

function remembered(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

/** Reactive state of the engine switch. */
class RunnerState {
  status = $state<EngineStatus>({ kind: 'simulated', label: 'engine: simulated' });
  /** The address in the field: the page's configured one, else the last one connected. */
  url = $state(typeof location === 'undefined' ? '' : (configuredRunner(location.search) ?? remembered()));
  busy = $state(false);

  /** Takes a lab event; ignores those that are not about the engine. */
  receive(e: LabEvent): void {
    if (e.type === 'engine') this.status = e.status;
  }

  /** Connects to the runner in {@link url}; the status says how it went. */
  async connect(lab: LabClient): Promise<void> {
    this.busy = true;
    try {
      this.status = await lab.connectRunner(this.url);
      if (this.status.kind === 'runner') {
        try {
          localStorage.setItem(KEY, this.url.trim());
        } catch {
          // Not remembered when storage is refused.
        }
      }
    } catch (error) {
      this.status = { kind: 'simulated', label: 'engine: simulated', error: error instanceof Error ? error.message : String(error) };
    } finally {
      this.busy = false;
    }
  }

  /** Back to the simulated engine. */
  async disconnect(lab: LabClient): Promise<void> {
    this.busy = true;
    try {
      this.status = await lab.disconnectRunner();
    } finally {
      this.busy = false;
    }
  }
}

/** The page's one engine switch state. */
export const runner = new RunnerState();
