// The read-only slice of the Prometheus HTTP API the proxy serves
// (https://prometheus.io/docs/prometheus/latest/querying/api/). The path is matched as raw
// text against fixed shapes, so nothing encoded, doubled or dotted can slip through to
// admin, lifecycle or write endpoints: anything else is a 404 that never reaches upstream.
// alerts, rules and targets are read with GET only and their documented parameters
// (endpoint-params.ts).

const PROXY_PATH = /^\/api\/datasources\/proxy\/uid\/([A-Za-z0-9_-]{1,64})\/api\/v1\/(.*)$/;

const ENDPOINTS =
  /^(query|query_range|query_exemplars|series|labels|metadata|status\/buildinfo|alerts|rules|targets|label\/[A-Za-z_][A-Za-z0-9_]*\/values)$/;

export interface ProxyTarget {
  uid: string;
  /** e.g. "query_range", "label/job/values" */
  endpoint: string;
}

/** Parses a raw request pathname; null when it is not an allowed proxy path. */
export function parseProxyPath(rawPathname: string): ProxyTarget | null {
  const m = PROXY_PATH.exec(rawPathname);
  if (!m || !ENDPOINTS.test(m[2]!)) return null;
  return { uid: m[1]!, endpoint: m[2]! };
}

/** A low-cardinality name for metrics: label values calls collapse into one. */
export function endpointLabel(endpoint: string): string {
  return endpoint.startsWith('label/') ? 'label/:name/values' : endpoint;
}
