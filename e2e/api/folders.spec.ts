// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Grafana exports name their datasource ${DS_…}, which import fills in
// Folders and import through the real servers, on Node, on Deno and on PostgreSQL (api-pg):
// a folder is made, a dashboard saved and a Grafana dashboard imported into it, search filters
// by it, a stale rename is refused, a folder still holding dashboards is not deleted, and
// once the dashboards are moved out or deleted it is. Every check goes through the API, so
// the same spec holds whatever stores the dashboards.
import { expect, test } from '../fixtures.ts';

const json = { 'Content-Type': 'application/json' };

type Hit = { uid: string; type: string; folderUid?: string; folderTitle?: string };

test('a folder holds saved and imported dashboards; search filters by it', async ({
  request,
}, testInfo) => {
  // The shared servers outlive the spec: names of this project's own, and no leftovers.
  const p = testInfo.project.name;
  const folder = `e2e-folder-${p}`;
  const made = await request.post('/api/folders', {
    headers: json,
    data: { uid: folder, title: `Team ${p}` },
  });
  expect(made.status()).toBe(200);
  expect(await made.json()).toMatchObject({ uid: folder, title: `Team ${p}`, version: 1 });
  expect(await (await request.get('/api/folders')).json()).toContainEqual(
    expect.objectContaining({ uid: folder, title: `Team ${p}` }),
  );

  const saved = await request.post('/api/dashboards/db', {
    headers: json,
    data: { dashboard: { uid: `${folder}-saved`, title: `Saved in ${p}` }, folderUid: folder },
  });
  expect(saved.status()).toBe(200);
  expect(await saved.json()).toMatchObject({ folderUid: folder, version: 1 });

  // A Grafana export as people download it: __inputs and a datasource by input name.
  const grafana = {
    __inputs: [{ name: 'DS_PROM', type: 'datasource', pluginId: 'prometheus' }],
    uid: `${folder}-imported`,
    title: `Imported in ${p}`,
    id: 42,
    version: 17,
    panels: [
      {
        id: 1,
        type: 'timeseries',
        title: 'Up',
        datasource: { type: 'prometheus', uid: '${DS_PROM}' },
        targets: [{ expr: 'up', refId: 'A' }],
        gridPos: { x: 0, y: 0, w: 12, h: 8 },
      },
    ],
  };
  const inputs = [{ name: 'DS_PROM', value: 'prometheus' }];
  const nowhere = await request.post('/api/dashboards/import', {
    headers: json,
    data: { dashboard: grafana, inputs, folderUid: `${folder}-missing` },
  });
  expect(nowhere.status()).toBe(400);
  expect((await nowhere.json()).error).toMatch(/folder not found/);
  const imported = await request.post('/api/dashboards/import', {
    headers: json,
    data: { dashboard: grafana, inputs, folderUid: folder },
  });
  expect(imported.status()).toBe(200);
  // Its own version, not the 17 of the Grafana it came from.
  expect(await imported.json()).toMatchObject({
    imported: true,
    uid: grafana.uid,
    version: 1,
  });
  const again = await request.post('/api/dashboards/import', {
    headers: json,
    data: { dashboard: grafana, inputs, folderUid: folder },
  });
  expect(again.status()).toBe(412);
  expect(await again.json()).toMatchObject({ status: 'exists' });
  const over = await request.post('/api/dashboards/import', {
    headers: json,
    data: { dashboard: grafana, inputs, folderUid: folder, overwrite: true },
  });
  expect(await over.json()).toMatchObject({ imported: true, version: 2 });
  const versions = await (await request.get(`/api/dashboards/uid/${grafana.uid}/versions`)).json();
  expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

  const opened = await (await request.get(`/api/dashboards/uid/${grafana.uid}`)).json();
  expect(opened.meta).toMatchObject({ folderUid: folder, folderTitle: `Team ${p}` });
  expect(opened.dashboard.panels[0].datasource).toMatchObject({ uid: 'prometheus' });

  const inFolder = (await (await request.get(`/api/search?folderUIDs=${folder}`)).json()) as Hit[];
  expect(inFolder.map((h) => h.uid).sort()).toEqual([`${folder}-imported`, `${folder}-saved`]);
  expect(inFolder.every((h) => h.folderUid === folder && h.folderTitle === `Team ${p}`)).toBe(true);

  const renamed = await request.put(`/api/folders/${folder}`, {
    headers: json,
    data: { title: `Renamed ${p}`, version: 1 },
  });
  expect(await renamed.json()).toMatchObject({ title: `Renamed ${p}`, version: 2 });
  const stale = await request.put(`/api/folders/${folder}`, {
    headers: json,
    data: { title: 'Stale', version: 1 },
  });
  expect(stale.status()).toBe(412);
  const hits = (await (await request.get(`/api/search?query=in ${p}`)).json()) as Hit[];
  expect(hits.filter((h) => h.type === 'dash-db').map((h) => h.folderTitle)).toEqual([
    `Renamed ${p}`,
    `Renamed ${p}`,
  ]);

  const notEmpty = await request.delete(`/api/folders/${folder}`, { headers: json });
  expect(notEmpty.status()).toBe(400);
  expect((await notEmpty.json()).error).toMatch(/still holds dashboards/);
  // One moved to General, one deleted: then the folder goes.
  const moved = await request.post('/api/dashboards/db', {
    headers: json,
    data: {
      dashboard: { uid: `${folder}-saved`, title: `Saved in ${p}`, version: 1 },
      folderUid: '',
    },
  });
  expect(moved.status()).toBe(200);
  expect(
    (await request.delete(`/api/dashboards/uid/${grafana.uid}`, { headers: json })).status(),
  ).toBe(200);
  expect((await request.delete(`/api/folders/${folder}`, { headers: json })).status()).toBe(200);
  expect((await request.get(`/api/folders/${folder}`)).status()).toBe(404);
  const general = await (await request.get(`/api/dashboards/uid/${folder}-saved`)).json();
  expect(general.meta.folderTitle).toBe('General');
  expect(
    (await request.delete(`/api/dashboards/uid/${folder}-saved`, { headers: json })).status(),
  ).toBe(200);
});
