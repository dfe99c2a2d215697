// Grafana's classic series palette and its named colours, so imported dashboards look alike.
// https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/themes/palette.ts
// https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/themes/createVisualizationColors.ts

export const SERIES_COLORS = [
  '#73BF69',
  '#F2CC0C',
  '#8AB8FF',
  '#FF780A',
  '#F2495C',
  '#5794F2',
  '#B877D9',
  '#705DA0',
  '#37872D',
  '#FADE2A',
  '#447EBC',
  '#C15C17',
  '#890F02',
  '#0A437C',
  '#6D1F62',
  '#584477',
  '#96D98D',
  '#FFEE52',
  '#C0D8FF',
  '#FFB357',
  '#FF7383',
  '#8F3BB8',
  '#CA95E5',
  '#E0B400',
];

// Each hue in five shades, lightest first: super-light-x, light-x, x, semi-dark-x, dark-x.
const HUES: Record<string, readonly [string, string, string, string, string]> = {
  red: ['#FFA6B0', '#FF7383', '#F2495C', '#E02F44', '#C4162A'],
  orange: ['#FFCB7D', '#FFB357', '#FF9830', '#FF780A', '#FA6400'],
  yellow: ['#FFF899', '#FFEE52', '#FADE2A', '#F2CC0C', '#E0B400'],
  green: ['#C8F2C2', '#96D98D', '#73BF69', '#56A64B', '#37872D'],
  blue: ['#C0D8FF', '#8AB8FF', '#5794F2', '#3274D9', '#1F60C4'],
  purple: ['#DEB6F2', '#CA95E5', '#B877D9', '#A352CC', '#8F3BB8'],
};
const SHADES = ['super-light-', 'light-', '', 'semi-dark-', 'dark-'] as const;

const NAMED: Record<string, string> = {
  text: '#CCCCDC',
  transparent: 'transparent',
  // Plain CSS names that Grafana dashboards commonly carry.
  white: '#FFFFFF',
  black: '#000000',
  gray: '#808080',
  grey: '#808080',
};
for (const [hue, shades] of Object.entries(HUES)) {
  SHADES.forEach((shade, i) => {
    NAMED[`${shade}${hue}`] = shades[i]!;
  });
}

/** A safe CSS colour: a Grafana colour name, #hex or rgb(a)/hsl(a); anything else falls back. */
export function resolveColor(name: string | undefined, fallback = NAMED.text!): string {
  if (!name) return fallback;
  const named = Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
  if (named) return named;
  if (/^#[0-9a-fA-F]{3,8}$/.test(name) || /^(rgb|hsl)a?\([\d\s.,%deg]+\)$/.test(name)) return name;
  return fallback;
}

export const seriesColor = (i: number): string => SERIES_COLORS[i % SERIES_COLORS.length]!;

/** A resolved colour with its alpha replaced, as `rgba()`; colours it cannot read pass through. */
export function withOpacity(color: string, alpha: number): string {
  const a = Math.max(0, Math.min(1, alpha));
  const rgb = toRgb(color);
  return rgb ? `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${a})` : color;
}

/** [r, g, b] (0–255) of #rgb, #rgba, #rrggbb, #rrggbbaa, rgb() or rgba(); null otherwise. */
export function toRgb(color: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(color)?.[1];
  if (hex && (hex.length === 3 || hex.length === 4)) {
    return [0, 1, 2].map((i) => Number.parseInt(hex[i]! + hex[i]!, 16)) as [number, number, number];
  }
  if (hex && (hex.length === 6 || hex.length === 8)) {
    return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [
      number,
      number,
      number,
    ];
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(color);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  return null;
}

/** Text that reads on a background of `color`: near-black on light colours, white otherwise. */
export function contrastText(color: string): string {
  const rgb = toRgb(color);
  if (!rgb) return '#FFFFFF';
  // Relative luminance, sRGB weights (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance).
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 ? '#111217' : '#FFFFFF';
}
