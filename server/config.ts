// Configuration from environment variables and matching command-line flags (flags win).
// Runtime-agnostic: the entry points pass in the environment and argv they have. Which
// settings exist, their flags and --help are config-flags.ts's; the value syntaxes
// config-values.ts's; this file turns them into a Config with its defaults.

import { parseFlags, SETTINGS } from './config-flags.ts';
import { ConfigError, parseBytes, parseCount, parseSeconds, parseUrl } from './config-values.ts';
import { allowedHosts, isLoopbackHost } from './hosts.ts';
import { describeUrlPolicy, type UrlPolicy } from './url-policy.ts';

export interface Config {
  host: string;
  port: number;
  /** The default datasource, without credentials, query or trailing slash. */
  prometheusUrl: string;
  /** Authorization header for the default datasource, from credentials in PROMETHEUS_URL. */
  prometheusAuthorization?: string;
  /** Scrape interval of the default datasource, like Grafana's jsonData.timeInterval. */ // seconds
  scrapeIntervalS: number;
  /** PROMETHEUS_URL was set: without it, a provisioned datasource replaces the built-in one. */
  prometheusUrlGiven: boolean;
  dataDir: string;
  /** postgres://…: saved dashboards and versions in PostgreSQL; '' keeps them in DATA_DIR. */
  databaseUrl: string;
  dashboardsDir: string;
  /** Grafana's provisioning folder (datasources/, dashboards/); '' when not set. */
  provisioningDir: string;
  webDir: string;
  /** URL patterns a datasource typed in the UI must match (on loopback only when set). */
  allowedDatasourceUrls: string[];
  /** How many datasources may be added from the UI; 0 turns adding off. */
  maxDatasources: number; // datasources
  readOnly: boolean;
  upstreamTimeoutMs: number; // ms
  /** Upstream calls running at once per datasource; the rest queue. */
  upstreamConcurrency: number;
  /** Requests that may wait per datasource; past that, 429. */
  upstreamQueue: number;
  /** Upstream calls one non-loopback client may have running and waiting per datasource. */
  upstreamPerClient: number;
  /** Largest upstream answer relayed. */
  maxResponseBytes: number; // bytes
  /** Bytes held by the range result cache; 0 turns it off. */
  cacheMaxBytes: number; // bytes
  /** How long a cached range result is served. */
  cacheTtlMs: number; // ms
  /** Range results ending less than this (or 2 steps) before now are never cached. */
  cacheFreshS: number; // seconds
  /** How much of a live window each tick asks again (Grafana's incrementalQueryOverlapWindow). */
  liveOverlapS: number; // seconds
  /**
   * Host names (lowercase, no port) the Host header may carry, against DNS rebinding;
   * `*.example.com` admits subdomains, `*` admits any. IP literals are always admitted.
   */
  allowedHosts: string[];
  /** Longest PromQL expression (`query`, each `match[]`) the proxy forwards. */
  maxQueryLength: number; // characters
  /** Deepest nesting of ( [ { in a PromQL expression the proxy forwards. */
  maxQueryNesting: number; // levels
  /** Requests per second each non-loopback client may make; 0 turns the limit off. */
  rateLimit: number; // requests per second
  /** Requests a client may make at once before the rate applies. */
  rateBurst: number; // requests
  /** Most panels a saved or imported dashboard may hold, those inside rows included. */
  maxPanels: number; // panels
}

export const DEFAULT_PORT = 4090; // not 3000 (Grafana) nor 9090 (Prometheus)

export interface ConfigDefaults {
  dataDir: string;
  dashboardsDir: string;
  webDir: string;
}

