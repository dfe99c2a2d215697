// Typed calls to the Promscope server. Errors arrive in Prometheus' envelope from both our
// server and upstream, and become an ApiError carrying Prometheus' own words.
import type { APIResponse, MatrixData } from './types.ts';

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

async function readJson<T>(res: Response): Promise<T> {
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    const snippet = text.slice(0, 120).replace(/\s+/g, ' ');
    throw new ApiError(
      res.status,
      'bad_response',
      `HTTP ${res.status}: not JSON (${snippet || 'empty body'})`,
    );
  }
}

export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'unavailable', 'cannot reach the Promscope server');
  }
  const body = await readJson<T & { status?: string; errorType?: string; error?: string }>(res);
  if (!res.ok || body.status === 'error') {
    throw new ApiError(res.status, body.errorType ?? 'http', body.error ?? `HTTP ${res.status}`);
  }
  return body;
}

export interface PromResult<T> {
  data: T;
  warnings: string[];
  infos: string[];
}

function proxyUrl(dsUid: string, endpoint: string): string {
  return `/api/datasources/proxy/uid/${encodeURIComponent(dsUid)}/api/v1/${endpoint}`;
}

async function promGet<T>(
  dsUid: string,
  endpoint: string,
  params: Record<string, string>,
  signal?: AbortSignal,
) {
  const qs = new URLSearchParams(params).toString();
  const body = await getJson<APIResponse<T>>(`${proxyUrl(dsUid, endpoint)}?${qs}`, { signal });
  if (body.status !== 'success') throw new ApiError(200, body.errorType, body.error);
  return { data: body.data, warnings: body.warnings ?? [], infos: body.infos ?? [] };
}

export interface RangeParams {
  query: string;
  start: number; // unix seconds
  end: number; // unix seconds
  step: number; // seconds
}

export function queryRange(
  dsUid: string,
  p: RangeParams,
  signal?: AbortSignal,
): Promise<PromResult<MatrixData>> {
  return promGet<MatrixData>(
    dsUid,
    'query_range',
    { query: p.query, start: String(p.start), end: String(p.end), step: String(p.step) },
    signal,
  );
}
