import { describe, expect, it } from 'vitest';
import { queryRequests, sumSamples } from './metrics-text.ts';

const text = `# HELP prometheus_http_requests_total Counter of HTTP requests.
# TYPE prometheus_http_requests_total counter
prometheus_http_requests_total{code="200",handler="/api/v1/query"} 7
prometheus_http_requests_total{code="200",handler="/api/v1/query_range"} 120
prometheus_http_requests_total{code="400",handler="/api/v1/query_range"} 3
prometheus_http_requests_total{code="200",handler="/metrics"} 50
prometheus_http_requests_total_other{handler="/api/v1/query"} 1000
process_resident_memory_bytes 5.4e+07
`;

describe('sumSamples', () => {
  it('sums the query handlers only, every status code', () => {
    expect(queryRequests(text)).toBe(130);
  });
  it('reads an unlabelled sample in exponent notation', () => {
    expect(sumSamples(text, 'process_resident_memory_bytes')).toBe(54_000_000);
  });
  it('is 0 for a metric that is not there', () => {
    expect(sumSamples(text, 'nope_total')).toBe(0);
  });
});
