// The heatmap's colour scale, after Grafana's (pure): a palette of `steps` colours from a
// d3-scale-chromatic scheme or from one colour at rising opacity, and a count → palette index.
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/heatmap/palettes.ts
// Scheme anchors are the 9-class ColorBrewer / matplotlib colours that d3-scale-chromatic
// interpolates: https://github.com/d3/d3-scale-chromatic
import { resolveColor } from './palette.ts';

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

// invert: Grafana flips these so low counts are dark on a dark theme ('dark'), or always.
const SCHEMES: Record<string, { colors: string[]; invert: boolean }> = {
  Oranges: {
    invert: true,
    colors: [
      'fff5eb',
      'fee6ce',
      'fdd0a2',
      'fdae6b',
      'fd8d3c',
      'f16913',
      'd94801',
      'a63603',
      '7f2704',
    ],
  },
  Blues: {
    invert: true,
    colors: [
      'f7fbff',
      'deebf7',
      'c6dbef',
      '9ecae1',
      '6baed6',
      '4292c6',
      '2171b5',
      '08519c',
      '08306b',
    ],
  },
  Greens: {
    invert: true,
    colors: [
      'f7fcf5',
      'e5f5e0',
      'c7e9c0',
      'a1d99b',
      '74c476',
      '41ab5d',
      '238b45',
      '006d2c',
      '00441b',
    ],
  },
  Greys: {
    invert: true,
    colors: [
      'ffffff',
      'f0f0f0',
      'd9d9d9',
      'bdbdbd',
      '969696',
      '737373',
      '525252',
      '252525',
      '000000',
    ],
  },
  Purples: {
    invert: true,
    colors: [
      'fcfbfd',
      'efedf5',
      'dadaeb',
      'bcbddc',
      '9e9ac8',
      '807dba',
      '6a51a3',
      '54278f',
      '3f007d',
    ],
  },
  Reds: {
    invert: true,
    colors: [
      'fff5f0',
      'fee0d2',
      'fcbba1',
      'fc9272',
      'fb6a4a',
      'ef3b2c',
      'cb181d',
      'a50f15',
      '67000d',
    ],
  },
  YlOrRd: {
    invert: true,
    colors: [
      'ffffcc',
      'ffeda0',
      'fed976',
      'feb24c',
      'fd8d3c',
      'fc4e2a',
      'e31a1c',
      'bd0026',
      '800026',
    ],
  },
  YlGnBu: {
    invert: true,
    colors: [
      'ffffd9',
      'edf8b1',
      'c7e9b4',
      '7fcdbb',
      '41b6c4',
      '1d91c0',
      '225ea8',
      '253494',
      '081d58',
    ],
  },
  Spectral: {
    invert: true,
    colors: [
      'd53e4f',
      'f46d43',
      'fdae61',
      'fee08b',
      'ffffbf',
      'e6f598',
      'abdda4',
      '66c2a5',
      '3288bd',
    ],
  },
  RdYlBu: {
    invert: true,
    colors: [
      'd73027',
      'f46d43',
      'fdae61',
      'fee090',
      'ffffbf',
      'e0f3f8',
      'abd9e9',
      '74add1',
      '4575b4',
    ],
  },
  RdYlGn: {
    invert: true,
    colors: [
      'd73027',
      'f46d43',
      'fdae61',
      'fee08b',
      'ffffbf',
      'd9ef8b',
      'a6d96a',
      '66bd63',
      '1a9850',
    ],
  },
  Viridis: {
    invert: false,
    colors: [
      '440154',
      '472c7a',
      '3b518b',
      '2c718e',
      '21908d',
      '27ad81',
      '5cc863',
      'aadc32',
      'fde725',
    ],
  },
  Magma: {
    invert: false,
    colors: [
      '000004',
      '1c1044',
      '4f127b',
      '812581',
      'b5367a',
      'e55064',
      'fb8761',
      'fec287',
      'fcfdbf',
    ],
  },
  Inferno: {
    invert: false,
    colors: [
      '000004',
      '1f0c48',
      '550f6d',
      '88226a',
      'ba3655',
      'e35933',
      'f98e09',
      'f9cb35',
      'fcffa4',
    ],
  },
  Plasma: {
    invert: false,
    colors: [
      '0d0887',
      '4c02a1',
      '7e03a8',
      'a92395',
      'cc4778',
      'e56b5d',
      'f89540',
      'fdc527',
      'f0f921',
    ],
  },
};

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
