// The subset of Grafana's dashboard JSON this slice draws
// (https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/).
// Unknown fields are kept as they came; normalising here only fills defaults the view needs.
import type { FieldConfig, FieldOverride } from '../chart/overrides.ts';

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
    };
    reduceOptions?: { calcs?: string[] };
    graphMode?: string;
    /** stat: 'value' | 'background' | 'background_solid' | 'none' */
    colorMode?: string;
    /** stat: 'auto' | 'value' | 'value_and_name' | 'name' | 'none' */
    textMode?: string;
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
}

const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);

function normaliseTarget(raw: unknown, i: number): Target {
  const t = obj(raw);
  return {
    ...t,
    refId: str(t.refId, String.fromCharCode(65 + (i % 26))),
    expr: str(t.expr, ''),
  } as Target;
}

function normalisePanel(raw: unknown, i: number): Panel {
  const p = obj(raw);
  const grid = obj(p.gridPos);
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  const fieldConfig = obj(p.fieldConfig);
  return {
    ...p,
    id: num(p.id, i + 1),
    type: str(p.type, 'timeseries'),
    title: str(p.title, ''),
    gridPos: { x: num(grid.x, 0), y: num(grid.y, 0), w: num(grid.w, 12), h: num(grid.h, 8) },
    targets: Array.isArray(p.targets) ? p.targets.map(normaliseTarget) : [],
    fieldConfig: { ...fieldConfig, defaults: obj(fieldConfig.defaults) as FieldDefaults },
    options: obj(p.options),
    // A collapsed row carries its panels inside it.
    ...(Array.isArray(p.panels) ? { panels: p.panels.map(normalisePanel) } : {}),
  } as Panel;
}

export function normaliseDashboard(raw: Record<string, unknown>): Dashboard {
  const time = obj(raw.time);
  return {
    ...raw,
    uid: str(raw.uid, ''),
    title: str(raw.title, 'Untitled'),
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [],
    time: { from: str(time.from, 'now-6h'), to: str(time.to, 'now') },
    refresh: str(raw.refresh, ''),
    graphTooltip: typeof raw.graphTooltip === 'number' ? raw.graphTooltip : 0,
    panels: Array.isArray(raw.panels) ? raw.panels.map(normalisePanel) : [],
  } as Dashboard;
}
