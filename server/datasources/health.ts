// Is a datasource up, and which Prometheus is it? Cached briefly and coalesced, so a page full
// of viewers polling /api/health costs the upstream one buildinfo call per interval.
import { type Datasource, displayUrl } from './registry.ts';
import { callUpstream, UpstreamError } from './upstream.ts';

export interface DatasourceHealth {
  uid: string;
  name: string;
  url: string;
  up: boolean;
  prometheusVersion?: string;
  error?: string;
}

type Probe = { up: true; version?: string } | { up: false; error: string };

async function readJson(
  res: Response,
): Promise<{ status?: string; data?: { version?: string } } | null> {
  try {
    return (await res.json()) as { status?: string; data?: { version?: string } };
  } catch {
    return null;
  }
}

/**
 * Up means it answers the Prometheus query API. buildinfo gives the version; servers that speak
 * the query API without buildinfo (some long-term stores) still count as up.
 */
export async function probeDatasource(
  ds: Datasource,
  fetchFn: typeof fetch,
  timeoutMs: number,
): Promise<Probe> {
  try {
    const info = await callUpstream(
      ds,
      '/api/v1/status/buildinfo',
      { method: 'GET' },
      { fetch: fetchFn, timeoutMs },
    );
    const body = await readJson(info);
    if (info.ok && body?.status === 'success') return { up: true, version: body.data?.version };
    const query = await callUpstream(
      ds,
      '/api/v1/query?query=1',
      { method: 'GET' },
      { fetch: fetchFn, timeoutMs },
    );
    if (query.ok && (await readJson(query))?.status === 'success') return { up: true };
    return {
      up: false,
      error: `${ds.url} does not answer like Prometheus (HTTP ${query.status} from /api/v1/query)`,
    };
  } catch (err) {
    return { up: false, error: err instanceof UpstreamError ? err.message : String(err) };
  }
}

export class HealthChecker {
  private readonly cache = new Map<string, { at: number; result: Promise<Probe> }>();

  constructor(
    private readonly fetchFn: typeof fetch,
    private readonly timeoutMs = 3000, // ms
    private readonly ttlMs = 5000, // ms
  ) {}

  async check(ds: Datasource): Promise<DatasourceHealth> {
    const now = Date.now();
    let entry = this.cache.get(ds.uid);
    if (!entry || now - entry.at > this.ttlMs) {
      entry = { at: now, result: probeDatasource(ds, this.fetchFn, this.timeoutMs) };
      this.cache.set(ds.uid, entry);
    }
    const probe = await entry.result;
    const base = { uid: ds.uid, name: ds.name, url: displayUrl(ds.url) };
    return probe.up
      ? { ...base, up: true, ...(probe.version ? { prometheusVersion: probe.version } : {}) }
      : { ...base, up: false, error: probe.error };
  }
}