export function loadConfig(
  env: Record<string, string | undefined>,
  argv: readonly string[],
  defaults: ConfigDefaults,
): Config {
  const flags = parseFlags(argv);
  const get = (name: string): string | undefined => {
    const s = SETTINGS.find((x) => x.env === name)!;
    const v = flags.get(s.flag) ?? env[name];
    return v === undefined || v === '' ? undefined : v;
  };
  const portText = get('PORT') ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText.trim()) || port > 65535) {
    throw new ConfigError(`PORT: "${portText}" is not a port number`);
  }
  const readOnly = get('READ_ONLY') ?? 'false';
  if (!/^(true|false|1|0)$/.test(readOnly)) {
    throw new ConfigError(`READ_ONLY: "${readOnly}" must be true or false`);
  }
  const maxResponseBytes = parseBytes(get('MAX_RESPONSE_SIZE') ?? '64MiB', 'MAX_RESPONSE_SIZE');
  if (maxResponseBytes < 1) throw new ConfigError('MAX_RESPONSE_SIZE must be positive');
  const host = get('HOST') ?? '127.0.0.1';
  const maxQueryLength = parseBytes(get('MAX_QUERY_LENGTH') ?? '64KiB', 'MAX_QUERY_LENGTH');
  if (maxQueryLength < 1) throw new ConfigError('MAX_QUERY_LENGTH must be positive');
  const prometheus = parseUrl(get('PROMETHEUS_URL') ?? 'http://localhost:9090', 'PROMETHEUS_URL');
  return {
    host,
    port,
    prometheusUrl: prometheus.url,
    prometheusUrlGiven: get('PROMETHEUS_URL') !== undefined,
    ...(prometheus.authorization ? { prometheusAuthorization: prometheus.authorization } : {}),
    scrapeIntervalS: parseSeconds(get('SCRAPE_INTERVAL') ?? '15s', 'SCRAPE_INTERVAL'),
    dataDir: get('DATA_DIR') ?? defaults.dataDir,
    databaseUrl: parseDatabaseUrl(get('DATABASE_URL') ?? ''),
    dashboardsDir: get('DASHBOARDS_DIR') ?? defaults.dashboardsDir,
    provisioningDir: get('PROVISIONING_DIR') ?? '',
    webDir: get('WEB_DIR') ?? defaults.webDir,
    allowedDatasourceUrls: (get('ALLOWED_DATASOURCE_URLS') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    maxDatasources: parseCount(get('MAX_DATASOURCES') ?? '50', 'MAX_DATASOURCES', 0),
    readOnly: readOnly === 'true' || readOnly === '1',
    upstreamTimeoutMs: parseSeconds(get('UPSTREAM_TIMEOUT') ?? '30s', 'UPSTREAM_TIMEOUT') * 1000,
    upstreamConcurrency: parseCount(get('UPSTREAM_CONCURRENCY') ?? '10', 'UPSTREAM_CONCURRENCY', 1),
    upstreamQueue: parseCount(get('UPSTREAM_QUEUE') ?? '100', 'UPSTREAM_QUEUE', 0),
    upstreamPerClient: parseCount(get('UPSTREAM_PER_CLIENT') ?? '50', 'UPSTREAM_PER_CLIENT', 1),
    maxResponseBytes,
    cacheMaxBytes: parseBytes(get('CACHE_SIZE') ?? '32MiB', 'CACHE_SIZE'),
    cacheTtlMs: parseSeconds(get('CACHE_TTL') ?? '1m', 'CACHE_TTL') * 1000,
    cacheFreshS: parseSeconds(get('CACHE_FRESH') ?? '5m', 'CACHE_FRESH'),
    liveOverlapS: parseSeconds(get('LIVE_OVERLAP') ?? '10m', 'LIVE_OVERLAP'),
    allowedHosts: allowedHosts(host, get('ALLOWED_HOSTS')),
    maxQueryLength,
    maxQueryNesting: parseCount(get('MAX_QUERY_NESTING') ?? '100', 'MAX_QUERY_NESTING', 1),
    rateLimit: parseCount(get('RATE_LIMIT') ?? '50', 'RATE_LIMIT', 0),
    rateBurst: parseCount(get('RATE_BURST') ?? '200', 'RATE_BURST', 1),
    maxPanels: parseCount(get('MAX_PANELS') ?? '1000', 'MAX_PANELS', 1),
  };
}

/** Which datasource URLs may be added from the UI (datasources/url-policy.ts). */
export function datasourceUrlPolicy(config: Config): UrlPolicy {
  return { loopbackOnly: isLoopbackHost(config.host), allowed: config.allowedDatasourceUrls };
}

/**
 * Lines worth printing at start: the datasource URL policy in force (always, since an
 * operator behind a proxy must see whether it is open), then settings that open the server
 * up, or may surprise.
 */
export function startupNotes(config: Config): string[] {
  const notes: string[] = [describeUrlPolicy(datasourceUrlPolicy(config))];
  if (config.allowedHosts.includes('*')) {
    notes.push(
      'warning: ALLOWED_HOSTS=* turns off the Host check that protects against DNS rebinding; ' +
        'keep it only behind a proxy that checks Host itself',
    );
  } else if (!isLoopbackHost(config.host)) {
    const names = config.allowedHosts.filter((h) => h !== 'localhost');
    const also = names.length ? ` and ${names.join(', ')}` : ' only';
    notes.push(
      `note: answering to localhost and IP addresses${also}; ` +
        'to reach Promscope by another name, add it to ALLOWED_HOSTS',
    );
  }
  if (config.rateLimit === 0) notes.push('note: RATE_LIMIT=0, no per-client request limit');
  return notes;
}

/** '' or a postgres:// URL; anything else is a mistake worth stopping for. */
function parseDatabaseUrl(text: string): string {
  if (text === '' || /^postgres(ql)?:\/\//.test(text)) return text;
  throw new ConfigError('DATABASE_URL: must start with postgres:// (or be empty for DATA_DIR)');
}
