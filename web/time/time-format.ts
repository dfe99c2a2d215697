// Times as people read them on a dashboard: local, 24-hour, year first.

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A full local timestamp, e.g. "2026-11-22 14:05:30". */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  const date = `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
  return `${date} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}
