// Two Promscope servers on one PostgreSQL (DATABASE_URL), as replicas behind a balancer would
// be: a throwaway Debian PostgreSQL of the spec's own (server/test-postgres.ts). Racing saves
// at one version spread over both give exactly one 200; a save on one is what the other
// answers next (open, search, versions); a replica killed with SIGKILL amid saves loses
// nothing it acknowledged; folders and datasources added on one are what the other answers
// next. Runs on Node and on Deno (api-node, api-deno).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres, type TestPostgres } from '../../server/test-postgres.ts';
import { expect, prometheusUrl, test } from '../fixtures.ts';
import { type Runtime, type ServerProcess, startPromscope } from '../server-process.ts';

const headers = (base: string) => ({
  'Content-Type': 'application/json',
  Origin: base,
  'Sec-Fetch-Site': 'same-origin',
});

async function save(base: string, dashboard: Record<string, unknown>, overwrite = false) {
  const res = await fetch(`${base}/api/dashboards/db`, {
    method: 'POST',
    headers: headers(base),
    body: JSON.stringify({ dashboard, overwrite }),
  });
  return { status: res.status, body: (await res.json()) as { version?: number } };
}

const getJson = async (url: string) => (await fetch(url)).json();

let pg: TestPostgres;
let a: ServerProcess;
let b: ServerProcess;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const runtime = (test.info().project.metadata.runtime as Runtime | undefined) ?? 'node';
  pg = await startPostgres();
  const env = (n: string) => ({
    DATABASE_URL: pg.url,
    DATA_DIR: join(tmpdir(), `promscope-replica-${n}-${process.pid}`),
    DASHBOARDS_DIR: join(tmpdir(), 'promscope-replica-none'),
    PROMETHEUS_URL: prometheusUrl(),
  });
  // Both at once: the migrations run under an advisory lock, so this must not race.
  [a, b] = await Promise.all([
    startPromscope(runtime, env('a')),
    startPromscope(runtime, env('b')),
  ]);
});

test.afterAll(async () => {
  if (test.info().status !== test.info().expectedStatus) console.log(a?.output(), b?.output());
  await Promise.all([a?.stop(), b?.stop()]);
  await pg?.stop();
});

test('20 racing saves at one version over two replicas: exactly one 200, 19 × 412', async () => {
  expect((await save(a.url, { uid: 'race', title: 'Race' })).status).toBe(200);
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      save(i % 2 ? b.url : a.url, { uid: 'race', title: `r${i}`, version: 1 }),
    ),
  );
  const statuses = results.map((r) => r.status);
  console.log(
    `replicas race: ${statuses.filter((s) => s === 200).length}× 200, ${statuses.filter((s) => s === 412).length}× 412`,
  );
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 412)).toHaveLength(19);
  const versions = (await getJson(`${b.url}/api/dashboards/uid/race/versions`)) as unknown;
  expect(JSON.stringify(versions)).toContain('"version":2');
});

test('a save on one replica is what the other answers next: open, search, versions', async () => {
  expect((await save(a.url, { uid: 'seen', title: 'Before' })).status).toBe(200);
  await getJson(`${b.url}/api/dashboards/uid/seen`); // b has served it once
  const t0 = performance.now();
  expect((await save(a.url, { uid: 'seen', title: 'After', version: 1 })).status).toBe(200);
  const open = (await getJson(`${b.url}/api/dashboards/uid/seen`)) as {
    dashboard: { title: string; version: number };
  };
  const ms = performance.now() - t0;
  console.log(
    `replicas: save on A to open on B in ${ms.toFixed(1)} ms (B had it cached; NOTIFY dropped it)`,
  );
  expect(open.dashboard).toMatchObject({ title: 'After', version: 2 });
  const search = (await getJson(`${b.url}/api/search?query=After`)) as { uid: string }[];
  expect(search.map((s) => s.uid)).toContain('seen');
  const versions = (await getJson(`${b.url}/api/dashboards/uid/seen/versions`)) as unknown;
  expect(JSON.stringify(versions)).toMatch(/"version":2.*"version":1/s);
});

test('a folder and a datasource added on one replica are what the other answers next', async () => {
  const folder = await fetch(`${a.url}/api/folders`, {
    method: 'POST',
    headers: headers(a.url),
    body: JSON.stringify({ uid: 'shared', title: 'Shared' }),
  });
  expect(folder.status).toBe(200);
  const folders = (await getJson(`${b.url}/api/folders`)) as { uid: string }[];
  expect(folders.map((f) => f.uid)).toContain('shared');
  // Renamed on B at the version A created: one version check for both replicas.
  const renamed = await fetch(`${b.url}/api/folders/shared`, {
    method: 'PUT',
    headers: headers(b.url),
    body: JSON.stringify({ title: 'Shared 2', version: 1 }),
  });
  expect(renamed.status).toBe(200);
  const stale = await fetch(`${a.url}/api/folders/shared`, {
    method: 'PUT',
    headers: headers(a.url),
    body: JSON.stringify({ title: 'Shared 3', version: 1 }),
  });
  expect(stale.status).toBe(412);

  // The same Prometheus under another URL spelling: a datasource of its own.
  const url = prometheusUrl().replace('127.0.0.1', 'localhost');
  const added = await fetch(`${a.url}/api/datasources`, {
    method: 'POST',
    headers: headers(a.url),
    body: JSON.stringify({ url, name: 'Added on A' }),
  });
  expect(added.status).toBe(201);
  const { uid } = (await added.json()) as { uid: string };
  const listed = (await getJson(`${b.url}/api/datasources`)) as { uid: string; name: string }[];
  expect(listed.find((d) => d.uid === uid)?.name).toBe('Added on A');
  const query = await fetch(`${b.url}/api/datasources/proxy/uid/${uid}/api/v1/query?query=1`);
  expect(query.status).toBe(200);
  const removed = await fetch(`${b.url}/api/datasources/uid/${uid}`, {
    method: 'DELETE',
    headers: headers(b.url),
  });
  expect(removed.status).toBe(200);
  const after = (await getJson(`${a.url}/api/datasources`)) as { uid: string }[];
  expect(after.map((d) => d.uid)).not.toContain(uid);
});

test('SIGKILL of one replica amid saves loses nothing it acknowledged', async () => {
  test.setTimeout(60_000);
  expect((await save(b.url, { uid: 'kill', title: 'k' })).status).toBe(200);
  let acked = 0;
  let stop = false;
  const writer = (async () => {
    while (!stop) {
      const res = await save(a.url, { uid: 'kill', title: `k${acked}` }, true).catch(() => null);
      if (!res) break; // the replica is gone
      if (res.status === 200) acked = Math.max(acked, res.body.version ?? 0);
    }
  })();
  while (acked < 5) await new Promise((r) => setTimeout(r, 20)); // some saves through first
  await a.kill9();
  stop = true;
  await writer;
  const open = (await getJson(`${b.url}/api/dashboards/uid/kill`)) as {
    dashboard: { version: number };
  };
  console.log(
    `replicas: killed A after ${acked} acknowledged saves; B has version ${open.dashboard.version}`,
  );
  expect(open.dashboard.version).toBeGreaterThanOrEqual(acked);
});
