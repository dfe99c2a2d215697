import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../api/server.ts';
import { filterDashboards, groupByFolder, tagCounts } from './dashboard-list.ts';

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

describe('groupByFolder', () => {
  const folder = (uid: string, title: string): SearchHit => ({
    ...hit(title),
    uid,
    type: 'dash-folder',
    url: `/dashboards/f/${uid}/x`,
  });
  const inFolder = (title: string, uid: string, tags: string[] = []): SearchHit => ({
    ...hit(title, tags),
    folderUid: uid,
  });
  const all = [
    folder('b', 'Storage'),
    folder('a', 'Team A'),
    folder('e', 'Empty'),
    inFolder('Latency', 'a', ['api']),
    inFolder('Errors', 'a'),
    inFolder('Disk', 'b', ['infra']),
    hit('Home'),
    inFolder('Orphan', 'gone'),
  ];
  const shape = (g: ReturnType<typeof groupByFolder>) => ({
    folders: g.folders.map((f) => [f.folder.title, f.dashboards.map((d) => d.title)]),
    general: g.general.map((d) => d.title),
  });

  it('lists every folder, empty ones too, with its dashboards; General after', () => {
    expect(shape(groupByFolder(all, '', []))).toEqual({
      folders: [
        ['Empty', []],
        ['Storage', ['Disk']],
        ['Team A', ['Errors', 'Latency']],
      ],
      general: ['Home', 'Orphan'],
    });
  });

  it('searches inside folders, keeping only folders with a match', () => {
    expect(shape(groupByFolder(all, 'disk', []))).toEqual({
      folders: [['Storage', ['Disk']]],
      general: [],
    });
  });

  it('shows a folder whose title matches with all it holds', () => {
    expect(shape(groupByFolder(all, 'team a', []))).toEqual({
      folders: [['Team A', ['Errors', 'Latency']]],
      general: [],
    });
  });

  it('filters by tag across folders', () => {
    expect(shape(groupByFolder(all, '', ['api']))).toEqual({
      folders: [['Team A', ['Latency']]],
      general: [],
    });
  });
});
