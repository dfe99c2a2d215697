// TLS towards a datasource on Node, against Debian's real Prometheus serving TLS (and mutual
// TLS) with certificates made by openssl for this run: the probe and the proxy's client
// (node:https) with the provisioning file's CA, client certificate, tlsSkipVerify and
// serverName, and the words a person reads when one is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { UpstreamTls } from '../deps.ts';
import { MemoryFs, testConfig } from '../test-helpers.ts';
import { startTlsPrometheus, type TlsPrometheus } from '../test-tls.ts';
import { probeDatasource } from './health.ts';
import type { Datasource } from './registry.ts';
import { type NodeUpstream, nodeUpstream } from './upstream.node.ts';

let tls: TlsPrometheus;
let mtls: TlsPrometheus;
let client: NodeUpstream;

beforeAll(async () => {
  [tls, mtls] = await Promise.all([
    startTlsPrometheus({ mtls: false }),
    startTlsPrometheus({ mtls: true }),
  ]);
  client = nodeUpstream();
}, 60_000);

afterAll(async () => {
  client?.close();
  await Promise.all([tls?.stop(), mtls?.stop()]);
});

const ds = (url: string, settings?: UpstreamTls): Datasource => ({
  uid: 'tls',
  name: 'tls',
  url,
  isDefault: true,
  scrapeIntervalS: 15,
  provisioned: true,
  ...(settings ? { tls: settings } : {}),
});

const probe = (d: Datasource) => probeDatasource(d, client.upstream, 10_000);

describe('TLS datasources on Node (real Prometheus)', () => {
  it('without the CA, the probe fails with a certificate error', async () => {
    const p = await probe(ds(tls.url));
    expect(p).toEqual({
      up: false,
      error: expect.stringMatching(/unreachable: its TLS certificate is not trusted/),
    });
  });

  it('with tlsCACert, the probe and queries work', async () => {
    const d = ds(tls.url, { caCert: tls.pems.ca });
    expect(await probe(d)).toEqual({ up: true, version: expect.stringMatching(/^2\./) });
    const res = await client.upstream(`${tls.url}/api/v1/query?query=vector(7)`, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      signal: new AbortController().signal,
      tls: d.tls,
    });
    const body = (await res.json()) as { data: { result: { value: [number, string] }[] } };
    expect(body.data.result[0]!.value[1]).toBe('7');
  });

  it('a CA that did not sign the certificate is not enough', async () => {
    const p = await probe(ds(tls.url, { caCert: tls.pems.otherCa }));
    expect(p).toMatchObject({ up: false, error: expect.stringMatching(/not trusted/) });
  });

  it('tlsSkipVerify accepts the certificate without any CA', async () => {
    expect(await probe(ds(tls.url, { skipVerify: true }))).toMatchObject({ up: true });
  });

  it('serverName is the name the certificate is checked against', async () => {
    // The certificate is for 127.0.0.1 and prometheus.test: a URL by address, checked as
    // prometheus.test, passes; checked as another name, it does not.
    const right = ds(tls.url, { caCert: tls.pems.ca, serverName: 'prometheus.test' });
    expect(await probe(right)).toMatchObject({ up: true });
    const wrong = ds(tls.url, { caCert: tls.pems.ca, serverName: 'grafana.test' });
    expect(await probe(wrong)).toMatchObject({
      up: false,
      error: expect.stringMatching(/certificate is for another host name/),
    });
  });

  it('mutual TLS: refused without a client certificate, served with one', async () => {
    const without = await probe(ds(mtls.url, { caCert: mtls.pems.ca }));
    expect(without).toMatchObject({
      up: false,
      error: expect.stringMatching(/asks for a client certificate/),
    });
    const withCert = ds(mtls.url, {
      caCert: mtls.pems.ca,
      clientCert: mtls.pems.clientCert,
      clientKey: mtls.pems.clientKey,
    });
    expect(await probe(withCert)).toMatchObject({ up: true });
  });

  it('a provisioning file with tlsAuth and tlsAuthWithCACert works end to end, secrets kept', async () => {
    const yaml = `apiVersion: 1
datasources:
  - name: secure
    type: prometheus
    uid: secure
    url: ${mtls.url}
    isDefault: true
    withCredentials: true
    jsonData:
      tlsAuth: true
      tlsAuthWithCACert: true
      serverName: prometheus.test
    secureJsonData:
      tlsCACert: $TLS_CA
      tlsClientCert: $TLS_CERT
      tlsClientKey: $TLS_KEY
`;
    const lines: string[] = [];
    const { app } = await createApp(
      testConfig({ provisioningDir: '/prov', prometheusUrlGiven: false }),
      {
        files: new MemoryFs({ '/prov/datasources/ds.yaml': yaml }),
        upstream: client.upstream,
        log: (line) => lines.push(line),
        env: {
          TLS_CA: mtls.pems.ca,
          TLS_CERT: mtls.pems.clientCert,
          TLS_KEY: mtls.pems.clientKey,
        },
      },
    );
    const health = await (await app.request('/api/health')).json();
    expect(health.datasources).toEqual([expect.objectContaining({ uid: 'secure', up: true })]);
    const query = await app.request(
      '/api/datasources/proxy/uid/secure/api/v1/query?query=vector(3)',
    );
    expect(query.status).toBe(200);
    expect(JSON.stringify(await query.json())).toContain('"3"');
    const listed = await (await app.request('/api/datasources')).text();
    expect(JSON.parse(listed)[0]).toMatchObject({
      jsonData: { tlsAuth: true, tlsAuthWithCACert: true, serverName: 'prometheus.test' },
      secureJsonFields: { tlsCACert: true, tlsClientCert: true, tlsClientKey: true },
    });
    for (const shown of [listed, JSON.stringify(health), lines.join('\n')]) {
      expect(shown).not.toContain('BEGIN');
      expect(shown).not.toContain(mtls.pems.clientKey.split('\n')[1]!);
    }
    expect(lines.join('\n')).toMatch(/withCredentials has no effect/);
    expect(lines.join('\n')).not.toMatch(/error/);
  });
});
