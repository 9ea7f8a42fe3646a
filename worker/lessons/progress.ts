/**
 * The learner's progress through the course, kept in the lab's own store
 * (meta record `lessons/progress`): it survives a reload, is read by every
 * tab from the same store, travels in Export/Import lab (which carries every
 * meta record) and is wiped by Reset lab, like the rest of the lab.
 *
 * Writes are read-modify-write under the caller's state lock, one small
 * batch each; the engine and the home directory never rewrite this key (a
 * batch only puts the meta keys it changed).
 */
import type { Progress } from '../api.ts';
import type { Json, Store } from '../store/store.ts';

/** The meta key. */
export const PROGRESS_KEY = 'lessons/progress';

/** The progress stored with the lab (empty when none). */
export async function readProgress(store: Store): Promise<Progress> {
  return parseProgress((await store.load()).meta.get(PROGRESS_KEY));
}

/** A stored value as progress; anything malformed reads as no progress rather than breaking the course. */
export function parseProgress(value: Json | undefined): Progress {
  const out: Progress = { pages: {} };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  const pages = (value as { pages?: Json }).pages;
  if (!pages || typeof pages !== 'object' || Array.isArray(pages)) return out;
  for (const [id, p] of Object.entries(pages)) {
    if (!p || typeof p !== 'object' || Array.isArray(p)) continue;
    const answers: Progress['pages'][string]['answers'] = {};
    const given = (p as { answers?: Json }).answers;
    if (given && typeof given === 'object' && !Array.isArray(given)) {
      for (const [q, a] of Object.entries(given)) {
        if (a && typeof a === 'object' && !Array.isArray(a) && typeof a.answer === 'string' && typeof a.correct === 'boolean') answers[q] = { answer: a.answer, correct: a.correct };
      }
    }
    out.pages[id] = { done: (p as { done?: Json }).done === true, answers };
  }
  return out;
}

/**
 * Applies `change` to the stored progress and writes it back; resolves
 * whether anything changed (nothing is written otherwise).
 */
export async function updateProgress(store: Store, change: (p: Progress) => void): Promise<boolean> {
  const before = await readProgress(store);
  const after = structuredClone(before);
  change(after);
  if (JSON.stringify(after) === JSON.stringify(before)) return false;
  await store.commit({ put: [{ collection: 'meta', key: PROGRESS_KEY, value: after as unknown as Json }] });
  return true;
}

/** The page's entry, created empty. */
export function pageEntry(p: Progress, pageId: string): Progress['pages'][string] {
  return (p.pages[pageId] ??= { done: false, answers: {} });
}
