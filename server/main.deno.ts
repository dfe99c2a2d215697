// Deno entry point: the only file that knows about Deno's file system and HTTP server.
// Run with `deno task start` (see deno.json); npm dependencies come from node_modules.
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { helpText, loadConfig, startupNotes } from './config.ts';
import { ConfigError } from './config-values.ts';
import { fetchUpstream } from './datasources/upstream.ts';
import type { FileSystem, RequestEnv, UpstreamTls } from './deps.ts';
import { checkDataDir } from './storage.ts';
import { VERSION } from './version.ts';

// A path under a regular file (ENOTDIR) does not exist either, nor a name too long for the
// file system (ENAMETOOLONG), as on Node.
const notFound = (err: unknown) => {
  const code = (err as { code?: string }).code;
  return err instanceof Deno.errors.NotFound || code === 'ENOTDIR' || code === 'ENAMETOOLONG';
};

const denoFiles: FileSystem = {
  async readFile(path) {
    try {
      return await Deno.readFile(path);
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  },
  async readDir(path) {
    try {
      const names: string[] = [];
      for await (const entry of Deno.readDir(path)) names.push(entry.name);
      return names;
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  },
  async writeFileAtomic(path, data) {
    const dir = path.slice(0, Math.max(path.lastIndexOf('/'), 0)) || '.';
    await Deno.mkdir(dir, { recursive: true });
    const tmp = `${path}.tmp-${Deno.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      const file = await Deno.open(tmp, { write: true, create: true, truncate: true, mode: 0o644 });
      try {
        // write() may take only part of the bytes; the rest goes in further calls.
        const bytes = new TextEncoder().encode(data);
        for (let at = 0; at < bytes.length; ) at += await file.write(bytes.subarray(at));
        await file.sync();
      } finally {
        file.close();
      }
      await Deno.rename(tmp, path);
    } catch (err) {
      await Deno.remove(tmp).catch(() => undefined);
      throw err;
    }
    // The rename itself is durable only once the directory entry is on disk.
    const dh = await Deno.open(dir, { read: true });
    try {
      await dh.sync();
    } finally {
      dh.close();
    }
  },
  async remove(path) {
    try {
      await Deno.remove(path);
    } catch (err) {
      if (!notFound(err)) throw err;
    }
  },
  async stamp(path) {
    try {
      const s = await Deno.stat(path);
      // A save renames a new file in: a new inode, whatever its size and mtime.
      return `${s.ino}:${s.size}:${s.mtime?.getTime()}`;
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  },
};

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
