// The JSON body of a write (a dashboard save or import, a restore, a datasource), or the 400
// that says what is wrong with it. Depth is bounded: JSON.parse takes any nesting the body cap
// allows (100,000 levels fit in 500 KB), but what handles the value afterwards recurses
// (normalisation, JSON.stringify in the store, String() of an array) and overflows the stack
// somewhere past ~5,000 levels, which was a 500. Real Grafana dashboards nest 11 levels deep.
import type { Context } from 'hono';
import { apiError } from './errors.ts';

/** Levels of arrays and objects, the body itself being the first. */
export const MAX_JSON_DEPTH = 64;

/**
 * Where `value` first nests deeper than `max` levels, as a path (`dashboard.panels[0].a`);
 * null when it does not. A loop over an explicit stack: it must not overflow itself.
 */
export function tooDeep(value: unknown, max = MAX_JSON_DEPTH): string | null {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 1, path: '' }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return path;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ v: v[i], depth: depth + 1, path: `${path}[${i}]` });
      }
    } else {
      for (const [k, x] of Object.entries(v)) {
        const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k);
        stack.push({ v: x, depth: depth + 1, path: path ? `${path}.${key}` : key });
      }
    }
  }
  return null;
}

/** A path of many levels shortened to its first few: the answer names where, not all of it. */
function shortPath(path: string): string {
  const parts = path.match(/\[\d+\]|\.?[^.[]+/g) ?? [];
  return parts.length > 6 ? `${parts.slice(0, 6).join('')}…` : path;
}

/**
 * The parsed body, or a 400 answer: a malformed or absurdly nested body is not a 500.
 * `malformed` words the parse error (the datasource route keeps its own).
 */
export async function readJsonBody(
  c: Context,
  malformed = (why: string) => `body: not valid JSON (${why})`,
): Promise<{ body: unknown } | { error: Response }> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (err) {
    return { error: apiError(c, 400, 'bad_data', malformed((err as Error).message)) };
  }
  const deep = tooDeep(body);
  if (deep !== null) {
    return {
      error: apiError(
        c,
        400,
        'bad_data',
        `body: JSON nested more than ${MAX_JSON_DEPTH} levels deep (at ${shortPath(deep) || 'the top'})`,
      ),
    };
  }
  return { body };
}
