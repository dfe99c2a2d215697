// Figures for the benchmark tables (pure): percentiles, medians, ratios and their marks.

/** The p-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** `3.14` with `digits` decimals, or `–` for what could not be measured. */
export function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '–';
}

/** "✓" when `ok`, "✗ missed" otherwise; the benchmark marks goals, it never fails on them. */
export function mark(ok: boolean): string {
  return ok ? '✓' : '✗ missed';
}

/** Bytes as B, KB or MB (1 KB = 1000 B, as bundle sizes are usually quoted). */
export function bytes(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (n < 1000) return `${Math.round(n)} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} KB`;
  return `${(n / 1_000_000).toFixed(2)} MB`;
}

/** A Markdown table. */
export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
