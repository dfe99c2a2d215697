import { describe, expect, it } from 'vitest';
import { prometheusConfig } from './prometheus-config.ts';

describe('prometheusConfig', () => {
  it('writes one job per target plus a self-scrape', () => {
    const yml = prometheusConfig({
      self: '127.0.0.1:9090',
      scrapeIntervalS: 1,
      targets: [
        { job: 'demo', url: 'http://127.0.0.1:8081/metrics' },
        { job: 'promscope', url: 'http://127.0.0.1:3000/api/metrics?x=1' },
      ],
    });
    expect(yml).toContain('  scrape_interval: 1s\n  evaluation_interval: 1s');
    expect(yml).toContain('job_name: "prometheus"');
    expect(yml).toContain('targets: ["127.0.0.1:9090"]');
    expect(yml).toContain('job_name: "demo"');
    expect(yml).toContain('targets: ["127.0.0.1:8081"]');
    expect(yml).toContain('metrics_path: "/api/metrics"');
    expect(yml).toContain('"x": ["1"]');
  });

  it('writes sub-second intervals in ms and rejects duplicate jobs', () => {
    expect(prometheusConfig({ self: 'h:1', scrapeIntervalS: 0.5, targets: [] })).toContain(
      'scrape_interval: 500ms',
    );
    expect(() =>
      prometheusConfig({
        self: 'h:1',
        scrapeIntervalS: 5,
        targets: [{ job: 'prometheus', url: 'http://127.0.0.1:1/metrics' }],
      }),
    ).toThrow(/duplicate/);
  });
});
