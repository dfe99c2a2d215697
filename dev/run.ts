// `npm run demo` after its bootstrap (scripts/demo.mjs): Prometheus, the demo service with its
// traffic, and the Promscope server in one go, on free ports. SIGINT or SIGTERM stops them
// all; Prometheus, the only child process, is waited for before this process exits.
import { join } from 'node:path';
import { DEFAULT_PORT } from '../server/config.ts';
import { nodeConfig, projectRoot, startNodeServer } from '../server/main.node.ts';
import { freePort } from './free-port.ts';
import { startDemoStack } from './stack.ts';

const SCRAPE_S = 5; // seconds

export async function runDemo(): Promise<void> {
  const base = nodeConfig([]);
  const dataDir = process.env.DATA_DIR ?? join(projectRoot(), 'data');
  const port = await freePort(process.env.PORT ? base.port : DEFAULT_PORT, base.host);
  const log = (line: string) => console.log(`  ${line}`);

  console.log('Starting the Promscope demo…');
  const stack = await startDemoStack({
    dataDir: join(dataDir, 'prometheus'),
    host: base.host,
    scrapeIntervalS: SCRAPE_S,
    extraTargets: [{ job: 'promscope', url: `http://${base.host}:${port}/metrics` }],
    log,
  });
  let server: Awaited<ReturnType<typeof startNodeServer>>;
  try {
    server = await startNodeServer(
      { ...base, port, dataDir, prometheusUrl: stack.prometheus.url, scrapeIntervalS: SCRAPE_S },
      log,
    );
  } catch (err) {
    await stack.stop();
    throw err;
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await server.close();
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // When whatever started us (npm, its shell, a terminal) is gone, nobody will send the
  // signal: notice being re-parented and stop rather than run on as an orphan.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown('parent process exited');
  }, 1000).unref();

  console.log(`
  Promscope demo is running. Open ${server.url}/

    Promscope   ${server.url}
    Prometheus  ${stack.prometheus.url} (scrapes every ${SCRAPE_S}s; data in ${join(dataDir, 'prometheus')})
    Demo app    ${stack.service.url}

  Panels fill in within about 30 seconds. Press Ctrl+C to stop everything.
`);
}
