import { describe, expect, it } from 'vitest';
import type { TestApp } from '../test-helpers.ts';
import { MemoryFs, testApp } from '../test-helpers.ts';

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** Saves `count` versions of dashboard "ops", titled "Ops 1", "Ops 2"… with messages "v1"… */
async function saveVersions(t: TestApp, count: number): Promise<void> {
  for (let v = 1; v <= count; v++) {
    const dashboard = { uid: 'ops', title: `Ops ${v}`, version: v - 1 };
    const res = await t.request('/api/dashboards/db', json({ dashboard, message: `v${v}` }));
    expect(res.status).toBe(200);
  }
}

const getJson = async (t: TestApp, path: string) => {
  const res = await t.request(path);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('GET /api/dashboards/uid/:uid/versions', () => {
  it('lists versions newest first with created and message', async () => {
    const t = await testApp();
    await saveVersions(t, 3);
    const { status, body } = await getJson(t, '/api/dashboards/uid/ops/versions');
    expect(status).toBe(200);
    const list = body as { version: number; created: string; message: string }[];
    expect(list.map(({ version, message }) => [version, message])).toEqual([
      [3, 'v3'],
      [2, 'v2'],
      [1, 'v1'],
    ]);
    for (const v of list) expect(v.created).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it('keeps only the newest 20 versions on disk', async () => {
    const t = await testApp();
    await saveVersions(t, 23);
    const files = [...t.fs.files.keys()].filter((p) => p.startsWith('/data/dashboards/versions/'));
    expect(files.sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `/data/dashboards/versions/ops/${i + 4}.json`).sort(),
    );
    const list = (await getJson(t, '/api/dashboards/uid/ops/versions')).body as {
      version: number;
    }[];
    expect(list.map((v) => v.version)).toEqual(Array.from({ length: 20 }, (_, i) => 23 - i));
    // The dashboard's creation time outlives the pruned version 1.
    const meta = (
      (await getJson(t, '/api/dashboards/uid/ops')).body as { meta: Record<string, string> }
    ).meta;
    expect(meta.created! <= meta.updated!).toBe(true);
    expect(meta.created).toBe(
      JSON.parse(t.fs.text('/data/dashboards/versions/ops/23.json')!).dashboardCreated,
    );
  });

  it('answers 404 for a dashboard that is not saved, provisioned ones included', async () => {
    const fs = new MemoryFs({ '/dash/o.json': JSON.stringify({ uid: 'o', title: 'O' }) });
    const t = await testApp({ fs });
    for (const uid of ['o', 'nope', '..%2Fx']) {
      expect((await getJson(t, `/api/dashboards/uid/${uid}/versions`)).status).toBe(404);
    }
  });

  it('lists an unreadable version record with its error and the others still', async () => {
    const t = await testApp();
    await saveVersions(t, 2);
    t.fs.put('/data/dashboards/versions/ops/1.json', '{oops');
    const list = (await getJson(t, '/api/dashboards/uid/ops/versions')).body as {
      version: number;
      error?: string;
    }[];
    expect(list.map((v) => v.version)).toEqual([2, 1]);
    expect(list[1]!.error).toMatch(/^versions\/ops\/1\.json: /);
    expect((await getJson(t, '/api/dashboards/uid/ops/versions/1')).status).toBe(500);
  });
});

describe('GET /api/dashboards/uid/:uid/versions/:version', () => {
  it('answers one version with its dashboard as data', async () => {
    const t = await testApp();
    await saveVersions(t, 2);
    const { status, body } = await getJson(t, '/api/dashboards/uid/ops/versions/1');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      version: 1,
      message: 'v1',
      data: { uid: 'ops', title: 'Ops 1', version: 1 },
    });
    for (const v of ['3', '0', 'x']) {
      expect((await getJson(t, `/api/dashboards/uid/ops/versions/${v}`)).status).toBe(404);
    }
  });
});

describe('POST /api/dashboards/uid/:uid/restore', () => {
  it('saves an old version’s content as a new version', async () => {
    const t = await testApp();
    await saveVersions(t, 3);
    const res = await t.request('/api/dashboards/uid/ops/restore', json({ version: 1 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: null,
      uid: 'ops',
      url: '/d/ops/ops-1',
      status: 'success',
      version: 4,
      slug: 'ops-1',
      folderUid: '',
    });
    expect(JSON.parse(t.fs.text('/data/dashboards/ops.json')!)).toEqual({
      uid: 'ops',
      title: 'Ops 1',
      version: 4,
    });
    expect(JSON.parse(t.fs.text('/data/dashboards/versions/ops/4.json')!)).toMatchObject({
      version: 4,
      message: 'Restored from version 1',
    });
  });

  it('answers 404 for an unknown version or dashboard and 400 for a bad body', async () => {
    const t = await testApp();
    await saveVersions(t, 1);
    const writes = t.fs.writes.length;
    expect((await t.request('/api/dashboards/uid/ops/restore', json({ version: 9 }))).status).toBe(
      404,
    );
    expect((await t.request('/api/dashboards/uid/nope/restore', json({ version: 1 }))).status).toBe(
      404,
    );
    const bad = await t.request('/api/dashboards/uid/ops/restore', json({ version: 'one' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^version: /);
    expect(t.fs.writes).toHaveLength(writes);
  });
});
