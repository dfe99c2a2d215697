import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  decodeExplore,
  type ExploreQuery,
  type ExploreState,
  encodeExplore,
  fromPrometheusParams,
  toPrometheusParams,
} from './explore-state.ts';

const decode = (qs: string) => decodeExplore(new URLSearchParams(qs));
const fromProm = (qs: string) => fromPrometheusParams(new URLSearchParams(qs));
const END = Date.UTC(2024, 0, 2, 3, 4, 5); // ms, 2024-01-02 03:04:05 UTC
const HOUR = 3_600_000; // ms

// Exactly what the classic UI's "copy link" produced for one graph panel.
const CLASSIC =
  'g0.expr=rate(up%5B5m%5D)&g0.tab=0&g0.stacked=0&g0.show_exemplars=0&g0.range_input=1h&g0.end_input=2024-01-02%2003%3A04%3A05&g0.moment_input=2024-01-02%2003%3A04%3A05&g0.step_input=15';

describe('encodeExplore', () => {
  it('encodes the default state as an empty string', () => {
    expect(encodeExplore(DEFAULT_STATE)).toBe('');
    expect(decode('')).toStrictEqual(DEFAULT_STATE);
  });

  it('writes every field in our readable form', () => {
    const s: ExploreState = {
      queries: [
        { refId: 'A', expr: 'sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))' },
        { refId: 'B', expr: 'up', legendFormat: '{{job}}', hide: true },
      ],
      tab: 'table',
      range: { from: 'now-6h', to: 'now-5m' },
      step: '15s',
      ds: 'prom-1',
      mode: 'stacked',
      unit: 's',
      yMin: 0,
    };
    expect(encodeExplore(s)).toBe(
      'q0.expr=sum+by+(job)+(rate(http_requests_total%7Bcode%3D~%225..%22%7D%5B5m%5D))' +
        '&q1.expr=up&q1.legend=%7B%7Bjob%7D%7D&q1.hide=1' +
        '&tab=table&from=now-6h&to=now-5m&step=15s&ds=prom-1&mode=stacked&unit=s&ymin=0',
    );
  });

  it('keeps , / : @ $ readable and escapes what URLSearchParams would misread', () => {
    const s = {
      ...DEFAULT_STATE,
      queries: [{ refId: 'A', expr: 'a+b & c=d # 100% x,y/z:1@2 $v' }],
    };
    expect(encodeExplore(s)).toBe('q0.expr=a%2Bb+%26+c%3Dd+%23+100%25+x,y/z:1@2+$v');
    expect(decode(encodeExplore(s))).toStrictEqual(s);
  });
});

describe('decodeExplore', () => {
  it('reads queries in index order with refIds by position, closing gaps', () => {
    expect(decode('q5.expr=c&q0.expr=a&q2.legend=x&q2.hide=0').queries).toStrictEqual([
      { refId: 'A', expr: 'a' },
      { refId: 'B', expr: '', legendFormat: 'x', hide: false },
      { refId: 'C', expr: 'c' },
    ]);
  });

  it('keeps at most 26 queries', () => {
    const qs = Array.from({ length: 40 }, (_, i) => `q${i}.expr=m${i}`).join('&');
    const { queries } = decode(qs);
    expect(queries).toHaveLength(26);
    expect(queries.at(-1)).toStrictEqual({ refId: 'Z', expr: 'm25' });
  });

  it('turns garbage into defaults, field by field, without throwing', () => {
    const s = decode(
      'q01.expr=x&qq.expr=y&q0.hide=yes&tab=TABLE&from=yesterday&to=now%2B&step=fast&ds=&' +
        'mode=heatmap&unit=&ymin=0x10&%E0%A4%A=1&zzz=1',
    );
    expect(s).toStrictEqual({
      queries: [{ refId: 'A', expr: '' }],
      tab: 'graph',
      range: { from: 'now-1h', to: 'now' },
      mode: 'lines',
    });
  });

  it('accepts absolute ranges and numeric yMin only', () => {
    const s = decode(`from=${END - HOUR}&to=2024-01-02T03:04:05Z&ymin=-1.5e3`);
    expect(s.range).toEqual({ from: String(END - HOUR), to: '2024-01-02T03:04:05Z' });
    expect(s.yMin).toBe(-1500);
    for (const bad of ['', ' ', 'abc', 'Infinity', 'NaN', '1e999', '1,5']) {
      expect(decode(`ymin=${encodeURIComponent(bad)}`)).not.toHaveProperty('yMin');
    }
  });

  it('does not share objects with DEFAULT_STATE', () => {
    const s = decode('');
    s.queries[0]!.expr = 'changed';
    expect(DEFAULT_STATE.queries[0]!.expr).toBe('');
    expect(() => {
      DEFAULT_STATE.queries[0]!.expr = 'x';
    }).toThrow(TypeError);
  });
});

