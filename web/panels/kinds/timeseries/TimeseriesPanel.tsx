// Grafana's time series panel: lines, bars or points, area fill, stacking, thresholds drawn
// as lines or bands, and a legend as a list or a table (with reducer columns, sortable) below
// or beside the chart. Each series has its own field config: defaults + overrides.

import { useMemo, useState } from 'preact/hooks';
import { asFiniteNumber } from '../../../../contract/json.ts';
import { multiLane } from '../../../chart/annotation-types.ts';
import { Chart } from '../../../chart/Chart.tsx';
import type { ChartSeries } from '../../../chart/options.ts';
import { tooltipModeOf, tooltipSortOf } from '../../../chart/tooltip-rows.ts';
import type { AxisSpec } from '../../../chart/y-axes.ts';
import type { LegendSort } from '../../../fields/legend-calcs.ts';
import {
  legendOptions,
  legendRows,
  nextSort,
  sortLegendRows,
} from '../../../fields/legend-calcs.ts';
import type { FieldConfig } from '../../../fields/overrides.ts';
import { resolveFields } from '../../../fields/overrides.ts';
import { COUNTING } from '../../../fields/reduce.ts';
import { formatValue } from '../../../fields/units.ts';
import { useLatest, useSameValue } from '../../../ui/memo.ts';
import { usePanelAnnotations } from '../../annotations-context.ts';
import { DataPanel } from '../../DataPanel.tsx';
import type { LegendEntry } from '../../Legend.tsx';
import { Legend } from '../../Legend.tsx';
import { MAX_SERIES } from '../../panel-data.ts';
import type { PanelProps } from '../../types.ts';
import { useChartSeries } from '../../use-chart-series.ts';
import { usePanelData } from '../../use-panel-data.ts';

const DRAW_STYLES = new Set(['line', 'bars', 'points']);
const SHOW_POINTS = new Set(['auto', 'always', 'never']);
const INTERPOLATIONS = new Set(['linear', 'smooth', 'stepBefore', 'stepAfter']);

