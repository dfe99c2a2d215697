// Test-only: HTTP/1.1 requests written by hand on a TCP socket, so a request target reaches the
// server exactly as typed — `fetch` and URL parsing would resolve `..`, re-encode or refuse it
// on the client side first. Used by the Node server tests and the e2e API specs (Node, Deno).
// Also the hostile proxy targets both of them send. Not imported by runtime code.
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Map<string, string[]>; // lowercase name → every value
  body: string;
}

/** Sends `method target HTTP/1.1` with `headers` (Host defaults to the server's own). */
export function rawRequest(
  base: string,
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body = '',
): Promise<RawAnswer> {
  const { hostname, port, host } = new URL(base);
  const lines = [`${method} ${target} HTTP/1.1`];
  const all: Record<string, string> = { Host: host, ...headers, Connection: 'close' };
  if (body) all['Content-Length'] = String(Buffer.byteLength(body));
  for (const [k, v] of Object.entries(all)) lines.push(`${k}: ${v}`);
  const request = `${lines.join('\r\n')}\r\n\r\n${body}`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${target}`)));
    socket.on('connect', () => socket.write(request));
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const head = (split === -1 ? text : text.slice(0, split)).split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '')?.[1] ?? 0);
      const map = new Map<string, string[]>();
      for (const line of head.slice(1)) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        map.set(name, [...(map.get(name) ?? []), line.slice(colon + 1).trim()]);
      }
      resolve({ status, headers: map, body: split === -1 ? '' : text.slice(split + 4) });
    });
  });
}

const DS = '/api/datasources/proxy/uid/prometheus';

/**
 * Request targets that must never reach Prometheus: admin, lifecycle, write, federation,
 * debug and config endpoints, asked plainly and through every traversal and smuggling trick
 * (dot segments plain and encoded, encoded slashes and backslashes, double encoding, `//`,
 * `;` parameters, absolute URLs in the path, label names outside the Prometheus grammar).
 */
export const HOSTILE_PROXY_TARGETS: readonly string[] = [
  `${DS}/api/v1/admin/tsdb/snapshot`,
  `${DS}/api/v1/admin/tsdb/delete_series?match[]=up`,
  `${DS}/api/v1/admin/tsdb/clean_tombstones`,
  `${DS}/-/quit`,
  `${DS}/-/reload`,
  `${DS}/api/v1/write`,
  `${DS}/api/v1/otlp/v1/metrics`,
  `${DS}/federate?match[]=up`,
  `${DS}/debug/pprof/heap`,
  `${DS}/api/v1/status/config`,
  `${DS}/api/v1/status/flags`,
  `${DS}/api/v1/query/../admin/tsdb/snapshot`,
  `${DS}/api/v1/query/../../../-/quit`,
  `${DS}/api/v1/admin/tsdb/../../query?query=up`,
  `${DS}/api/v1/./query?query=up`,
  `${DS}/api/v1/%2e%2e/%2e%2e/-/quit`,
  `${DS}/api/v1/%2E%2E/%2E%2E/-/reload`,
  `${DS}/api/v1/.%2e/.%2e/-/quit`,
  `${DS}/api/v1/query%2f..%2f..%2f-%2fquit`,
  `${DS}/api/v1/query%2F..%2Fadmin%2Ftsdb%2Fsnapshot`,
  `${DS}/api/v1/status%2fconfig`,
  `${DS}/api/v1/query%5c..%5c..%5c-%5cquit`,
  `${DS}/api/v1/query\\..\\..\\-\\quit`,
  `${DS}/api/v1/%252e%252e/%252e%252e/-/quit`,
  `${DS}/api/v1/query%252f..%252f-%252fquit`,
  `${DS}//api/v1/query?query=up`,
  `${DS}/api/v1//query?query=up`,
  `/api/datasources/proxy/uid//prometheus/api/v1/query?query=up`,
  `${DS}/api/v1/query;jsessionid=1?query=up`,
  `${DS}/api/v1/query;/../admin/tsdb/snapshot`,
  `${DS}/api/v1/label/job;x=1/values`,
  `${DS}/api/v1/http://evil.example/api/v1/query?query=up`,
  `${DS}/api/v1/query/http:%2f%2fevil.example%2f`,
  `${DS}/api/v1/label/a%2fb/values`,
  `${DS}/api/v1/label/1bad/values`,
  `${DS}/api/v1/label/job-name/values`,
  `${DS}/api/v1/label/%6aob/values`,
  `${DS}/api/v1/label/job/values/../../../admin/tsdb/snapshot`,
  `${DS}/api/v1/query%00`,
  `/api/datasources/../datasources/proxy/uid/prometheus/api/v1/admin/tsdb/snapshot`,
  `/api/datasources/proxy/uid/prometheus/../prometheus/api/v1/status/config`,
];
