// Readers for JSON of unknown shape: dashboards, panels and variables as people and other
// tools wrote them. Each name says what comes back and each doc says exactly what happens to
// null, undefined, NaN and values of the wrong type, so a caller picks the behaviour it needs
// instead of writing its own `obj` / `str` / `num` (issue #16 counted 15 such copies with four
// behaviours). Pure, free of DOM and Node: the server and the web app share this file.

/** A JSON object as read: its keys are known, its values are not checked. */
export type Json = Record<string, unknown>;

/** True for an object that is neither null nor an array (a JSON object). */
export function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `v` itself when it is a JSON object (isRecord); anything else gives a new `{}`. */
export function asRecord(v: unknown): Json {
  return isRecord(v) ? v : {};
}

/** `v` itself when it is an array; anything else gives a new `[]`. */
export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The strings of `v` other than '', in order, when `v` is an array; anything else gives []. */
export function asNonEmptyStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

/** `v` when it is a string, '' included; anything else (a number too) gives `fallback`. */
export function asString(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}

/** `v` when it is a string other than ''; anything else (a number too) gives undefined. */
export function asNonEmptyString(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * `v` when it is a string, a number written as JavaScript writes it (`String(v)`: 2 → "2",
 * NaN → "NaN"), anything else `fallback`. For fields Grafana writes either way, such as a
 * variable's `refresh` or `current.value`.
 */
export function asText(v: unknown, fallback = ''): string {
  if (typeof v === 'string') return v;
  return typeof v === 'number' ? String(v) : fallback;
}

/**
 * `v` when it is a finite number; NaN, ±Infinity, numeric strings and everything else give
 * `fallback` (undefined when none is given).
 */
export function asFiniteNumber(v: unknown): number | undefined;
export function asFiniteNumber(v: unknown, fallback: number): number;
export function asFiniteNumber(v: unknown, fallback?: number): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/**
 * A finite number from a number or a numeric string (`"0"`, `" 1.5"`, `"1e3"`, read by
 * `Number`); a blank string, NaN, ±Infinity and every other type give undefined.
 */
export function parseFiniteNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * `Number(v)` when that is finite, for anything but null, undefined, '' and booleans, which
 * give undefined. Looser than parseFiniteNumber: a blank string " " gives 0 and `[5]` gives 5,
 * as JavaScript coerces them.
 */
export function coerceFiniteNumber(v: unknown): number | undefined {
  if (v === null || v === undefined || v === '' || typeof v === 'boolean') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}
