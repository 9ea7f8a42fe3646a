/**
 * The lessons' checker: goal conditions (the closed set of lessons/README.md)
 * evaluated on a {@link LabSnapshot}, `value:` expressions, and answers.
 * Everything is decided on the lab's state, never on typed text, so every
 * way of reaching a state passes (`docker images` or `docker image ls`, an ID
 * or a name, one command or five) and nothing else does.
 */
import type { GoalStatus } from '../api.ts';
import { parseNormalizedNamed, referenceString, withDefaultTag } from '../engine/reference.ts';
import { readTar } from '../engine/layer/tar-read.ts';
import type { ConditionSpec, QuestionSpec, ValueSpec } from './types.ts';
import type { LabSnapshot, SnapContainer, SnapImage } from './snapshot.ts';

/** Evaluates a page's goal; a page without one is met. */
export async function checkGoal(pageId: string, goal: readonly ConditionSpec[], snap: LabSnapshot): Promise<GoalStatus> {
  const conditions = await Promise.all(goal.map(async (c) => ({ met: await holds(c, snap), say: c.say })));
  return { pageId, conditions, met: conditions.every((c) => c.met) };
}

/** Whether one condition holds. */
export async function holds(c: ConditionSpec, snap: LabSnapshot): Promise<boolean> {
  if ('image' in c) return imageHolds(c, snap);
  if ('noImage' in c) return snap.image(c.noImage) === undefined;
  if ('dangling' in c) {
    const n = snap.images.filter((i) => i.dangling).length;
    return typeof c.dangling === 'number' ? n === c.dangling : n <= c.dangling.max;
  }
  if ('container' in c) {
    for (const k of matching(snap, c.container)) {
      const want = c.container;
      if (want.exitCode !== undefined && (k.status !== 'exited' || k.exitCode !== want.exitCode)) continue;
      if (want.added !== undefined || want.changed !== undefined || want.deleted !== undefined) {
        const ch = await snap.changes(k);
        if (want.added !== undefined && !ch.added.has(want.added)) continue;
        if (want.changed !== undefined && !ch.changed.has(want.changed)) continue;
        if (want.deleted !== undefined && !ch.deleted.has(want.deleted)) continue;
      }
      return true;
    }
    return false;
  }
  if ('noContainer' in c) return matching(snap, c.noContainer).length === 0;
  if ('file' in c) {
    const bytes = await snap.homeFile(c.file);
    if (bytes === undefined) return false;
    if (c.contains !== undefined && !new TextDecoder().decode(bytes).includes(c.contains)) return false;
    if (c.tarHas !== undefined && !tarHolds(bytes, c.tarHas)) return false;
    return true;
  }
  if ('noFile' in c) return (await snap.homeFile(c.noFile)) === undefined;
  if ('build' in c) {
    const b = snap.lastBuild;
    const want = c.build;
    if (!b || !b.ok) return false;
    if (!b.tags.some((t) => t.ref === normalized(want.tag))) return false;
    // The tag must still name what that build made (not moved by a later tag or removed).
    if (snap.image(want.tag)?.id !== b.imageId) return false;
    if (want.builder !== undefined && b.builder !== want.builder) return false;
    const steps = (prefix: string) => b.steps.filter((s) => instructionStarts(s.instruction, prefix));
    for (const p of want.cached ?? []) if (steps(p).length === 0 || !steps(p).every((s) => s.cached)) return false;
    for (const p of want.rebuilt ?? []) if (steps(p).length === 0 || !steps(p).every((s) => !s.cached)) return false;
    return true;
  }
  return assertNever(c);
}

