// What a chart has drawn, written on its uPlot root as data-* attributes after each setData:
// for the e2e tests (which wait on them and point inside what is drawn), the bench (which
// times a panel by them) and the curious. Attributes, not a global: a page holds many charts.
import type uPlot from 'uplot';

/**
 * data-series (series drawn), data-samples (samples behind them), data-end (the last
 * column's instant) and data-start (the first instant where any series has a value: a
 * Prometheus started a minute ago draws only at the right of the range), all in unix seconds.
 */
export function markDrawn(
  root: HTMLElement,
  series: number,
  samples: number,
  data: uPlot.AlignedData,
): void {
  const ds = root.dataset;
  ds.series = String(series);
  ds.samples = String(samples);
  ds.end = String(data[0][data[0].length - 1] ?? '');
  ds.start = String(firstDrawn(data) ?? '');
}

/** Nearly always the first column, so the walk ends at once. */
function firstDrawn(data: uPlot.AlignedData): number | undefined {
  const xs = data[0];
  for (let i = 0; i < xs.length; i++) {
    for (let s = 1; s < data.length; s++) if (data[s]![i] != null) return xs[i];
  }
  return undefined;
}
