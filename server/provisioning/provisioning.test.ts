// PROVISIONING_DIR through the whole app: the seed's datasource file and a dashboard provider
// with folders from the file structure, on an in-memory file system.
import { describe, expect, it } from 'vitest';
import { MemoryFs, testApp } from '../test-helpers.ts';

const DS = `apiVersion: 1
datasources:
  - name: prometheus
    type: prometheus
    access: proxy
    url: http://prom:9090
    is_default: true
    uid: prometheus
    editable: true
  - name: mimir
    type: prometheus
    uid: mimir
    url: http://mimir:9009/prometheus
    basicAuth: true
    basicAuthUser: tenant
    jsonData:
      httpMethod: POST
      httpHeaderName1: X-Scope-OrgID
    secureJsonData:
      basicAuthPassword: $MIMIR_PASSWORD
      httpHeaderValue1: team-a-secret
  - name: loki
    type: loki
    url: http://loki:3100
`;
const PROVIDERS = `apiVersion: 1
providers:
  - name: files
    type: file
    updateIntervalSeconds: 0
    options:
      path: json
      foldersFromFilesStructure: true
  - name: editable
    folder: Team C
    allowUiUpdates: true
    updateIntervalSeconds: 0
    options:
      path: /elsewhere
`;
const dash = (uid: string, title: string) => JSON.stringify({ uid, title, panels: [] });

function provisioned(extra: Record<string, string> = {}) {
  return new MemoryFs({
    '/prov/datasources/ds.yaml': DS,
    '/prov/dashboards/providers.yaml': PROVIDERS,
    '/prov/dashboards/json/root.json': dash('root', 'Root board'),
    '/prov/dashboards/json/Team A/a.json': dash('a', 'A board'),
    '/prov/dashboards/json/team-b/b.json': dash('b', 'B board'),
    '/elsewhere/c.json': dash('c', 'C board'),
    ...extra,
  });
}

const app = (fs = provisioned()) =>
  testApp({ fs, config: { provisioningDir: '/prov' }, env: { MIMIR_PASSWORD: 'hunter2' } });

