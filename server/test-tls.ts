// A real Prometheus serving TLS, for the TLS datasource tests (Node unit tests and the e2e API
// spec run on Node and Deno): a throwaway CA made with openssl, a server certificate for
// 127.0.0.1 and "prometheus.test" signed by it, a client certificate signed by it for mutual
// TLS, and Debian's Prometheus with --web.config.file (tls_server_config). Nothing leaves the
// loopback interface; every file lives in a temp dir removed by stop().
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../dev/free-port.ts';
import { type RunningPrometheus, startPrometheus } from '../dev/prometheus.ts';

export interface Pems {
  ca: string;
  clientCert: string;
  clientKey: string;
  /** A second CA that signed nothing here: trusting it alone must not be enough. */
  otherCa: string;
}

export interface TlsPrometheus extends RunningPrometheus {
  pems: Pems;
  stop(): Promise<void>;
}

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A CA (ca.crt/ca.key) and, signed by it, `name`.crt/.key with the given subjectAltName. */
function makeCerts(dir: string): void {
  const ca = (name: string) =>
    openssl(
      dir,
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2'],
      ...['-keyout', `${name}.key`, '-out', `${name}.crt`, '-subj', `/CN=${name} test CA`],
    );
  ca('ca');
  ca('other-ca');
  const leaf = (name: string, ext: string) => {
    writeFileSync(join(dir, `${name}.ext`), ext);
    openssl(
      dir,
      ...['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`],
      ...['-out', `${name}.csr`, '-subj', `/CN=${name}`],
    );
    openssl(
      dir,
      ...['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key'],
      ...['-CAcreateserial', '-days', '2', '-out', `${name}.crt`, '-extfile', `${name}.ext`],
    );
  };
  leaf('server', 'subjectAltName=IP:127.0.0.1,DNS:prometheus.test\nextendedKeyUsage=serverAuth\n');
  leaf('client', 'extendedKeyUsage=clientAuth\n');
}

/**
 * Starts Prometheus on https://127.0.0.1:<free port>; with `mtls`, it refuses clients without
 * a certificate signed by the CA (RequireAndVerifyClientCert).
 */
export async function startTlsPrometheus(opts: { mtls: boolean }): Promise<TlsPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'promscope-tls-'));
  makeCerts(dir);
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const pems: Pems = {
    ca: read('ca.crt'),
    clientCert: read('client.crt'),
    clientKey: read('client.key'),
    otherCa: read('other-ca.crt'),
  };
  const webConfig = join(dir, 'web.yml');
  writeFileSync(
    webConfig,
    [
      'tls_server_config:',
      `  cert_file: ${join(dir, 'server.crt')}`,
      `  key_file: ${join(dir, 'server.key')}`,
      ...(opts.mtls
        ? [
            '  client_auth_type: RequireAndVerifyClientCert',
            `  client_ca_file: ${join(dir, 'ca.crt')}`,
          ]
        : []),
      '',
    ].join('\n'),
  );
  // Readiness asked with the CA (and the client certificate): the test's own trust.
  const ready = (url: string) =>
    new Promise<boolean>((resolve) => {
      const req = https.get(
        `${url}/-/ready`,
        { ca: pems.ca, cert: pems.clientCert, key: pems.clientKey, timeout: 2000 },
        (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        },
      );
      req.on('error', () => resolve(false));
      req.on('timeout', () => req.destroy());
    });
  try {
    const prom = await startPrometheus({
      port: await freePort(0),
      dataDir: join(dir, 'prometheus'),
      targets: [],
      web: { configFile: webConfig, ready },
    });
    return {
      ...prom,
      pems,
      async stop() {
        await prom.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
