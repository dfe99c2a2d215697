// `promscope migrate-storage` as an operator runs it, the built command on this project's
// runtime (api-node: node dist/server/migrate-storage.node.js; api-deno: deno run
// server/migrate-storage.deno.ts), between a DATA_DIR a real Promscope filled through its HTTP
// API and a throwaway Debian PostgreSQL of the spec's own (server/test-postgres.ts). A
// Promscope started on the migrated database answers every dashboard, every version, search,
// folders and datasources as the first one did; and so does one on the DATA_DIR copied back.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../server/pg.ts';
import { startPostgres, type TestPostgres } from '../../server/test-postgres.ts';
import { expect, prometheusUrl, test } from '../fixtures.ts';
import { type Runtime, type ServerProcess, startPromscope } from '../server-process.ts';

const headers = (base: string) => ({
  'Content-Type': 'application/json',
  Origin: base,
  'Sec-Fetch-Site': 'same-origin',
});

async function post(base: string, path: string, body: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: headers(base),
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const getJson = async (url: string) => (await fetch(url)).json();

/** Runs the command on the project's runtime; its exit status and output. */
function migrate(runtime: Runtime, args: string[]): Promise<{ code: number; out: string }> {
  const [cmd, argv] =
    runtime === 'node'
      ? [process.execPath, ['dist/server/migrate-storage.node.js', ...args]]
      : [
          join('node_modules', 'deno', 'deno'),
          ['run', '--allow-all', 'server/migrate-storage.deno.ts', ...args],
        ];
  return new Promise((resolve) => {
    execFile(cmd, argv, { cwd: process.cwd() }, (err, stdout, stderr) => {
      const code = err ? Number((err as { code?: number }).code ?? 1) : 0;
      resolve({ code, out: `${stdout}${stderr}` });
    });
  });
}

/** Everything a client reads of what is saved, through the HTTP API. */
async function answers(base: string) {
  const search = (await getJson(`${base}/api/search`)) as { uid: string; type: string }[];
  const dashboards: Record<string, unknown> = {};
  for (const { uid } of search.filter((h) => h.type === 'dash-db')) {
    const versions = (await getJson(`${base}/api/dashboards/uid/${uid}/versions`)) as {
      version: number;
    }[];
    dashboards[uid] = {
      open: await getJson(`${base}/api/dashboards/uid/${uid}`),
      versions,
      each: await Promise.all(
        versions.map((v) => getJson(`${base}/api/dashboards/uid/${uid}/versions/${v.version}`)),
      ),
    };
  }
  const datasources = (await getJson(`${base}/api/datasources`)) as { uid: string }[];
  return { search, dashboards, folders: await getJson(`${base}/api/folders`), datasources };
}

let pg: TestPostgres;
let root: string;
const servers: ServerProcess[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  pg = await startPostgres();
  root = await mkdtemp(join(tmpdir(), 'promscope-migrate-e2e-'));
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await pg?.stop();
  await rm(root, { recursive: true, force: true });
});

test('a DATA_DIR into PostgreSQL and back: every dashboard and version answered alike', async () => {
  test.setTimeout(180_000);
  const runtime = (test.info().project.metadata.runtime as Runtime | undefined) ?? 'node';
  const env = (storage: Record<string, string>) => ({
    DASHBOARDS_DIR: join(root, 'none'),
    PROMETHEUS_URL: prometheusUrl(),
    ...storage,
  });
  const source = join(root, 'source');
  const a = await startPromscope(runtime, env({ DATA_DIR: source }));
  servers.push(a);
  expect((await post(a.url, '/api/folders', { uid: 'ops', title: 'Operations' })).status).toBe(200);
  for (let v = 0; v < 23; v++) {
    const dashboard = { uid: 'many', title: 'Many', version: v, panels: [] };
    const saved = await post(a.url, '/api/dashboards/db', { dashboard, message: `edit ${v + 1}` });
    expect(saved.status).toBe(200);
  }
  const inFolder = { uid: 'ops-board', title: 'Ops board', tags: ['ops'] };
  expect(
    (await post(a.url, '/api/dashboards/db', { dashboard: inFolder, folderUid: 'ops' })).status,
  ).toBe(200);
  expect((await post(a.url, '/api/dashboards/uid/many/restore', { version: 10 })).status).toBe(200);
  const url = prometheusUrl().replace('127.0.0.1', 'localhost');
  expect((await post(a.url, '/api/datasources', { url, name: 'Added' })).status).toBe(201);
  const before = await answers(a.url);
  await a.stop();

  const db = pg.url.replace(/\/postgres$/, '/promscope');
  const admin = await migrate(runtime, ['--help']);
  expect(admin.code).toBe(0);
  expect(admin.out).toContain('Usage: promscope migrate-storage --from <source> --to <target>');
  // The database must exist: said so, exit 2; then made, and the copy goes through.
  const missing = await migrate(runtime, ['--from', source, '--to', db]);
  expect(missing.code).toBe(2);
  expect(missing.out).toContain('database "promscope" does not exist');
  const sql = connect(pg.url, 1);
  await sql.unsafe('CREATE DATABASE promscope');
  await sql.end();

  const into = await migrate(runtime, ['--from', source, '--to', db]);
  console.log(`migrate-storage (${runtime}), DATA_DIR → PostgreSQL:\n${into.out}`);
  expect(into.code).toBe(0);
  expect(into.out).toMatch(/dashboards: +2 copied \(21 versions\), 0 already there/);
  const again = await migrate(runtime, ['--from', source, '--to', db]);
  expect(again.code).toBe(0);
  expect(again.out).toContain('Nothing to do: the target already holds everything.');

  const b = await startPromscope(
    runtime,
    env({ DATA_DIR: join(root, 'unused'), DATABASE_URL: db }),
  );
  servers.push(b);
  expect(await answers(b.url)).toEqual(before);
  // The 412 check goes on from the migrated version: 24 is current, 23 is stale.
  const stale = { uid: 'many', title: 'Many', version: 23 };
  expect((await post(b.url, '/api/dashboards/db', { dashboard: stale })).status).toBe(412);
  const fresh = { ...stale, version: 24 };
  const saved = await post(b.url, '/api/dashboards/db', { dashboard: fresh, message: 'on pg' });
  expect(saved.body).toMatchObject({ status: 'success', version: 25 });
  const onPg = await answers(b.url);
  await b.stop();

  const back = join(root, 'back');
  const out = await migrate(runtime, ['--from', db, '--to', back]);
  expect(out.code).toBe(0);
  expect(out.out).toMatch(/dashboards: +2 copied \(21 versions\)/);
  const c = await startPromscope(runtime, env({ DATA_DIR: back }));
  servers.push(c);
  expect(await answers(c.url)).toEqual(onPg);
});
