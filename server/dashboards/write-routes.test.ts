import { describe, expect, it } from 'vitest';
import type { TestApp } from '../test-helpers.ts';
import { MemoryFs, testApp } from '../test-helpers.ts';

const FILE = '/data/dashboards/ops.json';
const provisionedFs = () =>
  new MemoryFs({ '/dash/overview.json': JSON.stringify({ uid: 'svc-overview', title: 'Svc' }) });

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

async function save(t: TestApp, body: unknown) {
  const res = await t.request('/api/dashboards/db', json(body));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const stored = (t: TestApp, path = FILE) => JSON.parse(t.fs.text(path) ?? 'null');
const ops = (extra: Record<string, unknown> = {}) => ({
  dashboard: { uid: 'ops', title: 'Ops Board', panels: [{ id: 1, type: 'stat' }], ...extra },
});

describe('POST /api/dashboards/db', () => {
  it('refuses more panels than MAX_PANELS with 400 naming both, and writes nothing', async () => {
    const t = await testApp({ config: { maxPanels: 3 } });
    const stats = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, type: 'stat' }));
    const row = { id: 9, type: 'row', collapsed: true, panels: stats(2) };
    const res = await save(t, {
      dashboard: { uid: 'big', title: 'Big', panels: [stats(1)[0], row] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^dashboard\.panels: 4 panels .* limit of 3 \(MAX_PANELS\)/);
    expect(t.fs.writes).toEqual([]);
    expect(
      (await save(t, { dashboard: { uid: 'ok', title: 'Ok', panels: stats(3) } })).status,
    ).toBe(200);
  });

  it('saves a new dashboard as version 1 and answers in Grafana’s shape', async () => {
    const t = await testApp();
    const res = await save(t, { ...ops(), message: 'first' });
    expect(res).toEqual({
      status: 200,
      body: {
        id: null,
        uid: 'ops',
        url: '/d/ops/ops-board',
        status: 'success',
        version: 1,
        slug: 'ops-board',
        folderUid: '',
      },
    });
    expect(stored(t)).toEqual({ ...ops().dashboard, version: 1 });
    expect(stored(t, '/data/dashboards/versions/ops/1.json')).toMatchObject({
      version: 1,
      message: 'first',
      dashboard: { uid: 'ops', title: 'Ops Board', version: 1 },
    });
    expect(t.fs.writes.map((w) => w.path)).toEqual(['/data/dashboards/versions/ops/1.json', FILE]);
  });

  it('round-trips through GET with saved-dashboard meta', async () => {
    const t = await testApp();
    await save(t, ops());
    const res = await t.request('/api/dashboards/uid/ops');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { dashboard: unknown; meta: Record<string, unknown> };
    expect(body.dashboard).toEqual({ ...ops().dashboard, version: 1 });
    expect(body.meta).toMatchObject({
      version: 1,
      provisioned: false,
      canSave: true,
      slug: 'ops-board',
      url: '/d/ops/ops-board',
    });
    expect(body.meta.created).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(body.meta.updated).toBe(body.meta.created);
  });

  it('increments the version on each save and keeps the first created time', async () => {
    const t = await testApp();
    await save(t, ops());
    expect((await save(t, ops({ version: 1 }))).body.version).toBe(2);
    expect((await save(t, ops({ version: 2, title: 'Renamed' }))).body).toMatchObject({
      version: 3,
      url: '/d/ops/renamed',
    });
    expect(stored(t)).toMatchObject({ version: 3, title: 'Renamed' });
    const v1 = stored(t, '/data/dashboards/versions/ops/1.json');
    expect(stored(t, '/data/dashboards/versions/ops/3.json').dashboardCreated).toBe(v1.created);
  });

  it('generates a uid of [a-z0-9] for a dashboard without one', async () => {
    const t = await testApp();
    const { status, body } = await save(t, { dashboard: { title: 'New', uid: '' } });
    expect(status).toBe(200);
    expect(body.uid).toMatch(/^[a-z0-9]{8,14}$/);
    expect(stored(t, `/data/dashboards/${body.uid}.json`)).toMatchObject({ uid: body.uid });
  });

  it('answers 412 to a stale version and leaves the file unchanged', async () => {
    const t = await testApp();
    await save(t, ops());
    await save(t, ops({ version: 1, title: 'Theirs' }));
    const before = t.fs.text(FILE);
    const writes = t.fs.writes.length;
    for (const stale of [ops({ version: 1, title: 'Mine' }), ops({ title: 'No version' })]) {
      expect(await save(t, stale)).toEqual({
        status: 412,
        body: {
          status: 'version-mismatch',
          message: 'The dashboard has been changed by someone else',
        },
      });
    }
    expect(t.fs.text(FILE)).toBe(before);
    expect(t.fs.writes).toHaveLength(writes);
  });

  it('answers 412 to a version above the stored one, as to a lower one', async () => {
    const t = await testApp();
    await save(t, ops());
    await save(t, ops({ version: 1, title: 'Stored' }));
    const before = t.fs.text(FILE);
    const writes = t.fs.writes.length;
    for (const version of [3, 99, 2.5, Number.MAX_SAFE_INTEGER]) {
      expect(await save(t, ops({ version, title: 'Ahead' })), String(version)).toEqual({
        status: 412,
        body: {
          status: 'version-mismatch',
          message: 'The dashboard has been changed by someone else',
        },
      });
    }
    expect(t.fs.text(FILE)).toBe(before);
    expect(t.fs.writes).toHaveLength(writes);
    // The stored version itself still saves.
    expect((await save(t, ops({ version: 2, title: 'Next' }))).body.version).toBe(3);
  });

  it('lets overwrite:true win over a newer version', async () => {
    const t = await testApp();
    await save(t, ops());
    await save(t, ops({ version: 1 }));
    const res = await save(t, { ...ops({ version: 1, title: 'Mine' }), overwrite: true });
    expect(res.body).toMatchObject({ status: 'success', version: 3 });
    expect(stored(t)).toMatchObject({ title: 'Mine', version: 3 });
  });

  it('serialises concurrent saves: of 20 at one version exactly one wins', async () => {
    const t = await testApp();
    await save(t, ops());
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => save(t, ops({ version: 1, title: `Edit ${i}` }))),
    );
    const won = results.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(19);
    const winner = results.indexOf(won[0]!);
    expect(stored(t)).toEqual({ ...ops().dashboard, title: `Edit ${winner}`, version: 2 });
  });

  it('refuses to save over a provisioned dashboard and writes nothing', async () => {
    const t = await testApp({ fs: provisionedFs() });
    const res = await save(t, {
      dashboard: { uid: 'svc-overview', title: 'Mine' },
      overwrite: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(
      /^Cannot save provisioned dashboard "svc-overview".*overview\.json/,
    );
    expect(t.fs.writes).toEqual([]);
  });

  it.each([
    ['{"dashboard": {"title": "A"', /^body: not valid JSON/],
    [{ dashboard: { panels: [] } }, /^dashboard\.title: /],
    [{ dashboard: { title: 'A', uid: '../../datasources' } }, /^dashboard\.uid: /],
    [{ dashboard: { title: 'A', panels: 'x' } }, /^dashboard\.panels: /],
    [{ dashboard: { title: 'A', version: 'x' } }, /^dashboard\.version: /],
  ])('answers 400 naming the bad field for %j', async (body, why) => {
    const t = await testApp();
    const res = await save(t, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 'error', errorType: 'bad_data' });
    expect(res.body.error).toMatch(why);
    expect(t.fs.writes).toEqual([]);
  });

  it('answers 507 with the cause when the disk is full, and keeps the previous file', async () => {
    const t = await testApp();
    await save(t, ops());
    const before = t.fs.text(FILE);
    t.fs.writeFileAtomic = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const res = await save(t, ops({ version: 1, title: 'Lost' }));
    expect(res).toEqual({
      status: 507,
      body: {
        status: 'error',
        errorType: 'insufficient_storage',
        error:
          'could not save dashboard "ops": no space left on the disk holding DATA_DIR; nothing was changed: free some space and save again (ENOSPC)',
      },
    });
    expect(t.fs.text(FILE)).toBe(before);
  });

  it('recovers when only the dashboard write failed: the next save reuses that version', async () => {
    const t = await testApp();
    await save(t, ops());
    const write = t.fs.writeFileAtomic.bind(t.fs);
    t.fs.writeFileAtomic = async (path, data) => {
      if (path === FILE) throw new Error('EIO: i/o error');
      return write(path, data);
    };
    expect((await save(t, ops({ version: 1, title: 'Lost' }))).status).toBe(500);
    expect(stored(t)).toMatchObject({ title: 'Ops Board', version: 1 });
    t.fs.writeFileAtomic = write;
    expect((await save(t, ops({ version: 1, title: 'Kept' }))).body.version).toBe(2);
    expect(stored(t, '/data/dashboards/versions/ops/2.json').dashboard.title).toBe('Kept');
  });
});

