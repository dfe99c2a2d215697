// The datasources this server proxies to: the default one from configuration, plus those
// added from the UI, which persist in an AddedDatasources store (added.ts: DATA_DIR's
// datasources.json, or PostgreSQL). The list is held in memory, so the proxy's lookup costs
// nothing; on PostgreSQL another replica's change makes it read the list again.
import type { PublicDatasource } from '../../contract/api.ts';
import type { UpstreamTls } from '../deps.ts';
import { PlainError } from '../storage.ts';
import { checkDatasourceUrl, type UrlPolicy } from '../url-policy.ts';
import type { AddedDatasources, StoredDatasource } from './added.ts';

export interface Datasource {
  uid: string;
  name: string;
  url: string; // no trailing slash
  isDefault: boolean;
  scrapeIntervalS: number; // seconds
  /** How much of a live window each refresh asks again (s); 600 when not set. */
  liveOverlapS?: number; // seconds
  /** From configuration (cannot be removed from the UI) or added in the UI. */
  provisioned: boolean;
  /** Authorization header value for upstream calls; never leaves the server. */
  authorization?: string;
  /** A provisioning file's `editable: true`: it may be removed from the UI (until restart). */
  editable?: boolean;
  /** The provisioning file and line it comes from. */
  source?: string;
  /** jsonData.httpMethod: the method upstream calls use, whatever the browser sent. */
  httpMethod?: 'GET' | 'POST';
  /** basicAuthUser, shown as Grafana shows it (the password never is). */
  basicAuthUser?: string;
  /** Custom headers (jsonData.httpHeaderNameN: secureJsonData.httpHeaderValueN); secret. */
  headers?: Record<string, string>;
  /** Names of the secureJsonData fields set, as Grafana's secureJsonFields: never values. */
  secureFields?: string[];
  /** TLS towards the upstream (provisioning's jsonData.tls*); certificates and key are secret. */
  tls?: UpstreamTls;
}

/**
 * A URL as the API may show it: without user:password, which only a hand-edited
 * datasources.json can have put there (such a datasource is refused at use anyway).
 */
export function displayUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');
}

/** What the API shows of a datasource: Grafana's shape, never its secrets. */
export function toPublic(ds: Datasource): PublicDatasource {
  const headerNames = Object.keys(ds.headers ?? {});
  return {
    uid: ds.uid,
    name: ds.name,
    type: 'prometheus',
    access: 'proxy',
    url: displayUrl(ds.url),
    isDefault: ds.isDefault,
    readOnly: ds.provisioned && !ds.editable,
    basicAuth: ds.basicAuthUser !== undefined,
    ...(ds.basicAuthUser !== undefined ? { basicAuthUser: ds.basicAuthUser } : {}),
    jsonData: {
      timeInterval: `${ds.scrapeIntervalS}s`,
      incrementalQueryOverlapWindow: `${ds.liveOverlapS ?? 600}s`,
      ...(ds.httpMethod ? { httpMethod: ds.httpMethod } : {}),
      ...Object.fromEntries(headerNames.map((h, i) => [`httpHeaderName${i + 1}`, h])),
      ...tlsJsonData(ds.tls),
    },
    secureJsonFields: Object.fromEntries((ds.secureFields ?? []).map((k) => [k, true])),
    ...(ds.source ? { provisionedFrom: ds.source } : {}),
  };
}

/** The jsonData switches Grafana shows for TLS: which are on, and the server name; no PEM. */
function tlsJsonData(
  tls: UpstreamTls | undefined,
): Pick<
  PublicDatasource['jsonData'],
  'tlsSkipVerify' | 'tlsAuthWithCACert' | 'tlsAuth' | 'serverName'
> {
  if (!tls) return {};
  return {
    ...(tls.skipVerify ? { tlsSkipVerify: true } : {}),
    ...(tls.caCert ? { tlsAuthWithCACert: true } : {}),
    ...(tls.clientCert ? { tlsAuth: true } : {}),
    ...(tls.serverName ? { serverName: tls.serverName } : {}),
  };
}

