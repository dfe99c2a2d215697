// Options of a drawn panel kind that Promscope does not draw (pure; shared by the import
// report and the panel itself, which shows them beside its title). They stay in the JSON as
// they came, so a save here loses nothing Grafana would draw.
//
// Each option is named as Grafana's panel editor names it, with its value ("transform
// negative-Y", "bar alignment before"), so that a Grafana user knows what to look for. Most
// options are drawn at one value only (Grafana's default): those are rules of NOT_DRAWN, and
// only another value is reported. What is drawn, and where, is DRAWN below;
// server/dashboards/grafana/options-walk.test.ts walks every option of every fixture
// dashboard and fails on one that is in neither list.
import { isRecord, type Json } from './json.ts';
import { ALERTLIST_NOT_DRAWN } from './undrawn-alertlist.ts';

export interface Undrawn {
  /** Where in the panel, e.g. `transformations` or `fieldConfig.defaults.links`. */
  path: string;
  message: string;
}

/** What the table panel already shows: one row per series, labels as columns, reduced. */
const TABLE_TRANSFORMS = new Set(['merge', 'reduce', 'seriesToRows', 'labelsToFields']);

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const shown = (v: unknown): string =>
  typeof v === 'string' ? v : isRecord(v) || Array.isArray(v) ? JSON.stringify(v) : String(v);

/**
 * An option drawn at one value only. `pattern` is the option's path in the panel with `[]`
 * for any array index; an override property is `fieldConfig.overrides[].properties[<id>]`.
 * `drawn(v)` is true for the values Promscope draws as Grafana does (absent is always drawn);
 * `words(v)` names the option and its value as Grafana's editor does, and what is shown
 * instead.
 */
interface Rule {
  pattern: string;
  kinds?: readonly string[];
  drawn: (v: unknown) => boolean;
  words: (v: unknown) => string;
}

/** Linear, symlog and log 2 or 10 are drawn (web/chart/y-axes.ts); other log bases are not. */
function scaleDrawn(v: unknown): boolean {
  if (!isRecord(v)) return true;
  if (v.type === undefined || v.type === 'linear' || v.type === 'symlog') return true;
  return v.type === 'log' && (v.log === 2 || v.log === 10 || v.log === undefined);
}
const scaleWords = (v: unknown): string =>
  isRecord(v) && v.type === 'log' ? `log ${shown(v.log)}` : shown(isRecord(v) ? v.type : v);

const off = (v: unknown) => v === false || v === null || v === undefined || v === '';
const is =
  (...values: unknown[]) =>
  (v: unknown) =>
    v === null || v === undefined || values.includes(v);
const TS = ['timeseries'] as const;
const REDUCED = ['stat', 'gauge', 'bargauge'] as const;

