// Which hosts the server treats as its own: loopback, IP literals, and the names in
// ALLOWED_HOSTS (the Host check against DNS rebinding, security.ts hostGuard).
import { ConfigError } from './config-values.ts';

/** Whether `host` is an IP address literal (v4, or v6 with or without brackets). */
export function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || /^\[?[0-9a-f:.]*:[0-9a-f:.]*\]?$/i.test(host);
}

/**
 * The Host names this server answers to: the loopback names, HOST itself when it is a name,
 * and ALLOWED_HOSTS. A browser tricked by DNS rebinding sends the attacker's name, so any
 * name not listed is refused; IP literals cannot be rebound and are always admitted.
 */
export function allowedHosts(host: string, listed: string | undefined): string[] {
  const extra = (listed ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const name of extra) {
    if (name !== '*' && !/^(?:\*\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(name)) {
      throw new ConfigError(`ALLOWED_HOSTS: "${name}" is not a host name like example.com`);
    }
  }
  if (extra.includes('*')) return ['*'];
  const names = ['localhost', ...extra];
  const own = host.toLowerCase();
  if (!isIpLiteral(own) && own !== '') names.push(own);
  return [...new Set(names)];
}

/** An IPv4 octet in decimal, without the leading zeros that some parsers read as octal. */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const LOOPBACK_V4 = new RegExp(`^127(?:\\.${OCTET}){3}$`);

/**
 * Whether listening on HOST reaches this machine only. Strict, since a wrong "yes" opens the
 * datasource URL policy: `localhost`, a dotted-quad address in 127.0.0.0/8, or ::1 in any
 * spelling (`[::1]`, `0:0:0:0:0:0:0:1`, `::0:1`, and ::ffff:127.x.x.x). A name such as
 * `127.evil.example` is not: DNS may resolve it to anything, an outside address included.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || LOOPBACK_V4.test(h)) return true;
  const bare = h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
  // Only hex digits, colons and the dots of an IPv4 tail: an IPv6 literal, no zone or name.
  if (!bare.includes(':') || !/^[0-9a-f:.]+$/.test(bare)) return false;
  let canonical: string;
  try {
    // The URL parser writes an IPv6 address in its one canonical form (RFC 5952).
    canonical = new URL(`http://[${bare}]/`).hostname;
  } catch {
    return false;
  }
  return canonical === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(canonical);
}