describe('PROVISIONING_DIR', () => {
  it('serves the provisioned Prometheus datasources, replacing the built-in one; Loki skipped', async () => {
    const t = await app();
    const list = (await (await t.request('/api/datasources')).json()) as { uid: string }[];
    expect(list.map((d) => d.uid)).toEqual(['prometheus', 'mimir']);
    expect(list[0]).toMatchObject({ url: 'http://prom:9090', isDefault: true, readOnly: false });
    expect(list[1]).toMatchObject({ isDefault: false, readOnly: true, basicAuthUser: 'tenant' });
    const health = await (await t.request('/api/health')).json();
    expect(health.provisioning.skipped).toEqual([
      expect.objectContaining({ name: 'loki', type: 'loki', file: 'datasources/ds.yaml:22' }),
    ]);
    expect(health.provisioning.errors).toEqual([]);
  });

  it('calls upstream with basic auth and the custom header, by POST; never shows them', async () => {
    const t = await app();
    const res = await t.request('/api/datasources/proxy/uid/mimir/api/v1/query?query=up');
    expect(res.status).toBe(200);
    const call = t.calls.at(-1)!;
    expect(call.method).toBe('POST');
    expect(call.body).toContain('query=up');
    expect(call.headers.authorization).toBe(`Basic ${btoa('tenant:hunter2')}`);
    expect(call.headers['x-scope-orgid']).toBe('team-a-secret');
    for (const path of ['/api/datasources', '/api/datasources/uid/mimir', '/api/health']) {
      const text = await (await t.request(path)).text();
      expect(text).not.toMatch(/hunter2|team-a-secret|dGVuYW50/);
    }
  });

  it('lets an editable provisioned datasource be removed, and refuses a read-only one', async () => {
    const t = await app();
    const del = (uid: string) =>
      t.request(`/api/datasources/uid/${uid}`, {
        method: 'DELETE',
        headers: { 'Content-Type': 'application/json' },
      });
    expect((await del('mimir')).status).toBe(403);
    expect((await del('prometheus')).status).toBe(200);
  });

  it('gives folders from the file structure and the provider folder, in search and /api/folders', async () => {
    const t = await app();
    const folders = (await (await t.request('/api/folders')).json()) as {
      uid: string;
      title: string;
    }[];
    expect(folders.map((f) => f.title)).toEqual(['Team A', 'Team C', 'team-b']);
    const hits = (await (await t.request('/api/search')).json()) as Record<string, unknown>[];
    expect(hits.map((h) => [h.type, h.title, h.folderTitle])).toEqual([
      ['dash-folder', 'Team A', undefined],
      ['dash-folder', 'Team C', undefined],
      ['dash-folder', 'team-b', undefined],
      ['dash-db', 'A board', 'Team A'],
      ['dash-db', 'B board', 'team-b'],
      ['dash-db', 'C board', 'Team C'],
      ['dash-db', 'Root board', undefined],
    ]);
    const teamA = folders.find((f) => f.title === 'Team A')!.uid;
    const inA = (await (await t.request(`/api/search?folderUIDs=${teamA}`)).json()) as {
      title: string;
    }[];
    expect(inA.map((h) => h.title)).toEqual(['A board']);
    const general = (await (await t.request('/api/search?folderUIDs=general')).json()) as {
      title: string;
    }[];
    expect(general.map((h) => h.title)).toEqual(['Root board']);
    const folder = await (await t.request(`/api/folders/${teamA}`)).json();
    expect(folder).toMatchObject({ title: 'Team A', provisioned: true, canSave: false });
    expect(
      (
        await t.request(`/api/folders/${teamA}`, {
          method: 'DELETE',
          headers: { 'Content-Type': 'application/json' },
        })
      ).status,
    ).toBe(400);
  });

  it('keeps provisioned dashboards read-only unless allowUiUpdates', async () => {
    const t = await app();
    const meta = async (uid: string) =>
      (await (await t.request(`/api/dashboards/uid/${uid}`)).json()).meta;
    expect(await meta('a')).toMatchObject({
      provisioned: true,
      canSave: false,
      folderTitle: 'Team A',
    });
    expect(await meta('c')).toMatchObject({
      provisioned: true,
      canSave: true,
      folderTitle: 'Team C',
    });
    const save = (uid: string) =>
      t.request('/api/dashboards/db', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ dashboard: { uid, title: `${uid} edited`, version: 1 } }),
      });
    expect((await save('a')).status).toBe(400);
    expect((await save('c')).status).toBe(200);
    const after = await (await t.request('/api/dashboards/uid/c')).json();
    expect(after.dashboard.title).toBe('c edited');
    expect(after.meta).toMatchObject({ provisioned: true, canSave: true, folderTitle: 'Team C' });
  });

  it('starts with the rest when a file is broken, naming file, line and field', async () => {
    const t = await app(
      provisioned({
        '/prov/datasources/bad.yaml': 'apiVersion: 1\ndatasources:\n  - name: x\n    url: [\n',
      }),
    );
    const health = await (await t.request('/api/health')).json();
    expect(health.provisioning.errors[0]).toMatch(/^datasources\/bad\.yaml:\d+:\d+: /);
    const list = (await (await t.request('/api/datasources')).json()) as { uid: string }[];
    expect(list.map((d) => d.uid)).toEqual(['prometheus', 'mimir']);
  });

  it('re-reads a provider folder: a new file shows up, a removed one goes (disableDeletion off)', async () => {
    const fs = provisioned();
    const t = await app(fs);
    fs.put('/prov/dashboards/json/team-b/new.json', dash('new', 'New board'));
    fs.files.delete('/prov/dashboards/json/root.json');
    const hits = (await (await t.request('/api/search?type=dash-db')).json()) as { uid: string }[];
    expect(hits.map((h) => h.uid).sort()).toEqual(['a', 'b', 'c', 'new']);
  });
});
