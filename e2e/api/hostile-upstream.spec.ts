// A hostile datasource, on Node and on Deno (issue #13, items 1 and 6): a node:http
// "Prometheus" on loopback that answers every query with a gzip bomb (512 KiB that inflates to
// 512 MiB, its length declared: far under the cap as sent) or with a script. Each runtime's
// own server (Node: node:http upstream client, gzip passed through; Deno: fetch, which
// inflates by itself) must answer the JSON 502 too_large to a client with gzip, one without
// and a live tick, and never take the bomb into its own memory (the process's peak RSS, from
// /proc); and call a script JSON.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestUpTo, formatKnown } from '../../contract/known.ts';
import { promBomb } from '../../server/test-gzip-bomb.ts';
import { expect, test } from '../fixtures.ts';
import { type Runtime, type ServerProcess, startPromscope } from '../server-process.ts';

const proxy = '/api/datasources/proxy/uid/prometheus/api/v1';
const MIB = 1024 * 1024;
const BOMB_MIB = 512;

/** The process's peak resident memory so far (VmHWM), in bytes. */
function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

interface Wire {
  status: number;
  type?: string;
  encoding?: string;
  bytes: number; // as sent, never decoded here
  text: string; // the first KiB
}

function get(url: string, headers: Record<string, string>): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let bytes = 0;
      let text = '';
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (text.length < 1024) text += c.toString('latin1');
      });
      const done = () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'],
          encoding: res.headers['content-encoding'],
          bytes,
          text,
        });
      res.on('end', done);
      res.on('error', done);
    });
    req.on('error', reject);
    req.end();
  });
}

test.describe('a hostile datasource, on a server of its own', () => {
  const bomb = promBomb(BOMB_MIB);
  let hostile: Server;
  let own: ServerProcess;
  let tmp: string;

  test.beforeAll(async () => {
    const runtime = (test.info().project.metadata.runtime as Runtime | undefined) ?? 'node';
    tmp = await mkdtemp(join(tmpdir(), 'promscope-hostile-upstream-'));
    hostile = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname.endsWith('/status/buildinfo')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end('{"status":"success","data":{"version":"3.5.0"}}');
      }
      if (url.searchParams.get('query') === 'script') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' });
        return res.end('window.ran = true');
      }
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'Content-Length': bomb.length,
      });
      res.end(bomb);
    });
    await new Promise<void>((r) => hostile.listen(0, '127.0.0.1', r));
    own = await startPromscope(runtime, {
      PROMETHEUS_URL: `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`,
      MAX_RESPONSE_SIZE: '16MiB',
      DATA_DIR: join(tmp, 'data'),
      DASHBOARDS_DIR: join(tmp, 'none'),
    });
  });

  test.afterAll(async () => {
    await own?.stop();
    hostile?.closeAllConnections();
    await new Promise((r) => hostile?.close(r));
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  test('a gzip bomb is the JSON 502 too_large for every client, never inflated', async () => {
    test.setTimeout(120_000);
    const known = formatKnown({ t: 100, digest: digestUpTo([], 100) });
    const clients = {
      'without gzip': { 'Accept-Encoding': 'identity' },
      'with gzip': { 'Accept-Encoding': 'gzip' },
      'on a live tick': { 'Accept-Encoding': 'gzip', 'X-Promscope-Known': known },
    };
    const before = peakRss(own.pid);
    let n = 0;
    for (const [who, headers] of Object.entries(clients)) {
      for (let i = 0; i < 3; i++) {
        const path = `${proxy}/query_range?query=bomb${n++}&start=100&end=200&step=10`;
        const res = await get(`${own.url}${path}`, headers);
        expect(res.status, who).toBe(502);
        expect(res.encoding, who).toBeUndefined();
        expect(res.bytes, who).toBeLessThan(1024);
        expect(JSON.parse(res.text), who).toMatchObject({
          status: 'error',
          errorType: 'too_large',
        });
      }
    }
    // Nine bombs of 512 MiB each; the server decodes at most the 16 MiB cap of each to count
    // it (Deno's fetch inflates, and the flight keeps up to the cap until the answer fails).
    // Less than a quarter of one bomb: before, one live tick inflated a whole one on Node; on
    // Deno each flight held 16 times the cap, and then, copied, left that much garbage (250 MiB
    // of peak growth, now 35-60 MiB: body-reader.ts).
    const grew = peakRss(own.pid) - before;
    test.info().annotations.push({ type: 'peak RSS growth', description: `${grew / MIB} MiB` });
    expect(grew).toBeLessThan((BOMB_MIB / 4) * MIB);
  });

  test('an answer the datasource calls a script is served as JSON, never sniffed', async () => {
    const res = await get(`${own.url}${proxy}/query?query=script`, {});
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json');
    expect(res.text).toBe('window.ran = true'); // relayed as data
  });
});
