// Annotation events from Prometheus answers (pure): what a dashboard's `annotations.list` entry
// on a Prometheus datasource gives, as Grafana's Prometheus annotation support makes it
// (grafana/grafana packages/grafana-prometheus/src/annotations.ts, processEvents): every point
// whose value is above zero is active; active points at most one step apart merge into one
// region; title and text are the entry's formats filled from the series' labels; tags are the
// values of the labels named in `tagKeys`. The built-in "Annotations & Alerts" entry has no
// Grafana annotation store to read here, so it shows Prometheus' ALERTS series instead: one
// marker per change of an alert's state (inactive, pending, firing) inside the range.
// Loaded with the dashboard's annotations (a lazy chunk); what the first load needs of
// annotations, their types and where they show, is annotation-types.ts.
import type { Metric, RangeSeries } from '../api/types.ts';
import type { AnnotationEvent, AnnotationSource, PlacedAnnotation } from './annotation-types.ts';

const TEMPLATE_RE = /\{\{([^{}]+?)\}\}/g;

/**
 * Grafana's renderLegendFormat (packages/grafana-prometheus, the frontend one): `{{name}}`
 * becomes the label's value; a label the series lacks stays as its name.
 */
export function renderFormat(format: string, labels: Metric): string {
  return format.replace(TEMPLATE_RE, (_, name: string) => {
    const key = name.trim();
    return Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;
  });
}

/** The tag keys as a list; spaces around a name are ignored (Grafana keeps them). */
export function tagKeyList(tagKeys: string): string[] {
  return tagKeys
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

/** A value as Prometheus prints it ("1.5", "NaN", "+Inf") as a number. */
function sampleValue(raw: string): number {
  if (raw === '+Inf') return Number.POSITIVE_INFINITY;
  if (raw === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number.parseFloat(raw);
}

/**
 * Grafana's processEvents for one answer. `stepMs` is the step the query ran at: active points
 * at most that far apart are one region.
 */
export function promAnnotationEvents(
  source: AnnotationSource,
  result: readonly RangeSeries[],
  stepMs: number,
): AnnotationEvent[] {
  const keys = tagKeyList(source.tagKeys);
  const events: AnnotationEvent[] = [];
  for (const series of result) {
    const labels = series.metric ?? {};
    const tags = Object.keys(labels)
      .filter((k) => keys.includes(k))
      .map((k) => labels[k]!);
    const title = renderFormat(source.titleFormat, labels);
    const text = renderFormat(source.textFormat, labels);
    let open: AnnotationEvent | null = null;
    for (const [t, raw] of series.values ?? []) {
      const value = sampleValue(raw);
      // useValueForTime: the value is the time (ms), and every point is active.
      const time = source.useValueForTime ? Math.floor(value) : Math.floor(t * 1000); // ms
      const active = source.useValueForTime ? Number.isFinite(value) : value > 0;
      if (!active) continue;
      if (open && open.timeEnd + stepMs >= time) {
        open.timeEnd = time;
        continue;
      }
      if (open) events.push(open);
      open = { source: source.index, time, timeEnd: time, title, text, tags, color: source.color };
    }
    if (open) events.push(open);
  }
  return events;
}

export type AlertState = 'inactive' | 'pending' | 'firing';

/** Grafana's colours for alert states: green OK, orange pending, red alerting. */
export const ALERT_COLORS: Readonly<Record<AlertState, string>> = {
  inactive: '#73BF69',
  pending: '#FF9830',
  firing: '#F2495C',
};

const WORDS: Readonly<Record<AlertState, string>> = {
  inactive: 'Inactive',
  pending: 'Pending',
  firing: 'Firing',
};

/** An alert's identity: its labels without the state. */
function alertKey(metric: Metric): string {
  return JSON.stringify(
    Object.keys(metric)
      .filter((k) => k !== '__name__' && k !== 'alertstate')
      .sort()
      .map((k) => [k, metric[k]]),
  );
}

/**
 * The ALERTS series of a range query (on the grid start…end by step, unix seconds) as one
 * marker per change of state: an alert's state at a grid point is firing or pending when its
 * series has a point there, else inactive. A state already held at the range's first point is
 * no change (it began before the range), so nothing is drawn for it.
 */
export function alertEvents(
  source: AnnotationSource,
  result: readonly RangeSeries[],
  grid: { start: number; end: number; step: number },
): AnnotationEvent[] {
  if (!(grid.step > 0) || grid.end < grid.start) return [];
  const n = Math.floor((grid.end - grid.start) / grid.step + 1e-9) + 1;
  const alerts = new Map<string, { metric: Metric; states: AlertState[] }>();
  for (const series of result) {
    const m = series.metric ?? {};
    const state = m.alertstate === 'firing' || m.alertstate === 'pending' ? m.alertstate : null;
    if (!state) continue;
    const key = alertKey(m);
    let alert = alerts.get(key);
    if (!alert) {
      alert = { metric: m, states: new Array<AlertState>(n).fill('inactive') };
      alerts.set(key, alert);
    }
    for (const [t] of series.values ?? []) {
      const i = Math.round((t - grid.start) / grid.step);
      // Firing wins where both series have the point (the alert fired within the step).
      if (i >= 0 && i < n && alert.states[i] !== 'firing') alert.states[i] = state;
    }
  }
  const events: AnnotationEvent[] = [];
  for (const { metric, states } of alerts.values()) {
    const tags = Object.keys(metric)
      .filter((k) => k !== '__name__' && k !== 'alertname' && k !== 'alertstate')
      .sort()
      .map((k) => `${k}=${metric[k]}`);
    for (let i = 1; i < n; i++) {
      const from = states[i - 1]!;
      const to = states[i]!;
      if (from === to) continue;
      const time = Math.round((grid.start + i * grid.step) * 1000); // ms
      events.push({
        source: source.index,
        time,
        timeEnd: time,
        title: metric.alertname ?? 'ALERTS',
        text: `${WORDS[from]} → ${WORDS[to]}`,
        tags,
        color: ALERT_COLORS[to],
      });
    }
  }
  return events.sort((a, b) => a.time - b.time);
}

/**
 * Where each event falls on a plot of `width` px showing `min…max` (ms): events wholly outside
 * are left out, regions are clipped to the plot. With multiLane each entry has its own lane
 * (Grafana's options.annotations.multiLane), in the order of `lanesOf`.
 */
export function placeAnnotations(
  events: readonly AnnotationEvent[],
  min: number,
  max: number,
  width: number,
  lanesOf?: readonly number[],
): PlacedAnnotation[] {
  if (!(max > min) || !(width > 0)) return [];
  const x = (t: number) => ((t - min) / (max - min)) * width;
  const placed: PlacedAnnotation[] = [];
  for (const event of events) {
    if (event.timeEnd < min || event.time > max) continue;
    const lane = lanesOf ? Math.max(0, lanesOf.indexOf(event.source)) : 0;
    const left = x(Math.max(event.time, min));
    const right = event.timeEnd === event.time ? left : x(Math.min(event.timeEnd, max));
    placed.push({ event, left, right, lane });
  }
  return placed;
}

/**
 * What a drawn plot says it drew, in its `data-annotations` attribute: the same for the uPlot
 * overlay and the panels that draw their own (AnnotationLayer), read by the e2e tests.
 */
export function describePlaced(placed: readonly PlacedAnnotation[]): string {
  return JSON.stringify(
    placed.map((p) => ({
      source: p.event.source,
      left: p.left,
      right: p.right,
      lane: p.lane,
      time: p.event.time,
      timeEnd: p.event.timeEnd,
      title: p.event.title,
    })),
  );
}
