import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../api/server.ts';
import { filterDashboards, tagCounts } from './dashboard-list.ts';

const hit = (title: string, tags: string[] = []): SearchHit => ({
  uid: title,
  title,
  uri: `db/${title}`,
  url: `/d/${title}`,
  slug: title,
  type: 'dash-db',
  tags,
  isStarred: false,
  provisioned: false,
});
const hits = [
  hit('Node exporter', ['linux', 'infra']),
  hit('API latency', ['api']),
  hit('ceph cluster', ['ceph', 'infra']),
];

describe('filterDashboards', () => {
  it('matches every word in the title, case-insensitively, sorted by title', () => {
    expect(filterDashboards(hits, '', []).map((h) => h.title)).toEqual([
      'API latency',
      'ceph cluster',
      'Node exporter',
    ]);
    expect(filterDashboards(hits, 'CLUSTER ceph', []).map((h) => h.title)).toEqual([
      'ceph cluster',
    ]);
    expect(filterDashboards(hits, 'nothing', [])).toEqual([]);
  });

  it('keeps only dashboards with every chosen tag', () => {
    expect(filterDashboards(hits, '', ['infra']).map((h) => h.title)).toEqual([
      'ceph cluster',
      'Node exporter',
    ]);
    expect(filterDashboards(hits, '', ['infra', 'ceph']).map((h) => h.title)).toEqual([
      'ceph cluster',
    ]);
  });
});

describe('tagCounts', () => {
  it('counts tags, most used first, then by name', () => {
    expect(tagCounts(hits)).toEqual([
      ['infra', 2],
      ['api', 1],
      ['ceph', 1],
      ['linux', 1],
    ]);
  });
});