/** The not-drawn list: options, by panel kind, drawn only at their default. */
export const NOT_DRAWN: readonly Rule[] = [
  // Time series field config (Grafana's "Graph styles", "Axis", "Standard options").
  {
    pattern: 'fieldConfig.defaults.custom.transform',
    kinds: TS,
    drawn: is('negative-Y'),
    words: (v) => `transform ${shown(v)} is not drawn; values shown as they are`,
  },
  {
    pattern: 'fieldConfig.defaults.custom.scaleDistribution',
    kinds: TS,
    drawn: (v) => scaleDrawn(v),
    words: (v) => `scale ${scaleWords(v)} is drawn linear`,
  },
  {
    pattern: 'fieldConfig.defaults.custom.gradientMode',
    kinds: TS,
    drawn: is('none', '', 'opacity'),
    words: (v) => `gradient mode ${shown(v)} is drawn as a flat fill`,
  },
  {
    pattern: 'fieldConfig.defaults.custom.axisColorMode',
    kinds: TS,
    drawn: is('text'),
    words: (v) => `axis color mode ${shown(v)} is not drawn`,
  },
  {
    pattern: 'fieldConfig.defaults.custom.barAlignment',
    kinds: TS,
    drawn: is(0),
    words: (v) =>
      `bar alignment ${v === -1 ? 'before' : v === 1 ? 'after' : shown(v)} is drawn centred`,
  },
  {
    pattern: 'fieldConfig.defaults.custom.spanNulls',
    kinds: TS,
    drawn: off,
    words: (v) =>
      `connect null values ${v === true ? 'always' : `under ${shown(v)}`} is not drawn; gaps stay gaps`,
  },
  {
    pattern: 'fieldConfig.defaults.custom.stacking.mode',
    kinds: TS,
    drawn: is('none', 'normal', 'percent'),
    words: (v) => `stack series ${shown(v)} is not drawn`,
  },
  // Table field config.
  {
    pattern: 'fieldConfig.defaults.custom.hidden',
    kinds: ['table'],
    drawn: off,
    words: () => 'hide in table is not applied; the column is shown',
  },
  {
    pattern: 'fieldConfig.defaults.custom.cellOptions.type',
    kinds: ['table'],
    drawn: is('auto'),
    words: (v) => `cell type ${shown(v)} is not drawn`,
  },
  // Stat, gauge, bar gauge.
  {
    pattern: 'options.reduceOptions.values',
    kinds: [...REDUCED, 'piechart', 'table'],
    drawn: off,
    words: () => 'show all values is not drawn; each series is reduced to one value',
  },
  {
    pattern: 'options.orientation',
    kinds: REDUCED,
    drawn: is('auto', 'horizontal', ''),
    words: (v) => `orientation ${shown(v)} is drawn horizontal`,
  },
  {
    pattern: 'options.justifyMode',
    kinds: ['stat'],
    drawn: is('auto'),
    words: (v) => `text alignment ${shown(v)} is not drawn`,
  },
  {
    pattern: 'options.showThresholdLabels',
    kinds: ['gauge'],
    drawn: off,
    words: () => 'show threshold labels is not drawn',
  },
  {
    pattern: 'options.displayMode',
    kinds: ['bargauge'],
    drawn: is('basic'),
    words: (v) => `bar gauge display mode ${shown(v)} is drawn basic`,
  },
  // State timeline and status history.
  {
    pattern: 'fieldConfig.defaults.custom.lineWidth',
    kinds: ['state-timeline', 'status-history'],
    drawn: (v) => typeof v !== 'number' || v <= 0,
    words: (v) => `line width ${shown(v)} (box outlines) is not drawn`,
  },
  {
    pattern: 'fieldConfig.defaults.custom.spanNulls',
    kinds: ['state-timeline', 'status-history'],
    drawn: (v) => v === false || v === 0 || v === null || v === undefined,
    words: (v) =>
      `connect null values ${v === true ? 'always' : `under ${shown(v)}`} is not drawn; a gap ends a state`,
  },
  // Panel.
  {
    pattern: 'transparent',
    drawn: off,
    words: () => 'transparent background is not drawn',
  },
  // Heatmap options (Grafana 9+).
  {
    pattern: 'options.calculation.yBuckets.scale.type',
    kinds: ['heatmap'],
    drawn: is('linear'),
    words: (v) => `heatmap y buckets scale ${shown(v)} is drawn linear`,
  },
  {
    pattern: 'options.calculation.xBuckets.value',
    kinds: ['heatmap'],
    drawn: (v) => !nonEmpty(v),
    words: (v) => `heatmap x buckets ${shown(v)} are drawn one per step`,
  },
  {
    pattern: 'options.showValue',
    kinds: ['heatmap'],
    drawn: is('auto', 'never'),
    words: (v) => `heatmap show values ${shown(v)} is not written in the cells`,
  },
  {
    pattern: 'options.tooltip.yHistogram',
    kinds: ['heatmap'],
    drawn: off,
    words: () => 'heatmap tooltip histogram is not drawn',
  },
  {
    pattern: 'options.rowsFrame.layout',
    kinds: ['heatmap'],
    drawn: is('auto'),
    words: (v) => `heatmap buckets layout ${shown(v)} is drawn auto`,
  },
  {
    pattern: 'options.yAxis.min',
    kinds: ['heatmap'],
    drawn: (v) => v === null || v === undefined,
    words: (v) => `heatmap y axis min ${shown(v)} is not applied`,
  },
  {
    pattern: 'options.yAxis.max',
    kinds: ['heatmap'],
    drawn: (v) => v === null || v === undefined,
    words: (v) => `heatmap y axis max ${shown(v)} is not applied`,
  },
  ...ALERTLIST_NOT_DRAWN,
];

/** Old (Angular) heatmap fields, read only when the panel has no `options` (as Grafana does). */
const LEGACY_HEATMAP: readonly Rule[] = [
  {
    pattern: 'yAxis.logBase',
    drawn: (v) => v === null || v === undefined || Number(v) <= 1,
    words: (v) => `heatmap y axis log base ${shown(v)} is drawn linear`,
  },
  {
    pattern: 'yAxis.min',
    drawn: (v) => v === null || v === undefined || v === '',
    words: (v) => `heatmap y axis min ${shown(v)} is not applied`,
  },
  {
    pattern: 'yAxis.max',
    drawn: (v) => v === null || v === undefined || v === '',
    words: (v) => `heatmap y axis max ${shown(v)} is not applied`,
  },
  {
    pattern: 'yAxis.splitFactor',
    drawn: (v) => v === null || v === undefined || Number(v) <= 1,
    words: (v) => `heatmap y axis split factor ${shown(v)} is not applied`,
  },
  {
    pattern: 'xAxis.show',
    drawn: (v) => v !== false,
    words: () => 'hidden heatmap x axis is drawn',
  },
  {
    pattern: 'tooltip.showHistogram',
    drawn: off,
    words: () => 'heatmap tooltip histogram is not drawn',
  },
  {
    pattern: 'cards.cardRound',
    drawn: (v) => v === null || v === undefined || Number(v) === 0,
    words: (v) => `heatmap cell radius ${shown(v)} is drawn square`,
  },
  {
    pattern: 'xBucketNumber',
    drawn: (v) => v === null || v === undefined || v === '',
    words: (v) => `heatmap x buckets ${shown(v)} are drawn one per step`,
  },
  {
    pattern: 'xBucketSize',
    drawn: (v) => v === null || v === undefined || v === '',
    words: (v) => `heatmap x bucket size ${shown(v)} is drawn one per step`,
  },
  {
    pattern: 'yBucketBound',
    drawn: is('auto'),
    words: (v) => `heatmap bucket bound ${shown(v)} is not applied`,
  },
];