async function imageHolds(c: Extract<ConditionSpec, { image: string }>, snap: LabSnapshot): Promise<boolean> {
  const img = snap.image(c.image);
  if (!img) return false;
  if (c.cmd !== undefined && !sameList(img.cmd, c.cmd)) return false;
  if (c.entrypoint !== undefined && !sameList(img.entrypoint, c.entrypoint)) return false;
  if (c.env !== undefined && !img.env.includes(c.env)) return false;
  if (c.workdir !== undefined && img.workdir !== c.workdir) return false;
  if (c.layers !== undefined && img.diffIds.length !== c.layers) return false;
  if (c.history !== undefined && img.history.length !== c.history) return false;
  if (c.basedOn !== undefined) {
    const base = snap.image(c.basedOn);
    if (!base || base.id === img.id || !startsWith(img.diffIds, base.diffIds)) return false;
  }
  if (c.sharesWith !== undefined) {
    const other = snap.image(c.sharesWith.image);
    if (!other || shared(img, other) !== c.sharesWith.layers) return false;
  }
  if (c.adds !== undefined) {
    const top = img.diffIds.length - 1;
    if (top < 0 || !ownsTop(img, snap)) return false;
    if (!writesUnder((await snap.layerPaths(img, top)).writes, c.adds)) return false;
  }
  return true;
}

/**
 * Whether the image's top layer is its own: a commit of a container that
 * changed nothing adds no layer, and its "top layer" is then the whole stack
 * of the image it came from, which must not count as what it added.
 */
function ownsTop(img: SnapImage, snap: LabSnapshot): boolean {
  return !snap.images.some((o) => o.id !== img.id && o.diffIds.length === img.diffIds.length && startsWith(img.diffIds, o.diffIds));
}

/** A write of `path` itself or of something below it. */
function writesUnder(writes: ReadonlySet<string>, path: string): boolean {
  const p = path.replace(/\/+$/, '') || '/';
  if (writes.has(p)) return true;
  for (const w of writes) if (w.startsWith(`${p}/`)) return true;
  return false;
}

