// What Grafana's state timeline and status history draw (pure): one row per series, cut into
// boxes by value. State timeline: a box runs from a value's first sample to the next change
// (mergeValues, on by default) or, unmerged, to the next sample; a gap (null) ends it. Status
// history: one box per sample, colWidth of the step wide, centred on it. Colours and texts
// come from the field (value mappings, then its colour mode); with the colour mode
// "thresholds" and mergeValues, values merge by the threshold step they reach and show its
// label ("< 80", "80+"), as mergeThresholdValues does.
// public/app/plugins/panel/state-timeline/utils.ts, timeline.ts; status-history/module.tsx.
import { absoluteSteps, type Step } from '../fields/thresholds.ts';

export interface Box {
  /** Unix seconds, clipped to the range drawn. */
  start: number;
  end: number;
  value: number;
  text: string;
  color: string;
}

export interface Shown {
  text: string;
  color: string;
}

export interface TimelineInput {
  xs: readonly number[]; // unix seconds, one step apart
  ys: readonly (number | null)[];
  step: number; // seconds
  /** The range drawn, unix seconds: the last state runs to min(next sample, end). */
  range: readonly [start: number, end: number];
  show: (v: number) => Shown;
}

/**
 * Grafana's unsetSameFutureValues: each repeat of the value before it becomes undefined; a
 * null breaks the run (and stays), so the same value after a gap starts a new box.
 */
export function unsetSameFutureValues<T>(values: readonly (T | null | undefined)[]) {
  const out = [...values];
  let prev = values[0];
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    if (v === null) prev = null;
    else if (v === prev) out[i] = undefined;
    else if (v !== undefined) prev = v;
  }
  return out;
}

/** Grafana's findNextStateIndex: the next index holding a value (a change or a gap), or null. */
export function findNextStateIndex(values: readonly unknown[], from: number): number | null {
  for (let i = from + 1; i < values.length; i++) if (values[i] !== undefined) return i;
  return null;
}

/**
 * The state timeline's boxes. `key` decides which values merge (equal keys in a row are one
 * box); by default the value itself.
 */
export function stateBoxes(
  input: TimelineInput,
  merge: boolean,
  key: (v: number) => string | number = (v) => v,
): Box[] {
  const { xs, ys, step, range, show } = input;
  const keys = ys.map((v) => (v === null || !Number.isFinite(v) ? null : key(v)));
  const runs = merge ? unsetSameFutureValues(keys) : keys;
  const out: Box[] = [];
  for (let i = 0; i < runs.length; i++) {
    const v = ys[i];
    if (runs[i] === undefined || runs[i] === null || v === null || v === undefined) continue;
    const next = findNextStateIndex(runs, i);
    const end = next === null ? xs[xs.length - 1]! + step : xs[next]!;
    const box = clip(xs[i]!, end, range);
    if (box) out.push({ ...box, value: v, ...show(v) });
  }
  return out;
}

/** Status history's boxes: one per sample, `colWidth` (0–1) of the step, centred on it. */
export function historyBoxes(input: TimelineInput, colWidth: number): Box[] {
  const { xs, ys, step, range, show } = input;
  const half = (step * Math.min(1, Math.max(0, colWidth))) / 2;
  const out: Box[] = [];
  ys.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    const box = clip(xs[i]! - half, xs[i]! + half, range);
    if (box) out.push({ ...box, value: v, ...show(v) });
  });
  return out;
}

function clip(start: number, end: number, [lo, hi]: readonly [number, number]) {
  const s = Math.max(start, lo);
  const e = Math.min(end, hi);
  return e > s ? { start: s, end: e } : null;
}

export interface ThresholdItem {
  label: string;
  color: string;
}

/**
 * Grafana's getThresholdItems: "< next step" for the base (no −∞ shown), "step+" for each
 * after it, the values in the field's unit (percent for percentage thresholds).
 */
export function thresholdItems(
  steps: readonly Step[],
  format: (v: number) => string,
): ThresholdItem[] {
  const at = (x: Step) => (x.value === null ? '-Infinity' : format(x.value));
  return steps.map((s, i) => {
    const next = steps[i + 1];
    const base = s.value === null && next !== undefined;
    return { label: base ? `< ${at(next)}` : `${at(s)}+`, color: s.color };
  });
}

/** The index of the threshold step a value reaches (the key values merge by). */
export function thresholdStep(
  value: number,
  steps: readonly Step[],
  mode: string | undefined,
  range: readonly [number, number],
): number {
  const abs = absoluteSteps(steps, mode, range) ?? steps;
  let at = 0;
  abs.forEach((s, i) => {
    if (s.value === null || value >= s.value) at = i;
  });
  return at;
}

/** x-axis ticks: a round step giving about one tick per `px` pixels. */
export function timeSplits(start: number, end: number, width: number, px = 100): number[] {
  const span = end - start;
  if (!(span > 0) || width <= 0) return [];
  const want = span / Math.max(1, width / px);
  const steps = [
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
    172800, 604800,
  ];
  const incr = steps.find((s) => s >= want) ?? 604800;
  const out: number[] = [];
  for (let t = Math.ceil(start / incr) * incr; t <= end; t += incr) out.push(t);
  return out;
}
