// DATA_DIR faults with the real file system (nodeFiles in a temp folder): the disk filling up
// in the middle of a save, a DATA_DIR the server cannot write, and twenty clients saving one
// dashboard at once over HTTP on the real Node server. Afterwards every file is valid JSON at
// a version the API acknowledged, and the answers say what happened.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import type { FileSystem } from './deps.ts';
import { nodeFiles, type RunningServer, startNodeServer } from './main.node.ts';
import { checkDataDir } from './storage.ts';
import { testConfig } from './test-helpers.ts';

let tmp = '';
let running: RunningServer | undefined;

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'promscope-storage-'));
});

afterEach(async () => {
  await running?.close();
  running = undefined;
  await rm(tmp, { recursive: true, force: true });
});

/** Every file under `dir`, relative path → contents. */
async function tree(dir: string, prefix = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + e.name;
    if (e.isDirectory())
      for (const [k, v] of await tree(join(dir, e.name), `${rel}/`)) out.set(k, v);
    else out.set(rel, await readFile(join(dir, e.name), 'utf8'));
  }
  return out;
}

/**
 * The real file system, with a disk that fills up: once `failAt` writes have gone through,
 * the next one writes half its temp file, then fails with ENOSPC as write(2) does.
 */
function fillingDisk() {
  const state = { writes: 0, failAt: Number.POSITIVE_INFINITY };
  const files: FileSystem = {
    ...nodeFiles,
    async writeFileAtomic(path, data) {
      if (state.writes++ < state.failAt) return nodeFiles.writeFileAtomic(path, data);
      const partial = `${path}.tmp-enospc`;
      await writeFile(partial, data.slice(0, data.length / 2));
      await rm(partial, { force: true }); // what nodeFiles does with its temp file on error
      // As Node words it when open(2) fails: the temp file's absolute path, with the pid in it.
      const tmp = `${path}.tmp-${process.pid}-k3j2h1`;
      throw Object.assign(new Error(`ENOSPC: no space left on device, open '${tmp}'`), {
        code: 'ENOSPC',
        errno: -28,
        syscall: 'open',
        path: tmp,
      });
    },
  };
  return { state, files };
}

const headers = (origin = 'http://localhost') => ({
  'Content-Type': 'application/json',
  Origin: origin,
  'Sec-Fetch-Site': 'same-origin',
});

const board = (version: number | undefined, title: string) => ({
  dashboard: { uid: 'ops', title, version, panels: [{ id: 1, type: 'stat', title }] },
});

