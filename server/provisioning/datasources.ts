// Grafana's datasource provisioning files (PROVISIONING_DIR/datasources/*.yaml), read as
// Grafana reads them: pkg/services/provisioning/datasources/{config_reader.go,types.go}.
// Files are applied in name order; each one first deletes (deleteDatasources, by name), then
// upserts by name. Only Prometheus datasources are served; the others are listed as skipped
// with a reason. One bad entry is skipped with its error; the rest of the file still counts.
// https://grafana.com/docs/grafana/latest/administration/provisioning/#data-sources
import type { ProvisioningSkip } from '../../contract/api.ts';
import { asArray, isRecord } from '../../contract/json.ts';
import { ConfigError, parseSeconds } from '../config-values.ts';
import type { Datasource } from '../datasources/registry.ts';
import { checkDatasourceUrl, normaliseDatasourceUrl, type UrlPolicy } from '../url-policy.ts';
import { FieldError, Fields } from './fields.ts';
import type { Env } from './interpolate.ts';
import { readTls } from './tls.ts';
import type { YamlFile } from './yaml-file.ts';

export interface DatasourceProvisioning {
  datasources: Datasource[];
  /** Names deleteDatasources removes, also from PROMETHEUS_URL's and those added in the UI. */
  deleted: string[];
  skipped: ProvisioningSkip[];
  errors: string[];
  /** Things read but not acted on, for the log. */
  notes: string[];
}

const UID = /^[A-Za-z0-9_-]{1,40}$/;
// RFC 9110 token; and headers the proxy sets itself or that would break the framing.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'content-type',
  'accept-encoding',
  'te',
  'upgrade',
]);
// jsonData keys Grafana's Prometheus datasource has that Promscope does not act on.
const UNSUPPORTED_JSON = [
  'oauthPassThru',
  'sigV4Auth',
  'exemplarTraceIdDestinations',
  'manageAlerts',
  'cacheLevel',
];

/** Grafana's uid for a datasource without one: "P" and the first 8 bytes of SHA-256(name), upper case. */
export async function safeUidFromName(name: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(name));
  const hex = Array.from(new Uint8Array(digest).slice(0, 8), (b) =>
    b.toString(16).padStart(2, '0'),
  );
  return `P${hex.join('')}`.toUpperCase();
}

