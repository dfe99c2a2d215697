// A small HTTP/1.1 client for the benchmark: keep-alive sockets through one http.Agent, the
// body read raw (not decompressed), so byte counts are what went over the wire and latency
// is from sending the request to the last byte of the answer.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';

export interface Answer {
  status: number;
  /** Bytes on the wire (compressed when the answer was). */
  wireBytes: number;
  /** The body decoded, when asked for. */
  body?: Buffer;
  latencyMs: number; // ms
  headers: http.IncomingHttpHeaders;
}

export function agent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

export function get(
  url: string,
  opts: {
    agent: http.Agent;
    acceptEncoding?: string;
    decode?: boolean;
    headers?: Record<string, string>;
  },
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      {
        agent: opts.agent,
        headers: {
          Accept: 'application/json',
          ...(opts.acceptEncoding ? { 'Accept-Encoding': opts.acceptEncoding } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let wireBytes = 0;
        res.on('data', (c: Buffer) => {
          wireBytes += c.length;
          if (opts.decode) chunks.push(c);
        });
        res.on('end', () => {
          const latencyMs = performance.now() - started;
          let body: Buffer | undefined;
          if (opts.decode) {
            const raw = Buffer.concat(chunks);
            body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
          }
          resolve({
            status: res.statusCode ?? 0,
            wireBytes,
            body,
            latencyMs,
            headers: res.headers,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

export interface LoadResult {
  requests: number;
  errors: number;
  durationS: number; // s
  latenciesMs: number[]; // ms, one per successful request
}

/**
 * `concurrency` workers, each sending its next request as soon as the last one is answered,
 * for `durationMs`; `url(n)` gives the n-th request of the run.
 */
export async function runLoad(opts: {
  url: (n: number) => string;
  concurrency: number;
  durationMs: number; // ms
  acceptEncoding: string;
}): Promise<LoadResult> {
  const pool = agent(opts.concurrency);
  const latenciesMs: number[] = [];
  let errors = 0;
  let n = 0;
  const started = performance.now();
  const until = started + opts.durationMs;
  const worker = async () => {
    while (performance.now() < until) {
      try {
        const a = await get(opts.url(n++), { agent: pool, acceptEncoding: opts.acceptEncoding });
        if (a.status === 200) latenciesMs.push(a.latencyMs);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const durationS = (performance.now() - started) / 1000;
  pool.destroy();
  return { requests: latenciesMs.length, errors, durationS, latenciesMs };
}
