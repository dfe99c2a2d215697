// Environment interpolation in provisioning files, as Grafana does it
// (pkg/services/provisioning/values/values.go): every string value is split on "$$" (a literal
// "$"), then each part has `$__env{NAME}` expanded, then `$NAME` and `${NAME}` as Go's
// os.ExpandEnv does (an unset variable is ""). Grafana's `$__file{…}` and `$__vault{…}` are
// refused in words rather than left half expanded.

export class InterpolationError extends Error {}

export type Env = Readonly<Record<string, string | undefined>>;

// Go's os.Expand: a name is a run of letters, digits and "_"; one of its special shell
// characters is a name of one character ($1, $*, $#…), which no environment holds.
const DOLLAR = /\$(?:\{([^}]*)\}|([A-Za-z0-9_]+)|([*#$@!?-]))/g;

function expandPart(part: string, env: Env): string {
  const unsupported = /\$__(file|vault)\{/.exec(part);
  if (unsupported) {
    throw new InterpolationError(`$__${unsupported[1]}{…} is not supported here; use $__env{…}`);
  }
  const expanders = part.replace(/\$__env\{([^}]*)\}/g, (_, name: string) => env[name] ?? '');
  return expanders.replace(DOLLAR, (_, braced?: string, bare?: string) => {
    const name = braced ?? bare;
    return name === undefined ? '' : (env[name] ?? '');
  });
}

/** One string value, expanded. */
export function interpolate(value: string, env: Env): string {
  return value
    .split('$$')
    .map((part) => expandPart(part, env))
    .join('$');
}

/**
 * Every string inside `value` (maps, lists) expanded; numbers, booleans and null untouched.
 * Grafana interpolates values, never keys.
 */
export function interpolateDeep(value: unknown, env: Env): unknown {
  if (typeof value === 'string') return interpolate(value, env);
  if (Array.isArray(value)) return value.map((v) => interpolateDeep(v, env));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = interpolateDeep(v, env);
    return out;
  }
  return value;
}
