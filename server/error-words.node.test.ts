// Error answers say what went wrong in words, and never carry what only the server should see:
// absolute file paths, process ids, or a TLS library's raw text. On the real Node server, real
// file system and real TLS (a self-signed certificate made with openssl for the test); the
// detail goes to the server's log.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startNodeServer } from './main.node.ts';
import { testConfig } from './test-helpers.ts';
import { rawRequest } from './test-raw-http.ts';

let tmp = '';
const servers: Server[] = [];
const running: RunningServer[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'promscope-words-'));
});

afterAll(async () => {
  for (const r of running) await r.close();
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  await rm(tmp, { recursive: true, force: true });
});

/** What must never be in an answer: paths, the pid, OpenSSL's or rustls' own text. */
function expectNoLeak(text: string) {
  expect(text).not.toContain(tmp);
  expect(text).not.toMatch(/\/(tmp|data|home|root|usr|var|srv)\//);
  expect(text).not.toMatch(new RegExp(`\\b${process.pid}\\b|\\.tmp-\\d`));
  expect(text).not.toMatch(/SSL routines|openssl|error:[0-9A-F]{8}|\.c:\d+|peer certificate/i);
}

const headers = (base: string) => ({
  'Content-Type': 'application/json',
  Origin: base,
  'Sec-Fetch-Site': 'same-origin',
});

async function start(overrides: Parameters<typeof testConfig>[0], log: string[] = []) {
  const server = await startNodeServer(
    testConfig({ port: 0, prometheusUrl: 'http://127.0.0.1:1', ...overrides }),
    (line) => log.push(line),
  );
  running.push(server);
  return server;
}

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

describe('TLS failures of a datasource', () => {
  it('are said in words when adding it, in health and in proxied queries', async () => {
    const key = join(tmp, 'key.pem');
    const cert = join(tmp, 'cert.pem');
    execFileSync('openssl', [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1'],
      ...['-keyout', key, '-out', cert, '-subj', '/CN=127.0.0.1'],
    ]);
    const selfSigned = await listen(
      createHttpsServer({ key: await readFile(key), cert: await readFile(cert) }, (_q, res) =>
        res.end('{"status":"success","data":{"version":"3.5.0"}}'),
      ),
    );
    // Plain HTTP asked for TLS: OpenSSL's "wrong version number", source file and line.
    const plain = await listen(createHttpServer((_q, res) => res.end('{}')));

    const cases = [
      [
        selfSigned,
        'its TLS certificate is not trusted (self-signed, or signed by an unknown authority)',
      ],
      [plain, 'the TLS handshake failed (is it an https server?)'],
    ] as const;
    for (const [port, words] of cases) {
      const url = `https://127.0.0.1:${port}`;
      const server = await start({ prometheusUrl: url });
      const added = await fetch(`${server.url}/api/datasources`, {
        method: 'POST',
        headers: headers(server.url),
        body: JSON.stringify({ url: `${url}/other` }),
      });
      const addText = await added.text();
      expect(added.status, addText).toBe(502);
      expect(JSON.parse(addText).error).toContain(`is unreachable: ${words}`);
      const health = await (await fetch(`${server.url}/api/health`)).text();
      expect(JSON.parse(health).datasources[0].error).toContain(`is unreachable: ${words}`);
      const query = await fetch(
        `${server.url}/api/datasources/proxy/uid/prometheus/api/v1/query?query=up`,
      );
      const queryText = await query.text();
      expect(query.status).toBe(502);
      expect(JSON.parse(queryText).error).toBe(
        `datasource "Prometheus" (${url}) is unreachable: ${words}`,
      );
      for (const text of [addText, health, queryText]) expectNoLeak(text);
    }
  });
});

describe('files the server cannot read or write', () => {
  it('say what is wrong without their paths; the log has the detail', async () => {
    const dataDir = join(tmp, 'data');
    const dashboardsDir = join(tmp, 'provisioned');
    await mkdir(join(dataDir, 'dashboards', 'versions', 'ops'), { recursive: true });
    await mkdir(join(dashboardsDir, 'folder.json'), { recursive: true }); // a folder, not a file
    await writeFile(join(dashboardsDir, 'broken.json'), '{"title": ');
    await writeFile(join(dashboardsDir, 'good.json'), '{"uid":"good","title":"Good"}');
    await mkdir(join(dataDir, 'dashboards', 'saved-folder.json'));
    await writeFile(join(dataDir, 'datasources.json'), '{ not json');
    const log: string[] = [];
    const server = await start({ dataDir, dashboardsDir }, log);
    const texts: string[] = [];
    const get = async (path: string) => {
      const res = await rawRequest(server.url, 'GET', path);
      texts.push(res.body);
      return res;
    };

    // Every file is listed, the broken ones with what is wrong.
    const search = JSON.parse((await get('/api/search')).body) as { uid: string; error?: string }[];
    expect(Object.fromEntries(search.map((h) => [h.uid, h.error ?? 'ok']))).toEqual({
      broken: expect.stringMatching(/^broken\.json: /),
      folder: 'folder.json: it is a folder, not a file (EISDIR)',
      good: 'ok',
      'saved-folder': 'saved-folder.json: it is a folder, not a file (EISDIR)',
    });
    expect((await get('/api/dashboards/uid/folder')).status).toBe(500);

    // A saved dashboard whose history record is a folder.
    const saved = await fetch(`${server.url}/api/dashboards/db`, {
      method: 'POST',
      headers: headers(server.url),
      body: JSON.stringify({ dashboard: { uid: 'ops', title: 'Ops' } }),
    });
    texts.push(await saved.text());
    expect(saved.status).toBe(200);
    await rm(join(dataDir, 'dashboards', 'versions', 'ops', '1.json'));
    await mkdir(join(dataDir, 'dashboards', 'versions', 'ops', '1.json'));
    const versions = JSON.parse((await get('/api/dashboards/uid/ops/versions')).body);
    expect(versions).toEqual([
      {
        version: 1,
        created: null,
        message: '',
        error: 'versions/ops/1.json: it is a folder, not a file (EISDIR)',
      },
    ]);
    const one = await get('/api/dashboards/uid/ops/versions/1');
    expect(one.status).toBe(500);
    expect(JSON.parse(one.body).error).toBe(
      'versions/ops/1.json: it is a folder, not a file (EISDIR)',
    );

    // Adding a datasource beside a datasources.json that does not parse answers in words too.
    const added = await fetch(`${server.url}/api/datasources`, {
      method: 'POST',
      headers: headers(server.url),
      body: JSON.stringify({ url: 'http://127.0.0.1:1/x' }),
    });
    texts.push(await added.text());

    for (const text of texts) expectNoLeak(text);
    expect(log.join('\n')).not.toContain('EISDIR: illegal operation'); // nothing crashed
  });
});
