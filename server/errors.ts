import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorAnswer } from '../contract/api.ts';

/** Errors in Prometheus' own envelope, so the browser handles ours and upstream's alike. */
export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  errorType: string,
  error: string,
) {
  return c.json({ status: 'error', errorType, error } satisfies ErrorAnswer, status);
}
