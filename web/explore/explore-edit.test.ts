import { describe, expect, it } from 'vitest';
import type { ExploreState } from '../nav/explore-state.ts';
import { DEFAULT_STATE, MAX_QUERIES } from '../nav/explore-state.ts';
import {
  addQuery,
  applyStarters,
  removeQuery,
  reuseQuery,
  updateQuery,
  withDrafts,
} from './explore-edit.ts';

const state = (...exprs: string[]): ExploreState => ({
  ...structuredClone(DEFAULT_STATE),
  queries: exprs.map((expr, i) => ({ refId: String.fromCharCode(65 + i), expr })),
});
const refs = (s: ExploreState) => s.queries.map((q) => `${q.refId}:${q.expr}`);

describe('explore edits', () => {
  it('applies drafts without touching legends or hide flags', () => {
    const s = updateQuery(state('a', 'b'), 1, { legendFormat: '{{job}}', hide: true });
    const next = withDrafts(s, ['x', 'y']);
    expect(refs(next)).toEqual(['A:x', 'B:y']);
    expect(next.queries[1]).toMatchObject({ legendFormat: '{{job}}', hide: true });
  });

  it('adds and removes queries, renaming them A, B, C… by position', () => {
    expect(refs(addQuery(state('a')))).toEqual(['A:a', 'B:']);
    expect(refs(removeQuery(state('a', 'b', 'c'), 0))).toEqual(['A:b', 'B:c']);
    expect(refs(removeQuery(state('a'), 0))).toEqual(['A:']);
  });

  it('never passes the query limit', () => {
    let s = state('a');
    for (let i = 0; i < 40; i++) s = addQuery(s);
    expect(s.queries).toHaveLength(MAX_QUERIES);
  });

  it('puts starter queries in place of empty ones, after typed ones', () => {
    const starters = [{ expr: 'p50', legendFormat: 'p50' }, { expr: 'p99' }];
    expect(refs(applyStarters(state(''), starters))).toEqual(['A:p50', 'B:p99']);
    expect(refs(applyStarters(state('up', ' '), starters))).toEqual(['A:up', 'B:p50', 'C:p99']);
  });

  it('reuses a history entry in the chosen query or a new one', () => {
    expect(refs(reuseQuery(state('a', 'b'), 1, 'h'))).toEqual(['A:a', 'B:h']);
    expect(refs(reuseQuery(state('a'), 3, 'h'))).toEqual(['A:a', 'B:h']);
  });
});
