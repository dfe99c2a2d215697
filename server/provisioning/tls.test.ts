// TLS fields of a provisioned datasource, read as Grafana's dsTLSOptions reads them
// (pkg/services/datasources/service/datasource.go): which switch makes which PEM count, and
// what is said when a switch has nothing to act on. Never a PEM in an error or note.
import { describe, expect, it } from 'vitest';
import { toPublic } from '../datasources/registry.ts';
import { readDatasourceFiles } from './datasources.ts';
import { parseYamlFile } from './yaml-file.ts';

const CA = '-----BEGIN CERTIFICATE-----\nMIIBcaCERT\n-----END CERTIFICATE-----\n';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIBclientCERT\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvSECRETKEY\n-----END PRIVATE KEY-----\n';
const env = { CA, CERT, KEY };

async function read(entry: string) {
  const text = `apiVersion: 1\ndatasources:\n  - name: p\n    type: prometheus\n${entry}`;
  const parsed = parseYamlFile('ds.yaml', text);
  if (!parsed.ok) throw new Error(parsed.error);
  return readDatasourceFiles([parsed.yaml], env, {
    policy: { loopbackOnly: true, allowed: [] },
    defaultScrapeS: 15,
    defaultOverlapS: 600,
  });
}

describe('provisioned TLS settings', () => {
  it('tlsAuthWithCACert + tlsAuth + serverName + tlsSkipVerify, shown without their PEM', async () => {
    const out = await read(`    url: https://prom:9090
    jsonData:
      tlsAuthWithCACert: true
      tlsAuth: "true"
      serverName: prometheus.internal
    secureJsonData:
      tlsCACert: $CA
      tlsClientCert: \${CERT}
      tlsClientKey: $KEY
`);
    expect(out.errors).toEqual([]);
    expect(out.notes).toEqual([]);
    const ds = out.datasources[0]!;
    expect(ds.tls).toEqual({
      caCert: CA,
      clientCert: CERT,
      clientKey: KEY,
      serverName: 'prometheus.internal',
    });
    const shown = JSON.stringify(toPublic(ds));
    expect(shown).not.toContain('BEGIN');
    expect(toPublic(ds)).toMatchObject({
      jsonData: { tlsAuthWithCACert: true, tlsAuth: true, serverName: 'prometheus.internal' },
      secureJsonFields: { tlsCACert: true, tlsClientCert: true, tlsClientKey: true },
    });
  });

  it('the PEMs count only with their switch, as in Grafana', async () => {
    const out = await read(`    url: https://prom:9090
    jsonData:
      tlsSkipVerify: true
    secureJsonData:
      tlsCACert: $CA
      tlsClientCert: $CERT
      tlsClientKey: $KEY
`);
    expect(out.datasources[0]!.tls).toEqual({ skipVerify: true });
  });

  it('a switch without its PEM, or a PEM that is not one, skips the datasource naming the field', async () => {
    const noKey = await read(`    url: https://prom:9090
    jsonData: {tlsAuth: true}
    secureJsonData: {tlsClientCert: $CERT}
`);
    expect(noKey.datasources).toEqual([]);
    expect(noKey.errors).toEqual([
      'ds.yaml:6: datasources[0].jsonData.tlsAuth: needs secureJsonData.tlsClientKey',
    ]);
    const notPem = await read(`    url: https://prom:9090
    jsonData: {tlsAuthWithCACert: true}
    secureJsonData: {tlsCACert: "hunter2"}
`);
    expect(notPem.errors).toEqual([
      'ds.yaml:7: datasources[0].secureJsonData.tlsCACert: must be a PEM certificate',
    ]);
    const badKey = await read(`    url: https://prom:9090
    jsonData: {tlsAuth: true}
    secureJsonData: {tlsClientCert: $CERT, tlsClientKey: $CERT}
`);
    expect(badKey.errors[0]).toMatch(/tlsClientKey: must be a PEM private key$/);
    for (const e of [...noKey.errors, ...notPem.errors, ...badKey.errors]) {
      expect(e).not.toMatch(/hunter2|BEGIN|MIIB/);
    }
  });

  it('TLS settings on an http:// URL are a note, and the datasource is served', async () => {
    const out = await read(`    url: http://prom:9090
    jsonData: {tlsSkipVerify: true}
`);
    expect(out.datasources[0]!.tls).toBeUndefined();
    expect(out.notes).toEqual([
      'ds.yaml:3: datasource "p": its TLS settings have no effect: the URL is http://',
    ]);
  });

  it('withCredentials is a note, not an error', async () => {
    const out = await read('    url: http://prom:9090\n    withCredentials: true\n');
    expect(out.errors).toEqual([]);
    expect(out.datasources).toHaveLength(1);
    expect(out.notes[0]).toMatch(
      /withCredentials has no effect: Promscope calls the datasource from the server/,
    );
  });
});
