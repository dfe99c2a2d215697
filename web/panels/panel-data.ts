// Answers of a panel's queries → one set of uPlot columns with a label and colour per series
// (pure; the hook in use-panel-data.ts feeds it).
import type { PromResult } from '../api/client.ts';
import type { MatrixData, Metric, QueryData, RangeSeries } from '../api/types.ts';
import { AUTO, autoLegend, formatLegend, singleLabelName } from '../fields/legend.ts';
import { seriesColor } from '../fields/palette.ts';
import type { Columns, Grid } from '../query/matrix.ts';
import { seriesKey } from '../query/matrix.ts';
import type { PlannedQuery } from './panel-queries.ts';

/** Past this many series a panel draws the first ones and says so, rather than freeze. */
export const MAX_SERIES = 200;

export interface PanelSeries {
  key: string;
  refId: string;
  label: string;
  metric: Metric;
  color: string;
}

export interface PanelColumns {
  xs: number[]; // unix seconds
  ys: (number | null)[][];
  series: PanelSeries[];
  /** Series left out over MAX_SERIES. */
  dropped: number;
  /** Samples Prometheus returned for the drawn series. */
  samples: number;
}

/**
 * An answer with the grid it was asked on. Placeholder data shown during the next tick keeps
 * its own grid, so nothing is recomputed until the new answer lands. Only the grid (part of
 * the query key) travels with it: identical queries from different panels share one answer,
 * so refId and legend format must come from each panel's own plan.
 */
export type RangeAnswer = PromResult<MatrixData> & {
  grid: Grid;
  /** What was really asked: the whole grid, or only its newest stretch on a live tick. */
  fetched?: { start: number; end: number };
  /** Samples in the answer, counted once when it arrives. */
  samples: number;
  /**
   * uPlot's columns of the first MAX_SERIES series, converted once when the answer arrives
   * (matrixToColumnsSliced), so no render converts samples and panels sharing it share them.
   */
  columns: Columns;
};

export function panelColumns(
  planned: readonly PlannedQuery[],
  answers: readonly (RangeAnswer | undefined)[],
): PanelColumns {
  const out: PanelColumns = { xs: [], ys: [], series: [], dropped: 0, samples: 0 };
  for (let i = 0; i < planned.length; i++) {
    const q = planned[i]!;
    const answer = answers[i];
    if (!answer) continue;
    const result = answer.data.result;
    const room = Math.max(0, MAX_SERIES - out.series.length);
    const kept = result.length > room ? result.slice(0, room) : result;
    out.dropped += result.length - kept.length;
    const cols = answer.columns;
    if (out.xs.length === 0) out.xs = cols.xs;
    kept.forEach((s, j) => {
      out.samples += s.values?.length ?? 0;
      out.ys.push(cols.ys[j]!);
      out.series.push({
        key: `${q.refId}/${seriesKey(s.metric)}`,
        refId: q.refId,
        label: formatLegend(q.legendFormat, s.metric, q.expr),
        metric: s.metric,
        color: seriesColor(out.series.length),
      });
    });
  }
  // `__auto` series with labels are named from every series of the panel, as Grafana does.
  const auto = out.series.filter(
    (s) => planned.find((q) => q.refId === s.refId)?.legendFormat === AUTO,
  );
  if (auto.length > 0) {
    const single = singleLabelName(out.series.map((s) => s.metric));
    for (const s of auto) {
      if (Object.keys(s.metric).length > 0) s.label = autoLegend(s.metric, single);
    }
  }
  return out;
}

/**
 * An instant query's answer as series of one sample each, so panels draw it like any other
 * (a stat shows that value). A scalar is one series without labels; a string has no number.
 */
export function instantAsMatrix(data: QueryData): RangeSeries[] {
  switch (data.resultType) {
    case 'vector':
      return data.result.map((s) => ({ metric: s.metric, values: s.value ? [s.value] : [] }));
    case 'matrix':
      return data.result;
    case 'scalar':
      return [{ metric: {}, values: [data.result] }];
    default:
      return [];
  }
}
