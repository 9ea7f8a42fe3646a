/**
 * The long operation the worker reports (LabEvent `progress`, worker/progress.ts),
 * held for the status bar: the terminal pane passes every lab event here, the
 * status bar draws what is current.
 */
import type { LabEvent } from '../../worker/api.ts';

/** What the status bar shows of a running operation. */
export interface ShownProgress {
  label: string;
  done: number;
  /** 0 when the amount is unknown: the bar is indeterminate. */
  total: number;
}

/** Reactive progress state. */
class Progress {
  current = $state<ShownProgress | undefined>(undefined);

  /** Takes a lab event; ignores those that are not about progress. */
  receive(e: LabEvent): void {
    if (e.type === 'progress') this.current = { label: e.label, done: e.done, total: e.total };
    // A reset or import ends whatever ran before it.
    else if (e.type === 'progress-end' || e.type === 'lab-replaced') this.current = undefined;
  }
}

/** The page's one progress state. */
export const progress = new Progress();
