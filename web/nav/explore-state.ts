// The Explore page's state and its URL forms: our own readable `q0.expr=…&tab=table`, and
// the `gN.` parameters of both Prometheus UIs, so their links open here and ours there:
// https://github.com/prometheus/prometheus/blob/main/web/ui/react-app/src/utils/index.ts
// https://github.com/prometheus/prometheus/blob/main/web/ui/mantine-ui/src/pages/query/urlStateEncoding.ts

import { formatDuration, parseDuration } from '../time/duration.ts';
import { parseIsoDate } from '../time/iso-date.ts';
import { parseTimeExpr, type RawRange, resolveRange } from '../time/time-range.ts';

export interface ExploreQuery {
  refId: string;
  expr: string;
  legendFormat?: string;
  hide?: boolean;
}
export type ExploreTab = 'graph' | 'table';
export type GraphMode = 'lines' | 'stacked' | 'bars';
export interface ExploreState {
  queries: ExploreQuery[]; // at least one, refIds A, B, C… by position
  tab: ExploreTab;
  range: RawRange; // Grafana syntax: `now-1h`, epoch ms strings, ISO dates
  step?: string; // as typed (`15s`); undefined = automatic
  ds?: string; // datasource uid; undefined = the default
  mode: GraphMode;
  unit?: string; // Grafana unit id for the y axis
  yMin?: number;
}

export const MAX_QUERIES = 26; // one per letter A–Z
const HOUR = 3_600_000; // ms; both Prometheus UIs default to a 1h range

// Frozen so no caller can edit the default every new page starts from.
export const DEFAULT_STATE: ExploreState = deepFreeze({
  queries: [{ refId: 'A', expr: '' }],
  tab: 'graph',
  range: { from: 'now-1h', to: 'now' },
  mode: 'lines',
});

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (typeof v === 'object' && v !== null) deepFreeze(v);
  return Object.freeze(o);
}

const refId = (position: number) => String.fromCharCode(65 + position); // 65 = 'A'

/** Our query string, without `?` and without defaults. decode(encode(s)) deep-equals every
 * valid `s`: refIds A, B, C… by position, ≤ 26 queries, a parseable range, a step > 0,
 * ds and unit non-empty, yMin finite. */
export function encodeExplore(s: ExploreState): string {
  const out: [string, string][] = [];
  s.queries.forEach((q, i) => {
    out.push([`q${i}.expr`, q.expr]);
    if (q.legendFormat !== undefined) out.push([`q${i}.legend`, q.legendFormat]);
    if (q.hide !== undefined) out.push([`q${i}.hide`, q.hide ? '1' : '0']);
  });
  if (out.length === 1 && out[0]?.[1] === '') out.pop(); // the lone empty query A is the default
  if (s.tab !== 'graph') out.push(['tab', s.tab]);
  if (s.range.from !== 'now-1h') out.push(['from', s.range.from]);
  if (s.range.to !== 'now') out.push(['to', s.range.to]);
  if (s.step !== undefined) out.push(['step', s.step]);
  if (s.ds) out.push(['ds', s.ds]);
  if (s.mode !== 'lines') out.push(['mode', s.mode]);
  if (s.unit) out.push(['unit', s.unit]);
  // String(-0) is "0"; keep the sign so the round trip is exact.
  if (s.yMin !== undefined) out.push(['ymin', Object.is(s.yMin, -0) ? '-0' : String(s.yMin)]);
  return out.map(([k, v]) => `${k}=${readable(v)}`).join('&');
}

// encodeURIComponent, but `+` for spaces (URLSearchParams reads it back as one) and
// `, / : @ $` kept, which RFC 3986 allows in a query and PromQL is full of:
// https://www.rfc-editor.org/rfc/rfc3986#section-3.4
function readable(v: string): string {
  return encodeURIComponent(v)
    .replace(/%20/g, '+')
    .replace(/%(?:2C|2F|3A|40|24)/g, decodeURIComponent);
}

/** Total: garbage never throws, it falls back to the defaults field by field. */
export function decodeExplore(params: URLSearchParams): ExploreState {
  const queries = indexes(params, /^q(0|[1-9]\d{0,5})\.(?:expr|legend|hide)$/).map((n, i) => {
    const q: ExploreQuery = { refId: refId(i), expr: params.get(`q${n}.expr`) ?? '' };
    const legend = params.get(`q${n}.legend`);
    if (legend !== null) q.legendFormat = legend;
    const hide = params.get(`q${n}.hide`);
    if (hide === '1' || hide === '0') q.hide = hide === '1';
    return q;
  });
  const [mode = '', step = '', ds = '', unit = ''] = ['mode', 'step', 'ds', 'unit'].map(
    (k) => params.get(k) ?? '',
  );
  const yMin = numeric(params.get('ymin'));
  // Optional fields are left out rather than set to undefined, so round trips deep-equal.
  return {
    queries: queries.length > 0 ? queries : [{ refId: 'A', expr: '' }],
    tab: params.get('tab') === 'table' ? 'table' : 'graph',
    range: { from: timeOr(params.get('from'), 'now-1h'), to: timeOr(params.get('to'), 'now') },
    mode: mode === 'stacked' || mode === 'bars' ? mode : 'lines',
    ...((parseDuration(step) ?? 0) > 0 ? { step } : {}),
    ...(ds ? { ds } : {}),
    ...(unit ? { unit } : {}),
    ...(yMin !== null ? { yMin } : {}),
  };
}

// The distinct N of the keys matching `re` (N in group 1), ascending, gaps closed, ≤ 26.
function indexes(params: URLSearchParams, re: RegExp): number[] {
  const found = new Set([...params.keys()].flatMap((key) => re.exec(key)?.[1] ?? []).map(Number));
  return [...found].sort((a, b) => a - b).slice(0, MAX_QUERIES);
}