// A small deterministic PRNG (mulberry32) so the generated states are the same every run.
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('round trip', () => {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const TEXT = [
    '',
    'up',
    'rate(x[5m])',
    ' a + b ',
    'x{a="1",b=~"c|d"} / on(job) y',
    '100%&=?#',
    '{"my.metric"}',
    'é 日本 🚀',
    '\n',
  ];
  const maybe = <T>(v: T): T | undefined => (rand() < 0.5 ? v : undefined);

  function randomState(): ExploreState {
    const queries = Array.from({ length: 1 + Math.floor(rand() * 26) }, (_, i) => {
      const q: ExploreQuery = { refId: String.fromCharCode(65 + i), expr: pick(TEXT) };
      const legend = maybe(pick(TEXT));
      if (legend !== undefined) q.legendFormat = legend;
      const hide = maybe(rand() < 0.5);
      if (hide !== undefined) q.hide = hide;
      return q;
    });
    const s: ExploreState = {
      queries: rand() < 0.1 ? [{ refId: 'A', expr: '' }] : queries,
      tab: pick(['graph', 'table'] as const),
      range: pick([
        { from: 'now-1h', to: 'now' },
        { from: 'now-7d', to: 'now/d' },
        { from: String(END - HOUR), to: String(END) },
        { from: '2024-01-02 03:04', to: 'now' },
      ]),
      mode: pick(['lines', 'stacked', 'bars'] as const),
    };
    const step = maybe(pick(['15s', '1m', '1h30m', '0.5', '500ms']));
    if (step !== undefined) s.step = step;
    const ds = maybe(pick(['a', 'prom uid/1', '&=']));
    if (ds !== undefined) s.ds = ds;
    const unit = maybe(pick(['s', 'bytes', 'req/s']));
    if (unit !== undefined) s.unit = unit;
    const yMin = maybe(pick([0, -0, -1.5, 1e-7, 1e21, 42]));
    if (yMin !== undefined) s.yMin = yMin;
    return s;
  }

  it('keeps a lone empty query that has a legend or a hide flag', () => {
    for (const q of [{ hide: false }, { hide: true }, { legendFormat: '' }]) {
      const s = { ...DEFAULT_STATE, queries: [{ refId: 'A', expr: '', ...q }] };
      expect(encodeExplore(s)).not.toBe('');
      expect(decode(encodeExplore(s))).toStrictEqual(s);
    }
  });

  it('decode(encode(s)) deep-equals s for 500 generated states', () => {
    for (let i = 0; i < 500; i++) {
      const s = randomState();
      expect(decode(encodeExplore(s))).toStrictEqual(s);
    }
  });

  it('Prometheus links round-trip the parts Prometheus has', () => {
    const s: ExploreState = {
      queries: [
        { refId: 'A', expr: 'rate(up[5m])' },
        { refId: 'B', expr: 'sum(x) + 1' },
      ],
      tab: 'table',
      range: { from: String(END - 2 * HOUR), to: String(END) },
      step: '1m',
      mode: 'stacked',
    };
    expect(fromProm(toPrometheusParams(s, END + 1e9))).toStrictEqual(s);
  });
});

