// How a replica on PostgreSQL learns that another one changed something: one LISTEN connection
// per process on the channels below; a store that caches what it reads often subscribes, and
// drops the entry a notification names. A NOTIFY sent while this connection was down is lost
// for good, so the feed is only trusted while it is up: when it drops, every subscriber's
// `reset` runs at once (caches cleared, and not refilled: `live` is false, stores read
// through), and again when a new LISTEN has taken (anything read meanwhile was not cached).
// Reconnection is ours, not the client's: postgres.js re-listens once after a close and gives
// up silently if that fails, which would leave a replica trusting a dead feed.
//
// A NOTIFY reaches the other replicas a little after the writer's commit, so a request that
// reaches another replica right after the acknowledgement could beat it. Before trusting a
// cached entry a reader therefore passes a `fence`: a `SELECT 1` on the LISTEN connection
// itself. PostgreSQL signals every listening session when the writer commits (before the
// writer hears its commit), and a signalled session sends its pending notifications before it
// answers its next command; postgres.js hands them over in the order they came. So once the
// fence is back, every change committed before the request arrived has been applied. It reads
// no table; readers arriving together share one fence (at most one in flight and one queued).
import postgres from 'postgres';

export const CHANNELS = ['promscope_dashboards', 'promscope_folders', 'promscope_datasources'];
export type Channel = 'promscope_dashboards' | 'promscope_folders' | 'promscope_datasources';

/** Between attempts to listen again (ms), doubling up to the last. */
const RETRY_MS = [100, 500, 1000, 2000, 5000];

export interface Subscriber {
  /** A row named `key` changed on some replica (this one included). */
  changed(key: string): void;
  /** Everything may have changed: the feed dropped or came back. */
  reset(): void;
}

/** What a store needs of the feed; `null` in its place means "no feed, cache nothing". */
export interface ChangeFeed {
  readonly live: boolean;
  subscribe(channel: Channel, sub: Subscriber): void;
  /** Resolves once every notification committed before the call has been applied. */
  fence(): Promise<void>;
}

export class PgChangeFeed implements ChangeFeed {
  private up = false;
  private closed = false;
  private attempt = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private readonly subs = new Map<Channel, Subscriber[]>();
  private sent: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private readonly sql: postgres.Sql;
  /** How many times the feed has come up (1 after start); for tests and the log. */
  connects = 0;

  constructor(
    url: string,
    private readonly log?: (line: string) => void,
  ) {
    // onnotify is the client's own hook (what its sql.listen uses), missing from its types.
    const options = {
      max: 1,
      idle_timeout: 0,
      max_lifetime: 0,
      fetch_types: false,
      onnotice: () => undefined,
      connection: { application_name: 'promscope-listen' },
      onnotify: (channel: string, text: string) => this.notified(channel, text),
      onclose: () => this.dropped(),
    };
    this.sql = postgres(url, options);
  }

  get live(): boolean {
    return this.up;
  }

  subscribe(channel: Channel, sub: Subscriber): void {
    this.subs.set(channel, [...(this.subs.get(channel) ?? []), sub]);
  }

  fence(): Promise<void> {
    if (!this.up) return Promise.resolve();
    // One in flight was sent before this caller came, so it proves nothing to it: join the next.
    if (this.queued) return this.queued;
    if (!this.sent) return this.send();
    const queued = this.sent.then(() => {
      if (this.queued === queued) this.queued = null;
      return this.send();
    });
    this.queued = queued;
    return queued;
  }

  private send(): Promise<void> {
    // A failed fence means the connection dropped: dropped() has cleared the caches already.
    const sent = this.sql`SELECT 1`.then(
      () => undefined,
      () => undefined,
    );
    this.sent = sent;
    void sent.then(() => {
      if (this.sent === sent) this.sent = null;
    });
    return sent;
  }

  /** Listens on every channel; rejects when PostgreSQL cannot be reached (the first time only). */
  async start(): Promise<void> {
    await this.listen();
  }

  private async listen(): Promise<void> {
    await this.sql.unsafe(CHANNELS.map((c) => `LISTEN ${c}`).join('; '));
    this.up = true;
    this.attempt = 0;
    this.connects++;
    if (this.connects > 1)
      this.log?.('promscope: PostgreSQL LISTEN connection back; caches cleared');
    this.resetAll();
  }

  private notified(channel: string, key: string): void {
    for (const sub of this.subs.get(channel as Channel) ?? []) sub.changed(key);
  }

  private dropped(): void {
    if (!this.up && this.retry) return;
    this.up = false;
    this.resetAll();
    if (this.closed) return;
    this.log?.('promscope: PostgreSQL LISTEN connection lost; reading through until it is back');
    this.schedule();
  }

  private schedule(): void {
    const wait = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)]!;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.closed) return;
      this.listen().catch(() => {
        if (!this.up && !this.retry && !this.closed) this.schedule();
      });
    }, wait);
  }

  private resetAll(): void {
    for (const subs of this.subs.values()) for (const sub of subs) sub.reset();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.up = false;
    await this.sql.end({ timeout: 1 });
  }
}