// Syntax only (any `now` will do): whether from < to is for the time picker to report.
const timeOr = (text: string | null, fallback: string) =>
  text !== null && parseTimeExpr(text, 0, false) !== null ? text : fallback;

// Decimal numbers only: Number() would also take '', ' ', '0x10' and 'Infinity'.
const DECIMAL_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const numeric = (t: string | null) =>
  t !== null && DECIMAL_RE.test(t) && Number.isFinite(Number(t)) ? Number(t) : null;

/** A Prometheus UI link's state, or null without `g0.expr`. Panels become queries A, B, C…
 * in N order; range, tab, step and mode come from g0, since Explore has one of each. */
export function fromPrometheusParams(params: URLSearchParams): ExploreState | null {
  if (!params.has('g0.expr')) return null;
  const g0 = (name: string) => params.get(`g0.${name}`);
  const queries = indexes(params, /^g(0|[1-9]\d{0,5})\.expr$/).map((n, i) => ({
    refId: refId(i),
    expr: params.get(`g${n}.expr`) ?? '',
  }));
  const tab: ExploreTab = g0('tab') === '1' || g0('tab') === 'table' ? 'table' : 'graph';
  const rangeText = (g0('range_input') ?? '').trim();
  const rangeMs = positive(parseDuration(rangeText)) ?? HOUR;
  // The table shows moment_input, the graph end_input; they normally agree.
  const [moment, endInput] = [g0('moment_input'), g0('end_input')];
  const endText = tab === 'table' ? (moment ?? endInput) : (endInput ?? moment);
  const end = endText === null ? null : parseUtc(endText.trim());
  const range: RawRange =
    end === null
      ? { from: `now-${grafanaDuration(rangeText, rangeMs)}`, to: 'now' }
      : { from: String(Math.max(0, end - rangeMs)), to: String(end) };
  // step_input is whole seconds; the new UI writes res_type and res_step (seconds) instead.
  const res = g0('res_type');
  const stepText =
    res === 'fixed' || res === 'custom' ? g0('res_step') : res === 'auto' ? '' : g0('step_input');
  const stepMs = positive(parseDuration(stepText ?? ''));
  const yMin = numeric(g0('y_axis_min'));
  const display = g0('display_mode'); // new UI: lines | stacked | heatmap (drawn as lines)
  const stacked = display === 'stacked' || (display === null && g0('stacked') === '1');
  const mode: GraphMode = stacked ? 'stacked' : 'lines';
  const step = stepMs !== null ? { step: formatDuration(stepMs) } : {};
  return { queries, tab, range, mode, ...step, ...(yMin !== null ? { yMin } : {}) };
}

const positive = (n: number | null) => (n !== null && n > 0 ? n : null);

// Both UIs read a time without an offset as UTC (moment.utc / dayjs.utc); parseIsoDate
// would read it as local time, so an offset is added when there is none.
function parseUtc(text: string): number | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseIsoDate(`${text}T00:00Z`);
  return parseIsoDate(`${text}Z`) ?? parseIsoDate(text);
}

// Grafana's date math takes one unit per step (`now-90m`, not `now-1h30m`) and its `y`, `d`
// are calendar units, so only a single s/m/h/d/w is kept as typed; anything else becomes
// the largest fixed unit that divides it (Prometheus' 1y = `365d`), in whole seconds.
const FIXED_UNITS = { w: 604_800, d: 86_400, h: 3600, m: 60, s: 1 }; // seconds
function grafanaDuration(text: string, ms: number): string {
  const single = /^0*([1-9]\d*)([smhdw])$/.exec(text);
  if (single !== null) return `${single[1]}${single[2]}`;
  const seconds = Math.max(1, Math.round(ms / 1000));
  const [unit, size] = Object.entries(FIXED_UNITS).find(([, size]) => seconds % size === 0)!;
  return `${seconds / size}${unit}`;
}

/** A classic Prometheus UI query string (no `?`) for "Open in Prometheus": visible,
 * non-empty queries as g0, g1…; absolute ranges also get end_input in UTC. */
export function toPrometheusParams(s: ExploreState, now: number = Date.now()): string {
  const visible = s.queries.filter((q) => !q.hide && q.expr.trim() !== '');
  const panels = visible.length > 0 ? visible : s.queries.slice(0, 1);
  const resolved = resolveRange(s.range, now);
  const ok = !('error' in resolved);
  const rangeMs = ok ? resolved.end - resolved.start : HOUR;
  const end = ok && s.range.to.trim() !== 'now' ? classicTime(resolved.end) : null;
  const stepMs = positive(parseDuration(s.step ?? ''));
  // Durations and numbers need no escaping; the classic UI escapes with encodeURIComponent.
  const settings = [
    `tab=${s.tab === 'table' ? 1 : 0}`,
    `stacked=${s.mode === 'stacked' ? 1 : 0}`,
    'show_exemplars=0',
    `range_input=${formatDuration(rangeMs)}`,
    ...(end === null ? [] : [`end_input=${end}`, `moment_input=${end}`]),
    ...(stepMs === null ? [] : [`step_input=${stepMs / 1000}`]),
  ];
  const panel = (expr: string) => [`expr=${encodeURIComponent(expr)}`, ...settings];
  return panels.flatMap((q, i) => panel(q.expr).map((kv) => `g${i}.${kv}`)).join('&');
}

// `YYYY-MM-DD HH:mm:ss` in UTC as the classic UI's formatTime writes it, escaped.
const classicTime = (ms: number) =>
  encodeURIComponent(new Date(ms).toISOString().slice(0, 19).replace('T', ' '));
