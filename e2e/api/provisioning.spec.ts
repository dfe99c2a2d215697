// PROVISIONING_DIR on the real file system and a real Prometheus, on Node and on Deno: the
// seed's datasource file (plus a skipped Loki and a tenant with secrets) and a dashboard
// provider with two folders give the expected datasources, folders and dashboards on start;
// saving into a folder works; no secret reaches an answer or the log.
import { expect, test } from '../fixtures.ts';
import { startProvisioned, TENANT_ORG, TENANT_PASSWORD } from '../provisioning.ts';
import type { Runtime } from '../server-process.ts';
import { storageEnv } from '../storage.ts';

const json = { 'Content-Type': 'application/json' };
let started: Awaited<ReturnType<typeof startProvisioned>>;

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
test.beforeAll(async ({}, testInfo) => {
  started = await startProvisioned(
    testInfo.project.metadata.runtime as Runtime,
    await storageEnv(testInfo),
  );
});
test.afterAll(async () => {
  await started?.stop();
});

test('datasources, folders and dashboards come from the provisioning files', async ({
  request,
}) => {
  const base = started.server.url;
  const datasources = await (await request.get(`${base}/api/datasources`)).json();
  expect(datasources).toEqual([
    expect.objectContaining({
      uid: 'prometheus',
      name: 'prometheus',
      isDefault: true,
      readOnly: false,
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    }),
    expect.objectContaining({
      uid: 'tenant-a',
      name: 'Tenant A',
      isDefault: false,
      readOnly: true,
      basicAuth: true,
      basicAuthUser: 'tenant-a',
      jsonData: expect.objectContaining({
        timeInterval: '1s',
        httpMethod: 'POST',
        httpHeaderName1: 'X-Scope-OrgID',
      }),
      secureJsonFields: { basicAuthPassword: true, httpHeaderValue1: true },
    }),
  ]);
  const health = await (await request.get(`${base}/api/health`)).json();
  expect(health.provisioning).toEqual({
    skipped: [
      expect.objectContaining({
        name: 'loki',
        type: 'loki',
        file: 'datasources/datasource.yml:11',
      }),
    ],
    errors: [],
  });

  const folders = await (await request.get(`${base}/api/folders`)).json();
  expect(folders.map((f: { title: string }) => f.title)).toEqual(['Team A', 'team-b']);
  const hits = await (await request.get(`${base}/api/search`)).json();
  expect(
    hits.map((h: Record<string, unknown>) => [h.type, h.title, h.folderTitle ?? null]),
  ).toEqual([
    ['dash-folder', 'Team A', null],
    ['dash-folder', 'team-b', null],
    ['dash-db', 'Provisioned overview', null],
    ['dash-db', 'Team A errors', 'Team A'],
    ['dash-db', 'Team A latency', 'Team A'],
    ['dash-db', 'Team B disk', 'team-b'],
  ]);
  const got = await (await request.get(`${base}/api/dashboards/uid/prov-b-disk`)).json();
  expect(got.meta).toMatchObject({
    provisioned: true,
    canSave: false,
    folderTitle: 'team-b',
    provisionedExternalId: 'team-b/disk.json',
  });
});

test('both datasources query the real Prometheus through the proxy', async ({ request }) => {
  const base = started.server.url;
  for (const uid of ['prometheus', 'tenant-a']) {
    const res = await request.get(`${base}/api/datasources/proxy/uid/${uid}/api/v1/query?query=up`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('success');
    expect(body.data.result.length).toBeGreaterThan(0);
  }
});

test('saving into a folder, and refusals in words', async ({ request }) => {
  const base = started.server.url;
  const folder = await request.post(`${base}/api/folders`, {
    headers: json,
    data: { title: 'Saved here' },
  });
  expect(folder.status()).toBe(200);
  const { uid: folderUid } = await folder.json();
  const saved = await request.post(`${base}/api/dashboards/db`, {
    headers: json,
    data: { dashboard: { title: 'In a folder', panels: [] }, folderUid },
  });
  expect(saved.status()).toBe(200);
  const { uid } = await saved.json();
  const hits = await (await request.get(`${base}/api/search?folderUIDs=${folderUid}`)).json();
  expect(hits).toEqual([
    expect.objectContaining({ uid, title: 'In a folder', folderUid, folderTitle: 'Saved here' }),
  ]);
  const missing = await request.post(`${base}/api/dashboards/db`, {
    headers: json,
    data: { dashboard: { title: 'Nowhere', panels: [] }, folderUid: 'no-such-folder' },
  });
  expect(missing.status()).toBe(400);
  expect((await missing.json()).error).toMatch(/folder not found/);
  const traversal = await request.post(`${base}/api/folders`, {
    headers: json,
    data: { uid: '../../etc', title: 'x' },
  });
  expect(traversal.status()).toBe(400);
  const provisioned = await request.post(`${base}/api/dashboards/db`, {
    headers: json,
    data: { dashboard: { uid: 'prov-b-disk', title: 'Overwritten', version: 1 } },
  });
  expect(provisioned.status()).toBe(400);
  expect(
    (await request.delete(`${base}/api/folders/${folderUid}`, { headers: json })).status(),
  ).toBe(400);
});

test('no secret in any answer or in the log', async ({ request }) => {
  const base = started.server.url;
  for (const path of ['/api/datasources', '/api/datasources/uid/tenant-a', '/api/health']) {
    const text = await (await request.get(`${base}${path}`)).text();
    expect(text).not.toContain(TENANT_PASSWORD);
    expect(text).not.toContain(TENANT_ORG);
  }
  const log = started.server.output();
  expect(log).toContain('skipped datasource "loki"');
  expect(log).not.toContain(TENANT_PASSWORD);
  expect(log).not.toContain(TENANT_ORG);
});
