// The static handler on the real Node server, over raw sockets: names too long for any file
// system and floods of names that are not in the build are plain 404s, with nothing logged
// (each used to be a 500 with a stack trace in the log, and every miss was kept in memory).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFiles, type RunningServer, startNodeServer } from './main.node.ts';
import { testConfig } from './test-helpers.ts';
import { rawRequest } from './test-raw-http.ts';

let tmp = '';
let running: RunningServer;
const logged: string[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'promscope-static-'));
  await mkdir(join(tmp, 'web', 'assets'), { recursive: true });
  await writeFile(join(tmp, 'web', 'index.html'), '<!doctype html><title>Promscope</title>');
  await writeFile(join(tmp, 'web', 'assets', 'app-abc123.js'), 'console.log("app")');
  running = await startNodeServer(
    testConfig({
      port: 0,
      webDir: join(tmp, 'web'),
      dataDir: join(tmp, 'data'),
      prometheusUrl: 'http://127.0.0.1:1',
    }),
    (line) => logged.push(line),
  );
});

afterAll(async () => {
  await running.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('static files on the real Node server', () => {
  it('answers 404, logging nothing, for names over the file-system limits', async () => {
    logged.length = 0;
    const targets = [
      `/assets/${'a'.repeat(300)}.js`, // one name over NAME_MAX (255)
      `/${'b'.repeat(200)}/${'c'.repeat(200)}/${'d'.repeat(300)}.css`,
      `/${Array.from({ length: 1100 }, () => 'abc').join('/')}.js`, // a path over PATH_MAX
    ];
    for (const target of targets) {
      const res = await rawRequest(running.url, 'GET', target);
      expect(res.status, target.slice(0, 30)).toBe(404);
      expect(res.body).not.toMatch(/ENAMETOOLONG|\/tmp\/|at /);
    }
    expect(logged).toEqual([]);
    // The build is still served.
    const ok = await rawRequest(running.url, 'GET', '/assets/app-abc123.js');
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('console.log("app")');
  });

  it('reads a name too long for the file system as a missing file', async () => {
    expect(await nodeFiles.readFile(join(tmp, 'x'.repeat(300)))).toBeNull();
    expect(await nodeFiles.readDir(join(tmp, 'x'.repeat(300)))).toBeNull();
    expect(await nodeFiles.stamp!(join(tmp, 'x'.repeat(300)))).toBeNull();
  });
});