/**
 * Override properties drawn per series, by panel kind. Any other property of an override is
 * reported with its id as Grafana's override editor lists it ("custom.transform").
 */
const OVERRIDE_PROPERTIES: Record<string, ReadonlySet<string>> = {
  timeseries: new Set([
    'color',
    'displayName',
    'unit',
    'decimals',
    'custom.lineWidth',
    'custom.fillOpacity',
    'custom.drawStyle',
    'custom.showPoints',
    'custom.pointSize',
    'custom.lineInterpolation',
    'custom.lineStyle',
    'custom.hideFrom',
    'min',
    'max',
    'thresholds',
    'mappings',
    'noValue',
    'custom.axisLabel',
    'custom.axisSoftMin',
    'custom.axisSoftMax',
    'custom.axisCenteredZero',
    'custom.axisWidth',
    'custom.axisGridShow',
  ]),
};
const REDUCED_PROPERTIES = new Set([
  'color',
  'displayName',
  'unit',
  'decimals',
  'min',
  'max',
  'thresholds',
  'mappings',
  'noValue',
]);

/** An override property at its default value changes nothing, drawn or not. */
function propertyAtDefault(id: string, value: unknown): boolean {
  // Drawn per series by the time series (web/chart/options.ts, stack.ts, y-axes.ts).
  if (id === 'custom.transform') return value === 'negative-Y';
  if (id === 'custom.stacking')
    return isRecord(value) && ['none', 'normal', 'percent'].includes(String(value.mode));
  if (id === 'custom.axisPlacement')
    return ['auto', 'left', 'right', 'hidden'].includes(String(value));
  if (id === 'custom.scaleDistribution') return scaleDrawn(value);
  if (id === 'custom.gradientMode') return value === 'none' || value === 'opacity';
  if (id === 'custom.hidden') return value === false;
  return false;
}

function overrideWords(id: string, value: unknown): string {
  if (id === 'custom.transform')
    return `transform ${shown(value)} is not drawn; values shown as they are`;
  if (id === 'custom.axisPlacement') return `axis placement ${shown(value)} is drawn left`;
  if (id === 'custom.scaleDistribution') return `scale ${scaleWords(value)} is drawn linear`;
  if (id === 'custom.gradientMode') return `gradient mode ${shown(value)} is drawn as a flat fill`;
  if (id === 'custom.fillBelowTo') return `fill below to "${shown(value)}" is not drawn`;
  if (id === 'custom.stacking' && isRecord(value))
    return `stack series ${shown(value.mode)} is not drawn`;
  if (id === 'custom.hidden') return 'hide in table is not applied; the column is shown';
  if (id === 'custom.cellOptions' && isRecord(value))
    return `cell type ${shown(value.type)} is not drawn`;
  if (id === 'links') return 'data links are not drawn';
  return `${id} ${shown(value)} is not drawn`;
}

const matcherName = (o: Json): string => {
  const m = isRecord(o.matcher) ? o.matcher : {};
  return typeof m.options === 'string' ? `"${m.options}"` : String(m.id ?? '?');
};

/** The matchers web/fields/overrides.ts applies; every Prometheus series is a number field. */
function matcherApplied(m: Json): boolean {
  if (m.id === 'byType') return m.options === 'number';
  return ['byName', 'byRegexp', 'byFrameRefID', 'byNames'].includes(String(m.id));
}
function matcherWords(m: Json): string {
  if (m.id === 'byType' && m.options === 'time') return 'on the time field (x axis)';
  if (m.id === 'byValue' && isRecord(m.options))
    return `on series by value (${shown(m.options.reducer)})`;
  return `matcher ${shown(m.id)}`;
}

/** The value at `pattern` (no `[]` in it), or undefined. */
function at(panel: Json, pattern: string): unknown {
  let v: unknown = panel;
  for (const key of pattern.split('.')) {
    if (!isRecord(v)) return undefined;
    v = v[key];
  }
  return v;
}

