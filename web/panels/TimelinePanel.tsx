// Grafana's state timeline and status history: one row per series over the panel's time
// range, each cut into boxes coloured by value (web/chart/timeline.ts) — a box per run of one
// state, or a box per sample. A value's colour and text are the field's (value mappings
// first, then its colour mode: continuous green-yellow-red by default for the state
// timeline, thresholds for the status history, as Grafana's plugins default them), and the
// legend lists the states seen or the threshold steps. Drawn as SVG; the body says what it
// drew in data-rows and data-boxes, and each box its data-start/data-end (unix s) and value.
// https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/state-timeline/
// https://grafana.com/docs/grafana/latest/panels-visualizations/visualizations/status-history/
import { useMemo } from 'preact/hooks';
import { asFiniteNumber, asString } from '../../contract/json.ts';
import { dataRange, fieldRange } from '../chart/gauge.ts';
import { timeTicks } from '../chart/time-axis.ts';
import {
  type Box,
  historyBoxes,
  stateBoxes,
  thresholdItems,
  thresholdStep,
  timeSplits,
} from '../chart/timeline.ts';
import { displayValue } from '../fields/field-display.ts';
import type { FieldConfig } from '../fields/overrides.ts';
import { resolveFields } from '../fields/overrides.ts';
import { resolveColor } from '../fields/palette.ts';
import { formatValue } from '../fields/units.ts';
import type { Panel } from '../model/model.ts';
import { AnnotationLayer } from './AnnotationLayer.tsx';
import { DataPanel } from './DataPanel.tsx';
import { MAX_SERIES } from './panel-data.ts';
import type { PanelProps } from './types.ts';
import { usePanelData } from './use-panel-data.ts';
import './TimelinePanel.css';

type Kind = 'state-timeline' | 'status-history';

const AXIS_H = 22; // px under the rows for the time axis
const CHAR_W = 7; // px per character of 12 px text, to size labels and decide what fits

interface Row {
  key: string;
  name: string;
  boxes: Box[];
  /** custom.fillOpacity, 0–1 (Grafana's default 70 %). */
  opacity: number;
}

interface LegendItem {
  label: string;
  color: string;
}

function withColorDefault(fc: Panel['fieldConfig'], kind: Kind): Panel['fieldConfig'] {
  const defaults = fc?.defaults ?? {};
  if (defaults.color?.mode) return fc;
  const mode = kind === 'state-timeline' ? 'continuous-GrYlRd' : 'thresholds';
  return { ...fc, defaults: { ...defaults, color: { ...defaults.color, mode } } };
}