/** A stable uid for a URL (FNV-1a, 32 bit), so re-adding a URL after a restart finds the same one. */
export function uidForUrl(url: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `prom-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/** Adding one more would pass MAX_DATASOURCES; the route answers 409. */
export class DatasourceLimitError extends Error {
  constructor(readonly max: number) {
    super(
      max === 0
        ? 'adding datasources from the UI is turned off on this server (MAX_DATASOURCES=0)'
        : `this server already has ${max} added datasources, the most MAX_DATASOURCES allows; remove one first, or raise MAX_DATASOURCES`,
    );
  }
}

export class DatasourceRegistry {
  private items: Datasource[];
  private loadError: string | null = null;
  private writing: Promise<unknown> = Promise.resolve();
  private reloading: Promise<void> = Promise.resolve();

  constructor(
    defaults: Datasource[],
    private readonly store: AddedDatasources,
    private readonly defaultScrapeS: number,
    private readonly defaultOverlapS = 600,
    private readonly policy: UrlPolicy = { loopbackOnly: true, allowed: [] },
    /** MAX_DATASOURCES: how many may be added from the UI. */
    private readonly maxAdded = Number.POSITIVE_INFINITY,
  ) {
    this.items = [...defaults];
    store.onChange?.(() => {
      this.reloading = this.reload();
    });
  }

  get dataDir(): string {
    return this.store.dataDir;
  }

  /** Reads added datasources; an unreadable store is kept untouched and further adds refused. */
  async load(deleted: readonly string[] = []): Promise<void> {
    const { items, error } = await this.store.load(deleted);
    this.loadError = error ?? null;
    this.setAdded(items);
  }

  /** Another replica changed the list: read it again (a failed read keeps the list held). */
  private async reload(): Promise<void> {
    const loaded = await this.store.load([]).catch(() => null);
    if (loaded && !loaded.error) this.setAdded(loaded.items);
  }

  /** Resolves once a change another replica committed before the call is in the list. */
  async current(): Promise<void> {
    await this.store.fresh?.();
    await this.reloading;
  }

  /**
   * The datasource by uid; one not held is looked for again after `current`, so a datasource
   * just added on another replica is found by the first request for it. (A known uid costs no
   * wait: the proxy's lookup stays free.)
   */
  async lookup(uid: string): Promise<Datasource | undefined> {
    const held = this.get(uid);
    if (held) return held;
    await this.current();
    return this.get(uid);
  }

  private setAdded(stored: readonly StoredDatasource[]): void {
    const configured = this.items.filter((d) => d.provisioned);
    const added: Datasource[] = [];
    for (const d of stored) {
      const all = [...configured, ...added];
      if (all.some((x) => x.uid === d.uid || x.url === d.url)) continue;
      added.push(this.fromStored(d));
    }
    this.items = [...configured, ...added];
  }

  private fromStored(d: StoredDatasource): Datasource {
    return {
      uid: d.uid,
      name: d.name,
      url: d.url,
      isDefault: false,
      scrapeIntervalS: this.defaultScrapeS,
      liveOverlapS: this.defaultOverlapS,
      provisioned: false,
    };
  }

  list(): readonly Datasource[] {
    return this.items;
  }

  get(uid: string): Datasource | undefined {
    return this.items.find((d) => d.uid === uid);
  }

  /**
   * Why `ds` may not be called, or null when it may. Checked on every use, not only on add:
   * DATA_DIR/datasources.json may have been edited by hand (a file: URL, or one outside
   * ALLOWED_DATASOURCE_URLS), and the policy may have changed since it was added.
   */
  refusal(ds: Datasource): string | null {
    if (ds.provisioned) return null; // the operator's own configuration, checked at start
    const checked = checkDatasourceUrl(ds.url, this.policy);
    if (!checked.ok) return `datasource "${ds.name}" is refused: ${checked.reason}`;
    if (checked.url !== ds.url) {
      return `datasource "${ds.name}" is refused: its URL is not in normal form (${checked.url})`;
    }
    return null;
  }

  findByUrl(url: string): Datasource | undefined {
    return this.items.find((d) => d.url === url);
  }

  /** The error adding one more datasource would meet now, or null when there is room. */
  full(): DatasourceLimitError | null {
    const added = this.items.filter((d) => !d.provisioned).length;
    return added >= this.maxAdded ? new DatasourceLimitError(this.maxAdded) : null;
  }

  /** Adds and persists; resolves once the file is safely on disk. Adding a known URL returns it. */
  add(url: string, name?: string): Promise<Datasource> {
    // Serialised: each add sees the previous one's result, and temp files never interleave.
    const run = this.writing.then(async () => {
      if (this.loadError) throw new PlainError(this.loadError);
      const known = this.findByUrl(url);
      if (known) return known;
      // Checked here too, inside the queue: adds racing past the route's check stop at the cap.
      const full = this.full();
      if (full) throw full;
      const name_ = name?.trim() || new URL(url).host;
      // The store checks again: another replica may have added it, or filled the cap, meanwhile.
      const stored = await this.store.add({ uid: uidForUrl(url), name: name_, url }, this.maxAdded);
      if (stored === 'full') throw new DatasourceLimitError(this.maxAdded);
      const held = this.get(stored.uid);
      if (held) return held;
      const ds = this.fromStored(stored);
      this.items.push(ds);
      return ds;
    });
    this.writing = run.catch(() => undefined);
    return run;
  }

  /**
   * Removes a datasource added from the UI and persists; resolves with it once the file is
   * safely on disk, or null when there is none by that uid (gone already). Configured
   * (provisioned) ones are the operator's: the route refuses them, and so does this.
   */
  remove(uid: string): Promise<Datasource | null> {
    const run = this.writing.then(async () => {
      if (this.loadError) throw new Error(this.loadError);
      const ds = this.get(uid);
      if (!ds) return null;
      if (ds.provisioned && !ds.editable) {
        throw new Error(`datasource "${ds.name}" is configured on the server`);
      }
      if (ds.provisioned) {
        // Editable in its provisioning file: removed until the next start, as in Grafana.
        this.items.splice(this.items.indexOf(ds), 1);
        return ds;
      }
      await this.store.remove(uid);
      const at = this.items.indexOf(ds);
      if (at >= 0) this.items.splice(at, 1);
      return ds;
    });
    this.writing = run.catch(() => undefined);
    return run;
  }
}
