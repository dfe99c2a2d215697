// The settings Promscope reads, each an environment variable with a matching command-line
// flag: their names and help (SETTINGS), the flags in argv, and the --help text. Apart from
// config.ts, which turns the values into a Config, because this is the command line's surface:
// a new setting starts here, and --help lists it from the same table that accepts its flag.
import { ConfigError } from './config-values.ts';

interface Setting {
  env: string;
  flag: string;
  help: string;
}

export const SETTINGS: readonly Setting[] = [
  { env: 'PROMETHEUS_URL', flag: '--prometheus-url', help: 'default datasource URL' },
  { env: 'HOST', flag: '--host', help: 'address to listen on' },
  { env: 'PORT', flag: '--port', help: 'port to listen on' },
  { env: 'DATA_DIR', flag: '--data-dir', help: 'saved dashboards and added datasources' },
  {
    env: 'DATABASE_URL',
    flag: '--database-url',
    help: 'postgres://… keeps saved dashboards and their versions in PostgreSQL (replicas)',
  },
  { env: 'DASHBOARDS_DIR', flag: '--dashboards-dir', help: 'provisioned dashboards (read-only)' },
  {
    env: 'PROVISIONING_DIR',
    flag: '--provisioning-dir',
    help: "Grafana's provisioning folder: datasources/*.yaml, dashboards/*.yaml",
  },
  { env: 'WEB_DIR', flag: '--web-dir', help: 'the built web app' },
  {
    env: 'SCRAPE_INTERVAL',
    flag: '--scrape-interval',
    help: "default datasource's scrape interval",
  },
  {
    env: 'LIVE_OVERLAP',
    flag: '--live-overlap',
    help: 'how much of a live window each refresh asks again (default 10m)',
  },
  {
    env: 'ALLOWED_DATASOURCE_URLS',
    flag: '--allowed-datasource-urls',
    help: 'comma-separated URL patterns for datasources added in the UI',
  },
  {
    env: 'ALLOWED_HOSTS',
    flag: '--allowed-hosts',
    help: 'comma-separated host names the Host header may carry (* = any)',
  },
  {
    env: 'MAX_DATASOURCES',
    flag: '--max-datasources',
    help: 'datasources that may be added from the UI, 0 = none (default 50)',
  },
  { env: 'READ_ONLY', flag: '--read-only', help: 'refuse every write' },
  {
    env: 'MAX_QUERY_LENGTH',
    flag: '--max-query-length',
    help: 'longest PromQL expression proxied (default 64KiB)',
  },
  {
    env: 'MAX_QUERY_NESTING',
    flag: '--max-query-nesting',
    help: 'deepest nesting of ( [ { in a PromQL expression proxied (default 100)',
  },
  {
    env: 'RATE_LIMIT',
    flag: '--rate-limit',
    help: 'requests per second per non-loopback client, 0 = off (default 50)',
  },
  {
    env: 'RATE_BURST',
    flag: '--rate-burst',
    help: 'requests a client may make at once (default 200)',
  },
  {
    env: 'MAX_PANELS',
    flag: '--max-panels',
    help: 'most panels a saved or imported dashboard may hold (default 1000)',
  },
  {
    env: 'UPSTREAM_TIMEOUT',
    flag: '--upstream-timeout',
    help: 'upstream request timeout (default 30s)',
  },
  {
    env: 'UPSTREAM_CONCURRENCY',
    flag: '--upstream-concurrency',
    help: 'upstream calls at once per datasource (default 10)',
  },
  {
    env: 'UPSTREAM_QUEUE',
    flag: '--upstream-queue',
    help: 'requests waiting per datasource before 429 (default 100)',
  },
  {
    env: 'UPSTREAM_PER_CLIENT',
    flag: '--upstream-per-client',
    help: 'upstream calls running and waiting per datasource per non-loopback client (default 50)',
  },
  {
    env: 'MAX_RESPONSE_SIZE',
    flag: '--max-response-size',
    help: 'largest upstream answer relayed (default 64MiB)',
  },
  {
    env: 'CACHE_SIZE',
    flag: '--cache-size',
    help: 'memory for old step-aligned range results, 0 = off (default 32MiB)',
  },
  { env: 'CACHE_TTL', flag: '--cache-ttl', help: 'how long a range result is cached (default 1m)' },
  {
    env: 'CACHE_FRESH',
    flag: '--cache-fresh',
    help: 'results ending within this of now are never cached (default 5m)',
  },
];

/** Reads `--flag value` and `--flag=value` pairs; a bare boolean flag means "true". */
export function parseFlags(argv: readonly string[]): Map<string, string> {
  const known = new Set(SETTINGS.map((s) => s.flag));
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (!known.has(flag)) throw new ConfigError(`unknown option ${flag} (see --help)`);
    if (eq !== -1) out.set(flag, arg.slice(eq + 1));
    else if (flag === '--read-only') out.set(flag, 'true');
    else {
      const value = argv[++i];
      if (value === undefined) throw new ConfigError(`${flag} needs a value`);
      out.set(flag, value);
    }
  }
  return out;
}

export function helpText(): string {
  const rows = SETTINGS.map((s) => `  ${s.flag.padEnd(28)} ${s.env.padEnd(24)} ${s.help}`);
  return [
    'Usage: promscope [options]',
    '       promscope migrate-storage --from <DATA_DIR|postgres://…> --to <…>  (--help: more)',
    '',
    '  flag                         env',
    ...rows,
  ].join('\n');
}
