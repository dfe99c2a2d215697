// Answers of a panel's queries → one set of uPlot columns with a label and colour per series
// (pure; the hook in use-panel-data.ts feeds it).
import type { PromResult } from '../api/client.ts';
import type { MatrixData, Metric } from '../api/types.ts';
import { formatLegend } from '../chart/legend.ts';
import { matrixToColumns, seriesKey } from '../chart/matrix.ts';
import { seriesColor } from '../chart/palette.ts';
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
}

/** An answer with the query that asked it: placeholder data shown during the next tick keeps
 * its own grid, so nothing is recomputed until the new answer lands. */
export type RangeAnswer = PromResult<MatrixData> & { query: PlannedQuery };

export function panelColumns(answers: readonly (RangeAnswer | undefined)[]): PanelColumns {
  const out: PanelColumns = { xs: [], ys: [], series: [], dropped: 0 };
  for (const answer of answers) {
    if (!answer) continue;
    const q = answer.query;
    const result = answer.data.result;
    const room = Math.max(0, MAX_SERIES - out.series.length);
    const kept = result.length > room ? result.slice(0, room) : result;
    out.dropped += result.length - kept.length;
    const cols = matrixToColumns(kept, { start: q.start, end: q.end, step: q.step });
    if (out.xs.length === 0) out.xs = cols.xs;
    kept.forEach((s, j) => {
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
  return out;
}