/** Grafana's lineStyle as uPlot dashes: its own [on, off], else dash 10/10 and dot 0/10. */
export function lineDash(
  style: { fill?: string; dash?: number[] } | undefined,
): number[] | undefined {
  if (!style || (style.fill !== 'dash' && style.fill !== 'dot')) return undefined;
  const own = Array.isArray(style.dash) && style.dash.every((n) => typeof n === 'number' && n >= 0);
  if (own && style.dash!.length > 0) return style.dash;
  return style.fill === 'dot' ? [0, 10] : [10, 10];
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Grafana's custom.stacking: normal or percent, in its group ('A' unless named); else none. */
export function stackingOf(stacking: unknown): ChartSeries['stack'] {
  const s = (typeof stacking === 'object' && stacking ? stacking : {}) as {
    mode?: unknown;
    group?: unknown;
  };
  if (s.mode !== 'normal' && s.mode !== 'percent') return null;
  return { mode: s.mode, group: typeof s.group === 'string' ? s.group : 'A' };
}

/** The series' y axis: its unit and range, and Grafana's custom.axis* settings. */
export function axisSpec(c: FieldConfig): AxisSpec {
  const custom = c.custom ?? {};
  const dist = custom.scaleDistribution;
  const type = dist?.type === 'log' || dist?.type === 'symlog' ? dist.type : undefined;
  const spec: AxisSpec = {
    unit: text(c.unit),
    decimals: num(c.decimals),
    min: num(c.min),
    max: num(c.max),
    softMin: num(custom.axisSoftMin),
    softMax: num(custom.axisSoftMax),
    placement: text(custom.axisPlacement),
    label: text(custom.axisLabel),
    distribution: type,
    log: type ? (dist?.log === 2 ? 2 : 10) : undefined,
    linearThreshold: type === 'symlog' ? num(dist?.linearThreshold) : undefined,
    centeredZero: custom.axisCenteredZero === true ? true : undefined,
    width: num(custom.axisWidth),
    grid: custom.axisGridShow === false ? false : undefined,
  };
  // Only what is set: an unset field falls back to the panel's.
  for (const k of Object.keys(spec) as (keyof AxisSpec)[]) {
    if (spec[k] === undefined) delete spec[k];
  }
  return spec;
}

/** The per-series part of the chart's style, from the series' field config. */
function seriesStyle(c: FieldConfig): Partial<ChartSeries> {
  const custom = c.custom ?? {};
  return {
    lineWidth: asFiniteNumber(custom.lineWidth),
    fillOpacity: asFiniteNumber(custom.fillOpacity),
    gradient: custom.gradientMode === 'opacity' ? true : undefined,
    drawStyle: DRAW_STYLES.has(custom.drawStyle ?? '')
      ? (custom.drawStyle as ChartSeries['drawStyle'])
      : undefined,
    showPoints: SHOW_POINTS.has(custom.showPoints ?? '')
      ? (custom.showPoints as ChartSeries['showPoints'])
      : undefined,
    pointSize: asFiniteNumber(custom.pointSize),
    interpolation: INTERPOLATIONS.has(custom.lineInterpolation ?? '')
      ? (custom.lineInterpolation as ChartSeries['interpolation'])
      : undefined,
    dash: lineDash(custom.lineStyle),
    unit: c.unit,
    decimals: asFiniteNumber(c.decimals),
    noTooltip: custom.hideFrom?.tooltip === true,
    negativeY: custom.transform === 'negative-Y' ? true : undefined,
    stack: stackingOf(custom.stacking),
    axis: axisSpec(c),
  };
}

export function TimeseriesPanel(props: PanelProps) {
  const { panel } = props;
  const { body, width, height, data } = usePanelData(props);
  const fields = useMemo(
    () => resolveFields(panel.fieldConfig, data.series),
    [panel.fieldConfig, data.series],
  );
  // The series as shown: names and colours after overrides. Made from the columns alone, not
  // from `data` as a whole: that is a new object on every render of a tick (loading, then
  // the answer), and each new `named` would have the chart redraw the same columns again.
  const { xs, ys, dropped, samples } = data;
  const named = useMemo(
    () => ({
      xs,
      ys,
      dropped,
      samples,
      series: data.series.map((s, i) => ({
        ...s,
        label: fields[i]!.name,
        color: fields[i]!.color,
      })),
    }),
    [xs, ys, dropped, samples, data.series, fields],
  );
  const { hidden, setHidden, series, aligned } = useChartSeries(named);
  const chartSeries = useMemo(
    () =>
      series.map((s, i) => {
        const config = fields[i]!.config;
        const viz = config.custom?.hideFrom?.viz === true;
        return { ...s, ...seriesStyle(config), show: s.show && !viz };
      }),
    [series, fields],
  );

  const legend = useMemo(() => legendOptions(panel.options.legend), [panel.options.legend]);
  const tooltipSort = tooltipSortOf(panel.options.tooltip?.sort);
  const tooltipMode = tooltipModeOf(panel.options.tooltip?.mode);
  const [userSort, setUserSort] = useState<LegendSort | null>(null);
  const sort = userSort ?? legend.sort;
  const fresh = useMemo((): LegendEntry[] => {
    const inLegend = named.series
      .map((s, i) => ({ s, i }))
      .filter(({ i }) => fields[i]!.config.custom?.hideFrom?.legend !== true);
    const rows = legendRows(
      inLegend.map(({ s }) => s),
      inLegend.map(({ i }) => data.ys[i] ?? []),
      legend.calcs,
    );
    const fieldOf = new Map(inLegend.map(({ s, i }) => [s.key, fields[i]!.config]));
    return sortLegendRows(rows, legend.calcs, sort).map((r) => {
      const c = fieldOf.get(r.key) ?? {};
      return {
        ...r,
        off: c.custom?.hideFrom?.viz === true,
        values: r.values.map((raw, k) => ({
          raw,
          text: COUNTING.has(legend.calcs[k]!)
            ? formatValue(raw, 'none', 0)
            : formatValue(raw, c.unit, c.decimals),
        })),
      };
    });
  }, [named.series, data.ys, fields, legend.calcs.join(), sort?.by, sort?.desc]);
  // Most ticks leave the legend's text as it was: then the memoised legend need not render.
  const entries = useSameValue(fresh, sameEntries);
  const onSort = useLatest((by: LegendSort['by']) => setUserSort(nextSort(sort, by)));

  // Stable for a panel's config, so the memoised chart renders only when its data changes.
  const d = panel.fieldConfig.defaults;
  const style = useMemo(
    () => ({
      unit: d.unit,
      decimals: d.decimals,
      min: d.min,
      max: d.max,
      fillOpacity: d.custom?.fillOpacity,
      lineWidth: d.custom?.lineWidth,
      // Stacking is each series' own (defaults and overrides), not the panel's.
      mode: d.custom?.drawStyle === 'bars' ? ('bars' as const) : ('lines' as const),
      axisPlacement: d.custom?.axisPlacement,
    }),
    [d],
  );
  const thresholds = useMemo(
    () => ({
      steps: d.thresholds?.steps,
      mode: d.thresholds?.mode,
      style: d.custom?.thresholdsStyle?.mode,
      min: d.min,
      max: d.max,
    }),
    [d],
  );
  const marks = usePanelAnnotations(panel.id);
  const lanes = multiLane(panel.options);
  const annotations = useMemo(() => ({ ...marks, multiLane: lanes }), [marks, lanes]);
  const zoom = useLatest(props.onZoom);
  const notices = [
    ...data.warnings,
    ...(data.dropped > 0
      ? [`Showing the first ${MAX_SERIES} series; ${data.dropped} more not drawn`]
      : []),
  ];
  const legendEl = legend.displayMode !== 'hidden' && entries.length > 0 && (
    <Legend
      series={entries}
      hidden={hidden}
      onChange={setHidden}
      mode={legend.displayMode}
      calcs={legend.calcs}
      sort={sort}
      onSort={onSort}
      width={legend.placement === 'right' ? legend.width : undefined}
    />
  );
  const right = legend.placement === 'right';

  return (
    <DataPanel
      panel={panel}
      data={data}
      body={body}
      bodyClass="timeseries"
      width={width}
      notices={notices}
      after={right ? undefined : legendEl}
      side={right ? legendEl : undefined}
    >
      {width > 0 && height > 0 && (
        <Chart
          data={aligned}
          samples={data.samples}
          series={chartSeries}
          style={style}
          width={width}
          height={height}
          onZoom={zoom}
          thresholds={thresholds}
          graphTooltip={props.graphTooltip}
          tooltipSort={tooltipSort}
          tooltipMode={tooltipMode}
          annotations={annotations}
        />
      )}
    </DataPanel>
  );
}

/** Same rows, labels, colours and value texts: what the legend shows would not change. */
function sameEntries(a: LegendEntry[], b: LegendEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return (
        x.key === y.key &&
        x.label === y.label &&
        x.color === y.color &&
        x.off === y.off &&
        (x.values ?? []).map((v) => `${v.raw}\u0000${v.text}`).join('\u0001') ===
          (y.values ?? []).map((v) => `${v.raw}\u0000${v.text}`).join('\u0001')
      );
    })
  );
}
