// Typed calls to the Promscope server. Errors arrive in Prometheus' envelope from both our
// server and upstream, and become an ApiError carrying Prometheus' own words.
// The live-tick header contract is one file shared with the proxy, so both digest alike.
import { DELTA_HEADER, formatKnown, KNOWN_HEADER, type Known } from '../../contract/known.ts';
import type { APIResponse, MatrixData, QueryData } from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What a body that is not JSON looks like, in words: an HTML page's title, or its start. */
export function describeNonJson(status: number, text: string): string {
  const http = `HTTP ${status}`;
  if (text.trim() === '') return `${http}: empty answer, not JSON`;
  if (/^\s*</.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    const words = (title || text.replace(/<[^>]*>/g, ' '))
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120);
    return `${http}: an HTML page, not Prometheus JSON${words ? ` ("${words}")` : ''}`;
  }
  if (/^\s*[[{]/.test(text)) {
    const end = text.slice(-40).replace(/\s+/g, ' ');
    return `${http}: invalid or incomplete JSON (${text.length} characters, ending "${end}")`;
  }
  return `${http}: not JSON (${text.slice(0, 120).replace(/\s+/g, ' ')})`;
}

async function readJson<T>(res: Response): Promise<T> {
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    // The stream broke after the status line: the connection dropped, or the server cut an
    // answer over its size limit (it can no longer send an error once streaming has begun).
    throw new ApiError(
      res.status,
      'bad_response',
      `HTTP ${res.status}: the answer broke off before its end (the connection was lost, or the answer is over the server's size limit)`,
    );
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, 'bad_response', describeNonJson(res.status, text));
  }
}

export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  return (await fetchJson<T>(url, init)).body;
}

/** The answer and its headers; errors in Prometheus' envelope become ApiError. */
async function fetchJson<T>(
  url: string,
  init?: RequestInit,
): Promise<{ body: T; headers: Headers }> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'unavailable', 'cannot reach the Promscope server');
  }
  const body = await readJson<
    T & { status?: string; errorType?: string; error?: string; message?: string }
  >(res);
  // Objects (Prometheus' envelope, our answers) and lists (our own lists) are answers.
  if (typeof body !== 'object' || body === null) {
    throw new ApiError(
      res.status,
      'bad_response',
      `HTTP ${res.status}: JSON, but not an answer in Prometheus' shape`,
    );
  }
  if (!res.ok || body.status === 'error') {
    // Prometheus and our API say `error`; Grafana-shaped refusals (412 on save) say `message`.
    const words = body.error ?? body.message ?? `HTTP ${res.status}`;
    throw new ApiError(res.status, body.errorType ?? body.status ?? 'http', words);
  }
  return { body, headers: res.headers };
}

export interface PromResult<T> {
  data: T;
  warnings: string[];
  infos: string[];
  /** Time Prometheus took to answer, from the proxy's Server-Timing header. */
  upstreamMs?: number; // ms
  /** Time from sending to a parsed answer, in this browser. */
  totalMs: number; // ms
  /**
   * For a live tick that said what it holds (contract/known.ts): `applied` when the answer
   * has only the later points, `mismatch` or `none` when it is whole; absent otherwise.
   */
  delta?: string;
}

/** `upstream;dur=12.3` → 12.3 (https://www.w3.org/TR/server-timing/). */
export function upstreamDuration(header: string | null): number | undefined {
  const m = /(?:^|,)\s*upstream;(?:[^,]*;)?\s*dur=([\d.]+)/.exec(header ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The path and query string a Prometheus API call is sent to, through our proxy. */
export function promUrl(dsUid: string, endpoint: string, params: Record<string, string>): string {
  const path = `/api/datasources/proxy/uid/${encodeURIComponent(dsUid)}/api/v1/${endpoint}`;
  const qs = new URLSearchParams(params).toString();
  return qs ? `${path}?${qs}` : path;
}

/** GET one endpoint of the Prometheus API through the proxy, e.g. `label/job/values`. */
export async function promGet<T>(
  dsUid: string,
  endpoint: string,
  params: Record<string, string>,
  signal?: AbortSignal,
  requestHeaders?: Record<string, string>,
) {
  const started = performance.now();
  const { body, headers } = await fetchJson<APIResponse<T>>(promUrl(dsUid, endpoint, params), {
    signal,
    headers: requestHeaders,
  });
  if (body.status !== 'success') {
    throw new ApiError(
      200,
      body.errorType ?? 'bad_response',
      body.error ?? `not a Prometheus answer (status ${JSON.stringify(body.status ?? null)})`,
    );
  }
  return {
    data: body.data,
    warnings: body.warnings ?? [],
    infos: body.infos ?? [],
    upstreamMs: upstreamDuration(headers.get('Server-Timing')),
    totalMs: performance.now() - started,
    delta: headers.get(DELTA_HEADER) ?? undefined,
  };
}

export interface RangeParams {
  query: string;
  start: number; // unix seconds
  end: number; // unix seconds
  step: number; // seconds
}

/** The query_range parameters exactly as sent (Inspect shows them). */
export function rangeSearchParams(p: RangeParams): Record<string, string> {
  return { query: p.query, start: String(p.start), end: String(p.end), step: String(p.step) };
}

/** `known`: what a live tick already holds, so only later points need come (known.ts). */
export async function queryRange(
  dsUid: string,
  p: RangeParams,
  signal?: AbortSignal,
  known?: Known,
): Promise<PromResult<MatrixData>> {
  const answer = await promGet<MatrixData>(
    dsUid,
    'query_range',
    rangeSearchParams(p),
    signal,
    known ? { [KNOWN_HEADER]: formatKnown(known) } : undefined,
  );
  // Panels read data.result as a list of series; anything else is a broken answer, said so here.
  if (!Array.isArray(answer.data?.result)) {
    throw new ApiError(200, 'bad_response', 'a success answer without a list of series');
  }
  return answer;
}

/** The query parameters exactly as sent (Inspect shows them). */
export function instantSearchParams(query: string, time: number): Record<string, string> {
  return { query, time: String(time) };
}

export async function queryInstant(
  dsUid: string,
  query: string,
  time: number, // unix seconds
  signal?: AbortSignal,
): Promise<PromResult<QueryData>> {
  const answer = await promGet<QueryData>(dsUid, 'query', instantSearchParams(query, time), signal);
  if (answer.data === null || typeof answer.data !== 'object' || !('result' in answer.data)) {
    throw new ApiError(200, 'bad_response', 'a success answer without a result');
  }
  return answer;
}

/** Every metric's type, help and unit (https://prometheus.io/docs/prometheus/latest/querying/api/#querying-metric-metadata). */
export function metricMetadata(dsUid: string, signal?: AbortSignal) {
  return promGet<Record<string, { type: string; help: string; unit?: string }[]>>(
    dsUid,
    'metadata',
    {},
    signal,
  );
}

// Names for the metrics explorer: a few thousand is plenty to scan (web/api/limit.ts).
const NAMES_LIMIT = 5_000;

/** Every metric name (label/__name__/values), for names no metadata describes. */
export function metricNames(dsUid: string, signal?: AbortSignal) {
  return promGet<string[]>(dsUid, 'label/__name__/values', { limit: String(NAMES_LIMIT) }, signal);
}
