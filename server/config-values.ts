// The value syntaxes of the configuration: durations, counts, sizes and Prometheus URLs, each
// refused with a ConfigError naming the setting and the form it expects.

export class ConfigError extends Error {}

/** Seconds from "15s", "1m", "500ms" or a bare number of seconds. */
export function parseSeconds(text: string, what: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new ConfigError(`${what}: "${text}" is not a duration like 15s or 1m`);
  const n = Number(m[1]);
  const factor = { ms: 0.001, s: 1, m: 60, h: 3600 }[m[2] ?? 's'] ?? 1;
  const seconds = n * factor;
  if (!(seconds > 0)) throw new ConfigError(`${what} must be positive`);
  return seconds;
}

/** A whole number from "10"; `min` is the smallest accepted. */
export function parseCount(text: string, what: string, min: number): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min) {
    throw new ConfigError(`${what}: "${text}" is not a whole number of at least ${min}`);
  }
  return Number(text);
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1000,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
};

/** Bytes from "64MiB", "500kB", "1g" or a bare number of bytes. */
export function parseBytes(text: string, what: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const factor = m ? SIZE_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || factor === undefined) {
    throw new ConfigError(`${what}: "${text}" is not a size like 64MiB or 500kB`);
  }
  return Math.floor(Number(m[1]) * factor);
}

/**
 * A Prometheus base URL. Credentials in it (`http://user:pass@host`) become a Basic
 * Authorization header kept on the server, so the URL shown to browsers never carries them.
 */
export function parseUrl(text: string, what: string): { url: string; authorization?: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`${what}: "${text}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${what}: only http and https URLs are accepted`);
  }
  if (url.search || url.hash) {
    throw new ConfigError(`${what}: the URL must not have a query or a fragment`);
  }
  const base = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  if (!url.username && !url.password) return { url: base };
  const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  const bytes = new TextEncoder().encode(pair); // RFC 7617: UTF-8, then base64
  return { url: base, authorization: `Basic ${btoa(String.fromCharCode(...bytes))}` };
}
