import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../api/server.ts';
import { legacyDashboardKey, legacyDashboardUrl } from './legacy-url.ts';

const hit = (uid: string, title: string, slug: string, error?: string): SearchHit => ({
  uid,
  title,
  uri: `db/${slug}`,
  url: `/d/${uid}/${slug}`,
  slug,
  type: 'dash-db',
  tags: [],
  isStarred: false,
  provisioned: false,
  ...(error ? { error } : {}),
});

describe('legacyDashboardKey', () => {
  it.each([
    ['/dashboard/db/my-dashboard', 'my-dashboard'],
    ['/dashboard/db/my-dashboard/', 'my-dashboard'],
    ['/dashboard/my-dashboard-uid', 'my-dashboard-uid'],
    ['/dashboard/db/caf%C3%A9', 'café'],
    ['/dashboard/new', null],
    ['/d/abc/slug', null],
    ['/dashboard/db/a/b', null],
  ])('%s → %o', (path, key) => {
    expect(legacyDashboardKey(path)).toBe(key);
  });
});

describe('legacyDashboardUrl', () => {
  const hits = [
    hit('u1', 'My Dashboard', 'my-dashboard'),
    hit('u2', 'Node Exporter / Full', 'node-exporter-full'),
    hit('u3', 'Complex dashboard', 'complex-dashboard', 'bad JSON'),
    hit('my-dashboard-uid', 'By uid', 'by-uid'),
  ];

  it.each([
    // What Grafana's v19 migration writes (GF v19.panel_links, DMT "should slugify").
    ['my-dashboard', '/d/u1/my-dashboard'],
    ['my-dashboard-uid', '/d/my-dashboard-uid/by-uid'],
    // slugifyForUrl("Node Exporter / Full") and one without its dashes.
    ['node-exporter-full', '/d/u2/node-exporter-full'],
    ['nodeexporterfull', '/d/u2/node-exporter-full'],
    // A broken dashboard is not a target; nothing matches → null.
    ['complex-dashboard', null],
    ['nothing-here', null],
    ['---', null],
  ])('%s → %o', (key, url) => {
    expect(legacyDashboardUrl(key, hits)).toBe(url);
  });
});