describe('fromPrometheusParams', () => {
  it('returns null without g0.expr', () => {
    expect(fromProm('')).toBeNull();
    expect(fromProm('g1.expr=up&q0.expr=up')).toBeNull();
  });

  it('reads the classic UI link exactly as it writes it', () => {
    expect(fromProm(CLASSIC)).toStrictEqual({
      queries: [{ refId: 'A', expr: 'rate(up[5m])' }],
      tab: 'graph',
      range: { from: String(END - HOUR), to: String(END) },
      step: '15s',
      mode: 'lines',
    });
  });

  it('reads relative ranges in Grafana syntax', () => {
    const from = (range: string) => fromProm(`g0.expr=up&g0.range_input=${range}`)?.range.from;
    expect(from('1h')).toBe('now-1h');
    expect(from('30m')).toBe('now-30m');
    expect(from('2d')).toBe('now-2d');
    expect(from('14d')).toBe('now-14d');
    expect(from('1h30m')).toBe('now-90m');
    expect(from('1y')).toBe('now-365d');
    expect(from('2w')).toBe('now-2w');
    expect(from('1500ms')).toBe('now-2s');
    expect(from('bogus')).toBe('now-1h');
    expect(from('0s')).toBe('now-1h');
  });

  it('reads several panels in N order, with gaps, and the first tab', () => {
    const s = fromProm('g2.expr=c&g2.tab=0&g0.expr=a&g0.tab=1&g10.expr=d&g1x.expr=no');
    expect(s?.queries).toStrictEqual([
      { refId: 'A', expr: 'a' },
      { refId: 'B', expr: 'c' },
      { refId: 'C', expr: 'd' },
    ]);
    expect(s?.tab).toBe('table');
  });

  it('reads the new UI: named tabs, display_mode, res_step, y_axis_min, ISO end', () => {
    const s = fromProm(
      'g0.expr=up&g0.show_tree=0&g0.tab=table&g0.range_input=30m&g0.moment_input=2024-01-02T03%3A04%3A05Z' +
        '&g0.res_type=fixed&g0.res_step=0.5&g0.display_mode=stacked&g0.y_axis_min=-2&g0.show_exemplars=0',
    );
    expect(s).toStrictEqual({
      queries: [{ refId: 'A', expr: 'up' }],
      tab: 'table',
      range: { from: String(END - 1_800_000), to: String(END) },
      step: '500ms',
      mode: 'stacked',
      yMin: -2,
    });
    expect(fromProm('g0.expr=up&g0.display_mode=heatmap&g0.stacked=1')?.mode).toBe('lines');
    expect(fromProm('g0.expr=up&g0.stacked=1')?.mode).toBe('stacked');
    expect(fromProm('g0.expr=up&g0.step_input=15&g0.res_type=auto')).not.toHaveProperty('step');
    expect(fromProm('g0.expr=up&g0.step_input=1m')?.step).toBe('1m');
  });

  it('reads end_input in UTC, and prefers moment_input on the table', () => {
    const at = (qs: string) => fromProm(`g0.expr=up&${qs}`)?.range.to;
    expect(at('g0.end_input=2024-01-02%2003:04:05')).toBe(String(END));
    expect(at('g0.end_input=2024-01-02T05:04:05%2B02:00')).toBe(String(END));
    expect(at('g0.end_input=2024-01-02')).toBe(String(Date.UTC(2024, 0, 2)));
    expect(at('g0.tab=1&g0.end_input=2024-01-01&g0.moment_input=2024-01-02%2003:04:05')).toBe(
      String(END),
    );
    expect(at('g0.end_input=garbage')).toBe('now');
  });

  it('reads and writes UTC whatever the local time zone', () => {
    // CI machines often run in UTC, where a local-time bug would go unnoticed; Node applies
    // a changed TZ at once.
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(new Date(END).getHours()).toBe(22); // the zone really changed
      expect(fromProm(CLASSIC)?.range.to).toBe(String(END));
      expect(toPrometheusParams(fromProm(CLASSIC)!, END)).toBe(CLASSIC);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('toPrometheusParams', () => {
  it('writes the classic form for an absolute range', () => {
    const s = fromProm(CLASSIC)!;
    expect(toPrometheusParams(s, END + 5 * HOUR)).toBe(CLASSIC);
  });

  it('writes only range_input for a range ending now', () => {
    const s: ExploreState = {
      ...DEFAULT_STATE,
      queries: [
        { refId: 'A', expr: 'up == 1' },
        { refId: 'B', expr: 'hidden', hide: true },
        { refId: 'C', expr: '  ' },
        { refId: 'D', expr: 'x', legendFormat: '{{job}}' },
      ],
      range: { from: 'now-2d', to: 'now' },
      tab: 'table',
      mode: 'stacked',
    };
    expect(toPrometheusParams(s, END)).toBe(
      'g0.expr=up%20%3D%3D%201&g0.tab=1&g0.stacked=1&g0.show_exemplars=0&g0.range_input=2d' +
        '&g1.expr=x&g1.tab=1&g1.stacked=1&g1.show_exemplars=0&g1.range_input=2d',
    );
  });

  it('falls back to the first query and 1h when nothing is usable', () => {
    const s: ExploreState = {
      ...DEFAULT_STATE,
      range: { from: 'now', to: 'now-1h' },
      step: 'soon',
    };
    expect(toPrometheusParams(s, END)).toBe(
      'g0.expr=&g0.tab=0&g0.stacked=0&g0.show_exemplars=0&g0.range_input=1h',
    );
  });
});
