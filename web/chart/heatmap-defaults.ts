// Grafana's defaults for a new heatmap panel, apart from the code that draws one: the heatmap
// kind's description (web/panels/kinds/heatmap/index.ts) ships with the first load, and
// importing these from heatmap-settings.ts would pull that module, the colour code and every
// colour scheme (≈ 3 KB gzip) into it for a kind most dashboards never draw. No imports.
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/heatmap/panelcfg.cue

export interface ColorSettings {
  mode: 'scheme' | 'opacity';
  scheme: string;
  /** Opacity mode's colour: a Grafana colour name or CSS hex. */
  fill: string;
  /** Opacity mode's curve: alpha = t^exponent when exponential. */
  scale: 'exponential' | 'linear';
  exponent: number;
  steps: number;
  reverse: boolean;
  /** Fixed ends of the scale; the data's own min and max otherwise. */
  min?: number;
  max?: number;
}

export const DEFAULT_SCHEME = 'Oranges';

/** Grafana's defaults for a new heatmap panel (options.color). */
export const DEFAULT_COLOR: ColorSettings = {
  mode: 'scheme',
  scheme: DEFAULT_SCHEME,
  fill: 'dark-orange',
  scale: 'exponential',
  exponent: 0.5,
  steps: 64,
  reverse: false,
};

/** Grafana's defaults for a new heatmap panel (options). */
export const HEATMAP_DEFAULTS: Record<string, unknown> = {
  calculate: false,
  cellGap: 1,
  color: { ...DEFAULT_COLOR },
  filterValues: { le: 1e-9 },
  legend: { show: true },
  tooltip: { show: true },
  yAxis: { axisPlacement: 'left' },
};
