// The datasources this server proxies to: the default one from configuration, plus those
// added from the UI, which persist in DATA_DIR/datasources.json.
import type { FileSystem } from '../deps.ts';
import { joinPath } from '../deps.ts';
import { PlainError } from '../storage.ts';
import { checkDatasourceUrl, type UrlPolicy } from './url-policy.ts';

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
}

/** What the API shows of a datasource: Grafana's shape, never its secrets. */
export interface PublicDatasource {
  uid: string;
  name: string;
  type: 'prometheus';
  access: 'proxy';
  url: string;
  isDefault: boolean;
  readOnly: boolean;
  jsonData: { timeInterval: string; incrementalQueryOverlapWindow: string };
}

/**
 * A URL as the API may show it: without user:password, which only a hand-edited
 * datasources.json can have put there (such a datasource is refused at use anyway).
 */
export function displayUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');
}

export function toPublic(ds: Datasource): PublicDatasource {
  return {
    uid: ds.uid,
    name: ds.name,
    type: 'prometheus',
    access: 'proxy',
    url: displayUrl(ds.url),
    isDefault: ds.isDefault,
    readOnly: ds.provisioned,
    jsonData: {
      timeInterval: `${ds.scrapeIntervalS}s`,
      incrementalQueryOverlapWindow: `${ds.liveOverlapS ?? 600}s`,
    },
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

interface StoredFile {
  datasources: { uid: string; name: string; url: string }[];
}

export class DatasourceRegistry {
  private readonly items: Datasource[];
  private readonly file: string;
  private loadError: string | null = null;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    defaults: Datasource[],
    private readonly files: FileSystem,
    readonly dataDir: string,
    private readonly defaultScrapeS: number,
    private readonly defaultOverlapS = 600,
    private readonly policy: UrlPolicy = { loopbackOnly: true, allowed: [] },
  ) {
    this.items = [...defaults];
    this.file = joinPath(dataDir, 'datasources.json');
  }

  /** Reads added datasources; an unreadable file is kept untouched and further adds refused. */
  async load(): Promise<void> {
    const bytes = await this.files.readFile(this.file);
    if (!bytes) return;
    try {
      const stored = JSON.parse(new TextDecoder().decode(bytes)) as StoredFile;
      for (const d of stored.datasources) {
        if (this.items.some((x) => x.uid === d.uid || x.url === d.url)) continue;
        this.items.push({
          ...d,
          isDefault: false,
          scrapeIntervalS: this.defaultScrapeS,
          liveOverlapS: this.defaultOverlapS,
          provisioned: false,
        });
      }
    } catch (err) {
      // Said to whoever adds a datasource: the file's name, not its path; no OS message.
      const why = err instanceof SyntaxError ? 'not valid JSON' : 'not a list of datasources';
      this.loadError = `datasources.json in DATA_DIR is unreadable (${why}); fix or remove it`;
    }
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

  /** Adds and persists; resolves once the file is safely on disk. Adding a known URL returns it. */
  add(url: string, name?: string): Promise<Datasource> {
    // Serialised: each add sees the previous one's result, and temp files never interleave.
    const run = this.writing.then(async () => {
      if (this.loadError) throw new PlainError(this.loadError);
      const known = this.findByUrl(url);
      if (known) return known;
      const ds: Datasource = {
        uid: uidForUrl(url),
        name: name?.trim() || new URL(url).host,
        url,
        isDefault: false,
        scrapeIntervalS: this.defaultScrapeS,
        liveOverlapS: this.defaultOverlapS,
        provisioned: false,
      };
      const added = this.items.filter((d) => !d.provisioned).concat(ds);
      const body: StoredFile = {
        datasources: added.map(({ uid, name, url }) => ({ uid, name, url })),
      };
      await this.files.writeFileAtomic(this.file, `${JSON.stringify(body, null, 2)}\n`);
      this.items.push(ds);
      return ds;
    });
    this.writing = run.catch(() => undefined);
    return run;
  }
}