describe('DELETE /api/dashboards/uid/:uid', () => {
  it('deletes a saved dashboard and its versions', async () => {
    const t = await testApp();
    await save(t, ops());
    await save(t, ops({ version: 1 }));
    const res = await t.request('/api/dashboards/uid/ops', json({}, 'DELETE'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      title: 'Ops Board',
      message: 'Dashboard Ops Board deleted',
    });
    expect([...t.fs.files.keys()].filter((p) => p.startsWith('/data/dashboards'))).toEqual([]);
    expect((await t.request('/api/dashboards/uid/ops')).status).toBe(404);
  });

  it('refuses a provisioned dashboard and answers 404 for an unknown or unsafe uid', async () => {
    const t = await testApp({ fs: provisionedFs() });
    const refused = await t.request('/api/dashboards/uid/svc-overview', json({}, 'DELETE'));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(
      /^Cannot delete provisioned/,
    );
    expect(t.fs.text('/dash/overview.json')).toBeDefined();
    for (const uid of ['nope', '..%2F..%2Fdash%2Foverview']) {
      expect((await t.request(`/api/dashboards/uid/${uid}`, json({}, 'DELETE'))).status).toBe(404);
    }
    expect(t.fs.removes).toEqual([]);
  });
});

describe('saved dashboards in GET /api/search', () => {
  it('lists saved and provisioned together, by title, a corrupt file as broken', async () => {
    const fs = provisionedFs();
    fs.put('/data/dashboards/bad.json', '{"title": "Half');
    const t = await testApp({ fs });
    await save(t, ops());
    const hits = (await (await t.request('/api/search')).json()) as Record<string, unknown>[];
    expect(hits.map((h) => [h.uid, h.provisioned])).toEqual([
      ['bad', false],
      ['ops', false],
      ['svc-overview', true],
    ]);
    expect(hits[0]!.error).toMatch(/^bad\.json: /);
    expect(hits[1]).toMatchObject({ url: '/d/ops/ops-board', title: 'Ops Board' });
    expect(hits[1]!.error).toBeUndefined();
    const broken = await t.request('/api/dashboards/uid/bad');
    expect(broken.status).toBe(500);
  });

  it('needs overwrite to replace a corrupt saved file', async () => {
    const fs = new MemoryFs({ [FILE]: 'not json' });
    const t = await testApp({ fs });
    expect((await save(t, ops({ version: 5 }))).status).toBe(412);
    expect(t.fs.text(FILE)).toBe('not json');
    expect((await save(t, { ...ops(), overwrite: true })).body.version).toBe(1);
  });
});

describe('READ_ONLY', () => {
  it('answers 403 to every write and changes nothing', async () => {
    const t = await testApp({ config: { readOnly: true } });
    t.fs.put(FILE, JSON.stringify({ ...ops().dashboard, version: 1 }));
    const writes: [string, RequestInit][] = [
      ['/api/dashboards/db', json(ops({ version: 1 }))],
      ['/api/dashboards/uid/ops', json({}, 'DELETE')],
      ['/api/dashboards/uid/ops/restore', json({ version: 1 })],
    ];
    for (const [path, init] of writes) {
      const res = await t.request(path, init);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ errorType: 'read_only' });
    }
    expect(t.fs.writes).toEqual([]);
    expect(t.fs.removes).toEqual([]);
    const got = (await (await t.request('/api/dashboards/uid/ops')).json()) as {
      meta: { canSave: boolean };
    };
    expect(got.meta.canSave).toBe(false);
  });
});
