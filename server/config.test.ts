import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, loadConfig, startupNotes } from './config.ts';
import { helpText } from './config-flags.ts';
import { ConfigError, parseSeconds } from './config-values.ts';
import { isLoopbackHost } from './hosts.ts';

const dirs = { dataDir: '/data', dashboardsDir: '/dash', webDir: '/web' };
const load = (env: Record<string, string | undefined> = {}, argv: string[] = []) =>
  loadConfig(env, argv, dirs);

/** The ConfigError a bad setting throws, so its message can be checked. */
function configError(env: Record<string, string>, argv: string[] = []): ConfigError {
  try {
    load(env, argv);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('PROVISIONING_DIR', () => {
  it('comes from the env or --provisioning-dir, the flag winning', () => {
    expect(load({ PROVISIONING_DIR: '/etc/grafana/provisioning' }).provisioningDir).toBe(
      '/etc/grafana/provisioning',
    );
    expect(load({ PROVISIONING_DIR: '/a' }, ['--provisioning-dir', '/b']).provisioningDir).toBe(
      '/b',
    );
    expect(load({ PROMETHEUS_URL: 'http://p:9090' }).prometheusUrlGiven).toBe(true);
  });
});

describe('DATABASE_URL', () => {
  it('takes a postgres:// URL from the env or --database-url, and refuses anything else', () => {
    const url = 'postgres://promscope@db.internal:5432/promscope';
    expect(loadConfig({ DATABASE_URL: url }, [], dirs).databaseUrl).toBe(url);
    expect(loadConfig({}, ['--database-url', 'postgresql://h/db'], dirs).databaseUrl).toBe(
      'postgresql://h/db',
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://h/db' }, [], dirs)).toThrow(
      /DATABASE_URL: must start with postgres:\/\//,
    );
  });
});

describe('loadConfig defaults', () => {
  it('listens on loopback port 4090 and points at a local Prometheus', () => {
    const c = load();
    expect(DEFAULT_PORT).toBe(4090);
    expect(c).toEqual({
      host: '127.0.0.1',
      port: 4090,
      prometheusUrl: 'http://localhost:9090',
      prometheusUrlGiven: false,
      scrapeIntervalS: 15,
      dataDir: '/data',
      databaseUrl: '',
      dashboardsDir: '/dash',
      provisioningDir: '',
      webDir: '/web',
      allowedDatasourceUrls: [],
      maxDatasources: 50,
      readOnly: false,
      upstreamTimeoutMs: 30_000,
      upstreamConcurrency: 10,
      upstreamQueue: 100,
      upstreamPerClient: 50,
      maxResponseBytes: 64 * 1024 * 1024,
      cacheMaxBytes: 32 * 1024 * 1024,
      cacheTtlMs: 60_000,
      cacheFreshS: 300,
      liveOverlapS: 600,
      allowedHosts: ['localhost'],
      maxQueryLength: 64 * 1024,
      maxQueryNesting: 100,
      rateLimit: 50,
      rateBurst: 200,
      maxPanels: 1000,
    });
  });

  it('treats empty environment variables as unset', () => {
    expect(load({ PORT: '', HOST: '', PROMETHEUS_URL: '' })).toMatchObject({
      port: 4090,
      host: '127.0.0.1',
      prometheusUrl: 'http://localhost:9090',
    });
  });
});

describe('loadConfig precedence', () => {
  it('reads every setting from the environment', () => {
    const c = load({
      HOST: '0.0.0.0',
      PORT: '8080',
      PROMETHEUS_URL: 'https://prom.example.com/prometheus/',
      DATA_DIR: '/var/lib/promscope',
      DASHBOARDS_DIR: '/etc/promscope/dashboards',
      WEB_DIR: '/srv/web',
      SCRAPE_INTERVAL: '1m',
      UPSTREAM_TIMEOUT: '500ms',
    });
    expect(c).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      prometheusUrl: 'https://prom.example.com/prometheus',
      dataDir: '/var/lib/promscope',
      dashboardsDir: '/etc/promscope/dashboards',
      webDir: '/srv/web',
      scrapeIntervalS: 60,
      upstreamTimeoutMs: 500,
    });
  });

  it('lets `--port 5000` beat PORT', () => {
    expect(load({ PORT: '6000' }, ['--port', '5000']).port).toBe(5000);
  });

  it('accepts the `--port=5000` form', () => {
    expect(load({ PORT: '6000' }, ['--port=5000']).port).toBe(5000);
  });

  it('reads the other flags in both forms', () => {
    const c = load({ HOST: 'localhost' }, [
      '--host=::1',
      '--prometheus-url',
      'http://prom:9090',
      '--allowed-datasource-urls=http://a:9090,http://b:9090',
    ]);
    expect(c).toMatchObject({
      host: '::1',
      prometheusUrl: 'http://prom:9090',
      allowedDatasourceUrls: ['http://a:9090', 'http://b:9090'],
    });
  });
});

