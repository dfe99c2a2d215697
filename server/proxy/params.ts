// Pure helpers on the parameters of a proxied call: the key that makes two requests "the
// same" (for merging and caching), whether a range result is old and aligned enough to cache,
// and the `timeout` parameter Prometheus should stop at. Raw text is kept byte for byte
// wherever it goes upstream; only the key is built from decoded, sorted values.

/**
 * Parameters as Prometheus reads them (Go's Request.Form): the form body and the URL query
 * both, so a GET and a POST of the same query are the same call. Keys are sorted; the values
 * of a repeated key (match[]) keep their order.
 */
export function normalisedParams(query: string, form?: string): string {
  return normalise(paramPairs(query, form));
}

/** The decoded parameters of the URL query, then of the form body, in order. */
export function paramPairs(query: string, form?: string): [string, string][] {
  return [...new URLSearchParams(query), ...new URLSearchParams(form ?? '')];
}

/** normalisedParams from pairs already parsed. */
export function normalise(pairs: readonly [string, string][]): string {
  const sorted = [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); // stable
  return sorted.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** One key per upstream call: datasource, endpoint and normalised parameters. */
export function requestKey(uid: string, endpoint: string, params: string): string {
  return `${uid}\n${endpoint}\n${params}`;
}

const UNITS: Record<string, number> = {
  y: 365 * 86400,
  w: 7 * 86400,
  d: 86400,
  h: 3600,
  m: 60,
  s: 1,
  ms: 0.001,
};

/**
 * Seconds from a Prometheus duration parameter: a float ("15", "0.5") or a duration string
 * ("1m30s", "500ms"); https://prometheus.io/docs/prometheus/latest/querying/basics/#time-durations.
 * Undefined when it is neither.
 */
export function parseDurationParam(text: string | null): number | undefined {
  if (text === null) return undefined;
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const m = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/.exec(
    t,
  );
  if (!m || t === '') return undefined;
  const units = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
  return units.reduce((sum, u, i) => sum + Number(m[i + 1] ?? 0) * UNITS[u]!, 0);
}

/** Unix seconds from a Prometheus time parameter: float seconds or RFC 3339. */
export function parseTimeParam(text: string | null): number | undefined {
  if (text === null) return undefined;
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (!/^\d{4}-\d\d-\d\dT/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

const isMultiple = (x: number, step: number) => Math.abs(x / step - Math.round(x / step)) < 1e-9;

/**
 * Whether a query_range answer may come from (and go to) the short cache: start and end are
 * whole multiples of step — what many viewers of one dashboard send alike — and end is older
 * than the fresh horizon, max(freshS, 2 × step) before now, so samples still arriving (late
 * scrapes, rule evaluation lag) are never held. `nowS` and `freshS` in seconds.
 */
export function rangeCacheable(params: URLSearchParams, nowS: number, freshS: number): boolean {
  const start = parseTimeParam(params.get('start'));
  const end = parseTimeParam(params.get('end'));
  const step = parseDurationParam(params.get('step'));
  if (start === undefined || end === undefined || step === undefined || !(step > 0)) return false;
  if (!isMultiple(start, step) || !isMultiple(end, step) || end < start) return false;
  return end <= nowS - Math.max(freshS, 2 * step);
}

/**
 * Makes Prometheus give up on its own, with its own error, before the proxy's deadline: sets
 * `timeout` to `maxMs` unless the client asked for a timeout no longer than that. The client's
 * own parameter is kept when it is smaller or unreadable (then Prometheus says what is wrong).
 * Prometheus lets the form body win over the URL query, so ours goes where it will count.
 */
export function withTimeout(
  query: string,
  form: string | undefined,
  maxMs: number,
): { query: string; form: string | undefined } {
  const isTimeout = (pair: string) => {
    const k = pair.split('=')[0]!;
    try {
      return decodeURIComponent(k.replace(/\+/g, ' ')) === 'timeout';
    } catch {
      return false;
    }
  };
  const given =
    new URLSearchParams(form ?? '').get('timeout') ?? new URLSearchParams(query).get('timeout');
  if (given !== null) {
    const s = parseDurationParam(given);
    if (s === undefined || s * 1000 <= maxMs) return { query, form };
  }
  const drop = (raw: string) => raw.split('&').filter((p) => p !== '' && !isTimeout(p));
  const ours = `timeout=${Math.max(1, Math.floor(maxMs))}ms`;
  if (form !== undefined) {
    return { query: drop(query).join('&'), form: [...drop(form), ours].join('&') };
  }
  return { query: [...drop(query), ours].join('&'), form };
}

/**
 * Whether a finished answer may be handed to identical requests arriving just after it: only
 * when the request names its own time (a range, or an instant query at a given `time`), so
 * the answer is the same a moment later. An instant query at "now" is always asked anew.
 */
export function shareableAfterwards(endpoint: string, params: URLSearchParams): boolean {
  if (endpoint === 'query_range') return true;
  if (endpoint === 'query') return params.has('time');
  if (endpoint === 'series' || endpoint === 'labels' || endpoint.startsWith('label/')) {
    return params.has('start') && params.has('end');
  }
  return false;
}
