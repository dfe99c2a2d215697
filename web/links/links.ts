// Grafana's dashboard links (`dashboard.links`: a URL, or the dashboards carrying some tags)
// and panel links (`panel.links`), read and turned into addresses (pure).
// https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/manage-dashboard-links/
//
// A link's URL may use the dashboard's variables (`$x`, `${x}`, `${x:queryparam}`) and
// Grafana's `$__url_time_range` and `$__all_variables`; "include current time range" and
// "include current template variable values" append `from=&to=` and `var-x=`. As in Grafana's
// LinkSrv, a dashboard link's address and every link's title get the values (glob), a panel
// link's address gets them percent-encoded as a URI. Only http(s), mailto and addresses inside
// this app are links: a `javascript:` or `data:` URL is shown as refused text.
import { asNonEmptyStrings, asRecord, asString } from '../../contract/json.ts';
import type { SearchHit } from '../api/server.ts';
import type { Context, Scope, ScopedVariable } from '../variables/format.ts';
import { interpolateVariables } from '../variables/format.ts';

export interface DashboardLink {
  type: 'link' | 'dashboards';
  title: string;
  url: string;
  tooltip: string;
  /** type dashboards: the dashboards that carry every one of these tags. */
  tags: string[];
  /** type dashboards: one dropdown instead of a link per dashboard. */
  asDropdown: boolean;
  includeVars: boolean;
  keepTime: boolean;
  targetBlank: boolean;
}

export interface PanelLink {
  title: string;
  url: string;
  targetBlank: boolean;
}

/** What a link's address may carry over from the page. */
export interface LinkEnv {
  scope: Scope;
  /** The dashboard's variables and their selected values (`$__all` for All), in order. */
  variables: readonly { name: string; values: readonly string[] }[];
  /** The range as written in the URL, e.g. now-1h and now. */
  time: { from: string; to: string };
}

/** A link ready to draw: an address, or why there is none. */
export type Resolved =
  | { title: string; href: string; targetBlank: boolean; tooltip?: string }
  | { title: string; refused: string; tooltip?: string };

export function readDashboardLinks(raw: unknown): DashboardLink[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((r) => {
    const l = asRecord(r);
    return {
      type: l.type === 'dashboards' ? 'dashboards' : 'link',
      title: asString(l.title),
      url: asString(l.url),
      tooltip: asString(l.tooltip),
      tags: asNonEmptyStrings(l.tags),
      asDropdown: l.asDropdown === true,
      includeVars: l.includeVars === true,
      keepTime: l.keepTime === true,
      targetBlank: l.targetBlank === true,
    };
  });
}

export function readPanelLinks(raw: unknown): PanelLink[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .map((r) => {
      const l = asRecord(r);
      return {
        title: asString(l.title),
        url: asString(l.url),
        targetBlank: l.targetBlank === true,
      };
    })
    .filter((l) => l.url !== '' || l.title !== '');
}

/** The part after `?`: `from=…&to=…`. */
function timeQuery(env: LinkEnv): string {
  return new URLSearchParams({ from: env.time.from, to: env.time.to }).toString();
}

/** The part after `?`: `var-a=x&var-b=y&var-b=z`. */
function variablesQuery(env: LinkEnv): string {
  const q = new URLSearchParams();
  for (const v of env.variables) for (const value of v.values) q.append(`var-${v.name}`, value);
  return q.toString();
}

/** Query parameters added to an address, before its `#fragment`. */
export function withQuery(url: string, query: string): string {
  if (query === '') return url;
  const hash = url.indexOf('#');
  const [base, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const sep = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${sep}${query}${fragment}`;
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * Why an address may not be a link, or null when it may: only http(s), mailto and paths of
 * this app. Browsers ignore tabs and line breaks in a scheme, so `java\tscript:` is refused too.
 */
export function refusedScheme(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return 'no URL';
  let parsed: URL;
  try {
    parsed = new URL(trimmed, 'http://promscope.invalid/');
  } catch {
    return 'not a valid URL';
  }
  return SAFE_SCHEMES.has(parsed.protocol) ? null : `${parsed.protocol} links are not followed`;
}

const formatted = (value: string): ScopedVariable => ({
  values: [value],
  text: value,
  regex: false,
  skipFormat: true,
});

/** The scope links are filled from: the dashboard's, and Grafana's two link built-ins. */
function linkScope(env: LinkEnv): Scope {
  return new Map([
    ...env.scope,
    ['__url_time_range', formatted(timeQuery(env))],
    ['__all_variables', formatted(variablesQuery(env))],
  ]);
}

/** A link's address with the dashboard's variables and the chosen parts of the page added. */
export function linkAddress(
  url: string,
  env: LinkEnv,
  add: { keepTime?: boolean; includeVars?: boolean } = {},
  context: Context = 'value',
): { href: string } | { refused: string } {
  return withPage(interpolateVariables(url, linkScope(env), context), env, add);
}

/**
 * A path without a leading `/` is from the app's root, as in Grafana, whose page sets
 * `<base href="/">`: the `dashboard/db/slug` links its migration writes open the dashboard
 * from any page. Absolute URLs, `/paths`, `?query` and `#fragment` are left as they are.
 */
export function fromAppRoot(url: string): string {
  const t = url.trim();
  if (t === '' || /^[a-z][a-z0-9+.-]*:/i.test(t) || /^[/?#]/.test(t)) return url;
  return `/${t}`;
}

function withPage(
  url: string,
  env: LinkEnv,
  add: { keepTime?: boolean; includeVars?: boolean },
): { href: string } | { refused: string } {
  let href = fromAppRoot(url);
  if (add.keepTime) href = withQuery(href, timeQuery(env));
  if (add.includeVars) href = withQuery(href, variablesQuery(env));
  const refused = refusedScheme(href);
  return refused === null ? { href: href.trim() } : { refused };
}

function resolve(
  title: string,
  address: { href: string } | { refused: string },
  targetBlank: boolean,
  tooltip?: string,
): Resolved {
  const t = tooltip ? { tooltip } : {};
  return 'href' in address
    ? { title, href: address.href, targetBlank, ...t }
    : { title, refused: address.refused, ...t };
}

export function resolvePanelLinks(links: readonly PanelLink[], env: LinkEnv): Resolved[] {
  return links.map((l) =>
    resolve(
      interpolateVariables(l.title, env.scope, 'value') || l.url,
      linkAddress(l.url, env, {}, 'uri'),
      l.targetBlank,
    ),
  );
}

/** A `link` link: one address. */
export function resolveUrlLink(link: DashboardLink, env: LinkEnv): Resolved {
  return resolve(
    interpolateVariables(link.title, env.scope, 'value') || link.url,
    linkAddress(link.url, env, link),
    link.targetBlank,
    link.tooltip || undefined,
  );
}

/**
 * A `dashboards` link: every dashboard carrying all of its tags (Grafana's search by tags),
 * the current one left out, sorted by title.
 */
export function resolveDashboardsLink(
  link: DashboardLink,
  hits: readonly SearchHit[],
  currentUid: string,
  env: LinkEnv,
): Resolved[] {
  return hits
    .filter((h) => !h.error && h.uid !== currentUid && link.tags.every((t) => h.tags.includes(t)))
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((h) => resolve(h.title, withPage(h.url, env, link), link.targetBlank));
}