describe('upstream limits and cache', () => {
  it('reads them from the environment, sizes in binary and decimal units', () => {
    expect(
      load({
        UPSTREAM_CONCURRENCY: '4',
        UPSTREAM_QUEUE: '0',
        UPSTREAM_PER_CLIENT: '7',
        MAX_RESPONSE_SIZE: '500kB',
        CACHE_SIZE: '1.5GiB',
        CACHE_TTL: '30s',
        CACHE_FRESH: '2m',
        LIVE_OVERLAP: '3m',
      }),
    ).toMatchObject({
      upstreamConcurrency: 4,
      upstreamQueue: 0,
      upstreamPerClient: 7,
      maxResponseBytes: 500_000,
      cacheMaxBytes: 1.5 * 1024 ** 3,
      cacheTtlMs: 30_000,
      cacheFreshS: 120,
      liveOverlapS: 180,
    });
  });

  it('reads the flags, and CACHE_SIZE=0 turns the cache off', () => {
    expect(
      load({}, ['--upstream-concurrency=2', '--upstream-queue', '5', '--cache-size=0']),
    ).toMatchObject({ upstreamConcurrency: 2, upstreamQueue: 5, cacheMaxBytes: 0 });
    expect(load({}, ['--max-response-size', '1048576']).maxResponseBytes).toBe(1048576);
  });

  it.each([
    [
      { UPSTREAM_CONCURRENCY: '0' },
      'UPSTREAM_CONCURRENCY: "0" is not a whole number of at least 1',
    ],
    [{ UPSTREAM_QUEUE: '-1' }, 'UPSTREAM_QUEUE: "-1" is not a whole number of at least 0'],
    [{ UPSTREAM_PER_CLIENT: '0' }, 'UPSTREAM_PER_CLIENT: "0" is not a whole number of at least 1'],
    [{ MAX_RESPONSE_SIZE: '64 furlongs' }, 'MAX_RESPONSE_SIZE: "64 furlongs" is not a size'],
    [{ MAX_RESPONSE_SIZE: '0' }, 'MAX_RESPONSE_SIZE must be positive'],
    [{ CACHE_TTL: 'soon' }, 'CACHE_TTL: "soon" is not a duration'],
  ])('refuses %o', (env, message) => {
    expect(configError(env).message).toContain(message);
  });

  it('lists them in --help with their defaults', () => {
    const help = helpText();
    for (const flag of ['--upstream-concurrency', '--upstream-queue', '--max-response-size']) {
      expect(help).toContain(flag);
    }
    expect(help).toMatch(/--cache-size\s+CACHE_SIZE\s+.*\(default 32MiB\)/);
    expect(help).toMatch(/--cache-fresh\s+CACHE_FRESH\s+.*\(default 5m\)/);
  });
});

describe('loadConfig errors', () => {
  it.each(['abc', '-1', '65536', '80.5'])('refuses PORT=%s', (port) => {
    expect(configError({ PORT: port }).message).toBe(`PORT: "${port}" is not a port number`);
  });

  it('refuses a bad --port flag by the same words', () => {
    expect(configError({}, ['--port', 'http']).message).toMatch(/PORT: "http" is not a port/);
  });

  it('refuses a PROMETHEUS_URL that is not a URL', () => {
    expect(configError({ PROMETHEUS_URL: 'not a url' }).message).toBe(
      'PROMETHEUS_URL: "not a url" is not a URL',
    );
  });

  it.each(['ftp://prom:21', 'file:///etc/passwd', 'javascript:alert(1)', 'localhost:9090'])(
    'refuses the non-http PROMETHEUS_URL %s',
    (url) => {
      expect(configError({ PROMETHEUS_URL: url }).message).toBe(
        'PROMETHEUS_URL: only http and https URLs are accepted',
      );
    },
  );

  it('refuses a PROMETHEUS_URL with a query or fragment, which would break every API path', () => {
    expect(configError({ PROMETHEUS_URL: 'http://prom:9090/?x=1' }).message).toMatch(
      /PROMETHEUS_URL: the URL must not have a query or a fragment/,
    );
    expect(configError({ PROMETHEUS_URL: 'http://prom:9090/#x' }).message).toMatch(/fragment/);
  });

  it('refuses an unknown flag, naming it', () => {
    expect(configError({}, ['--prot', '5000']).message).toBe('unknown option --prot (see --help)');
    expect(configError({}, ['--prot=5000']).message).toBe('unknown option --prot (see --help)');
    expect(configError({}, ['5000']).message).toBe('unknown option 5000 (see --help)');
  });

  it('refuses a flag without its value', () => {
    expect(configError({}, ['--port']).message).toBe('--port needs a value');
  });

  it('refuses a bad duration', () => {
    expect(configError({ SCRAPE_INTERVAL: 'often' }).message).toMatch(
      /SCRAPE_INTERVAL: "often" is not a duration/,
    );
    expect(configError({ UPSTREAM_TIMEOUT: '0s' }).message).toBe(
      'UPSTREAM_TIMEOUT must be positive',
    );
  });
});