describe('the disk fills up during a save', () => {
  async function app() {
    const disk = fillingDisk();
    const logged: string[] = [];
    const { app } = await createApp(testConfig({ dataDir: tmp }), {
      files: disk.files,
      log: (line) => logged.push(line),
    });
    const save = async (body: unknown) => {
      const res = await app.request('http://localhost/api/dashboards/db', {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const current = async () =>
      (await (await app.request('http://localhost/api/dashboards/uid/ops')).json()) as {
        dashboard: { title: string; version: number };
      };
    return { disk, save, current, logged };
  }

  for (const [when, failAt] of [
    ['writing the history record', 1],
    ['writing the dashboard, after its history record', 2],
  ] as const) {
    it(`answers 507 with what to do and keeps the previous version intact (fails ${when})`, async () => {
      const { disk, save, current, logged } = await app();
      expect((await save(board(undefined, 'First'))).body).toMatchObject({ version: 1 });
      disk.state.failAt = disk.state.writes + failAt - 1;

      const full = await save(board(1, 'Second'));
      expect(full.status).toBe(507);
      expect(full.body).toEqual({
        status: 'error',
        errorType: 'insufficient_storage',
        error:
          'could not save dashboard "ops": no space left on the disk holding DATA_DIR; nothing was changed: free some space and save again (ENOSPC)',
      });
      // The path and the OS's words, pid and all, are in the server's log only.
      expect(logged.join('\n')).toContain(
        `no space left on the disk holding DATA_DIR (${tmp}); nothing was changed: free some space and save again (ENOSPC: no space left on device, open '${tmp}/dashboards/`,
      );
      expect((await current()).dashboard).toMatchObject({ title: 'First', version: 1 });
      // On disk: the dashboard and its one version, both valid JSON; no temp file, no record
      // of the version that was never saved.
      const files = await tree(join(tmp, 'dashboards'));
      expect([...files.keys()].sort()).toEqual(['ops.json', 'versions/ops/1.json']);
      for (const text of files.values()) expect(() => JSON.parse(text)).not.toThrow();

      // Space again: the same save goes through as version 2.
      disk.state.failAt = Number.POSITIVE_INFINITY;
      expect((await save(board(1, 'Second'))).body).toMatchObject({ version: 2 });
      expect((await current()).dashboard).toMatchObject({ title: 'Second', version: 2 });
    });
  }
});

/**
 * The real file system in a process that is killed at its `killAt`-th write or remove from
 * when it is armed: that call and every later one never return, as after kill -9 (an atomic
 * write either happened or did not; what is on disk stays). `killed` settles when it happens.
 */
function killedDisk(killAt: number) {
  let ops = Number.NEGATIVE_INFINITY;
  let kill = () => {};
  const killed = new Promise<void>((r) => {
    kill = r;
  });
  const dead = () => {
    kill();
    return new Promise<never>(() => {});
  };
  const step = () => ops++ >= killAt;
  const files: FileSystem = {
    ...nodeFiles,
    readFile: (path) => (ops > killAt ? dead() : nodeFiles.readFile(path)),
    writeFileAtomic: (path, data) => (step() ? dead() : nodeFiles.writeFileAtomic(path, data)),
    remove: (path) => (step() ? dead() : nodeFiles.remove(path)),
  };
  return { files, killed, arm: () => (ops = 0) };
}

describe('kill -9 at each step of a save', () => {
  // A save with a full history writes its record, then the dashboard, then prunes the oldest;
  // killed after the prune, it is a whole save whose answer was lost (its version is current).
  for (const [killAt, when, current] of [
    [0, 'before it writes anything', 20],
    [1, 'after its history record, before the dashboard', 20],
    [2, 'after the dashboard, before the prune', 21],
  ] as const) {
    it(`history lists only saved versions, at most 20 (killed ${when})`, async () => {
      const disk = killedDisk(killAt);
      const dying = await createApp(testConfig({ dataDir: tmp }), { files: disk.files });
      const save = (version: number | undefined, title: string) =>
        dying.app.request('http://localhost/api/dashboards/db', {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify(board(version, title)),
        });
      for (let v = 0; v < 20; v++)
        expect((await save(v || undefined, `v${v + 1}`)).status).toBe(200);
      disk.arm();
      const answer = save(20, 'v21');
      await disk.killed; // the save never answers: version 21 is not acknowledged
      void answer;

      // Restarted on the same DATA_DIR.
      const { app } = await createApp(testConfig({ dataDir: tmp }), { files: nodeFiles });
      const get = async (path: string) => {
        const res = await app.request(`http://localhost/api/dashboards/uid/ops${path}`);
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      expect((await get('')).body.dashboard).toMatchObject({ version: current });
      const listed = ((await get('/versions')).body as unknown as { version: number }[]).map(
        (v) => v.version,
      );
      expect(listed).toEqual(Array.from({ length: 20 }, (_, i) => current - i));
      if (current === 20) expect((await get('/versions/21')).status).toBe(404);
      // The next save takes the next number and leaves 20 records on disk.
      const next = await app.request('http://localhost/api/dashboards/db', {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify(board(current, 'after')),
      });
      expect(await next.json()).toMatchObject({ version: current + 1 });
      const records = [...(await tree(join(tmp, 'dashboards'))).keys()].filter((k) =>
        k.startsWith('versions/'),
      );
      expect(records).toHaveLength(20);
    });
  }
});

describe('a DATA_DIR the server cannot write', () => {
  it('says so at start, keeps serving, and refuses saves with words naming DATA_DIR', async () => {
    // A regular file where DATA_DIR's parent should be: mkdir fails (ENOTDIR) even for root.
    await writeFile(join(tmp, 'not-a-folder'), 'x');
    const dataDir = join(tmp, 'not-a-folder', 'data');
    const logged: string[] = [];
    running = await startNodeServer(
      testConfig({ port: 0, dataDir, prometheusUrl: 'http://127.0.0.1:1' }),
      (line) => logged.push(line),
    );
    expect(logged.join('\n')).toContain(
      `promscope: warning: DATA_DIR (${dataDir}) is not writable by the server; nothing was changed: fix its permissions or set DATA_DIR (ENOTDIR: not a directory, mkdir '${dataDir}')`,
    );
    expect((await fetch(`${running.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${running.url}/api/search`)).status).toBe(200);
    const res = await fetch(`${running.url}/api/dashboards/db`, {
      method: 'POST',
      headers: headers(running.url),
      body: JSON.stringify(board(undefined, 'First')),
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      status: 'error',
      errorType: 'not_writable',
      error:
        'could not save dashboard "ops": DATA_DIR is not writable by the server; nothing was changed: fix its permissions or set DATA_DIR (ENOTDIR)',
    });
    expect(logged.at(-1)).toContain(`DATA_DIR (${dataDir}) is not writable`);
    // Still serving.
    expect((await fetch(`${running.url}/api/health`)).status).toBe(200);
  });

  it('finds nothing to say about a writable DATA_DIR, and leaves nothing behind', async () => {
    expect(await checkDataDir(nodeFiles, join(tmp, 'data'))).toBeNull();
    expect(await readdir(join(tmp, 'data'))).toEqual([]);
  });
});

describe('twenty clients saving one dashboard at the same version, over HTTP', () => {
  it('lets exactly one win; the others get 412 and nothing is overwritten', async () => {
    running = await startNodeServer(
      testConfig({ port: 0, dataDir: tmp, prometheusUrl: 'http://127.0.0.1:1' }),
      () => {},
    );
    const url = `${running.url}/api/dashboards/db`;
    const post = async (body: unknown) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: headers(running!.url),
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect((await post(board(undefined, 'Base'))).status).toBe(200);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(board(1, `Edit ${i}`))),
    );
    const won = results.flatMap((r, i) => (r.status === 200 ? [i] : []));
    expect(won).toHaveLength(1);
    expect(results[won[0]!]!.body).toMatchObject({ status: 'success', version: 2 });
    for (const r of results.filter((r) => r.status !== 200)) {
      expect(r).toEqual({
        status: 412,
        body: {
          status: 'version-mismatch',
          message: 'The dashboard has been changed by someone else',
        },
      });
    }
    // On disk: the winner's edit at version 2, and the history holds 1 and 2 only.
    const files = await tree(join(tmp, 'dashboards'));
    expect(JSON.parse(files.get('ops.json')!)).toMatchObject({
      title: `Edit ${won[0]}`,
      version: 2,
    });
    expect([...files.keys()].sort()).toEqual([
      'ops.json',
      'versions/ops/1.json',
      'versions/ops/2.json',
    ]);
  });
});

describe('temp files of saves a killed process left behind', () => {
  it('are removed at start; dashboards, history and other files stay', async () => {
    const dir = join(tmp, 'dashboards');
    await mkdir(join(dir, 'versions', 'a'), { recursive: true });
    const kept = {
      'a.json': '{"uid":"a","title":"A","version":2}\n',
      'versions/a/1.json': '{"version":1}\n',
      'notes.txt': 'mine',
      'b.json.tmp-x': 'not ours: no pid',
    };
    for (const [name, text] of Object.entries(kept)) await writeFile(join(dir, name), text);
    for (const name of ['a.json.tmp-4242-k3j2h1', 'versions/a/2.json.tmp-77-zz9']) {
      await writeFile(join(dir, name), '{"half":');
    }
    const logs: string[] = [];
    await createApp(testConfig({ dataDir: tmp }), { files: nodeFiles, log: (l) => logs.push(l) });
    expect(Object.fromEntries(await tree(dir))).toEqual(kept);
    expect(logs).toContain('promscope: removed 2 temp file(s) of interrupted saves');
  });

  it('are left alone by a read-only server, which writes nothing', async () => {
    const dir = join(tmp, 'dashboards');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'a.json.tmp-1-a'), '{');
    await createApp(testConfig({ dataDir: tmp, readOnly: true }), { files: nodeFiles });
    expect([...(await tree(dir)).keys()]).toEqual(['a.json.tmp-1-a']);
  });
});
