// A dashboard's `annotations.list` as Promscope reads it (pure), in the words of Grafana's JSON
// model (https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/annotate-visualizations/):
// a Prometheus entry names its query (`expr`, `step`, or the newer `target.expr`,
// `target.interval`, which win when set, as Grafana's prepareAnnotation reads them), how to
// name and tag its events, whether it starts on (`enable`) and shows a toggle (`hide`), its
// colour and the panels it draws on (`filter`). The built-in "Annotations & Alerts" entry
// (`builtIn: 1`) reads Prometheus' ALERTS: Promscope has no annotation store of its own.
import { asArray, asRecord, asString, isRecord } from '../../../contract/json.ts';
import type { AnnotationSource, PanelFilter } from '../../chart/annotation-types.ts';
import { resolveColor } from '../../fields/palette.ts';
import type { DatasourceRef } from '../../model/model.ts';

/** What the built-in entry queries instead of Grafana's annotation store. */
export const ALERTS_EXPR = 'ALERTS';

/** Grafana's default marker colour for a query entry without iconColor. */
const DEFAULT_COLOR = 'rgba(0, 211, 255, 1)';

export interface AnnotationDef extends AnnotationSource {
  /** The built-in "Annotations & Alerts": drawn from ALERTS changes. */
  builtIn: boolean;
  /** On when the dashboard opens. */
  enable: boolean;
  /** No toggle in the bar; still drawn while enabled. */
  hide: boolean;
  datasource?: DatasourceRef;
  expr: string;
  /** Minimum step, as written (`30s`, `$__interval`); empty: from the range and width. */
  step: string;
  filter?: PanelFilter;
  /** Why the entry cannot be drawn (another kind of datasource, no query), else undefined. */
  unsupported?: string;
}

const GRAFANA_DS = new Set(['-- Grafana --', 'grafana']);

function dsUid(ref: unknown): string | undefined {
  if (typeof ref === 'string') return ref;
  return isRecord(ref) && typeof ref.uid === 'string' ? ref.uid : undefined;
}

function dsType(ref: unknown): string | undefined {
  return isRecord(ref) && typeof ref.type === 'string' ? ref.type : undefined;
}

function readFilter(v: unknown): PanelFilter | undefined {
  if (!isRecord(v)) return undefined;
  // Grafana's AnnotationPanelFilter: `ids` are the panels included, or with `exclude` the
  // panels left out ("Show in: selected panels / all panels except").
  const ids = asArray(v.ids).filter((id): id is number => typeof id === 'number');
  return { exclude: v.exclude === true, ids };
}

/** One entry of `annotations.list`. `i` is its index, carried by its events. */
export function readAnnotation(raw: unknown, i: number): AnnotationDef {
  const a = asRecord(raw);
  const target = asRecord(a.target);
  const builtIn = a.builtIn === 1 || a.builtIn === true;
  const uid = dsUid(a.datasource);
  const type = dsType(a.datasource);
  const expr = builtIn ? ALERTS_EXPR : asString(target.expr) || asString(a.expr);
  const def: AnnotationDef = {
    index: i,
    name: asString(a.name) || (builtIn ? 'Annotations & Alerts' : `Annotation ${i + 1}`),
    color: resolveColor(asString(a.iconColor), DEFAULT_COLOR),
    titleFormat: asString(a.titleFormat),
    textFormat: asString(a.textFormat),
    tagKeys: asString(a.tagKeys),
    useValueForTime: a.useValueForTime === true || a.useValueForTime === 'true',
    builtIn,
    // Grafana: an entry is on only when it says so.
    enable: a.enable === true,
    hide: a.hide === true,
    datasource: builtIn ? undefined : (a.datasource as DatasourceRef | undefined),
    expr,
    step: asString(target.interval) || asString(a.step),
    filter: readFilter(a.filter),
  };
  if (!builtIn && uid && GRAFANA_DS.has(uid)) {
    def.unsupported = 'Grafana annotation store entries are not available in Promscope';
  } else if (!builtIn && type && type !== 'prometheus' && type !== 'datasource') {
    def.unsupported = `datasource type "${type}" is not supported`;
  } else if (expr.trim() === '') {
    def.unsupported = 'no query';
  }
  return def;
}

/** Every entry of the dashboard's `annotations.list`, in order. */
export function readAnnotations(annotations: unknown): AnnotationDef[] {
  return asArray(asRecord(annotations).list).map(readAnnotation);
}

/** The entries on now: the user's toggles (by index) over each entry's `enable`. */
export function enabledAnnotations(
  defs: readonly AnnotationDef[],
  toggled: ReadonlyMap<number, boolean>,
): AnnotationDef[] {
  return defs.filter((d) => !d.unsupported && (toggled.get(d.index) ?? d.enable));
}
