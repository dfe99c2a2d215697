// Grafana's classic series palette and its named colours, so imported dashboards look alike.
// https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/themes/palette.ts

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

const NAMED: Record<string, string> = {
  green: '#73BF69',
  'dark-green': '#37872D',
  'semi-dark-green': '#56A64B',
  red: '#F2495C',
  'dark-red': '#C4162A',
  'semi-dark-red': '#E02F44',
  orange: '#FF9830',
  'dark-orange': '#FA6400',
  yellow: '#FADE2A',
  'dark-yellow': '#E0B400',
  blue: '#5794F2',
  'dark-blue': '#1F60C4',
  purple: '#B877D9',
  'dark-purple': '#8F3BB8',
  text: '#CCCCDC',
  transparent: 'transparent',
};

/** A safe CSS colour: a Grafana colour name, #hex or rgb(a); anything else falls back. */
export function resolveColor(name: string | undefined, fallback = NAMED.text!): string {
  if (!name) return fallback;
  const named = NAMED[name];
  if (named) return named;
  if (/^#[0-9a-fA-F]{3,8}$/.test(name) || /^rgba?\([\d\s.,%]+\)$/.test(name)) return name;
  return fallback;
}

export const seriesColor = (i: number): string => SERIES_COLORS[i % SERIES_COLORS.length]!;
