// A provisioned datasource's jsonData.httpMethod: the method Promscope calls Prometheus with,
// whatever the browser used, as Grafana's backend does. POST carries the parameters as a form
// (no URL length limit at a proxy in front of Prometheus); GET as the query string (for a
// Prometheus behind something that refuses POST). Both are the same call to Prometheus.

export interface MethodCall {
  method: 'GET' | 'POST';
  query: string;
  form?: string;
}

export function withMethod(want: 'GET' | 'POST' | undefined, call: MethodCall): MethodCall {
  if (!want || want === call.method) return call;
  const joined = [call.query, call.form ?? ''].filter(Boolean).join('&');
  return want === 'POST'
    ? { method: 'POST', query: '', form: joined }
    : { method: 'GET', query: joined };
}
