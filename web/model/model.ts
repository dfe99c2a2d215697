// The subset of Grafana's dashboard JSON this slice draws
// (https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/).
// Unknown fields are kept as they came; normalising here only fills defaults the view needs.
import { asFiniteNumber, asRecord, asString } from '../../contract/json.ts';
import type { FieldConfig, FieldOverride } from '../fields/overrides.ts';

export interface Target {
  refId: string;
  expr: string;
  legendFormat?: string;
  hide?: boolean;
  /** Grafana's result format: "time_series" (default), "heatmap" (histogram buckets), "table". */
  format?: string;
  /** Minimum step, e.g. "30s" (Grafana's per-query "Min step"). */
  interval?: string;
  /** Step multiplier (Grafana's deprecated "Resolution" 1/1…1/10). */
  intervalFactor?: number;
  /** Grafana's query type: `instant` alone asks /api/v1/query at the range's end. */
  instant?: boolean;
  range?: boolean;
  datasource?: DatasourceRef;
}

export type DatasourceRef = { type?: string; uid?: string } | string | null;

export interface ThresholdStep {
  color: string;
  value: number | null;
}

/** fieldConfig.defaults; overrides (fieldConfig.overrides) change it per series. */
export type FieldDefaults = FieldConfig;

export interface Panel {
  id: number;
  type: string;
  title: string;
  description?: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: DatasourceRef;
  targets: Target[];
  fieldConfig: { defaults: FieldDefaults; overrides?: FieldOverride[] };
  options: {
    legend?: {
      showLegend?: boolean;
      displayMode?: string;
      placement?: string;
      calcs?: string[];
      sortBy?: string;
      sortDesc?: boolean;
      /** Width in px of a legend on the right (the graph's legend.sideWidth). */
      width?: number;
    };
    /** Time series: mode 'single' | 'multi' | 'hidden'; sort 'none' | 'asc' | 'desc'. */
    tooltip?: { mode?: string; sort?: string };
    reduceOptions?: { calcs?: string[] };
    graphMode?: string;
    /** stat: 'value' | 'background' | 'background_solid' | 'none' */
    colorMode?: string;
    /** stat: 'auto' | 'value' | 'value_and_name' | 'name' | 'none' */
    textMode?: string;
    /** gauge: the outer ring of threshold bands (on unless false). */
    showThresholdMarkers?: boolean;
  };
  /** Minimum interval for every target of the panel, e.g. "1m". */
  interval?: string;
  /** Points per series to aim for; the panel's width in pixels when absent. */
  maxDataPoints?: number;
  /** Grafana's panel links (read by links.ts). */
  links?: unknown;
  /** The panel's own relative time and time shift, e.g. "1h" (panel-time.ts). */
  timeFrom?: unknown;
  timeShift?: unknown;
  hideTimeOverride?: unknown;
}

export interface Dashboard {
  uid: string;
  title: string;
  tags: string[];
  time: { from: string; to: string };
  refresh: string;
  /** 0 each panel alone, 1 shared crosshair, 2 shared tooltip. */
  graphTooltip?: number;
  panels: Panel[];
  /** Grafana's variables, read by web/variables/model.ts. */
  templating?: unknown;
  /** Grafana's dashboard links (read by links.ts). */
  links?: unknown;
  /** Grafana's annotation entries (`annotations.list`, read by annotation-defs.ts). */
  annotations?: unknown;
}

function normaliseTarget(raw: unknown, i: number): Target {
  const t = asRecord(raw);
  return {
    ...t,
    refId: asString(t.refId, String.fromCharCode(65 + (i % 26))),
    expr: asString(t.expr, ''),
  } as Target;
}

function normalisePanel(raw: unknown, i: number): Panel {
  const p = asRecord(raw);
  const grid = asRecord(p.gridPos);
  const fieldConfig = asRecord(p.fieldConfig);
  return {
    ...p,
    id: asFiniteNumber(p.id, i + 1),
    type: asString(p.type, 'timeseries'),
    title: asString(p.title, ''),
    gridPos: {
      x: asFiniteNumber(grid.x, 0),
      y: asFiniteNumber(grid.y, 0),
      w: asFiniteNumber(grid.w, 12),
      h: asFiniteNumber(grid.h, 8),
    },
    targets: Array.isArray(p.targets) ? p.targets.map(normaliseTarget) : [],
    fieldConfig: { ...fieldConfig, defaults: asRecord(fieldConfig.defaults) as FieldDefaults },
    options: asRecord(p.options),
    // A collapsed row carries its panels inside it.
    ...(Array.isArray(p.panels) ? { panels: p.panels.map(normalisePanel) } : {}),
  } as Panel;
}

export function normaliseDashboard(raw: Record<string, unknown>): Dashboard {
  const time = asRecord(raw.time);
  return {
    ...raw,
    uid: asString(raw.uid, ''),
    title: asString(raw.title, 'Untitled'),
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [],
    time: { from: asString(time.from, 'now-6h'), to: asString(time.to, 'now') },
    refresh: asString(raw.refresh, ''),
    graphTooltip: typeof raw.graphTooltip === 'number' ? raw.graphTooltip : 0,
    panels: Array.isArray(raw.panels) ? raw.panels.map(normalisePanel) : [],
  } as Dashboard;
}