describe('PROMETHEUS_URL credentials', () => {
  it('moves them into a server-side Authorization header and out of the URL', () => {
    const c = load({ PROMETHEUS_URL: 'https://alice:s%C3%A9cret@prom.example.com:9090/' });
    expect(c.prometheusUrl).toBe('https://prom.example.com:9090');
    expect(c.prometheusAuthorization).toBe(
      `Basic ${Buffer.from('alice:sécret', 'utf8').toString('base64')}`,
    );
  });

  it('sets no Authorization when the URL has no credentials', () => {
    expect('prometheusAuthorization' in load()).toBe(false);
  });
});

describe('ALLOWED_DATASOURCE_URLS', () => {
  it('splits on commas, trims and drops empty entries', () => {
    const c = load({ ALLOWED_DATASOURCE_URLS: ' http://a:9090 ,, https://*.example.com,  ' });
    expect(c.allowedDatasourceUrls).toEqual(['http://a:9090', 'https://*.example.com']);
  });

  it('is empty by default', () => {
    expect(load().allowedDatasourceUrls).toEqual([]);
  });
});

describe('MAX_DATASOURCES', () => {
  it('is 50 by default, and read from the environment or its flag', () => {
    expect(load().maxDatasources).toBe(50);
    expect(load({ MAX_DATASOURCES: '3' }).maxDatasources).toBe(3);
    expect(load({ MAX_DATASOURCES: '3' }, ['--max-datasources=0']).maxDatasources).toBe(0);
  });

  it('refuses anything but a whole number', () => {
    expect(configError({ MAX_DATASOURCES: 'many' }).message).toBe(
      'MAX_DATASOURCES: "many" is not a whole number of at least 0',
    );
    expect(configError({ MAX_DATASOURCES: '-1' }).message).toMatch(/^MAX_DATASOURCES: /);
  });
});

describe('READ_ONLY', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('READ_ONLY=%s → %s', (text, expected) => {
    expect(load({ READ_ONLY: text }).readOnly).toBe(expected);
  });

  it('treats a bare --read-only flag as true', () => {
    expect(load({ READ_ONLY: 'false' }, ['--read-only']).readOnly).toBe(true);
    expect(load({}, ['--read-only=false']).readOnly).toBe(false);
  });

  it('refuses anything else', () => {
    expect(configError({ READ_ONLY: 'yes' }).message).toBe(
      'READ_ONLY: "yes" must be true or false',
    );
  });
});