export function TimelinePanel(props: PanelProps & { kind: Kind }) {
  const { panel, kind } = props;
  const { body, width, height, data } = usePanelData(props);
  const o = panel.options as Record<string, unknown>;
  const merge = kind === 'state-timeline' && o.mergeValues !== false;
  const showValue = asString(o.showValue, 'auto');
  const align = kind === 'state-timeline' ? asString(o.alignValue, 'left') : 'center';
  const rowHeight = Math.min(1, Math.max(0, asFiniteNumber(o.rowHeight, 0.9)!));
  const colWidth = Math.min(1, Math.max(0, asFiniteNumber(o.colWidth, 0.9)!));
  const legendShown =
    asString((o.legend as Record<string, unknown> | undefined)?.displayMode) !== 'hidden' &&
    (o.legend as Record<string, unknown> | undefined)?.showLegend !== false;

  const step = data.xs.length > 1 ? data.xs[1]! - data.xs[0]! : (data.outcomes[0]?.step ?? 1);
  const range: [number, number] = [props.time.start / 1000, props.time.end / 1000];

  const { rows, legend } = useMemo(() => {
    const fields = resolveFields(withColorDefault(panel.fieldConfig, kind), data.series);
    const all = dataRange(data.ys);
    const seen = new Map<string, string>();
    const rows: Row[] = data.series.map((s, i) => {
      const ys = data.ys[i] ?? [];
      const { config, name, color } = fields[i]!;
      const r = fieldRange(config, dataRange([ys]), all);
      const steps = config.thresholds?.steps ?? [];
      const byStep = merge && config.color?.mode === 'thresholds' && steps.length > 0;
      const labels = byStep ? thresholdItems(steps, stepFormat(config)) : [];
      const show = (v: number) => {
        if (byStep) {
          const at = thresholdStep(v, steps, config.thresholds?.mode, r);
          return { text: labels[at]!.label, color: resolveColor(steps[at]!.color) };
        }
        const d = displayValue(config, v, color, r);
        return { text: d.text, color: d.color };
      };
      const input = { xs: data.xs, ys, step, range, show };
      const boxes =
        kind === 'status-history'
          ? historyBoxes(input, colWidth)
          : stateBoxes(
              input,
              merge,
              byStep ? (v) => thresholdStep(v, steps, config.thresholds?.mode, r) : undefined,
            );
      for (const b of boxes) if (!seen.has(b.text)) seen.set(b.text, b.color);
      const fill = config.custom?.fillOpacity;
      const opacity = typeof fill === 'number' ? Math.min(100, Math.max(0, fill)) / 100 : 0.7;
      return { key: s.key, name, boxes, opacity };
    });
    return { rows, legend: legendItems(fields[0]?.config, seen) };
  }, [panel.fieldConfig, data, kind, merge, step, range[0], range[1], colWidth]);

  const labelW = Math.min(
    width * 0.3,
    Math.max(40, ...rows.map((r) => r.name.length * CHAR_W + 12)),
  );
  const plotW = Math.max(0, width - labelW);
  const plotH = Math.max(0, height - AXIS_H);
  const slot = rows.length > 0 ? plotH / rows.length : 0;
  const boxH = slot * rowHeight;
  const x = (t: number) => labelW + ((t - range[0]) / (range[1] - range[0])) * plotW;
  const splits = timeSplits(range[0], range[1], plotW);
  const incr = splits.length > 1 ? splits[1]! - splits[0]! : range[1] - range[0];
  const ticks = timeTicks(splits, incr, range[1] - range[0]);

  const notices = [
    ...data.warnings,
    ...(data.dropped > 0
      ? [`Showing the first ${MAX_SERIES} series; ${data.dropped} more not drawn`]
      : []),
  ];
  const legendEl = legendShown && legend.length > 0 && (
    <ul class="legend timeline-legend" aria-label="legend">
      {legend.map((l) => (
        <li key={l.label} class="legend-item" data-color={l.color}>
          <span class="legend-swatch timeline-swatch" style={{ background: l.color }} />
          <span class="legend-label">{l.label}</span>
        </li>
      ))}
    </ul>
  );

  return (
    <DataPanel
      panel={panel}
      data={data}
      body={body}
      bodyClass={`timeline ${kind}`}
      width={width}
      notices={notices}
      after={legendEl}
      drawn={{ rows: rows.length, boxes: rows.reduce((n, r) => n + r.boxes.length, 0) }}
    >
      {width > 0 && plotH > 0 && rows.length > 0 && (
        <svg width={width} height={height} class="timeline-svg" role="img" aria-label={panel.title}>
          {splits.map((t) => (
            <line key={t} class="timeline-grid" x1={x(t)} x2={x(t)} y1={0} y2={plotH} />
          ))}
          {rows.map((r, i) => {
            const y = i * slot + (slot - boxH) / 2;
            return (
              <g key={r.key} class="timeline-row" data-name={r.name}>
                <text
                  class="timeline-label"
                  x={labelW - 8}
                  y={i * slot + slot / 2}
                  text-anchor="end"
                  dominant-baseline="middle"
                >
                  {r.name}
                </text>
                {r.boxes.map((b) => {
                  const x0 = x(b.start);
                  const w = Math.max(1, x(b.end) - x0);
                  const fits = b.text.length * CHAR_W + 8 <= w && boxH >= 14;
                  const textShown = showValue === 'always' || (showValue === 'auto' && fits);
                  const tx =
                    align === 'center' ? x0 + w / 2 : align === 'right' ? x0 + w - 4 : x0 + 4;
                  return (
                    <g key={b.start} class="timeline-box">
                      <rect
                        x={x0}
                        y={y}
                        width={w}
                        height={boxH}
                        fill={b.color}
                        fill-opacity={r.opacity}
                        data-start={b.start}
                        data-end={b.end}
                        data-value={b.value}
                        data-color={b.color}
                      >
                        <title>{`${r.name}: ${b.text}`}</title>
                      </rect>
                      {textShown && (
                        <text
                          class="timeline-value"
                          x={tx}
                          y={y + boxH / 2}
                          text-anchor={
                            align === 'center' ? 'middle' : align === 'right' ? 'end' : 'start'
                          }
                          dominant-baseline="middle"
                        >
                          {b.text}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            );
          })}
          {splits.map((t, i) => (
            <text
              key={`tick-${t}`}
              class="timeline-tick"
              x={x(t)}
              y={plotH + 15}
              text-anchor="middle"
            >
              {ticks[i]}
            </text>
          ))}
        </svg>
      )}
      {width > 0 && plotH > 0 && rows.length > 0 && (
        <AnnotationLayer
          panelId={panel.id}
          options={panel.options}
          left={labelW}
          width={plotW}
          height={plotH}
          start={props.time.start}
          end={props.time.end}
        />
      )}
    </DataPanel>
  );
}

/** Threshold labels read in the field's unit, or percent for percentage steps. */
function stepFormat(config: FieldConfig) {
  const unit = config.thresholds?.mode === 'percentage' ? 'percent' : config.unit;
  return (v: number) => formatValue(v, unit, config.decimals);
}

/**
 * Grafana's getFieldLegendItem: the threshold steps when colouring by thresholds, nothing for
 * a continuous scheme, else each state seen with its colour.
 */
function legendItems(config: FieldConfig | undefined, seen: Map<string, string>): LegendItem[] {
  if (!config) return [];
  const mode = config.color?.mode ?? 'fixed';
  const steps = config.thresholds?.steps ?? [];
  if (mode === 'thresholds' && steps.length > 1) {
    return thresholdItems(steps, stepFormat(config)).map((i) => ({
      ...i,
      color: resolveColor(i.color),
    }));
  }
  if (mode.startsWith('continuous')) return [];
  return [...seen].filter(([label]) => label !== '').map(([label, color]) => ({ label, color }));
}

export const StateTimeline = (props: PanelProps) => (
  <TimelinePanel {...props} kind="state-timeline" />
);
export const StatusHistory = (props: PanelProps) => (
  <TimelinePanel {...props} kind="status-history" />
);
