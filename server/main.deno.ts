// Deno entry point: the only file that knows about Deno's HTTP server (its files: files.deno.ts).
// Run with `deno task start` (see deno.json); npm dependencies come from node_modules.
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { loadConfig, startupNotes } from './config.ts';
import { helpText } from './config-flags.ts';
import { ConfigError } from './config-values.ts';
import { fetchUpstream } from './datasources/upstream.ts';
import type { RequestEnv, UpstreamTls } from './deps.ts';
import { denoFiles } from './files.deno.ts';
import { checkDataDir } from './storage.ts';
import { VERSION } from './version.ts';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

function config(): Config {
  return loadConfig(Deno.env.toObject(), Deno.args, {
    dataDir: `${root}/data`,
    dashboardsDir: `${root}/dashboards`,
    webDir: `${root}/dist/web`,
  });
}

if (Deno.args.includes('--help')) {
  console.log(helpText());
  Deno.exit(0);
}
let cfg: Config;
try {
  cfg = config();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`promscope: ${err.message}`);
  Deno.exit(2);
}
// A datasource's TLS settings as a Deno.HttpClient of its own, made at its first call and kept:
// the datasource's CA in addition to the system's, and its client certificate for mutual TLS.
const tlsClients = new Map<UpstreamTls, Deno.HttpClient>();
function tlsClient(tls: UpstreamTls): Deno.HttpClient {
  let client = tlsClients.get(tls);
  if (!client) {
    const caCerts = tls.caCert ? [tls.caCert] : [];
    client =
      tls.clientCert && tls.clientKey
        ? Deno.createHttpClient({ caCerts, cert: tls.clientCert, key: tls.clientKey })
        : Deno.createHttpClient({ caCerts });
    tlsClients.set(tls, client);
  }
  return client;
}

const { app, registry } = await createApp(cfg, {
  files: denoFiles,
  log: console.error,
  env: Deno.env.toObject(),
  upstream: fetchUpstream(fetch, tlsClient),
});
// Deno's fetch has no per-client switch for these two: said at start, not found out later.
for (const ds of registry.list()) {
  if (ds.tls?.skipVerify) {
    console.error(
      `promscope: datasource "${ds.name}": tlsSkipVerify needs deno run --unsafely-ignore-certificate-errors=${new URL(ds.url).hostname} on Deno (its fetch has no per-datasource switch)`,
    );
  }
  if (ds.tls?.serverName) {
    console.error(
      `promscope: datasource "${ds.name}": serverName is not applied on Deno (its fetch checks the URL's host name); use a URL with that name, or Node`,
    );
  }
}
const problem = await checkDataDir(denoFiles, cfg.dataDir);
if (problem) console.error(`promscope: ${problem}`);
const server = Deno.serve(
  {
    hostname: cfg.host,
    port: cfg.port,
    onListen: ({ hostname, port }) => {
      const host = hostname.includes(':') ? `[${hostname}]` : hostname;
      console.log(
        `Promscope ${VERSION} on Deno: http://${host}:${port} (datasource ${cfg.prometheusUrl})`,
      );
      for (const note of startupNotes(cfg)) console.log(note);
    },
  },
  // Deno's Request URL keeps the raw target (dot segments and all), so only the address.
  (req, info) =>
    app.fetch(req, {
      remoteAddr: (info.remoteAddr as Deno.NetAddr).hostname,
    } satisfies RequestEnv),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  Deno.addSignalListener(signal, () => void server.shutdown().then(() => Deno.exit(0)));
}