/** Old graph series overrides Grafana's migration drops (kept here, see grafana/graph.ts). */
function graphLeftovers(panel: Json, add: (path: string, message: string) => void): void {
  if (!Array.isArray(panel.seriesOverrides)) return;
  panel.seriesOverrides.forEach((o, i) => {
    if (!isRecord(o)) return;
    for (const [key, value] of Object.entries(o)) {
      if (key === 'alias' || key === '$$hashKey') continue;
      add(
        `seriesOverrides[${i}].${key}`,
        `graph series override "${shown(o.alias)}": ${key} ${shown(value)} is not drawn`,
      );
    }
  });
}

export function undrawnOptions(panel: Json): Undrawn[] {
  const out: Undrawn[] = [];
  const add = (path: string, message: string) => out.push({ path, message });
  const kind = String(panel.type);
  const transforms = (Array.isArray(panel.transformations) ? panel.transformations : [])
    .filter((t): t is Json => isRecord(t) && t.disabled !== true)
    .map((t) => String(t.id))
    .filter((id) => kind !== 'table' || !TABLE_TRANSFORMS.has(id));
  if (transforms.length > 0) {
    add('transformations', `transformations are not applied (${transforms.join(', ')})`);
  }
  const fc = isRecord(panel.fieldConfig) ? panel.fieldConfig : {};
  const defaults = isRecord(fc.defaults) ? fc.defaults : {};
  if (Array.isArray(defaults.links) && defaults.links.length > 0) {
    add('fieldConfig.defaults.links', 'data links are not drawn');
  }
  const rules = [
    ...NOT_DRAWN,
    ...(kind === 'heatmap' && !(isRecord(panel.options) && Object.keys(panel.options).length > 0)
      ? LEGACY_HEATMAP
      : []),
  ];
  for (const rule of rules) {
    if (rule.kinds && !rule.kinds.includes(kind)) continue;
    const v = at(panel, rule.pattern);
    if (v !== undefined && !rule.drawn(v)) add(rule.pattern, rule.words(v));
  }
  const perSeries = OVERRIDE_PROPERTIES[kind] ?? REDUCED_PROPERTIES;
  (Array.isArray(fc.overrides) ? fc.overrides : []).forEach((o, i) => {
    if (!isRecord(o)) return;
    const matcher = isRecord(o.matcher) ? o.matcher : {};
    if (!matcherApplied(matcher)) {
      add(`fieldConfig.overrides[${i}]`, `override ${matcherWords(matcher)} is not applied`);
      return;
    }
    (Array.isArray(o.properties) ? o.properties : []).forEach((p, j) => {
      if (!isRecord(p) || typeof p.id !== 'string') return;
      if (perSeries.has(p.id) || propertyAtDefault(p.id, p.value)) return;
      if (kind === 'table' && (p.id === 'custom.cellOptions' || p.id === 'custom.align')) {
        const type = isRecord(p.value) ? p.value.type : p.value;
        if (type === 'auto' || p.value === 'auto') return;
      }
      add(
        `fieldConfig.overrides[${i}].properties[${j}]`,
        `override ${matcherName(o)}: ${overrideWords(p.id, p.value)}`,
      );
    });
  });
  if (kind === 'timeseries') graphLeftovers(panel, add);
  if (kind === 'timeseries' && Array.isArray(panel.timeRegions) && panel.timeRegions.length > 0)
    add('timeRegions', 'graph time regions are not drawn');
  if (kind === 'timeseries' && isRecord(panel.xaxis) && nonEmpty(panel.xaxis.mode)) {
    if (panel.xaxis.mode !== 'time')
      add('xaxis.mode', `graph x-axis mode ${panel.xaxis.mode} is not drawn; shown over time`);
  }
  if (REDUCED.includes(kind as (typeof REDUCED)[number])) {
    for (const key of ['prefix', 'postfix'] as const)
      if (nonEmpty(panel[key])) add(key, `singlestat ${key} "${shown(panel[key])}" is not drawn`);
    if (nonEmpty(panel.tableColumn))
      add(
        'tableColumn',
        `singlestat column "${shown(panel.tableColumn)}" is not applied; all series are shown`,
      );
  }
  if (
    kind === 'table' &&
    isRecord(panel.sort) &&
    panel.sort.col !== null &&
    panel.sort.col !== undefined
  )
    add('sort', `old table sort by column ${shown(panel.sort.col)} is not applied`);
  const targets = Array.isArray(panel.targets) ? panel.targets : [];
  targets.forEach((t, i) => {
    if (isRecord(t) && t.exemplar === true && t.hide !== true) {
      add(`targets[${i}].exemplar`, 'exemplars are not drawn');
    }
  });
  return out;
}
