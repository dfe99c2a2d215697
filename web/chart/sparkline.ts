// An SVG path for a stat panel's sparkline (pure): the series scaled into a w × h box, with
// gaps breaking the line, and a closed area under it.

export function sparklinePaths(
  xs: readonly number[],
  ys: readonly (number | null)[],
  width: number, // px
  height: number, // px
): { line: string; area: string } | null {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (y == null) continue;
    minX = Math.min(minX, xs[i]!);
    maxX = Math.max(maxX, xs[i]!);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  if (!Number.isFinite(minX) || maxX === minX) return null;
  // A flat series sits in the middle rather than on the floor.
  const spanY = maxY - minY || Math.abs(maxY) || 1;
  const lowY = maxY === minY ? minY - spanY / 2 : minY;
  const px = (x: number) => (((x - minX) / (maxX - minX)) * width).toFixed(1);
  const py = (y: number) => (height - ((y - lowY) / spanY) * height * 0.9).toFixed(1);
  let line = '';
  let area = '';
  let runStart: string | null = null;
  let last = '';
  for (let i = 0; i <= xs.length; i++) {
    const y = i < xs.length ? ys[i] : null;
    if (y == null) {
      if (runStart !== null) area += `L${last},${height}L${runStart},${height}Z`;
      runStart = null;
      continue;
    }
    const x = px(xs[i]!);
    const cmd = runStart === null ? 'M' : 'L';
    line += `${cmd}${x},${py(y)}`;
    area += `${cmd}${x},${py(y)}`;
    if (runStart === null) runStart = x;
    last = x;
  }
  return { line, area };
}
