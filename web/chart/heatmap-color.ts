// The heatmap's colour scale, after Grafana's (pure): a palette of `steps` colours from a
// d3-scale-chromatic scheme or from one colour at rising opacity, and a count → palette index.
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/heatmap/palettes.ts

import { resolveColor } from '../fields/palette.ts';
import { type ColorSettings, DEFAULT_SCHEME } from './heatmap-defaults.ts';
import { SCHEMES } from './heatmap-schemes.ts';

/** A scheme we draw, also from the old panel's d3 names ("interpolateSpectral"). */
export function schemeName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (SCHEMES[name]) return name;
  return Object.keys(SCHEMES).find((k) => name.includes(k));
}

const hex2 = (n: number) =>
  Math.round(Math.max(0, Math.min(255, n)))
    .toString(16)
    .padStart(2, '0');

function rgb(hex: string): [number, number, number] {
  let h = hex.replace('#', '');
  if (h.length === 3 || h.length === 4) h = [...h.slice(0, 3)].map((c) => c + c).join('');
  const n = Number.parseInt(h.slice(0, 6), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The scheme at t ∈ [0, 1], straight lines between its anchors. */
function interpolate(colors: readonly string[], t: number): string {
  const x = Math.max(0, Math.min(1, t)) * (colors.length - 1);
  const i = Math.min(colors.length - 2, Math.floor(x));
  const f = x - i;
  const a = rgb(colors[i]!);
  const b = rgb(colors[i + 1]!);
  return `#${hex2(a[0] + (b[0] - a[0]) * f)}${hex2(a[1] + (b[1] - a[1]) * f)}${hex2(a[2] + (b[2] - a[2]) * f)}`;
}

/** `steps` CSS colours, the lowest count first. */
export function palette(c: ColorSettings): string[] {
  const steps = Math.max(2, Math.min(256, Math.round(c.steps)));
  const out: string[] = [];
  if (c.mode === 'opacity') {
    const base = resolveColor(c.fill, '#FA6400');
    const [r, g, b] = /^#[0-9a-fA-F]{3,8}$/.test(base) ? rgb(base) : rgb('#FA6400');
    for (let i = 0; i < steps; i++) {
      const t = i / (steps - 1);
      const a = c.scale === 'linear' ? t : t ** c.exponent;
      out.push(`rgba(${r}, ${g}, ${b}, ${Number(a.toFixed(3))})`);
    }
    return out;
  }
  const scheme = SCHEMES[schemeName(c.scheme) ?? DEFAULT_SCHEME]!;
  for (let i = 0; i < steps; i++) out.push(interpolate(scheme.colors, i / (steps - 1)));
  // As Grafana: reversed when asked or when the scheme is one it flips; never flipped twice.
  return scheme.invert || c.reverse ? out.reverse() : out;
}

/** The palette index for a count: linear between min and max, as Grafana's valuesToFills. */
export function colorIndex(value: number, min: number, max: number, steps: number): number {
  if (!(max > min)) return steps - 1;
  const t = (value - min) / (max - min);
  return Math.max(0, Math.min(steps - 1, Math.floor(t * steps)));
}

/** The ends of the scale: the fixed min/max if given, the counts' own otherwise. */
export function colorRange(c: ColorSettings, minCount: number, maxCount: number): [number, number] {
  return [c.min ?? minCount, c.max ?? maxCount];
}
