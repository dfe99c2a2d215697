// The per-series parts of the `graph` → `timeseries` migration: `aliasColors` and
// `seriesOverrides` as field overrides, after Grafana's graphToTimeseriesOptions:
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/timeseries/migrations.ts
// Its cases are transcribed in graph.test.ts; where we differ on purpose it says why.
import { asNonEmptyString, isRecord, parseFiniteNumber } from '../../../contract/json.ts';
import type { Json } from './types.ts';

const fixedColor = (color: unknown): Json => ({
  id: 'color',
  value: { mode: 'fixed', fixedColor: color },
});

/** Grafana's test of a regex alias: `/…/flags`, or the same with ~ @ ; % # ' as delimiter. */
const REGEX_ALIAS = /^([/~@;%#'])(.*?)\1([gimsuy]*)$/;

/**
 * byRegexp for a regex alias, byName otherwise. The alias is kept whole, slashes and flags
 * included, as Grafana writes it: its byRegexp matcher (and web/fields/overrides.ts) read
 * `/…/i` as a regex with flags.
 */
export function aliasMatcher(alias: string): Json {
  return { id: REGEX_ALIAS.test(alias) ? 'byRegexp' : 'byName', options: alias };
}

/**
 * A graph y axis as timeseries field config (Grafana's getFieldConfigFromOldAxis): unit,
 * decimals, min, max, and custom axisPlacement (auto, or hidden), label, log scale. Grafana
 * keeps log bases 2 and 10 only; any base is kept here and undrawn.ts reports the others.
 */
export function oldAxisConfig(y: unknown): { std: Json; custom: Json } {
  if (!isRecord(y)) return { std: {}, custom: {} };
  const std: Json = {};
  if (y.format !== undefined && y.format !== null) std.unit = y.format;
  for (const k of ['decimals', 'min', 'max'] as const) {
    const v = parseFiniteNumber(y[k]);
    if (v !== undefined) std[k] = v;
  }
  const custom: Json = { axisPlacement: y.show ? 'auto' : 'hidden' };
  if (asNonEmptyString(y.label) !== undefined) custom.axisLabel = y.label;
  const log = parseFiniteNumber(y.logBase);
  if (log !== undefined && log > 1) custom.scaleDistribution = { type: 'log', log };
  return { std, custom };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A series on the graph's right axis: the settings of that axis that differ from the left one
 * (Grafana's fillY2DynamicValues), then `axisPlacement: right`. Grafana leaves the placement
 * at auto, which puts an axis of another unit on the right anyway, but draws a series of the
 * same unit on the left axis, sharing its range: the graph drew it on its own right axis.
 */
function secondAxis(y1: { std: Json; custom: Json }, y2raw: unknown): Json[] {
  const y2 = oldAxisConfig(y2raw);
  const props: Json[] = [];
  for (const [k, v] of Object.entries(y2.std))
    if (!same(v, y1.std[k])) props.push({ id: k, value: v });
  for (const [k, v] of Object.entries(y2.custom)) {
    if (!same(v, y1.custom[k])) props.push({ id: `custom.${k}`, value: v });
  }
  if (y2.custom.axisPlacement !== 'hidden')
    props.push({ id: 'custom.axisPlacement', value: 'right' });
  return props;
}

export interface GraphOverrides {
  overrides: Json[];
  /** Options of series overrides that no timeseries property carries (zindex, legend…). */
  leftovers: Json[];
  /** A series fills below another: flot drew such bands at 35 % whatever `fill` said. */
  fillBelowTo: boolean;
}

/**
 * `aliasColors` and `seriesOverrides` → field overrides. What Grafana's migration drops
 * (zindex, legend, nullPointMode…) is kept in `seriesOverrides`, which a timeseries panel
 * ignores, so that undrawn.ts reports it on the panel: nothing is lost.
 */
export function seriesOverrides(panel: Json, y1: { std: Json; custom: Json }): GraphOverrides {
  const overrides: Json[] = [];
  const leftovers: Json[] = [];
  let fillBelowTo = false;
  if (isRecord(panel.aliasColors)) {
    for (const [alias, color] of Object.entries(panel.aliasColors)) {
      if (color)
        overrides.push({
          matcher: { id: 'byName', options: alias },
          properties: [fixedColor(color)],
        });
    }
  }
  const yaxes = Array.isArray(panel.yaxes) ? panel.yaxes : [];
  const list = Array.isArray(panel.seriesOverrides) ? panel.seriesOverrides.filter(isRecord) : [];
  for (const o of list) {
    const alias = asNonEmptyString(o.alias);
    if (alias === undefined) continue;
    const props: Json[] = [];
    const left: Json = {};
    const prop = (id: string, value: unknown) => props.push({ id, value });
    let dash: { fill: string; dash: number[] } | undefined;
    const dashOf = () => {
      dash ??= {
        fill: panel.dashes ? 'dash' : 'solid',
        dash: [
          parseFiniteNumber(panel.dashLength) ?? 10,
          parseFiniteNumber(panel.spaceLength) ?? 10,
        ],
      };
      return dash;
    };
    for (const [key, value] of Object.entries(o)) {
      const n = parseFiniteNumber(value);
      if (key === 'alias' || key === '$$hashKey') continue;
      if (key === 'yaxis' && n === 2) props.push(...secondAxis(y1, yaxes[1]));
      else if (key === 'yaxis' && n === 1)
        continue; // the left axis: where series are anyway
      else if (key === 'fill' && n !== undefined) prop('custom.fillOpacity', n * 10);
      else if (key === 'fillBelowTo') {
        fillBelowTo = true;
        prop('custom.fillBelowTo', value);
      } else if (key === 'fillGradient' && n !== undefined) {
        // Grafana writes `custom.fillGradient`, which no panel reads; gradientMode is what the
        // time series knows as a gradient (web/chart/options.ts draws it).
        if (n > 0) {
          prop('custom.gradientMode', 'opacity');
          prop('custom.fillOpacity', n * 10);
        }
      } else if (key === 'points') prop('custom.showPoints', value ? 'always' : 'never');
      else if (key === 'bars') {
        prop('custom.drawStyle', value ? 'bars' : 'line');
        if (value) prop('custom.fillOpacity', 100); // flot's bars were solid
      } else if (key === 'lines') {
        if (value) prop('custom.drawStyle', 'line');
        else prop('custom.lineWidth', 0);
      } else if (key === 'linewidth' && n !== undefined) prop('custom.lineWidth', n);
      else if (key === 'pointradius' && n !== undefined) prop('custom.pointSize', 2 + n * 2);
      else if (key === 'dashes') dashOf().fill = value ? 'dash' : 'solid';
      else if (key === 'dashLength' && n !== undefined) dashOf().dash[0] = n;
      else if (key === 'spaceLength' && n !== undefined) dashOf().dash[1] = n;
      else if (key === 'stack')
        prop('custom.stacking', {
          mode: value ? 'normal' : 'none',
          group: typeof value === 'string' ? value : 'A',
        });
      else if (key === 'color') props.push(fixedColor(value));
      else if (key === 'transform')
        prop('custom.transform', value === 'negative-Y' ? 'negative-Y' : 'constant');
      else left[key] = value;
    }
    if (dash) prop('custom.lineStyle', dash);
    if (props.length > 0) overrides.push({ matcher: aliasMatcher(alias), properties: props });
    if (Object.keys(left).length > 0) leftovers.push({ alias, ...left });
  }
  return { overrides, leftovers, fillBelowTo };
}
