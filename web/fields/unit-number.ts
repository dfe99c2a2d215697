// The number formatters behind Grafana's unit ids: fixed digits, scaled prefixes (short, SI,
// IEC, counts, currencies), percentages, hex, scientific, booleans. Behaviour follows Grafana's
// valueFormats (its unit tests are transcribed in units.grafana.test.ts); the code is ours.
// https://github.com/grafana/grafana/tree/main/packages/grafana-data/src/valueFormats

/** A value as text, with what goes before and after it (Grafana's FormattedValue). */
export interface Formatted {
  prefix?: string;
  text: string;
  suffix?: string;
}

/** Decimals as a panel gives them: a count, or undefined/null for "auto". */
export type Decimals = number | null | undefined;

export type Formatter = (value: number, decimals?: Decimals) => Formatted;

export const joinFormatted = (f: Formatted): string =>
  `${f.prefix ?? ''}${f.text}${f.suffix ?? ''}`;

const INFINITY_TEXT = (v: number) => (v > 0 ? '∞' : '-∞'); // what Number#toLocaleString gives

/**
 * Auto decimals: an integer gets none; any other number about three significant digits —
 * two digits after its leading one (12.3, 1.23, 0.0123). Grafana reaches this through a
 * "norm > 2.25" test that always holds; the magnitude is taken as Math.log / LN10, as there,
 * so that values just under a power of ten round the same way.
 */
export function autoDecimals(value: number): number {
  if (value % 1 === 0) return 0;
  const magnitude = Math.floor(Math.log(Math.abs(value)) / Math.LN10);
  return Math.max(0, 2 - magnitude);
}

/**
 * The value with `decimals` digits after the point (auto when not given), rounded half up as
 * Math.round does (-100.5 → "-100"); a negative count means none. Numbers so small or large
 * that JavaScript writes them with an exponent keep it ("1e-7").
 */
export function toFixed(value: number, decimals?: Decimals): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return INFINITY_TEXT(value);
  const places = decimals ?? autoDecimals(value);
  if (value === 0) return (0).toFixed(Math.max(0, Math.min(100, places)));
  const factor = 10 ** Math.max(0, places);
  const rounded = String(Math.round(value * factor) / factor);
  if (rounded.includes('e')) return rounded;
  const dot = rounded.indexOf('.');
  const have = dot === -1 ? 0 : rounded.length - dot - 1;
  if (have >= places) return rounded;
  return `${rounded}${dot === -1 ? '.' : ''}${'0'.repeat(places - have)}`;
}

/** The number followed by " unit" (or preceded by "unit" as a prefix); never rescaled. */
export function fixedUnit(unit: string, asPrefix = false): Formatter {
  return (value, decimals) => {
    const text = toFixed(value, decimals);
    if (unit === '') return { text };
    return asPrefix ? { prefix: unit, text } : { text, suffix: ` ${unit}` };
  };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * Steps of `factor` with one suffix per step. `offset` is the step the input is already in
 * (kibibytes start one step up); values past either end stay in the end step.
 */
export function scaled(factor: number, suffixes: readonly string[], offset = 0): Formatter {
  const last = suffixes.length - 1;
  return (value, decimals) => {
    if (!Number.isFinite(value)) return { text: toFixed(value) };
    const step = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)) / Math.log10(factor));
    return {
      text: toFixed(value / factor ** clamp(step, -offset, last - offset), decimals),
      suffix: suffixes[clamp(offset + step, 0, last)],
    };
  };
}

export const SHORT = scaled(1000, [
  '',
  ' K',
  ' Mil',
  ' Bil',
  ' Tri',
  ' Quadr',
  ' Quint',
  ' Sext',
  ' Sept',
]);

const SI_PREFIXES = ['f', 'p', 'n', 'µ', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
const SI_BASE = SI_PREFIXES.indexOf('');
const IEC_PREFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'Zi', 'Yi'];

/** Decimal SI prefixes on `unit`; `offset` steps of 1000 when the input is already scaled. */
export function siPrefix(unit: string, offset = 0): Formatter {
  return scaled(
    1000,
    SI_PREFIXES.map((p) => ` ${p}${unit}`),
    SI_BASE + offset,
  );
}

/** Binary (IEC) prefixes on `unit`, steps of 1024. */
export function iecPrefix(unit: string, offset = 0): Formatter {
  return scaled(
    1024,
    IEC_PREFIXES.map((p) => ` ${p}${unit}`),
    offset,
  );
}

/**
 * The steps an SI unit written with its prefix starts at: "µF" is 2 steps below farads...
 * "mF" one. µ may be typed as the micro sign (U+00B5) or the Greek mu (U+03BC).
 */
export function siOffset(prefix: string): number {
  const i = SI_PREFIXES.findIndex(
    (p) => p !== '' && p.normalize('NFKD') === prefix.normalize('NFKD'),
  );
  return i < 0 ? 0 : i - SI_BASE;
}

const COUNT = scaled(1000, ['', 'K', 'M', 'B', 'T']);

/** "1.23K req/s": K, M, B, T with no space, then the symbol. */
export function count(symbol: string): Formatter {
  return (value, decimals) => {
    const f = COUNT(value, decimals);
    return { ...f, suffix: `${f.suffix ?? ''} ${symbol}` };
  };
}

/** "$1.53K", "-$1K"; as a suffix for the krone family: "1.53Kkr", "-1Kkr". */
export function currency(symbol: string, asSuffix = false): Formatter {
  return (value, decimals) => {
    const negative = value < 0;
    const f = COUNT(negative ? -value : value, decimals);
    const out: Formatted = asSuffix
      ? { text: f.text, suffix: `${f.suffix ?? ''}${symbol}` }
      : { prefix: symbol, text: f.text, suffix: f.suffix };
    if (negative) out.prefix = `-${out.prefix ?? ''}`;
    return out;
  };
}

export const percent: Formatter = (v, d) => ({ text: toFixed(v, d), suffix: '%' });
export const percentUnit: Formatter = (v, d) => ({ text: toFixed(100 * v, d), suffix: '%' });

/** Hexadecimal of the value rounded to `decimals` (the fraction in hex too: 50.52 → "32.8"). */
export const hex: Formatter = (v, d) => ({
  text: Number.parseFloat(toFixed(v, d)).toString(16).toUpperCase(),
});

export const hex0x: Formatter = (v, d) => {
  const { text } = hex(v, d);
  return { text: text.startsWith('-') ? `-0x${text.slice(1)}` : `0x${text}` };
};

export const sci: Formatter = (v, d) => {
  if (!Number.isFinite(v)) return { text: toFixed(v) };
  const digits = d === null || d === undefined ? undefined : clamp(d, 0, 100);
  return { text: v.toExponential(digits) };
};

/** The browser's own digit grouping ("1,234.5" in English). */
export const locale: Formatter = (v, d) => ({
  text: v.toLocaleString(undefined, {
    maximumFractionDigits: d === null || d === undefined ? undefined : clamp(d, 0, 100),
  }),
});

export const asString: Formatter = (v) => ({ text: String(v) });

/** Any non-zero number is true; 0 and NaN are false. */
export function bool(whenTrue: string, whenFalse: string): Formatter {
  return (v) => ({ text: v && !Number.isNaN(v) ? whenTrue : whenFalse });
}
