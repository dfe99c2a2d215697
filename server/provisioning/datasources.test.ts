// Datasource provisioning files read as Grafana reads them. Cases transcribed from Grafana's
// pkg/services/provisioning/datasources/testdata (two-datasources, version-0, all-properties,
// multiple-org-default, delete-one) and config_reader_test.go, adapted to what Promscope
// serves: Prometheus datasources in one organisation.
import { describe, expect, it } from 'vitest';
import { toPublic } from '../datasources/registry.ts';
import { readDatasourceFiles, safeUidFromName } from './datasources.ts';
import { parseYamlFile, type YamlFile } from './yaml-file.ts';

const ctx = {
  policy: { loopbackOnly: true, allowed: [] },
  defaultScrapeS: 15,
  defaultOverlapS: 600,
};

function yaml(file: string, text: string): YamlFile {
  const parsed = parseYamlFile(file, text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.yaml;
}

const read = (files: [string, string][], env: Record<string, string> = {}) =>
  readDatasourceFiles(
    files.map(([f, t]) => yaml(f, t)),
    env,
    ctx,
  );

const SEED = `apiVersion: 1
datasources:
  - name: prometheus
    type: prometheus
    access: proxy
    url: http://prometheus:9090
    is_default: true
    uid: prometheus
    editable: true
  - name: loki
    type: loki
    access: proxy
    url: http://loki:3100
`;

describe('readDatasourceFiles', () => {
  it('reads the seed format: snake_case is_default, uid, editable; Loki skipped with a reason', async () => {
    const out = await read([['datasources/datasource.yml', SEED]]);
    expect(out.errors).toEqual([]);
    expect(out.datasources).toHaveLength(1);
    expect(out.datasources[0]).toMatchObject({
      uid: 'prometheus',
      name: 'prometheus',
      url: 'http://prometheus:9090',
      isDefault: true,
      editable: true,
      provisioned: true,
      scrapeIntervalS: 15,
      source: 'datasources/datasource.yml:3',
    });
    expect(out.skipped).toEqual([
      {
        name: 'loki',
        type: 'loki',
        file: 'datasources/datasource.yml:10',
        reason: expect.stringMatching(/Prometheus datasources only/),
      },
    ]);
  });

  it('two-datasources.yaml (apiVersion 0): Graphite skipped, Prometheus with a uid from its name', async () => {
    const out = await read([
      [
        'two-datasources.yaml',
        'datasources:\n  - name: Graphite\n    type: graphite\n    access: proxy\n    url: http://localhost:8080\n  - name: Prometheus\n    type: prometheus\n    access: proxy\n    url: http://localhost:9090\n',
      ],
    ]);
    expect(out.skipped.map((s) => s.name)).toEqual(['Graphite']);
    expect(out.datasources.map((d) => [d.name, d.uid, d.url])).toEqual([
      ['Prometheus', await safeUidFromName('Prometheus'), 'http://localhost:9090'],
    ]);
    expect(await safeUidFromName('Prometheus')).toMatch(/^P[0-9A-F]{16}$/);
  });

  it('version-0.yaml / all-properties.yaml: orgId 2 is skipped, its deletes still read', async () => {
    const v0 = `datasources:
  - name: name
    type: prometheus
    access: proxy
    org_id: 2
    url: http://url
delete_datasources:
  - name: old-graphite3
    org_id: 2
`;
    const out = await read([['version-0.yaml', v0]]);
    expect(out.datasources).toEqual([]);
    expect(out.skipped[0]?.reason).toMatch(/orgId 2/);
    expect(out.deleted).toEqual(['old-graphite3']);
  });

  it('apiVersion 1: $VAR and ${VAR} from the environment, $$ a literal $ (all-properties.yaml name: $TEST_VAR)', async () => {
    const out = await read(
      [
        [
          'env.yaml',
          `apiVersion: 1
datasources:
  - name: $TEST_VAR
    type: prometheus
    url: http://\${PROM_HOST}:9090
    basicAuth: $BASIC
    basicAuthUser: admin
    secureJsonData:
      basicAuthPassword: pa$$word
`,
        ],
      ],
      { TEST_VAR: 'name', PROM_HOST: 'prom.internal', BASIC: 'true' },
    );
    expect(out.errors).toEqual([]);
    const ds = out.datasources[0]!;
    expect(ds.name).toBe('name');
    expect(ds.url).toBe('http://prom.internal:9090');
    expect(ds.authorization).toBe(`Basic ${btoa('admin:pa$word')}`);
  });

  it('apiVersion 0 files are not interpolated, as in Grafana', async () => {
    const out = await read(
      [
        [
          'v0.yaml',
          'datasources:\n  - name: $NAME\n    type: prometheus\n    url: http://h:9090\n',
        ],
      ],
      { NAME: 'x' },
    );
    expect(out.datasources[0]?.name).toBe('$NAME');
  });

  it('reads jsonData (timeInterval, httpMethod, overlap, custom headers) and keeps secrets out of the API', async () => {
    const out = await read([
      [
        'mimir.yaml',
        `apiVersion: 1
datasources:
  - name: Mimir
    type: prometheus
    uid: mimir
    url: http://mimir:9009/prometheus
    isDefault: true
    basicAuth: true
    basicAuthUser: tenant
    jsonData:
      timeInterval: 30s
      httpMethod: get
      incrementalQueryOverlapWindow: 5m
      httpHeaderName1: X-Scope-OrgID
      tlsSkipVerify: true
    secureJsonData:
      basicAuthPassword: hunter2
      httpHeaderValue1: team-a-secret
`,
      ],
    ]);
    expect(out.errors).toEqual([]);
    const ds = out.datasources[0]!;
    expect(ds).toMatchObject({
      scrapeIntervalS: 30,
      liveOverlapS: 300,
      httpMethod: 'GET',
      headers: { 'X-Scope-OrgID': 'team-a-secret' },
    });
    expect(out.notes.join('\n')).toMatch(/TLS settings have no effect: the URL is http/);
    const shown = JSON.stringify(toPublic(ds));
    expect(shown).not.toContain('hunter2');
    expect(shown).not.toContain('team-a-secret');
    expect(toPublic(ds)).toMatchObject({
      readOnly: true,
      basicAuth: true,
      basicAuthUser: 'tenant',
      jsonData: { timeInterval: '30s', httpMethod: 'GET', httpHeaderName1: 'X-Scope-OrgID' },
      secureJsonFields: { basicAuthPassword: true, httpHeaderValue1: true },
    });
  });

  it('multiple-org-default: a second default is an error and the first stays the default', async () => {
    const out = await read([
      [
        'a.yaml',
        'apiVersion: 1\ndatasources:\n  - {name: a, type: prometheus, url: "http://a:9090", isDefault: true}\n',
      ],
      [
        'b.yaml',
        'apiVersion: 1\ndatasources:\n  - {name: b, type: prometheus, url: "http://b:9090", isDefault: true}\n',
      ],
    ]);
    expect(out.datasources.map((d) => [d.name, d.isDefault])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(out.errors[0]).toMatch(/^b\.yaml:3: datasource "b" is marked default/);
  });

  it('delete-one: a later file deletes by name; upserts replace by name', async () => {
    const out = await read([
      [
        '1.yaml',
        'apiVersion: 1\ndatasources:\n  - {name: old, type: prometheus, url: "http://o:9090"}\n  - {name: keep, type: prometheus, url: "http://k:9090"}\n',
      ],
      [
        '2.yaml',
        'apiVersion: 1\ndeleteDatasources:\n  - {name: old, orgId: 1}\ndatasources:\n  - {name: keep, type: prometheus, url: "http://k2:9090"}\n',
      ],
    ]);
    expect(out.datasources.map((d) => [d.name, d.url])).toEqual([['keep', 'http://k2:9090']]);
    expect(out.deleted).toEqual(['old']);
  });

  it('a bad field is reported with file, line and field, never its value; the rest is kept', async () => {
    const out = await read([
      [
        'bad.yaml',
        `apiVersion: 1
datasources:
  - name: creds
    type: prometheus
    url: http://user:s3cret@prom:9090
  - name: bool
    type: prometheus
    url: http://p:9090
    isDefault: maybe
  - name: header
    type: prometheus
    url: http://p:9090
    jsonData:
      httpHeaderName1: Host
  - name: fine
    type: prometheus
    url: http://fine:9090
`,
      ],
    ]);
    expect(out.datasources.map((d) => d.name)).toEqual(['fine']);
    expect(out.errors).toEqual([
      expect.stringMatching(/^bad\.yaml:5: datasources\[0\]\.url: must be an http\(s\) URL/),
      'bad.yaml:9: datasources[1].isDefault: must be true or false',
      expect.stringMatching(
        /^bad\.yaml:14: datasources\[2\]\.jsonData\.httpHeaderName1: Host is set by the proxy/,
      ),
    ]);
    expect(out.errors.join('\n')).not.toContain('s3cret');
  });

  it('ALLOWED_DATASOURCE_URLS applies to provisioned URLs too', async () => {
    const out = await readDatasourceFiles(
      [
        yaml(
          'p.yaml',
          'apiVersion: 1\ndatasources:\n  - {name: x, type: prometheus, url: "http://elsewhere:9090"}\n',
        ),
      ],
      {},
      { ...ctx, policy: { loopbackOnly: false, allowed: ['http://prom:9090'] } },
    );
    expect(out.datasources).toEqual([]);
    expect(out.skipped[0]?.reason).toMatch(/does not match ALLOWED_DATASOURCE_URLS/);
  });
});
