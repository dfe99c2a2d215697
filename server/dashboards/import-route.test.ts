import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../test-helpers.ts';
import { GRAFANA_FIXTURES, haveGrafanaFixtures, MemoryFs, testApp } from '../test-helpers.ts';

const fixture = (name: string) => JSON.parse(readFileSync(join(GRAFANA_FIXTURES, name), 'utf8'));

async function post(t: TestApp, body: unknown) {
  const res = await t.request('/api/dashboards/import', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('POST /api/dashboards/import', () => {
  it.skipIf(!haveGrafanaFixtures)(
    'imports a Grafana export: saved, normalised, every panel kept, issues reported',
    async () => {
      const t = await testApp();
      const source = fixture('ceph-cluster.json'); // has no uid: one is made up
      const res = await post(t, { dashboard: source });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'success',
        imported: true,
        title: source.title,
        version: 1,
      });
      const uid = String(res.body.uid);
      expect(uid).toMatch(/^[a-z0-9]{8,14}$/);
      // Every option not drawn (fixtures.test.ts counts them); negative-Y and the tooltip
      // sorts are drawn now, negative-Y kept as an override.
      expect(res.body.issues).toHaveLength(2);
      expect(JSON.stringify(res.body.issues)).not.toContain('negative-Y');
      const saved = JSON.parse(t.fs.text(`/data/dashboards/${uid}.json`)!);
      expect(JSON.stringify(saved.panels)).toContain(
        '"id":"custom.transform","value":"negative-Y"',
      );
      const types = saved.panels.map((p: { type: string }) => p.type);
      expect(types).not.toContain('graph');
      expect(types).not.toContain('singlestat');
      expect(saved.panels).toHaveLength(source.panels.length);
      const got = await (await t.request(`/api/dashboards/uid/${uid}`)).json();
      expect(got.meta).toMatchObject({ provisioned: false, version: 1 });
    },
  );

  it.skipIf(!haveGrafanaFixtures)(
    'refuses to replace an existing dashboard unless asked to overwrite',
    async () => {
      const t = await testApp();
      const source = fixture('bind9-full.json');
      expect((await post(t, { dashboard: source })).status).toBe(200);
      const again = await post(t, { dashboard: { ...source, title: 'Changed' } });
      expect(again.status).toBe(412);
      expect(again.body.status).toBe('exists');
      expect(JSON.parse(t.fs.text(`/data/dashboards/${source.uid}.json`)!).title).toBe(
        source.title,
      );
      const over = await post(t, { dashboard: { ...source, title: 'Changed' }, overwrite: true });
      expect(over.body).toMatchObject({ status: 'success', version: 2 });
    },
  );

  it('never imports over a provisioned dashboard', async () => {
    const fs = new MemoryFs({ '/dash/x.json': JSON.stringify({ uid: 'fixed', title: 'Fixed' }) });
    const t = await testApp({ fs });
    const res = await post(t, {
      dashboard: { uid: 'fixed', title: 'Mine', panels: [] },
      overwrite: true,
    });
    expect(res.status).toBe(400);
    expect(t.fs.text('/data/dashboards/fixed.json')).toBeUndefined();
  });

  it('answers bad input with 400 naming the field, and writes nothing', async () => {
    const t = await testApp();
    expect((await post(t, '{"dashboard":')).status).toBe(400);
    const notPanels = await post(t, { dashboard: { title: 'x', panels: 'nope' } });
    expect(notPanels.status).toBe(400);
    expect(String(notPanels.body.error)).toMatch(/^dashboard\.panels/);
    const badInputs = await post(t, { dashboard: { title: 'x' }, inputs: [{ name: 1 }] });
    expect(badInputs.body.error).toBe('inputs[0]: must be {name, value} strings');
    expect(t.fs.writes).toEqual([]);
  });

  it('refuses a dashboard over MAX_PANELS, counting collapsed rows and old rows[]', async () => {
    const t = await testApp({ config: { maxPanels: 10 } });
    const stats = (n: number) => Array.from({ length: n }, () => ({ type: 'stat' }));
    const collapsed = { type: 'row', collapsed: true, panels: stats(8) };
    const res = await post(t, { dashboard: { title: 'x', panels: [...stats(2), collapsed] } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^dashboard\.panels: 11 panels .* limit of 10 \(MAX_PANELS\)/);
    const legacy = await post(t, { dashboard: { title: 'x', rows: [{ panels: stats(11) }] } });
    expect(legacy.status).toBe(400);
    expect(legacy.body.error).toMatch(/11 panels .* limit of 10/);
    expect(t.fs.writes).toEqual([]);
    const fits = await post(t, { dashboard: { title: 'x', panels: stats(10) } });
    expect(fits.status).toBe(200);
  });
});

describe('POST /api/dashboards/import with folderUid', () => {
  const dashboard = { uid: 'imp-folder', title: 'Into a folder', panels: [] };
  const folderOf = async (t: TestApp, uid: string) =>
    (
      (await (await t.request(`/api/dashboards/uid/${uid}`)).json()) as {
        meta: { folderUid: string };
      }
    ).meta.folderUid;

  it('puts the dashboard in the folder named, as Grafana import does', async () => {
    const t = await testApp();
    const made = await t.request('/api/folders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ uid: 'ops', title: 'Ops' }),
    });
    expect(made.status).toBe(200);
    const res = await post(t, { dashboard, folderUid: 'ops' });
    expect(res.status).toBe(200);
    expect(await folderOf(t, 'imp-folder')).toBe('ops');
    // Imported again over it without folderUid: it stays where it is; with "": General.
    expect((await post(t, { dashboard, overwrite: true })).status).toBe(200);
    expect(await folderOf(t, 'imp-folder')).toBe('ops');
    expect((await post(t, { dashboard, overwrite: true, folderUid: '' })).status).toBe(200);
    expect(await folderOf(t, 'imp-folder')).toBe('');
  });

  it('refuses a folder that does not exist, naming it, and writes nothing', async () => {
    const t = await testApp();
    const res = await post(t, { dashboard, folderUid: 'nope' });
    expect(res.status).toBe(400);
    expect(res.body.errorType).toBe('folder_not_found');
    expect(String(res.body.error)).toContain('"nope"');
    expect(t.fs.text('/data/dashboards/imp-folder.json')).toBeUndefined();
    expect((await t.request('/api/dashboards/uid/imp-folder')).status).toBe(404);
  });

  it('refuses a folderUid that is no uid', async () => {
    const t = await testApp();
    const res = await post(t, { dashboard, folderUid: 42 });
    expect(res.status).toBe(400);
    expect(String(res.body.error)).toContain('folderUid');
  });
});