/** The containers matching name, image (by reference or ID) and status. */
function matching(snap: LabSnapshot, want: { name?: string | undefined; image?: string | undefined; status?: string | undefined }): SnapContainer[] {
  return snap.containers.filter((k) => {
    if (want.name !== undefined && k.name !== want.name.replace(/^\//, '')) return false;
    if (want.status !== undefined && k.status !== want.status) return false;
    if (want.image !== undefined && !containerOf(snap, k, want.image)) return false;
    return true;
  });
}

/** Whether the container was made from the image: same image ID, or created from that very reference. */
function containerOf(snap: LabSnapshot, k: SnapContainer, ref: string): boolean {
  const img = snap.image(ref);
  if (img && img.id === k.imageId) return true;
  const hex = /^(?:sha256:)?([0-9a-f]{12,64})$/.exec(ref)?.[1];
  if (hex !== undefined && k.imageId.slice(7).startsWith(hex)) return true;
  const a = normalized(ref);
  return a !== undefined && a === normalized(k.image);
}

/** How many layers two images have in common: the shared base of both stacks (layers are shared by ChainID). */
export function shared(a: SnapImage, b: SnapImage): number {
  let n = 0;
  while (n < a.diffIds.length && n < b.diffIds.length && a.diffIds[n] === b.diffIds[n]) n++;
  return n;
}

function startsWith(list: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= list.length && prefix.every((d, i) => list[i] === d);
}

function sameList(a: readonly string[] | null, b: readonly string[]): boolean {
  return (a ?? []).length === b.length && b.every((v, i) => a![i] === v);
}

/** The normalized reference (`docker.io/library/hello:v0.2`), or undefined for something that is not one. */
function normalized(ref: string): string | undefined {
  try {
    return referenceString(withDefaultTag(parseNormalizedNamed(ref)));
  } catch {
    return undefined;
  }
}

/** `RUN apk add figlet` starts with `RUN apk` (keyword case-insensitive, spaces collapsed). */
function instructionStarts(instruction: string, prefix: string): boolean {
  const norm = (s: string) => {
    const t = s.trim().replace(/\s+/g, ' ');
    const sp = t.indexOf(' ');
    return sp < 0 ? t.toUpperCase() : t.slice(0, sp).toUpperCase() + t.slice(sp);
  };
  const i = norm(instruction);
  const p = norm(prefix);
  return i === p || i.startsWith(p.includes(' ') ? p : `${p} `);
}

/** Whether a tar archive holds a member (`manifest.json`, `./app/x`, a directory). */
function tarHolds(bytes: Uint8Array, member: string): boolean {
  const want = member.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  try {
    return readTar(bytes).some((e) => {
      const p = e.path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
      return p === want || p.startsWith(`${want}/`);
    });
  } catch {
    return false;
  }
}

function assertNever(c: never): never {
  throw new Error(`unknown condition ${JSON.stringify(c)}`);
}

/** A value expression's result, or why it has none (shown as feedback). */
export type Value = { ok: true; kind: 'digest' | 'number' | 'size' | 'instruction'; value: string } | { ok: false; why: string };

/** Evaluates a `value:` expression on the lab. */
export async function evaluate(expr: ValueSpec, snap: LabSnapshot): Promise<Value> {
  const need = (ref: string): SnapImage | string => snap.image(ref) ?? `there is no image ${ref} in the lab right now`;
  if ('layerAdding' in expr) {
    const img = need(expr.layerAdding.image);
    if (typeof img === 'string') return { ok: false, why: img };
    for (let i = img.diffIds.length - 1; i >= 0; i--) {
      if (writesUnder((await snap.layerPaths(img, i)).writes, expr.layerAdding.path)) return { ok: true, kind: 'digest', value: img.diffIds[i]! };
    }
    return { ok: false, why: `no layer of ${expr.layerAdding.image} adds ${expr.layerAdding.path}` };
  }
  if ('imageId' in expr) {
    const img = need(expr.imageId);
    return typeof img === 'string' ? { ok: false, why: img } : { ok: true, kind: 'digest', value: img.id };
  }
  if ('layerCount' in expr) {
    const img = need(expr.layerCount);
    return typeof img === 'string' ? { ok: false, why: img } : { ok: true, kind: 'number', value: String(img.diffIds.length) };
  }
  if ('sharedLayers' in expr) {
    const a = need(expr.sharedLayers[0]);
    const b = need(expr.sharedLayers[1]);
    if (typeof a === 'string') return { ok: false, why: a };
    if (typeof b === 'string') return { ok: false, why: b };
    return { ok: true, kind: 'number', value: String(shared(a, b)) };
  }
  if ('imageSize' in expr) {
    const img = need(expr.imageSize);
    return typeof img === 'string' ? { ok: false, why: img } : { ok: true, kind: 'size', value: img.size };
  }
  const { image, layer } = expr.historyCreatedBy;
  const img = need(image);
  if (typeof img === 'string') return { ok: false, why: img };
  // History entries with empty_layer make no layer: the Nth non-empty entry made the Nth layer.
  const made = img.history.filter((h) => !h.emptyLayer);
  const h = made[layer - 1];
  return h ? { ok: true, kind: 'instruction', value: h.createdBy } : { ok: false, why: `${image} has ${made.length} layers, not ${layer}` };
}

/** Whether a typed answer matches a value (the digest, number, size and instruction rules of lessons/README.md). */
export function matches(value: Extract<Value, { ok: true }>, answer: string): boolean {
  const a = answer.trim();
  switch (value.kind) {
    case 'digest': {
      const hex = value.value.replace(/^sha256:/, '');
      const given = /^(?:sha256:)?([0-9a-f]+)$/.exec(a.toLowerCase())?.[1];
      return given !== undefined && given.length >= 12 && hex.startsWith(given);
    }
    case 'number':
      return /^\d+$/.test(a) && Number(a) === Number(value.value);
    case 'size':
      return a.replace(/\s+/g, '').toLowerCase() === value.value.toLowerCase();
    case 'instruction':
      return instructionText(a) === instructionText(value.value);
  }
}

/**
 * An instruction as the learner may copy it from `docker history
 * --no-trunc` or write it from the Dockerfile: without the `/bin/sh -c`,
 * `#(nop)` and `# buildkit` dressing, the legacy builder's `|N` build-arg
 * prefix, or a leading `RUN`.
 */
function instructionText(s: string): string {
  return s
    .trim()
    .replace(/\s+# buildkit$/, '')
    .replace(/^\|\d+ (\S+=\S* )*/, '')
    .replace(/^\/bin\/sh -c (#\(nop\)\s*)?/, '')
    .replace(/^RUN (\/bin\/sh -c )?/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The answer to a question: right or not, and what the page shows. */
export async function checkAnswer(q: QuestionSpec, answer: string, snap: LabSnapshot): Promise<{ correct: boolean; why: string }> {
  if (q.choice !== undefined) {
    const a = answer.trim();
    const index = /^\d+$/.test(a) ? Number(a) : q.choice.findIndex((c) => c === a);
    return { correct: index === q.answer, why: q.why };
  }
  const value = await evaluate(q.value!, snap);
  if (!value.ok) return { correct: false, why: `${capital(value.why)}: the answer is read from the lab, so make it first. ${q.why}` };
  if (matches(value, answer)) return { correct: true, why: q.why };
  return { correct: false, why: `${value.kind === 'digest' ? await whatItIs(value, answer, snap) : nearMiss(q.value!, answer, snap)}${q.why}` };
}

/**
 * Feedback for a count or size that is another figure of the lab: the
 * history rows for a layer count, one image's layers for a shared count,
 * another image's size.
 */
function nearMiss(expr: ValueSpec, answer: string, snap: LabSnapshot): string {
  const a = answer.trim();
  if ('layerCount' in expr) {
    const img = snap.image(expr.layerCount);
    if (img && a === String(img.history.length) && img.history.length !== img.diffIds.length) {
      return `docker history lists ${img.history.length} rows for ${expr.layerCount}, but the rows of size 0B with no layer of their own (CMD, ENV, WORKDIR…) only change its config. `;
    }
  }
  if ('sharedLayers' in expr) {
    for (const ref of expr.sharedLayers) {
      const img = snap.image(ref);
      if (img && a === String(img.diffIds.length)) return `That is how many layers ${ref} has; count only the layers both images list, from the bottom up. `;
    }
  }
  if ('imageSize' in expr) {
    const other = snap.images.find((i) => i.size.toLowerCase() === a.replace(/\s+/g, '').toLowerCase());
    if (other && other !== snap.image(expr.imageSize)) return `That is the size of ${other.refs[0] ?? other.id.slice(7, 19)}. `;
  }
  return '';
}

/**
 * Feedback that teaches: a digest that is some other layer or image is
 * named as what it is ("That is the layer 1 of alpine, …").
 */
async function whatItIs(value: Extract<Value, { ok: true }>, answer: string, snap: LabSnapshot): Promise<string> {
  if (value.kind !== 'digest') return '';
  const given = /^(?:sha256:)?([0-9a-f]{12,64})$/.exec(answer.trim().toLowerCase())?.[1];
  if (given === undefined) return 'A digest is 64 hex digits (you may give the first 12 or more, with or without sha256:). ';
  for (const img of snap.images) {
    const name = img.refs[0] ?? img.id.slice(7, 19);
    if (img.id.slice(7).startsWith(given)) return `That is the ID of the image ${name} (the digest of its config), not a layer's. `;
    const i = img.diffIds.findIndex((d) => d.slice(7).startsWith(given));
    if (i >= 0) return `That is layer ${i + 1} of ${img.diffIds.length} of ${name}, not the one asked for. `;
  }
  return 'No layer or image in the lab has that digest. ';
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
