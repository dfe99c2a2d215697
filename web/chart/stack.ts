// Series transforms for uPlot (pure). Stacking: each column becomes the running total of the visible
// columns up to it, gaps counting as 0 in the total (as Grafana stacks) but staying gaps in
// their own series. Hidden series add nothing, so the stack closes over them.

export function stackColumns(
  ys: readonly (readonly (number | null)[])[],
  shown: readonly boolean[],
): (number | null)[][] {
  const n = ys[0]?.length ?? 0;
  const totals = new Float64Array(n);
  return ys.map((col, s) => {
    const out = new Array<number | null>(n);
    const visible = shown[s] !== false;
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (v == null) {
        out[i] = null;
        continue;
      }
      if (visible) totals[i]! += v;
      out[i] = totals[i]!;
    }
    return out;
  });
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
