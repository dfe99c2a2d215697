// Provisioned datasources behind TLS, on Node and on Deno: Debian's Prometheus serving mutual
// TLS (--web.config.file, RequireAndVerifyClientCert) with certificates openssl made for this
// run. With the CA and a client certificate from the provisioning file, health and queries
// work; without the client certificate, or without the CA, health says why in words; no PEM
// reaches an answer or the log.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTlsPrometheus, type TlsPrometheus } from '../../server/test-tls.ts';
import { expect, test } from '../fixtures.ts';
import { type Runtime, type ServerProcess, startPromscope } from '../server-process.ts';

let prom: TlsPrometheus;
let server: ServerProcess;
let dir = '';

const DATASOURCES = (url: string) => `apiVersion: 1
datasources:
  - name: secure
    type: prometheus
    uid: secure
    url: ${url}
    isDefault: true
    jsonData:
      tlsAuth: true
      tlsAuthWithCACert: true
    secureJsonData:
      tlsCACert: $TLS_CA
      tlsClientCert: $TLS_CERT
      tlsClientKey: $TLS_KEY
  - name: no-client-cert
    type: prometheus
    uid: no-client-cert
    url: ${url}
    jsonData:
      tlsAuthWithCACert: true
    secureJsonData:
      tlsCACert: $TLS_CA
  - name: no-ca
    type: prometheus
    uid: no-ca
    url: ${url}
`;

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
test.beforeAll(async ({}, testInfo) => {
  prom = await startTlsPrometheus({ mtls: true });
  dir = await mkdtemp(join(tmpdir(), 'promscope-tls-e2e-'));
  await mkdir(join(dir, 'provisioning', 'datasources'), { recursive: true });
  await writeFile(join(dir, 'provisioning', 'datasources', 'ds.yaml'), DATASOURCES(prom.url));
  server = await startPromscope(testInfo.project.metadata.runtime as Runtime, {
    PROVISIONING_DIR: join(dir, 'provisioning'),
    DATA_DIR: join(dir, 'data'),
    TLS_CA: prom.pems.ca,
    TLS_CERT: prom.pems.clientCert,
    TLS_KEY: prom.pems.clientKey,
  });
});

test.afterAll(async () => {
  await server?.stop();
  await prom?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('mutual TLS from the provisioning file: health, queries, and why the others fail', async ({
  request,
}) => {
  const base = server.url;
  // The first answer may say "checking" while a handshake is slow on a busy machine.
  let health: { datasources: { uid: string; checking?: true }[] } = { datasources: [] };
  await expect
    .poll(async () => {
      health = await (await request.get(`${base}/api/health`)).json();
      return health.datasources.filter((d) => !d.checking).length;
    })
    .toBe(3);
  const byUid = Object.fromEntries(health.datasources.map((d) => [d.uid, d]));
  expect(byUid.secure).toMatchObject({
    up: true,
    prometheusVersion: expect.stringMatching(/^2\./),
  });
  expect(byUid['no-client-cert']).toMatchObject({
    up: false,
    // Node hears the server's alert; Deno only the connection closing after it.
    error: expect.stringMatching(/client certificate/),
  });
  expect(byUid['no-ca']).toMatchObject({
    up: false,
    error: expect.stringMatching(/certificate is not trusted/),
  });

  const query = await request.get(
    `${base}/api/datasources/proxy/uid/secure/api/v1/query?query=vector(42)`,
  );
  expect(query.status()).toBe(200);
  const body = await query.json();
  expect(body.data.result[0].value[1]).toBe('42');

  const listed = await (await request.get(`${base}/api/datasources`)).text();
  expect(JSON.parse(listed)[0]).toMatchObject({
    uid: 'secure',
    jsonData: { tlsAuth: true, tlsAuthWithCACert: true },
    secureJsonFields: { tlsCACert: true, tlsClientCert: true, tlsClientKey: true },
  });
  const keyLine = prom.pems.clientKey.split('\n')[1]!;
  for (const shown of [listed, JSON.stringify(health), server.output()]) {
    expect(shown).not.toContain('BEGIN');
    expect(shown).not.toContain(keyLine);
  }
});
