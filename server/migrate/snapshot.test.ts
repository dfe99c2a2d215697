import { describe, expect, it } from 'vitest';
import type { DashboardCopy } from '../dashboards/store.ts';
import type { VersionRecord } from '../dashboards/versions.ts';
import { difference, sameTime } from './snapshot.ts';

const rec = (version: number, over: Partial<VersionRecord> = {}): VersionRecord => ({
  version,
  created: `2026-01-0${version}T10:00:00.000Z`,
  message: `v${version}`,
  dashboard: { title: 'T', version },
  dashboardCreated: '2026-01-01T10:00:00.000Z',
  ...over,
});

const copy = (over: Partial<DashboardCopy> = {}): DashboardCopy => ({
  uid: 'u',
  folderUid: 'f',
  dashboard: { title: 'T', version: 2 },
  version: 2,
  created: '2026-01-01T10:00:00.000Z',
  updated: '2026-01-02T10:00:00.000Z',
  history: [rec(2), rec(1)],
  ...over,
});

describe('difference', () => {
  it('is null for copies a client could not tell apart', () => {
    expect(difference(copy(), copy())).toBeNull();
    // The same instant written another way (PostgreSQL gives milliseconds back).
    expect(difference(copy(), copy({ updated: '2026-01-02T11:00:00+01:00' }))).toBeNull();
  });

  it.each<[string, Partial<DashboardCopy>, string]>([
    ['version', { version: 3 }, 'the target is at version 3, the source at 2'],
    ['JSON', { dashboard: { title: 'T', version: 2, refresh: '5s' } }, 'its JSON differs'],
    // Key order is content: stores keep the text, and Grafana diffs it.
    ['key order', { dashboard: { version: 2, title: 'T' } }, 'its JSON differs'],
    ['folder', { folderUid: 'g' }, 'it is in folder "g" there, "f" here'],
    ['versions', { history: [rec(2)] }, 'its versions differ (target 2, source 2,1)'],
    ['a message', { history: [rec(2), rec(1, { message: 'other' })] }, 'version 1 differs'],
    [
      'a time',
      { history: [rec(2, { created: '2027-01-01T00:00:00Z' }), rec(1)] },
      'version 2 differs',
    ],
    ['created', { created: '2025-01-01T00:00:00.000Z' }, 'its created or updated time differs'],
  ])('names a different %s', (_, target, words) => {
    expect(difference(copy(), copy(target))).toBe(words);
  });
});

describe('sameTime', () => {
  it('holds the target to the source only when the source has a time', () => {
    expect(sameTime(null, '2026-01-01T00:00:00Z')).toBe(true);
    expect(sameTime('2026-01-01T00:00:00Z', null)).toBe(false);
    expect(sameTime('2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z')).toBe(true);
  });
});
