// The datasource URL policy and the datasource routes on a server of the spec's own, on Node
// and on Deno, against the real Prometheus the global setup starts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, prometheusUrl, test } from '../fixtures.ts';
import { type Runtime, type ServerProcess, startPromscope } from '../server-process.ts';
import { storageEnv } from '../storage.ts';

const json = { 'Content-Type': 'application/json' };

/** A Promscope of this spec's own (its own DATA_DIR or database), on the project's runtime. */
async function ownServer(
  runtime: Runtime,
  env: Record<string, string>,
): Promise<{ server: ServerProcess; done: () => Promise<void> }> {
  const tmp = await mkdtemp(join(tmpdir(), 'promscope-ds-'));
  const server = await startPromscope(runtime, {
    PROMETHEUS_URL: prometheusUrl(),
    DATA_DIR: join(tmp, 'data'),
    DASHBOARDS_DIR: join(tmp, 'dashboards'),
    ...(await storageEnv(test.info())),
    ...env,
  });
  return {
    server,
    done: async () => {
      await server.stop();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

test('ALLOWED_DATASOURCE_URLS holds on a loopback bind, start-up says so; DELETE removes', async ({
  request,
}, testInfo) => {
  const runtime = testInfo.project.metadata.runtime as Runtime;
  // The e2e Prometheus by another name, so it is not the default datasource's URL.
  const allowed = prometheusUrl().replace('127.0.0.1', 'localhost');
  const { server, done } = await ownServer(runtime, { ALLOWED_DATASOURCE_URLS: allowed });
  try {
    expect(server.output()).toContain(
      `datasource URLs: only those matching ALLOWED_DATASOURCE_URLS (${allowed}) may be added from the UI`,
    );
    // Behind a reverse proxy on this machine every user is remote: no probing of the loopback
    // ports, even though the server listens on 127.0.0.1.
    const refused = await request.post(`${server.url}/api/datasources`, {
      headers: json,
      data: { url: 'http://127.0.0.1:1' },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error).toBe(
      'http://127.0.0.1:1 does not match ALLOWED_DATASOURCE_URLS',
    );
    const added = await request.post(`${server.url}/api/datasources`, {
      headers: json,
      data: { url: allowed },
    });
    expect(added.status()).toBe(201);
    // Removed again; the configured one cannot be.
    const { uid } = await added.json();
    const removed = await request.delete(`${server.url}/api/datasources/uid/${uid}`, {
      headers: json,
    });
    expect(removed.status()).toBe(200);
    const kept = await request.delete(`${server.url}/api/datasources/uid/prometheus`, {
      headers: json,
    });
    expect(kept.status()).toBe(403);
    const list = await (await request.get(`${server.url}/api/datasources`)).json();
    expect(list.map((d: { uid: string }) => d.uid)).toEqual(['prometheus']);
  } finally {
    await done();
  }
});
