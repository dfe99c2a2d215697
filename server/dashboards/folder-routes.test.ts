// Grafana's folder API on saved folders (DATA_DIR/folders.json), and folderUid on save and
// search. https://grafana.com/docs/grafana/latest/developers/http_api/folder/
import { describe, expect, it } from 'vitest';
import { MemoryFs, type TestApp, testApp } from '../test-helpers.ts';
import { FolderError, FolderStore } from './folders.ts';

const send = (t: TestApp, method: string, path: string, body?: unknown) =>
  t.request(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('/api/folders', () => {
  it('creates, lists, gets, renames and deletes a folder, stored atomically', async () => {
    const t = await testApp();
    const created = await send(t, 'POST', '/api/folders', { uid: 'ops', title: 'Ops' });
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({
      uid: 'ops',
      title: 'Ops',
      url: '/dashboards/f/ops/ops',
      version: 1,
      canSave: true,
      provisioned: false,
    });
    expect(JSON.parse(t.fs.text('/data/folders.json')!).folders).toEqual([
      expect.objectContaining({ uid: 'ops', title: 'Ops', version: 1 }),
    ]);
    expect(await (await t.request('/api/folders')).json()).toEqual([
      { id: null, uid: 'ops', title: 'Ops' },
    ]);
    const renamed = await send(t, 'PUT', '/api/folders/ops', { title: 'Operations', version: 1 });
    expect(await renamed.json()).toMatchObject({ title: 'Operations', version: 2 });
    const stale = await send(t, 'PUT', '/api/folders/ops', { title: 'Again', version: 1 });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toEqual({
      status: 'version-mismatch',
      message: 'the folder has been changed by someone else',
    });
    const deleted = await send(t, 'DELETE', '/api/folders/ops');
    expect(await deleted.json()).toEqual({
      title: 'Operations',
      message: 'Folder Operations deleted',
      id: null,
    });
    expect((await t.request('/api/folders/ops')).status).toBe(404);
  });

  it('refuses hostile and conflicting input in words', async () => {
    const t = await testApp();
    const refused = async (body: unknown, status: number, words: RegExp) => {
      const res = await send(t, 'POST', '/api/folders', body);
      expect(res.status).toBe(status);
      expect((await res.json()).error).toMatch(words);
    };
    await refused({ uid: '../etc', title: 'x' }, 400, /folder uid must be/);
    await refused({ uid: '..', title: 'x' }, 400, /folder uid must be/);
    await refused({ title: '   ' }, 400, /title cannot be empty/);
    await refused({ title: 'a\nb' }, 400, /control characters/);
    await refused({ title: 'x'.repeat(191) }, 400, /over 190 characters/);
    await refused([], 400, /expected a JSON object/);
    expect((await send(t, 'POST', '/api/folders', { uid: 'a', title: 'A' })).status).toBe(200);
    await refused({ uid: 'a', title: 'Other' }, 409, /uid "a" already exists/);
    await refused({ title: 'a' }, 409, /named "a" already exists/);
    // Markup is a title like any other: stored and answered as text, drawn as text.
    const markup = '<img src=x onerror=alert(1)>';
    const res = await send(t, 'POST', '/api/folders', { title: markup });
    expect((await res.json()).title).toBe(markup);
    expect(t.fs.writes.every((w) => w.path === '/data/folders.json')).toBe(true);
  });

  it('caps the number of folders', async () => {
    const store = new FolderStore(new MemoryFs(), '/data', 2);
    const none = () => false;
    await store.create('a', 'A', none);
    await store.create('b', 'B', none);
    await expect(store.create('c', 'C', none)).rejects.toThrow(FolderError);
    await expect(store.create('c', 'C', none)).rejects.toThrow(/already has 2 folders/);
  });

  it('saves into a folder, refuses a folder that does not exist, and keeps a non-empty folder', async () => {
    const t = await testApp();
    await send(t, 'POST', '/api/folders', { uid: 'ops', title: 'Ops' });
    const missing = await send(t, 'POST', '/api/dashboards/db', {
      dashboard: { uid: 'd1', title: 'D1' },
      folderUid: 'nope',
    });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatch(/folder not found: no folder has uid "nope"/);
    const bad = await send(t, 'POST', '/api/dashboards/db', {
      dashboard: { uid: 'd1', title: 'D1' },
      folderUid: '../x',
    });
    expect(bad.status).toBe(400);
    const saved = await send(t, 'POST', '/api/dashboards/db', {
      dashboard: { uid: 'd1', title: 'D1' },
      folderUid: 'ops',
    });
    expect(await saved.json()).toMatchObject({ uid: 'd1', folderUid: 'ops' });
    const got = await (await t.request('/api/dashboards/uid/d1')).json();
    expect(got.meta).toMatchObject({
      folderUid: 'ops',
      folderTitle: 'Ops',
      folderUrl: '/dashboards/f/ops/ops',
    });
    expect(Object.keys(got.dashboard)).not.toContain('__promscopeFolderUid');
    // A save without folderUid keeps the folder; "" moves it to General.
    await send(t, 'POST', '/api/dashboards/db', {
      dashboard: { uid: 'd1', title: 'D1', version: 1 },
    });
    const hits = (await (await t.request('/api/search?query=d1')).json()) as Record<
      string,
      unknown
    >[];
    expect(hits).toEqual([
      expect.objectContaining({ uid: 'd1', folderUid: 'ops', folderTitle: 'Ops' }),
    ]);
    const notEmpty = await send(t, 'DELETE', '/api/folders/ops');
    expect(notEmpty.status).toBe(400);
    expect((await notEmpty.json()).error).toMatch(/still holds dashboards/);
    await send(t, 'POST', '/api/dashboards/db', {
      dashboard: { uid: 'd1', title: 'D1', version: 2 },
      folderUid: '',
    });
    expect((await (await t.request('/api/dashboards/uid/d1')).json()).meta.folderTitle).toBe(
      'General',
    );
    expect((await send(t, 'DELETE', '/api/folders/ops')).status).toBe(200);
  });

  it('searches folders by title and filters by type', async () => {
    const t = await testApp();
    await send(t, 'POST', '/api/folders', { uid: 'ops', title: 'Ops' });
    await send(t, 'POST', '/api/dashboards/db', { dashboard: { uid: 'd', title: 'Ops board' } });
    const all = (await (await t.request('/api/search?query=ops')).json()) as { type: string }[];
    expect(all.map((h) => h.type)).toEqual(['dash-folder', 'dash-db']);
    const onlyFolders = (await (
      await t.request('/api/search?type=dash-folder')
    ).json()) as unknown[];
    expect(onlyFolders).toHaveLength(1);
  });
});
