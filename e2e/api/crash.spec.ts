// kill -9 in the middle of a stream of saves, on Node and on Deno with their real file
// systems: a server of the spec's own is hammered with saves of one dashboard by four
// clients, killed at a random moment, restarted on the same DATA_DIR, five times over.
// Afterwards every dashboard file is valid JSON, the stored version is at least the last one
// the API acknowledged, and every acknowledged version is the current one or in the history;
// the temp files of cut-short saves are gone once it has started again. Once restarted, the
// history the API lists holds only versions that were saved (acknowledged, or current after a
// kill that cut off the answer), never one whose save was cut short, and at most 20.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, prometheusUrl, test } from '../fixtures.ts';
import { type Runtime, type ServerProcess, startPromscope } from '../server-process.ts';

const KILLS = 6;
const WRITERS = 4;

interface Ack {
  version: number;
  title: string;
}

/** Saves as fast as it can until stopped, from the version it last saw; records each 200. */
async function writer(base: string, id: number, acks: Ack[], stop: { now: boolean }) {
  let version = 0;
  let n = 0;
  while (!stop.now) {
    const title = `w${id} #${n++}`;
    try {
      const res = await fetch(`${base}/api/dashboards/db`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Origin: base,
          'Sec-Fetch-Site': 'same-origin',
        },
        body: JSON.stringify({
          dashboard: { uid: 'hammered', title, version, panels: [{ id: 1, type: 'text', title }] },
        }),
      });
      const body = (await res.json()) as { version?: number };
      if (res.status === 200) {
        acks.push({ version: body.version!, title });
        version = body.version!;
      } else if (res.status === 412) {
        const now = await fetch(`${base}/api/dashboards/uid/hammered`);
        version = ((await now.json()) as { dashboard: { version: number } }).dashboard.version;
      }
    } catch {
      return; // the server is gone: this writer's stream ends here
    }
  }
}

/** Every .json file under `dir`, parsed; a file that does not parse fails the test. */
async function jsonFiles(
  dir: string,
): Promise<Map<string, { version: number; title?: string; dashboard?: { title: string } }>> {
  const out = new Map();
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.json')) continue;
    const path = join(e.parentPath, e.name);
    const text = await readFile(path, 'utf8');
    let parsed: unknown;
    expect(() => {
      parsed = JSON.parse(text);
    }, `${path} is valid JSON`).not.toThrow();
    out.set(path.slice(dir.length + 1), parsed);
  }
  return out;
}

/**
 * The history the restarted server lists: the newest 20 versions up to the current one, each
 * acknowledged or seen current on disk after a kill (saved, its answer lost).
 */
async function checkHistory(base: string, acks: Ack[], seenCurrent: Set<number>) {
  const current = (await (await fetch(`${base}/api/dashboards/uid/hammered`)).json()) as {
    dashboard: { version: number };
  };
  const res = await fetch(`${base}/api/dashboards/uid/hammered/versions`);
  expect(res.status).toBe(200);
  const listed = ((await res.json()) as { version: number }[]).map((v) => v.version);
  const top = current.dashboard.version;
  expect(listed, 'the newest 20 versions up to the current one').toEqual(
    Array.from({ length: Math.min(20, top) }, (_, i) => top - i),
  );
  const saved = new Set([...acks.map((a) => a.version), ...seenCurrent]);
  expect(
    listed.filter((v) => !saved.has(v)),
    'listed but never saved',
  ).toEqual([]);
}

test('kill -9 during a stream of saves loses no acknowledged version', async () => {
  test.setTimeout(120_000);
  const testInfo = test.info();
  const runtime = (testInfo.project.metadata.runtime as Runtime | undefined) ?? 'node';
  const tmp = await mkdtemp(join(tmpdir(), 'promscope-crash-'));
  const env = { DATA_DIR: tmp, PROMETHEUS_URL: prometheusUrl(), DASHBOARDS_DIR: join(tmp, 'none') };
  let server: ServerProcess | undefined;
  const acks: Ack[] = [];
  const seenCurrent = new Set<number>();
  let lastAck: Ack | undefined;
  try {
    for (let kill = 0; kill < KILLS; kill++) {
      server = await startPromscope(runtime, env, server?.port);
      if (kill > 0) await checkHistory(server.url, acks, seenCurrent);
      const stop = { now: false };
      const writers = Array.from({ length: WRITERS }, (_, i) => writer(server!.url, i, acks, stop));
      // ms: at a random moment, once some saves have gone through
      await new Promise((r) => setTimeout(r, 500 + Math.random() * 1500));
      await server.kill9();
      stop.now = true;
      await Promise.all(writers);
      lastAck = acks.reduce<Ack | undefined>(
        (a, b) => (a && a.version > b.version ? a : b),
        lastAck,
      );

      const files = await jsonFiles(join(tmp, 'dashboards'));
      const current = files.get('hammered.json');
      expect(current, 'the dashboard file exists').toBeDefined();
      seenCurrent.add(current!.version);
      expect(current!.version).toBeGreaterThanOrEqual(lastAck?.version ?? 0);
      const history = new Map(
        [...files].flatMap(([path, rec]) => {
          const m = /^versions\/hammered\/(\d+)\.json$/.exec(path);
          return m ? [[Number(m[1]), rec.dashboard?.title]] : [];
        }),
      );
      for (const ack of acks) {
        if (ack.version === current!.version) expect(current!.title).toBe(ack.title);
        // History keeps the newest 20 versions; older acknowledged ones are pruned by design.
        else if (ack.version > current!.version - 20)
          expect(history.get(ack.version)).toBe(ack.title);
      }
    }
    testInfo.annotations.push({
      type: 'saves acknowledged',
      description: `${acks.length} over ${KILLS} kills; last acknowledged version ${lastAck?.version}`,
    });
    expect(acks.length).toBeGreaterThan(KILLS);

    // Restarted once more, the server serves the last acknowledged version or a newer one.
    server = await startPromscope(runtime, env, server?.port);
    const res = await fetch(`${server.url}/api/dashboards/uid/hammered`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { dashboard: { version: number } };
    expect(body.dashboard.version).toBeGreaterThanOrEqual(lastAck!.version);
    await checkHistory(server.url, acks, seenCurrent);
    // Temp files of the saves each kill cut short were cleared when it started.
    const left = (await readdir(join(tmp, 'dashboards'), { recursive: true })).filter((n) =>
      n.includes('.tmp-'),
    );
    expect(left).toEqual([]);
    await server.stop();
  } finally {
    await server?.kill9();
    await rm(tmp, { recursive: true, force: true });
  }
});