/** Basic credentials as an Authorization value; UTF-8 bytes, as browsers and Grafana send them. */
export function basicAuthorization(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

function apiVersionOf(yaml: YamlFile): number {
  const v = isRecord(yaml.value) ? yaml.value.apiVersion : undefined;
  return typeof v === 'number' ? v : Number(v ?? 0) || 0;
}

interface Context {
  policy: UrlPolicy;
  defaultScrapeS: number; // seconds
  defaultOverlapS: number; // seconds
}

type Read =
  | { kind: 'datasource'; ds: Datasource }
  | { kind: 'skip'; skip: ProvisioningSkip }
  | { kind: 'error'; error: string; name: string };

async function readEntry(f: Fields, ctx: Context, notes: string[]): Promise<Read> {
  const where = f.yaml.where(f.path);
  const name = f.string('name') ?? '';
  const type = f.string('type') ?? '';
  const skip = (reason: string): Read => ({
    kind: 'skip',
    skip: { name, type, file: where, reason },
  });
  if (!name) throw f.error('name', 'is required');
  if (type !== 'prometheus') {
    return skip(
      type
        ? `type "${type}" is not served: Promscope reads Prometheus datasources only (Prometheus, Mimir, Cortex, Thanos use type "prometheus")`
        : 'type is required',
    );
  }
  const org = f.int('orgId', 'org_id') ?? 1;
  if (org !== 0 && org !== 1) return skip(`orgId ${org}: Promscope has one organisation (1)`);
  const access = f.string('access') ?? 'proxy';
  if (access !== 'proxy') {
    notes.push(`${where}: datasource "${name}": access "${access}" is served through the proxy`);
  }
  const urlKey = f.keyOf('url') ?? 'url';
  const normal = normaliseDatasourceUrl(f.string('url') ?? '');
  // Own words: the URL itself may carry credentials, which must not reach a log or answer.
  if (!normal.ok) {
    throw f.error(
      urlKey,
      'must be an http(s) URL without credentials, query or fragment (credentials go in basicAuth)',
    );
  }
  if (ctx.policy.allowed.length > 0) {
    const checked = checkDatasourceUrl(normal.url, ctx.policy);
    if (!checked.ok) return skip(checked.reason);
  }
  const uidKey = f.keyOf('uid') ?? 'uid';
  const uid = f.string('uid') || (await safeUidFromName(name));
  if (!UID.test(uid)) throw f.error(uidKey, 'must be 1 to 40 of A-Z, a-z, 0-9, "_", "-"');

  const json = f.map('jsonData', 'json_data');
  const secure = f.map('secureJsonData', 'secure_json_data');
  const seconds = (key: string, fallback: number): number => {
    const text = json.string(key);
    if (text === undefined || text === '') return fallback;
    try {
      return parseSeconds(text, key);
    } catch (e) {
      if (e instanceof ConfigError) throw json.error(key, 'must be a duration like 15s or 1m');
      throw e;
    }
  };
  const method = json.string('httpMethod')?.toUpperCase();
  if (method !== undefined && method !== '' && method !== 'GET' && method !== 'POST') {
    throw json.error('httpMethod', 'must be GET or POST');
  }
  const headers: Record<string, string> = {};
  for (const key of Object.keys(json.entry)) {
    const n = /^httpHeaderName(\d+)$/.exec(key)?.[1];
    if (n === undefined) continue;
    const header = json.string(key) ?? '';
    if (!HEADER_NAME.test(header)) throw json.error(key, 'is not a valid HTTP header name');
    if (RESERVED_HEADERS.has(header.toLowerCase())) {
      throw json.error(key, `${header} is set by the proxy and cannot be configured`);
    }
    const value = secure.string(`httpHeaderValue${n}`) ?? '';
    if (/[\r\n\0]/.test(value)) {
      throw secure.error(`httpHeaderValue${n}`, 'must not hold line breaks');
    }
    headers[header] = value;
  }
  const unsupported = UNSUPPORTED_JSON.filter((k) => json.entry[k] !== undefined);
  if (unsupported.length) {
    notes.push(`${where}: datasource "${name}": not supported, ignored: ${unsupported.join(', ')}`);
  }
  // Grafana's withCredentials makes the browser send its cookies to the datasource; here the
  // server calls the datasource and never forwards a browser's cookies, so there is nothing to
  // turn on. Said once, as a note, not an error: the rest of the entry is served as it is.
  if (f.bool('withCredentials', 'with_credentials')) {
    notes.push(
      `${where}: datasource "${name}": withCredentials has no effect: Promscope calls the datasource from the server and never forwards browser cookies`,
    );
  }
  const tls = readTls(json, secure, normal.url, (words) =>
    notes.push(`${where}: datasource "${name}": ${words}`),
  );
  let authorization: string | undefined;
  if (f.bool('basicAuth', 'basic_auth')) {
    const user = f.string('basicAuthUser', 'basic_auth_user') ?? '';
    if (!user) throw f.error('basicAuthUser', 'is required with basicAuth');
    authorization = basicAuthorization(user, secure.string('basicAuthPassword') ?? '');
  }
  const secureFields = Object.keys(secure.entry).filter((k) => secure.entry[k] !== null);
  const ds: Datasource = {
    uid,
    name,
    url: normal.url,
    isDefault: f.bool('isDefault', 'is_default') ?? false,
    scrapeIntervalS: seconds('timeInterval', ctx.defaultScrapeS),
    liveOverlapS: seconds('incrementalQueryOverlapWindow', ctx.defaultOverlapS),
    provisioned: true,
    editable: f.bool('editable') ?? false,
    source: where,
    ...(method === 'GET' || method === 'POST' ? { httpMethod: method } : {}),
    ...(authorization
      ? { authorization, basicAuthUser: f.string('basicAuthUser', 'basic_auth_user') }
      : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(secureFields.length ? { secureFields } : {}),
    ...(tls ? { tls } : {}),
  };
  return { kind: 'datasource', ds };
}

/** Every datasource file, applied in the order given (the caller sorts by file name). */
export async function readDatasourceFiles(
  yamls: readonly YamlFile[],
  env: Env,
  ctx: Context,
): Promise<DatasourceProvisioning> {
  const out: DatasourceProvisioning = {
    datasources: [],
    deleted: [],
    skipped: [],
    errors: [],
    notes: [],
  };
  for (const yaml of yamls) {
    if (!isRecord(yaml.value)) {
      if (yaml.value !== null && yaml.value !== undefined) {
        out.errors.push(`${yaml.file}: must be a map with apiVersion and datasources`);
      }
      continue;
    }
    const version = apiVersionOf(yaml);
    const expand = version >= 1 ? env : null;
    const top = new Fields(yaml, [], yaml.value, expand);
    const deletesKey = top.keyOf('deleteDatasources', 'delete_datasources') ?? 'deleteDatasources';
    asArray(yaml.value[deletesKey]).forEach((entry, i) => {
      if (!isRecord(entry)) return;
      try {
        const f = new Fields(yaml, [deletesKey, i], entry, expand);
        const name = f.string('name');
        if (!name) throw f.error('name', 'is required');
        out.deleted.push(name);
        out.datasources = out.datasources.filter((d) => d.name !== name);
      } catch (e) {
        if (e instanceof FieldError) out.errors.push(e.message);
        else throw e;
      }
    });
    const listKey = top.keyOf('datasources') ?? 'datasources';
    const list = yaml.value[listKey];
    if (list !== undefined && list !== null && !Array.isArray(list)) {
      out.errors.push(top.error(listKey, 'must be a list').message);
      continue;
    }
    for (const [i, entry] of asArray(list).entries()) {
      if (!isRecord(entry)) {
        out.errors.push(`${yaml.where([listKey, i])}: ${listKey}[${i}]: must be a map`);
        continue;
      }
      let read: Read;
      try {
        read = await readEntry(new Fields(yaml, [listKey, i], entry, expand), ctx, out.notes);
      } catch (e) {
        if (!(e instanceof FieldError)) throw e;
        read = { kind: 'error', error: e.message, name: String(entry.name ?? '') };
      }
      if (read.kind === 'skip') out.skipped.push(read.skip);
      if (read.kind === 'error') out.errors.push(read.error);
      if (read.kind !== 'datasource') continue;
      const ds = read.ds;
      // Upsert by name, as Grafana does; a uid another name holds is a conflict.
      const clash = out.datasources.find((d) => d.uid === ds.uid && d.name !== ds.name);
      if (clash) {
        out.errors.push(
          `${ds.source}: uid "${ds.uid}" is already datasource "${clash.name}"'s; skipped`,
        );
        continue;
      }
      out.datasources = out.datasources.filter((d) => d.name !== ds.name).concat(ds);
    }
  }
  // Grafana refuses a second default in one organisation; here the first stays the default.
  const defaults = out.datasources.filter((d) => d.isDefault);
  for (const extra of defaults.slice(1)) {
    extra.isDefault = false;
    out.errors.push(
      `${extra.source}: datasource "${extra.name}" is marked default, but "${defaults[0]!.name}" already is; only one datasource can be the default`,
    );
  }
  return out;
}
