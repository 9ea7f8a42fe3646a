/**
 * `GET /images/search` as moby's daemon answers it (registry/search.go,
 * v28.5): the filters are validated (is-automated, is-official, stars), the
 * registry is asked for `limit` results (0 means 25; outside [1, 100] is an
 * error), and only then are the results filtered, so `--limit 5
 * --filter is-official=true` can return fewer than 5, as in Docker.
 */
import type { Filters } from '../api-types.ts';
import { EngineError } from '../errors.ts';
import { validateFilters } from '../filters.ts';
import type { RegistryClient, SearchResult } from '../registry-client.ts';

/** registry.defaultSearchLimit. */
export const DEFAULT_SEARCH_LIMIT = 25;

/** Options of the search: `limit` 0 or absent is the daemon's default. */
export interface ImageSearchOptions { limit?: number; filters?: Filters }

/** filters.GetBoolOrDefault (moby api/types/filters, v28): '1'/'true' or '0'/'false', not both. */
function boolOf(filters: Filters, key: string): boolean | undefined {
  const values = filters[key];
  if (values === undefined) return undefined;
  const isTrue = values.includes('1') || values.includes('true');
  const isFalse = values.includes('0') || values.includes('false');
  if (values.length === 0 || isTrue === isFalse) throw new EngineError('InvalidParameter', `invalid filter '${key}=[${values.join(' ')}]'`);
  return isTrue;
}

/** Searches `registry` for `term` as the daemon does. */
export function searchImages(registry: RegistryClient, term: string, opts: ImageSearchOptions = {}): SearchResult[] {
  const filters = opts.filters ?? {};
  validateFilters(filters, ['is-automated', 'is-official', 'stars']);
  // "is-automated" is deprecated: filtering for true yields nothing.
  if (boolOf(filters, 'is-automated') === true) return [];
  const official = boolOf(filters, 'is-official');
  let minStars = 0;
  for (const v of filters.stars ?? []) {
    if (!/^[+-]?\d+$/.test(v)) throw new EngineError('InvalidParameter', `invalid filter 'stars=${v}': strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`);
    minStars = Math.max(minStars, Number(v));
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(term)) throw new EngineError('InvalidParameter', `invalid repository name: repository name (${term}) should not have a scheme`);
  // splitReposSearchTerm: a first component with '.' or ':' (or localhost) names another registry.
  const slash = term.indexOf('/');
  const index = slash === -1 ? '' : term.slice(0, slash);
  let remote = term;
  if (index.includes('.') || index.includes(':') || index === 'localhost') {
    if (index !== 'docker.io' && index !== 'index.docker.io') {
      // Docker would ask that registry's /v1/search; the simulated engine has no network beyond its practice Hub.
      throw new EngineError('NotImplemented', `Layerlab's engine reaches only its practice Docker Hub; it cannot search ${index}`);
    }
    remote = term.slice(slash + 1);
  }
  // "If pull "library/foo", it's stored locally under "foo"" (the official index).
  remote = remote.replace(/^library\//, '');
  const limit = opts.limit || DEFAULT_SEARCH_LIMIT;
  if (limit < 1 || limit > 100) throw new EngineError('InvalidParameter', `limit ${limit} is outside the range of [1, 100]`);
  if (!registry.search) return [];
  return registry.search(remote, limit)
    .filter((r) => (official === undefined || r.is_official === official) && (filters.stars === undefined || r.star_count >= minStars))
    .map((r) => ({ ...r, is_automated: false }));
}
