// Edits of the Explore state (pure). Queries are named A, B, C… by position, as in the URL,
// so every edit renames them in order.
import type { ExploreQuery, ExploreState } from '../nav/explore-state.ts';
import { MAX_QUERIES } from '../nav/explore-state.ts';
import type { StarterQuery } from './starter.ts';

const named = (queries: Omit<ExploreQuery, 'refId'>[]): ExploreQuery[] =>
  queries.slice(0, MAX_QUERIES).map((q, i) => ({ ...q, refId: String.fromCharCode(65 + i) }));

/** The state with each query's text replaced by what is typed in its editor. */
export function withDrafts(s: ExploreState, drafts: readonly string[]): ExploreState {
  return { ...s, queries: s.queries.map((q, i) => ({ ...q, expr: drafts[i] ?? q.expr })) };
}

export function updateQuery(
  s: ExploreState,
  index: number,
  change: Partial<ExploreQuery>,
): ExploreState {
  return { ...s, queries: s.queries.map((q, i) => (i === index ? { ...q, ...change } : q)) };
}

export function addQuery(s: ExploreState): ExploreState {
  return { ...s, queries: named([...s.queries, { expr: '' }]) };
}

/** Removes a query; the last one left is emptied instead, since Explore always has one. */
export function removeQuery(s: ExploreState, index: number): ExploreState {
  const rest = s.queries.filter((_, i) => i !== index);
  return { ...s, queries: rest.length > 0 ? named(rest) : [{ refId: 'A', expr: '' }] };
}

/** A picked metric's starter queries replace empty queries, or follow the typed ones. */
export function applyStarters(s: ExploreState, starters: readonly StarterQuery[]): ExploreState {
  const typed = s.queries.filter((q) => q.expr.trim() !== '');
  return { ...s, queries: named([...typed, ...starters]) };
}

/** Puts a query from history into query `index` (it exists or becomes the next one). */
export function reuseQuery(s: ExploreState, index: number, expr: string): ExploreState {
  if (index < s.queries.length) return updateQuery(s, index, { expr });
  return { ...s, queries: named([...s.queries, { expr }]) };
}
