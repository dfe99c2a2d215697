// Explore's Graph tab: the queries over the range (uPlot), drawn as lines, stacked or bars,
// with a legend, a tooltip, drag-to-zoom, and what each query cost.
import { useMemo, useRef } from 'preact/hooks';
import { Chart } from '../chart/Chart.tsx';
import type { ExploreState, GraphMode } from '../nav/explore-state.ts';
import { Legend } from '../panels/Legend.tsx';
import { MAX_SERIES } from '../panels/panel-data.ts';
import { useChartSeries } from '../panels/use-chart-series.ts';
import type { PanelData } from '../panels/use-panel-data.ts';
import { useSize } from '../panels/use-size.ts';
import { useLatest } from '../ui/memo.ts';
import { QueryInfo } from './QueryInfo.tsx';

const UNITS: [string, string][] = [
  ['', 'No unit'],
  ['short', 'Short (K, Mil)'],
  ['s', 'Seconds'],
  ['ms', 'Milliseconds'],
  ['bytes', 'Bytes (IEC)'],
  ['percent', 'Percent (0–100)'],
  ['percentunit', 'Percent (0–1)'],
  ['reqps', 'Requests/s'],
];

interface Props {
  state: ExploreState;
  data: PanelData;
  onChange: (change: Partial<ExploreState>) => void;
  onZoom: (startMs: number, endMs: number) => void;
}

export function GraphView({ state, data, onChange, onZoom }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const { width } = useSize(box);
  const { hidden, setHidden, series, aligned } = useChartSeries(data);
  // Stable unless changed, so the memoised chart skips renders that leave it as it was.
  const style = useMemo(
    () => ({ unit: state.unit, min: state.yMin, mode: state.mode }),
    [state.unit, state.yMin, state.mode],
  );
  const zoom = useLatest(onZoom);

  return (
    <div class="graph-view">
      <div class="graph-options">
        <label>
          Draw
          <select
            value={state.mode}
            onChange={(e) => onChange({ mode: e.currentTarget.value as GraphMode })}
          >
            <option value="lines">Lines</option>
            <option value="stacked">Stacked</option>
            <option value="bars">Bars</option>
          </select>
        </label>
        <label>
          Unit
          <select
            value={state.unit ?? ''}
            onChange={(e) => onChange({ unit: e.currentTarget.value || undefined })}
          >
            {UNITS.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Y min
          <input
            class="narrow"
            inputMode="decimal"
            placeholder="auto"
            value={state.yMin ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value.trim();
              onChange({ yMin: v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v) });
            }}
          />
        </label>
      </div>
      {data.dropped > 0 && (
        <p class="panel-notice" role="status">
          Showing the first {MAX_SERIES} series; {data.dropped} more are not drawn. Narrow the query
          (e.g. with topk or sum by) to see them all.
        </p>
      )}
      <div class="graph-box" ref={box}>
        {width > 0 && (
          <Chart
            data={aligned}
            samples={data.samples}
            series={series}
            style={style}
            width={width}
            height={360}
            onZoom={zoom}
          />
        )}
      </div>
      {data.series.length > 0 && (
        <Legend series={data.series} hidden={hidden} onChange={setHidden} />
      )}
      <QueryInfo outcomes={data.outcomes} warnings={data.warnings} />
    </div>
  );
}
