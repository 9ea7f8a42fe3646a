/**
 * The page's layer view state: the worker's model (worker/layers), fetched
 * again on each `state-changed` and `lab-replaced` event (the terminal pane
 * passes every lab event to {@link LayerViewState.receive}), never polled;
 * and what a lesson asked to highlight.
 *
 * Lessons point at the view with {@link highlight} (targets: layer-highlight.ts).
 */
import type { LabEvent, LayerViewModel } from '../../worker/api.ts';
import type { LabClient } from './lab-client.ts';
import { layout } from './media.svelte.ts';
import { resolveHighlight, type Highlighted, type HighlightTarget } from './layer-highlight.ts';

export type { HighlightTarget } from './layer-highlight.ts';

/** Reactive state of the layer view. */
class LayerViewState {
  /** The newest model; undefined until the first arrives. Raw: it is replaced whole, never mutated. */
  model = $state.raw<LayerViewModel | undefined>(undefined);
  /** What a lesson pointed at, as given. */
  target = $state.raw<HighlightTarget | null>(null);
  /** The target resolved against the current model. */
  readonly highlighted: Highlighted = $derived(this.model && this.target ? resolveHighlight(this.model, this.target) : { images: new Set(), layers: new Set(), containers: new Set() });
  /** Bumped on each highlight() call, so the view scrolls to it again. */
  pointed = $state(0);
  #lab: LabClient | undefined;
  #running: Promise<void> | undefined;
  #again = false;

  /** Starts following a lab: fetches the model now. */
  connect(lab: LabClient): void {
    if (this.#lab === lab) return;
    this.#lab = lab;
    this.refresh();
  }

  /** Takes a lab event; the model is fetched again after a state change or a reset. */
  receive(e: LabEvent): void {
    if (e.type === 'state-changed' || e.type === 'lab-replaced') this.refresh();
  }

  /** Fetches the model; changes that arrive meanwhile make one more fetch, not one each. */
  refresh(): void {
    const lab = this.#lab;
    if (!lab) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        try {
          this.model = await lab.layerView();
        } catch {
          // A view that fails to build leaves the last one drawn; the terminal says what went wrong.
        }
      } while (this.#again);
      this.#running = undefined;
    })();
  }

  /** Resolves once the model in flight (if any) has arrived (tests). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }
}

/** The page's one layer view state. */
export const layerView = new LayerViewState();

/**
 * Points the layer view at an image, a layer, a container or the layers some
 * images share (see {@link HighlightTarget}); null clears it. `reveal` also
 * shows the layer view on a phone, where one region shows at a time.
 */
export function highlight(target: HighlightTarget | null, opts: { reveal?: boolean } = {}): void {
  layerView.target = target;
  layerView.pointed++;
  if (target && opts.reveal && layout.phone) layout.region = 'layers';
}
