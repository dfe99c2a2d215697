// What uPlot draws of each series (pure): Grafana's negative-Y transform, then stacking by
// groups, as Grafana's getStackingGroups and preparePlotData2 do
// (packages/grafana-ui/src/components/uPlot/utils.ts):
// - series stack with the others of the same group name, mode, scale, draw style and
//   direction; a series whose first value is negative (after negative-Y) stacks downwards, in
//   a group of its own, so transmit stacks below zero and receive above;
// - a series not stacked (mode none, e.g. a "Total" line over stacked parts) is drawn as is;
// - a gap in a stacked series where others of its group have a value takes the running total,
//   so the band above it stays closed; where none of the group has a value it stays a gap;
// - percent stacking divides each running total by the group's total (0–1, or 0–−1 below);
// - hidden series (legend, hideFrom.viz) take no part, so the stack closes over them.
import type uPlot from 'uplot';

export interface StackSpec {
  /** custom.stacking.mode */
  mode: 'normal' | 'percent';
  /** custom.stacking.group */
  group: string;
}

/** What of a series decides how it is transformed and stacked. */
export interface DrawnSeries {
  show: boolean;
  /** custom.transform: 'negative-Y' */
  negativeY?: boolean;
  /** Stacking, or undefined when the series is drawn on its own. */
  stack?: StackSpec;
  /** Its y scale: stacks never cross scales. */
  scale?: string;
  /** The draw style and line shape: lines and bars do not stack on each other. */
  shape?: string;
}

export interface StackGroup {
  /** Indexes of the series (0-based, in `ys` order), bottom first. */
  series: number[];
  /** 1 stacks upwards, −1 downwards. */
  dir: 1 | -1;
  percent: boolean;
}

function firstValue(col: readonly (number | null | undefined)[]): number | undefined {
  for (const v of col) if (v != null) return v;
  return undefined;
}

export function stackGroups(
  ys: readonly (readonly (number | null | undefined)[])[],
  series: readonly DrawnSeries[],
): StackGroup[] {
  const groups = new Map<string, StackGroup>();
  series.forEach((s, i) => {
    if (!s.stack || !s.show) return;
    const first = firstValue(ys[i] ?? []) ?? 0;
    // Grafana: the direction is that of the first value, after the transform.
    const dir: 1 | -1 = (s.negativeY ? first < 0 : first >= 0) ? 1 : -1;
    const key = JSON.stringify([dir, s.stack.mode, s.stack.group, s.scale ?? 'y', s.shape ?? '']);
    let g = groups.get(key);
    if (!g) {
      g = { series: [], dir, percent: s.stack.mode === 'percent' };
      groups.set(key, g);
    }
    g.series.push(i);
  });
  return [...groups.values()];
}

/** The columns uPlot draws: transformed, stacked within their groups, percent if asked. */
export function drawnColumns(
  ys: readonly (readonly (number | null | undefined)[])[],
  series: readonly DrawnSeries[],
  groups: readonly StackGroup[],
): (number | null)[][] {
  const out = ys.map((col, i) => {
    const flip = series[i]?.negativeY === true;
    return Array.from(col, (v) => (v == null ? null : flip ? -v : v));
  });
  const n = ys[0]?.length ?? 0;
  for (const g of groups) {
    const totals = new Float64Array(n);
    const any = new Uint8Array(n); // where some series of the group has a value
    for (const i of g.series) {
      const col = out[i]!;
      for (let x = 0; x < n; x++) if (col[x] != null) any[x] = 1;
    }
    for (const i of g.series) {
      const col = out[i]!;
      for (let x = 0; x < n; x++) {
        const v = col[x];
        if (v != null) col[x] = totals[x]! += v;
        else if (any[x]) col[x] = totals[x]!;
      }
    }
    if (g.percent) {
      for (const i of g.series) {
        const col = out[i]!;
        for (let x = 0; x < n; x++) {
          const v = col[x];
          // The running total over the group's total is positive: the sign is the stack's.
          if (v != null) col[x] = totals[x] === 0 ? 0 : g.dir * (v / totals[x]!);
        }
      }
    }
  }
  return out;
}

/**
 * Bands between adjacent series of each group (uPlot series indexes, 1-based): each fills
 * down (or up, below zero) to the one under it, not to zero, as Grafana's getStackingBands.
 */
export function stackBands(groups: readonly StackGroup[]): uPlot.Band[] {
  const bands: uPlot.Band[] = [];
  for (const g of groups) {
    for (let k = g.series.length - 1; k > 0; k--) {
      bands.push({
        series: [g.series[k]! + 1, g.series[k - 1]! + 1],
        dir: (-1 * g.dir) as 1 | -1,
      });
    }
  }
  return bands;
}

/** Indexes of values with a gap (or the edge) on both sides: a line cannot show them, a dot can. */
export function isolatedIndices(ys: ArrayLike<number | null | undefined>): number[] {
  const out: number[] = [];
  for (let i = 0; i < ys.length; i++) {
    if (
      ys[i] != null &&
      (i === 0 || ys[i - 1] == null) &&
      (i === ys.length - 1 || ys[i + 1] == null)
    ) {
      out.push(i);
    }
  }
  return out;
}
