import { describe, expect, it } from 'vitest';
import { MemoryFs, testApp } from '../test-helpers.ts';
import { slugify } from './provisioned.ts';

const overview = {
  uid: 'svc-overview',
  title: 'Service Overview',
  tags: ['demo', 'red'],
  version: 3,
  panels: [{ id: 1, type: 'timeseries', title: 'Requests' }],
};
const nodes = { uid: 'nodes', title: 'Node Exporter', tags: ['infra'], panels: [] };

function provisioned(extra: Record<string, string> = {}): MemoryFs {
  return new MemoryFs({
    '/dash/overview.json': JSON.stringify(overview),
    '/dash/nodes.json': JSON.stringify(nodes),
    '/dash/README.md': '# not a dashboard',
    ...extra,
  });
}

interface Hit {
  uid: string;
  title: string;
  url: string;
  tags: string[];
  error?: string;
}

async function search(query: string, fs = provisioned()): Promise<Hit[]> {
  const t = await testApp({ fs });
  const res = await t.request(`/api/search${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Hit[];
}

describe('GET /api/search', () => {
  it('lists the provisioned dashboards in Grafana search shape, ignoring other files', async () => {
    const hits = await search('');
    expect(hits).toEqual([
      {
        uid: 'nodes',
        title: 'Node Exporter',
        uri: 'db/node-exporter',
        url: '/d/nodes/node-exporter',
        slug: 'node-exporter',
        type: 'dash-db',
        tags: ['infra'],
        isStarred: false,
        provisioned: true,
      },
      {
        uid: 'svc-overview',
        title: 'Service Overview',
        uri: 'db/service-overview',
        url: '/d/svc-overview/service-overview',
        slug: 'service-overview',
        type: 'dash-db',
        tags: ['demo', 'red'],
        isStarred: false,
        provisioned: true,
      },
    ]);
  });

  it('filters by title, case-insensitively', async () => {
    expect((await search('?query=OVER')).map((h) => h.uid)).toEqual(['svc-overview']);
    expect(await search('?query=nothing-like-this')).toEqual([]);
  });

  it('filters by tag; several tags must all match', async () => {
    expect((await search('?tag=infra')).map((h) => h.uid)).toEqual(['nodes']);
    expect((await search('?tag=demo&tag=red')).map((h) => h.uid)).toEqual(['svc-overview']);
    expect(await search('?tag=demo&tag=infra')).toEqual([]);
  });

  it('lists a broken file with its error and still lists the others', async () => {
    const hits = await search('', provisioned({ '/dash/broken.json': '{"title": "Half' }));
    expect(hits.map((h) => h.uid)).toEqual(['broken', 'nodes', 'svc-overview']);
    expect(hits[0]!.error).toMatch(/^broken\.json: /);
    expect(hits[1]!.error).toBeUndefined();
  });

  it('lists a JSON file that is not an object as broken', async () => {
    const hits = await search('', provisioned({ '/dash/list.json': '[1,2]' }));
    expect(hits.find((h) => h.uid === 'list')?.error).toBe('list.json: not a JSON object');
  });

  it('answers an empty list when DASHBOARDS_DIR does not exist', async () => {
    expect(await search('', new MemoryFs())).toEqual([]);
  });

  it('falls back to the file name for a dashboard without uid or title', async () => {
    const hits = await search('', new MemoryFs({ '/dash/plain.json': '{"panels": []}' }));
    expect(hits).toMatchObject([{ uid: 'plain', title: 'plain', url: '/d/plain/plain' }]);
  });
});

describe('GET /api/dashboards/uid/:uid', () => {
  it('returns the dashboard and its meta', async () => {
    const t = await testApp({ fs: provisioned() });
    const res = await t.request('/api/dashboards/uid/svc-overview');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { dashboard: unknown; meta: Record<string, unknown> };
    expect(body.dashboard).toEqual(overview);
    expect(body.meta).toMatchObject({
      version: 3,
      provisioned: true,
      slug: 'service-overview',
      url: '/d/svc-overview/service-overview',
    });
  });

  it('answers 404 for an unknown uid', async () => {
    const t = await testApp({ fs: provisioned() });
    const res = await t.request('/api/dashboards/uid/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      status: 'error',
      errorType: 'not_found',
      error: 'no dashboard with uid "nope"',
    });
  });

  it('answers an error naming the file for a broken dashboard', async () => {
    const t = await testApp({ fs: provisioned({ '/dash/broken.json': 'nope' }) });
    const res = await t.request('/api/dashboards/uid/broken');
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: string }).error).toMatch(/^broken\.json: /);
  });

  it('sees an edited file without a restart', async () => {
    const fs = provisioned();
    const t = await testApp({ fs });
    fs.put('/dash/nodes.json', JSON.stringify({ ...nodes, title: 'Nodes v2' }));
    const body = (await (await t.request('/api/dashboards/uid/nodes')).json()) as {
      dashboard: { title: string };
    };
    expect(body.dashboard.title).toBe('Nodes v2');
  });

  it('reads a file again only when it changed, and forgets one removed', async () => {
    const fs = provisioned();
    const t = await testApp({ fs });
    const titles = async () =>
      ((await (await t.request('/api/search')).json()) as Hit[]).map((h) => h.title);
    expect(await titles()).toEqual(['Node Exporter', 'Service Overview']);
    const reads = () => fs.reads.filter((p) => p.startsWith('/dash/')).length;
    const before = reads();
    await t.request('/api/search');
    await t.request('/api/dashboards/uid/svc-overview');
    expect(reads()).toBe(before); // nothing changed: nothing read

    fs.put('/dash/nodes.json', JSON.stringify({ ...nodes, title: 'Nodes v2' }));
    expect(await titles()).toEqual(['Nodes v2', 'Service Overview']);
    expect(reads()).toBe(before + 1); // only the changed file

    await fs.remove('/dash/nodes.json');
    expect(await titles()).toEqual(['Service Overview']);
    expect((await t.request('/api/dashboards/uid/nodes')).status).toBe(404);
  });
});

describe('slugify', () => {
  it.each([
    ['Service Overview', 'service-overview'],
    ['  CPU / Memory (5m)  ', 'cpu-memory-5m'],
    ['Überblick Zähler', 'überblick-zähler'],
    ['!!!', 'dashboard'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });
});
