/** Query parameters shared by the routes: moby's `filters` JSON. */
import type { Filters } from '../../engine/api-types.ts';
import { badRequest } from '../respond.ts';

/**
 * `filters={"dangling":{"true":true}}` (or the pre-1.22 `{"dangling":["true"]}`)
 * flattened to value lists, as moby's filters.FromJSON reads both.
 */
export function filtersParam(q: URLSearchParams): Filters {
  const raw = q.get('filters');
  if (raw === null || raw === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw badRequest(`invalid filter: ${(err as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest('invalid filter: filters must be a JSON object');
  const out: Filters = {};
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (Array.isArray(v)) out[k] = v.map(String);
    else if (v && typeof v === 'object') out[k] = Object.entries(v as Record<string, unknown>).filter(([, on]) => on === true).map(([x]) => x);
    else throw badRequest(`invalid filter: value of ${k} must be a map or a list`);
  }
  return out;
}
