// A scrape target for the e2e Prometheus that exposes hostile text: label values and HELP
// carrying markup, a script end tag and javascript: URLs, so the XSS spec sees them come back
// through the real Prometheus (2.42 accepts any UTF-8 in label values and help; metric and
// label names are held to [a-zA-Z_:][a-zA-Z0-9_:]* by Prometheus itself).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Each payload sets window.__xss to its own number if it ever runs. */
export const HOSTILE = {
  img: '<img src=x onerror=window.__xss=11>',
  script: '</script><script>window.__xss=12</script>',
  link: 'javascript:window.__xss=13',
  help: '<img src=x onerror=window.__xss=14> </script><script>window.__xss=15</script>',
} as const;

export const HOSTILE_METRIC = 'e2e_hostile_info';

/** Exposition format escaping: backslash, double quote and newline in label values. */
const label = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function hostileExposition(): string {
  return [
    `# HELP ${HOSTILE_METRIC} ${HOSTILE.help}`,
    `# TYPE ${HOSTILE_METRIC} gauge`,
    `${HOSTILE_METRIC}{payload="${label(HOSTILE.img)}",kind="img"} 1`,
    `${HOSTILE_METRIC}{payload="${label(HOSTILE.script)}",kind="script"} 2`,
    `${HOSTILE_METRIC}{payload="${label(HOSTILE.link)}",kind="link"} 3`,
    '',
  ].join('\n');
}

export interface HostileTarget {
  url: string; // the /metrics URL to scrape
  stop(): Promise<void>;
}

export function startHostileTarget(): Promise<HostileTarget> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(hostileExposition());
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/metrics`,
        stop: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
