// What the alerting and scrape endpoints accept: `/api/v1/alerts`, `/api/v1/rules` and
// `/api/v1/targets` are read with GET only, and only with the parameters Prometheus documents
// for them (https://prometheus.io/docs/prometheus/latest/querying/api/#alerts, #rules,
// #targets), each value in the form Prometheus would take. These answers carry the whole rule
// and target set of a Prometheus, so nothing is passed on that Prometheus might read in a way
// it does not document today, and a refusal says which parameter and why, in Prometheus'
// words for a bad parameter (bad_data). The query endpoints keep Prometheus' own checks.

/** A parameter's allowed values: a fixed list, or a test with a description for the refusal. */
type Accepts = readonly string[] | { test: (v: string) => boolean; says: string };

interface EndpointRules {
  /** Parameters that may be given more than once (Prometheus' `name[]` lists). */
  lists: Readonly<Record<string, Accepts | null>>;
  /** Parameters given at most once. */
  single: Readonly<Record<string, Accepts>>;
}

// Go's strconv.ParseBool, which Prometheus reads exclude_alerts with.
const BOOL = {
  test: (v: string) => /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(v),
  says: 'true or false',
};
const POSITIVE = { test: (v: string) => /^[1-9][0-9]{0,8}$/.test(v), says: 'a positive integer' };
// Prometheus' group_next_token is a hex digest of the group's file and name.
const TOKEN = { test: (v: string) => /^[0-9a-f]{1,128}$/.test(v), says: 'a token Prometheus gave' };

/** Endpoints served only under these rules; others are not touched here. */
export const GET_ONLY: Readonly<Record<string, EndpointRules>> = {
  alerts: { lists: {}, single: {} },
  rules: {
    lists: { 'rule_name[]': null, 'rule_group[]': null, 'file[]': null, 'match[]': null },
    single: {
      type: ['alert', 'record'],
      exclude_alerts: BOOL,
      group_limit: POSITIVE,
      group_next_token: TOKEN,
    },
  },
  targets: {
    lists: {},
    single: {
      state: ['active', 'dropped', 'any'],
      // A scrape pool is a job name: any text, bounded below by maxLength.
      scrapePool: { test: (v) => v !== '', says: 'a scrape pool name' },
    },
  },
};

// Prometheus lower-cases `type` and `state` and reads an empty one as not given.
const isList = (a: Accepts): a is readonly string[] => Array.isArray(a);
const accepted = (a: Accepts, v: string) =>
  isList(a) ? v === '' || a.includes(v.toLowerCase()) : a.test(v);
const described = (a: Accepts) => (isList(a) ? `one of ${a.join(', ')}` : a.says);

export interface ParamRefusal {
  status: 405 | 400;
  message: string;
}

/**
 * Why a call to a GET-only endpoint is refused, or undefined when it may go upstream (or the
 * endpoint is not one of these). `maxLength` (MAX_QUERY_LENGTH) bounds every value: a rule or
 * file name longer than a whole PromQL query is not one.
 */
export function getOnlyRefusal(
  endpoint: string,
  method: string,
  pairs: readonly [string, string][],
  maxLength: number,
): ParamRefusal | undefined {
  const rules = GET_ONLY[endpoint];
  if (!rules) return undefined;
  if (method !== 'GET') {
    return { status: 405, message: `${endpoint} is read with GET only, as Prometheus serves it` };
  }
  const seen = new Set<string>();
  for (const [k, v] of pairs) {
    const list = Object.hasOwn(rules.lists, k);
    const single = Object.hasOwn(rules.single, k);
    if (!list && !single) {
      const known = [...Object.keys(rules.single), ...Object.keys(rules.lists)];
      return {
        status: 400,
        message: `parameter ${JSON.stringify(k.slice(0, 64))} is not one ${endpoint} takes${
          known.length > 0 ? ` (${known.join(', ')})` : ' (it takes none)'
        }`,
      };
    }
    if (v.length > maxLength) {
      return { status: 400, message: `${k} is over the ${maxLength}-character limit` };
    }
    if (single) {
      if (seen.has(k)) return { status: 400, message: `${k} is given more than once` };
      seen.add(k);
    }
    const accepts = list ? rules.lists[k] : rules.single[k];
    if (accepts && !accepted(accepts, v)) {
      return {
        status: 400,
        message: `${k} must be ${described(accepts)}, not ${JSON.stringify(v.slice(0, 64))}`,
      };
    }
  }
  return undefined;
}
