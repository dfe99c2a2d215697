// Reads figures out of Prometheus' text exposition format (pure): what Prometheus counts of
// its own HTTP requests, and a process' resident memory.

/** Sum of every sample of `name` whose labels include all of `match` (label → allowed values). */
export function sumSamples(
  text: string,
  name: string,
  match: Record<string, readonly string[]> = {},
): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const labels = new Map<string, string>();
    for (const l of (m[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels.set(l[1]!, l[2]!);
    const ok = Object.entries(match).every(([k, vs]) => vs.includes(labels.get(k) ?? ''));
    if (ok) sum += Number(m[4]);
  }
  return sum;
}

/** The handlers whose requests count as upstream query load. */
export const QUERY_HANDLERS = ['/api/v1/query', '/api/v1/query_range'] as const;

/** Query requests Prometheus has answered so far, by its own prometheus_http_requests_total. */
export function queryRequests(text: string): number {
  return sumSamples(text, 'prometheus_http_requests_total', { handler: QUERY_HANDLERS });
}
