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

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}
