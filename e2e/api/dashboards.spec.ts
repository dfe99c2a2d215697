// Saved dashboards on the real file system, on Node and on Deno, and in PostgreSQL (api-pg):
// save, conflict, history, restore, delete.
import { expect, onPostgres, test } from '../fixtures.ts';
import { versionInPostgres } from '../storage.ts';

const json = { 'Content-Type': 'application/json' };

test('save, conflict, history, restore and delete a dashboard', async ({ request }, testInfo) => {
  const uid = `e2e-${testInfo.project.name}`;
  const dashboard = { uid, title: `Saved ${testInfo.project.name}`, panels: [], tags: ['saved'] };
  const first = await request.post('/api/dashboards/db', { headers: json, data: { dashboard } });
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({ status: 'success', uid, version: 1 });

  const second = await request.post('/api/dashboards/db', {
    headers: json,
    data: { dashboard: { ...dashboard, title: 'Renamed', version: 1 }, message: 'rename' },
  });
  expect((await second.json()).version).toBe(2);

  // Someone still holding version 1 tries to save: refused, nothing changes.
  const stale = await request.post('/api/dashboards/db', {
    headers: json,
    data: { dashboard: { ...dashboard, title: 'Stale edit', version: 1 } },
  });
  expect(stale.status()).toBe(412);
  expect(await stale.json()).toMatchObject({ status: 'version-mismatch' });
  const got = await (await request.get(`/api/dashboards/uid/${uid}`)).json();
  expect(got.dashboard.title).toBe('Renamed');
  expect(got.meta).toMatchObject({ provisioned: false, version: 2 });

  const versions = await (await request.get(`/api/dashboards/uid/${uid}/versions`)).json();
  expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  const restored = await request.post(`/api/dashboards/uid/${uid}/restore`, {
    headers: json,
    data: { version: 1 },
  });
  expect((await restored.json()).version).toBe(3);
  expect((await (await request.get(`/api/dashboards/uid/${uid}`)).json()).dashboard.title).toBe(
    dashboard.title,
  );
  if (onPostgres(testInfo)) expect(await versionInPostgres(uid)).toBe(3);

  const hits = await (await request.get('/api/search?tag=saved')).json();
  expect(hits.map((h: { uid: string }) => h.uid)).toContain(uid);

  const gone = await request.delete(`/api/dashboards/uid/${uid}`, { headers: json });
  expect(gone.status()).toBe(200);
  expect((await request.get(`/api/dashboards/uid/${uid}`)).status()).toBe(404);
  expect((await request.get(`/api/dashboards/uid/${uid}/versions`)).status()).toBe(404);
  if (onPostgres(testInfo)) expect(await versionInPostgres(uid)).toBeNull();
});

test('a provisioned dashboard cannot be saved over or deleted', async ({ request }) => {
  const save = await request.post('/api/dashboards/db', {
    headers: json,
    data: { dashboard: { uid: 'service-overview', title: 'Hijack' }, overwrite: true },
  });
  expect(save.status()).toBe(400);
  const del = await request.delete('/api/dashboards/uid/service-overview', { headers: json });
  expect(del.status()).toBe(400);
  expect(
    (await (await request.get('/api/dashboards/uid/service-overview')).json()).dashboard.title,
  ).toBe('Service overview');
});
