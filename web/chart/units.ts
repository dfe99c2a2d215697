// Value formatting for Grafana's unit ids (the `unit` field of a panel):
// https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
// A value is shown in the largest scale in which it is still ≥ 1 (after rounding, so
// 59.99 s reads "1.00 min", not "60.0 s"), with about 3 significant digits.

// [size of the scale in the table's base unit, text after the number]; ascending.
type Scale = readonly [factor: number, suffix: string];

interface UnitSpec {
  scales: readonly Scale[];
  base: number; // one input unit expressed in the table's base unit
  trim: boolean; // drop trailing zeros ("42", not "42.0")
}

const TIME: readonly Scale[] = [
  [1e-9, ' ns'],
  [1e-6, ' µs'],
  [1e-3, ' ms'],
  [1, ' s'],
  [60, ' min'],
  [3600, ' hour'],
  [86400, ' day'],
];

const IEC_BYTES: readonly Scale[] = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'].map(
  (suffix, i) => [1024 ** i, ` ${suffix}`] as const,
);

// Grafana's `short`: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/symbolFormatters.ts
const SHORT: readonly Scale[] = [
  '',
  ' K',
  ' Mil',
  ' Bil',
  ' Tri',
  ' Quadr',
  ' Quint',
  ' Sext',
  ' Sept',
].map((suffix, i) => [1000 ** i, suffix] as const);

const REQ_PER_S: readonly Scale[] = ['', 'K', 'M', 'B', 'T'].map(
  (prefix, i) => [1000 ** i, `${prefix} req/s`] as const,
);

const SHORT_SPEC: UnitSpec = { scales: SHORT, base: 1, trim: true };

const UNITS = new Map<string, UnitSpec>([
  ['s', { scales: TIME, base: 1, trim: false }],
  ['ms', { scales: TIME, base: 1e-3, trim: false }],
  ['reqps', { scales: REQ_PER_S, base: 1, trim: false }],
  ['percent', { scales: [[1, '%']], base: 1, trim: false }],
  ['percentunit', { scales: [[1, '%']], base: 100, trim: false }],
  ['bytes', { scales: IEC_BYTES, base: 1, trim: false }],
  ['short', SHORT_SPEC],
  ['none', SHORT_SPEC],
]);

// An id we do not know is treated as a custom suffix on a `short` number: "3.2 K widgets".
function specFor(unit: string | undefined): UnitSpec {
  if (unit === undefined || unit === '') return SHORT_SPEC;
  const known = UNITS.get(unit);
  if (known !== undefined) return known;
  return { ...SHORT_SPEC, scales: SHORT.map(([factor, suffix]) => [factor, `${suffix} ${unit}`]) };
}

/** Human text for a value; `decimals` fixes the digits after the point. */
export function formatValue(
  value: number | null | undefined,
  unit?: string,
  decimals?: number,
): string {
  return render(value, specFor(unit), decimals, false);
}

/** Tick labels: the same scales but trailing zeros dropped ("2.5 s", "500 ms"). */
export function axisFormatter(unit?: string): (v: number) => string {
  const spec = specFor(unit);
  return (v) => render(v, spec, undefined, true);
}

function render(
  value: number | null | undefined,
  spec: UnitSpec,
  decimals: number | undefined,
  forceTrim: boolean,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf'; // as Prometheus prints it
  const places =
    decimals === undefined ? undefined : Math.min(20, Math.max(0, Math.round(decimals)));
  const trim = places === undefined && (spec.trim || forceTrim);
  const x = value * spec.base; // in the table's base unit
  const { scales } = spec;
  if (x === 0) {
    // Zero has no natural scale; show it in the unit it was given in ("0 ms" for ms).
    const [, suffix] = scales.findLast(([factor]) => factor <= spec.base) ?? scales[0]!;
    return `${places === undefined ? '0' : (0).toFixed(places)}${suffix}`;
  }
  let i = scales.length - 1;
  while (i > 0 && Math.abs(Number(toDigits(x / scales[i]![0], places))) < 1) i--;
  const [factor, suffix] = scales[i]!;
  const digits = toDigits(x / factor, places);
  return `${trim ? trimZeros(digits) : digits}${suffix}`;
}

// 3 significant digits, but never scientific notation for large numbers in the top scale.
function toDigits(n: number, places: number | undefined): string {
  if (places !== undefined) return n.toFixed(places);
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3);
}

// "2.50" → "2.5", "12.0" → "12", "1.00e-7" → "1e-7"; integers are left alone.
function trimZeros(digits: string): string {
  return digits.replace(/(\.\d*?)0+(?=$|e)/, '$1').replace(/\.(?=$|e)/, '');
}
