/**
 * `--filter name=value` flag values (already validated by the flag parser)
 * to the API's filter map: values of one name collected as a set, as
 * docker/cli's filters.Args does.
 */
import type { Filters } from '../engine/api-types.ts';

/** Builds the API filters from the repeated `name=value` strings. */
export function filtersOf(values: readonly string[]): Filters {
  const out: Filters = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    const key = v.slice(0, eq);
    const list = (out[key] ??= []);
    if (!list.includes(v.slice(eq + 1))) list.push(v.slice(eq + 1));
  }
  return out;
}
