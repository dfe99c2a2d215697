import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_RULES, prometheusConfig } from './prometheus-config.ts';

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

describe('rule files', () => {
  it('are listed under rule_files, and left out when there are none', () => {
    const yml = prometheusConfig({
      self: 'h:1',
      scrapeIntervalS: 5,
      targets: [],
      ruleFiles: ['/data/rules.yml', '/data/a "b".yml'],
    });
    expect(yml).toContain(
      'rule_files:\n  - "/data/rules.yml"\n  - "/data/a \\"b\\".yml"\nscrape_configs:',
    );
    expect(prometheusConfig({ self: 'h:1', scrapeIntervalS: 5, targets: [] })).not.toContain(
      'rule_files',
    );
  });

  // Debian's prometheus package ships promtool beside it: the demo's rules must load.
  it.skipIf(!existsSync('/usr/bin/promtool'))("the demo's rules pass promtool", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'promscope-rules-'));
    try {
      await writeFile(join(dir, 'rules.yml'), DEMO_RULES);
      const out = execFileSync('/usr/bin/promtool', ['check', 'rules', join(dir, 'rules.yml')], {
        encoding: 'utf8',
      });
      expect(out).toMatch(/SUCCESS: 6 rules found/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