describe('parseSeconds', () => {
  it.each([
    ['15s', 15],
    ['15', 15],
    ['1m', 60],
    ['1h', 3600],
    ['500ms', 0.5],
    ['1.5s', 1.5],
  ])('%s → %s seconds', (text, seconds) => {
    expect(parseSeconds(text, 'X')).toBe(seconds);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '127.255.255.255',
    'localhost',
    'LocalHost',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '[0:0:0:0:0:0:0:1]',
    '::0:1',
    '0::1',
    '::0001',
    '0000:0000:0000:0000:0000:0000:0000:0001',
    '::ffff:127.0.0.1',
    '[::FFFF:7f00:1]',
  ])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  // Names DNS may resolve to any address, and spellings a resolver may read otherwise.
  it.each([
    '0.0.0.0',
    '::',
    '192.168.1.10',
    '10.0.0.1',
    'example.com',
    '',
    '127.evil.example',
    '127.0.0.1.evil.example',
    '127.0.0.1.nip.io',
    'localhost.evil.example',
    '127.0.0.1.',
    '127.0.0.256',
    '127.0.0.01',
    '127.1',
    '::2',
    '::1%lo',
    '[::1]:4090',
    '::ffff:10.0.0.1',
    '::127.0.0.1',
  ])('%s is not loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('security settings', () => {
  it('admits the loopback names and a HOST name, never a name HOST does not give', () => {
    expect(load({ HOST: '127.0.0.1' }).allowedHosts).toEqual(['localhost']);
    expect(load({ HOST: '::1' }).allowedHosts).toEqual(['localhost']);
    expect(load({ HOST: 'dash.internal' }).allowedHosts).toEqual(['localhost', 'dash.internal']);
    expect(load({ HOST: '0.0.0.0' }).allowedHosts).toEqual(['localhost']);
  });

  it('adds ALLOWED_HOSTS, lowercased, and lets * admit every name', () => {
    expect(
      load({ HOST: '0.0.0.0', ALLOWED_HOSTS: 'Dash.Example.com, *.corp.example' }).allowedHosts,
    ).toEqual(['localhost', 'dash.example.com', '*.corp.example']);
    expect(load({ ALLOWED_HOSTS: 'a.example,*' }).allowedHosts).toEqual(['*']);
    expect(load({}, ['--allowed-hosts', 'b.example']).allowedHosts).toContain('b.example');
  });

  it.each(['http://a.example', 'a.example:80', 'a b', '*a.example'])(
    'refuses the ALLOWED_HOSTS entry %j',
    (entry) => {
      expect(configError({ ALLOWED_HOSTS: entry }).message).toMatch(/^ALLOWED_HOSTS: ".*" is not/);
    },
  );

  it('reads MAX_QUERY_LENGTH as a size and the rate limit as counts', () => {
    const c = load({ MAX_QUERY_LENGTH: '8KiB', RATE_LIMIT: '0', RATE_BURST: '10' });
    expect(c).toMatchObject({ maxQueryLength: 8192, rateLimit: 0, rateBurst: 10 });
    expect(configError({ RATE_BURST: '0' }).message).toMatch(/RATE_BURST: "0" is not a whole/);
    expect(configError({ MAX_QUERY_LENGTH: '0' }).message).toBe(
      'MAX_QUERY_LENGTH must be positive',
    );
  });

  it('reads MAX_QUERY_NESTING as a count of at least 1', () => {
    expect(load({ MAX_QUERY_NESTING: '20' }).maxQueryNesting).toBe(20);
    expect(load({}, ['--max-query-nesting=500']).maxQueryNesting).toBe(500);
    expect(configError({ MAX_QUERY_NESTING: '0' }).message).toBe(
      'MAX_QUERY_NESTING: "0" is not a whole number of at least 1',
    );
  });

  it('reads MAX_PANELS as a count of at least 1', () => {
    expect(load({ MAX_PANELS: '50' }).maxPanels).toBe(50);
    expect(configError({ MAX_PANELS: '0' }).message).toMatch(/MAX_PANELS: "0" is not a whole/);
    expect(configError({ MAX_PANELS: 'many' }).message).toMatch(/MAX_PANELS: "many" is not/);
  });

  it('lists them in --help', () => {
    for (const flag of [
      '--allowed-hosts',
      '--max-query-length',
      '--max-query-nesting',
      '--upstream-per-client',
      '--rate-limit',
      '--rate-burst',
      '--max-panels',
    ]) {
      expect(helpText()).toContain(flag);
    }
  });
});

describe('startupNotes', () => {
  it('says only the datasource URL policy for the loopback defaults', () => {
    expect(startupNotes(load())).toEqual([
      'datasource URLs: any http(s) URL may be added from the UI (listening on loopback only; behind a reverse proxy, set ALLOWED_DATASOURCE_URLS)',
    ]);
  });

  it('says which datasource URL policy is in force, first, on every bind', () => {
    const only =
      'datasource URLs: only those matching ALLOWED_DATASOURCE_URLS (http://prom:9090, https://*.example.com) may be added from the UI';
    const allowed = 'http://prom:9090,https://*.example.com';
    expect(startupNotes(load({ ALLOWED_DATASOURCE_URLS: allowed }))[0]).toBe(only);
    expect(startupNotes(load({ HOST: '::1', ALLOWED_DATASOURCE_URLS: allowed }))[0]).toBe(only);
    expect(startupNotes(load({ HOST: '0.0.0.0', ALLOWED_DATASOURCE_URLS: allowed }))[0]).toBe(only);
    for (const host of ['0.0.0.0', '127.evil.example']) {
      expect(startupNotes(load({ HOST: host }))[0]).toBe(
        'datasource URLs: none may be added from the UI (listening beyond loopback; set ALLOWED_DATASOURCE_URLS to allow some)',
      );
    }
  });

  it('warns when ALLOWED_HOSTS=* turns the Host check off', () => {
    expect(startupNotes(load({ HOST: '0.0.0.0', ALLOWED_HOSTS: '*' }))[1]).toMatch(
      /^warning: ALLOWED_HOSTS=\* turns off the Host check .* DNS rebinding/,
    );
  });

  it('names the hosts a server beyond loopback answers to', () => {
    expect(startupNotes(load({ HOST: '0.0.0.0', ALLOWED_HOSTS: 'dash.example' })).slice(1)).toEqual(
      [
        'note: answering to localhost and IP addresses and dash.example; to reach Promscope by another name, add it to ALLOWED_HOSTS',
      ],
    );
    expect(startupNotes(load({ HOST: '0.0.0.0' }))[1]).toMatch(/IP addresses only; /);
  });
});
