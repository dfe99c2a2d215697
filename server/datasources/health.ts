// Is a datasource up, and which Prometheus is it? Fresh to within a second, and coalesced: a
// page full of viewers asking on every dashboard tick costs the upstream at most one buildinfo
// call per second, and a probe under way is shared, never stacked behind another one.
import { type Datasource, displayUrl } from './registry.ts';
import { callUpstream, fetchUpstream, UpstreamError } from './upstream.ts';

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
  const upstream = fetchUpstream(fetchFn);
  try {
    const info = await callUpstream(
      ds,
      '/api/v1/status/buildinfo',
      { method: 'GET' },
      { upstream, timeoutMs },
    );
    const body = await readJson(info);
    if (info.ok && body?.status === 'success') return { up: true, version: body.data?.version };
    const query = await callUpstream(
      ds,
      '/api/v1/query?query=1',
      { method: 'GET' },
      { upstream, timeoutMs },
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

interface Entry {
  result: Promise<Probe>;
  /** When the probe answered (ms since the epoch); undefined while it runs. */
  settledAt?: number;
}

export class HealthChecker {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly fetchFn: typeof fetch,
    private readonly timeoutMs = 3000, // ms
    /** How old an answer may be and still be given; older ones are re-probed on request. */
    private readonly ttlMs = 1000, // ms
    private readonly now: () => number = Date.now, // ms since the epoch
  ) {}

  /** Drops what is known of a removed datasource. */
  forget(uid: string): void {
    this.cache.delete(uid);
  }

  async check(ds: Datasource): Promise<DatasourceHealth> {
    let entry = this.cache.get(ds.uid);
    // A probe under way is joined whatever its age; a settled one is kept for ttlMs after it
    // answered (not after it started, or a slow probe would be stale on arrival).
    const stale = entry?.settledAt !== undefined && this.now() - entry.settledAt > this.ttlMs;
    if (!entry || stale) {
      const fresh: Entry = { result: probeDatasource(ds, this.fetchFn, this.timeoutMs) };
      void fresh.result.then(() => {
        fresh.settledAt = this.now();
      });
      this.cache.set(ds.uid, fresh);
      entry = fresh;
    }
    const probe = await entry.result;
    const base = { uid: ds.uid, name: ds.name, url: displayUrl(ds.url) };
    return probe.up
      ? { ...base, up: true, ...(probe.version ? { prometheusVersion: probe.version } : {}) }
      : { ...base, up: false, error: probe.error };
  }
}
