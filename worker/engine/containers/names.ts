/**
 * Container names and IDs as moby makes them.
 *
 * Names: internal/namesgenerator GetRandomName — `left_right` from Docker's
 * two word lists (names.json), `boring_wozniak` rejected ("Steve Wozniak is
 * not boring"), and on retry a random digit appended; the daemon
 * (daemon/names.go generateAndReserveName) tries 6 times, then falls back to
 * the short ID. IDs: stringid.GenerateRandomID — 32 random bytes in hex,
 * regenerated when the short form would parse as a decimal integer.
 */
import { EngineError } from '../errors.ts';
import NAMES from './names.json' with { type: 'json' };

const LEFT: readonly string[] = NAMES.left;
const RIGHT: readonly string[] = NAMES.right;

/** moby validContainerNamePattern. */
const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

function intn(random: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}

/** namesgenerator.GetRandomName(retry). */
export function randomName(random: () => number, retry: number): string {
  for (;;) {
    const name = `${LEFT[intn(random, LEFT.length)]}_${RIGHT[intn(random, RIGHT.length)]}`;
    if (name === 'boring_wozniak') continue;
    return retry > 0 ? name + String(intn(random, 10)) : name;
  }
}

/** A name for a new container: generated with up to 6 tries against the names in use, else the short ID. */
export function generateName(random: () => number, taken: (name: string) => boolean, id: string): string {
  for (let i = 0; i < 6; i++) {
    const name = randomName(random, i);
    if (!taken(name)) return name;
  }
  return id.slice(0, 12);
}

/** Checks a user-given name (`--name`, rename); returns it without the leading `/`. */
export function validateName(name: string): string {
  if (!VALID_NAME.test(name)) {
    throw new EngineError('InvalidParameter', `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  }
  return name.replace(/^\//, '');
}

/** stringid.GenerateRandomID from the injected random source. */
export function randomId(random: () => number): string {
  for (;;) {
    let hex = '';
    for (let i = 0; i < 32; i++) hex += intn(random, 256).toString(16).padStart(2, '0');
    if (!/^[0-9]+$/.test(hex.slice(0, 12))) return hex;
  }
}

/** The daemon's name conflict (daemon/names.go reserveName). */
export function nameConflict(name: string, id: string): EngineError {
  return new EngineError(
    'Conflict',
    `Conflict. The container name "/${name}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
  );
}
