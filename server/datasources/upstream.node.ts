// The proxy's upstream client on Node: node:http (node:https) over keep-alive sockets.
// Node's global fetch (undici) spends about a millisecond of CPU per call on its own
// machinery, more than Prometheus takes for a light query; node:http does the same exchange
// for a fraction of that. Same contract as fetchUpstream (upstream.ts): no redirect followed,
// only the headers given, the body as the upstream sent it, the signal aborting the call at
// any point, before the answer or in the middle of its body. A datasource with TLS settings
// (provisioning's tlsCACert, client certificate, tlsSkipVerify, serverName) gets a keep-alive
// pool of its own: node:https keys its sockets by those options anyway, and one agent per
// settings object keeps the PEM texts out of every call's options.
import http from 'node:http';
import https from 'node:https';
import type { Upstream, UpstreamTls } from '../deps.ts';

/** Statuses whose Response may not have a body. */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** A body stream that reads from `res` only as fast as its reader takes chunks. */
function bodyStream(res: http.IncomingMessage): ReadableStream<Uint8Array> {
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(ctrl) {
        const fail = (err: Error) => {
          if (done) return;
          done = true;
          ctrl.error(err);
        };
        res.on('data', (chunk: Buffer) => {
          if (done) return;
          ctrl.enqueue(chunk);
          if ((ctrl.desiredSize ?? 0) <= 0) res.pause();
        });
        res.on('end', () => {
          if (done) return;
          done = true;
          ctrl.close();
        });
        // The upstream dying mid-answer ("Error: aborted", ECONNRESET) is this answer's
        // error, for its reader; never an unhandled 'error' event.
        res.on('error', fail);
        res.on('close', () => {
          if (!res.complete) fail(new Error('the connection closed before the answer ended'));
        });
      },
      pull() {
        res.resume();
      },
      cancel() {
        done = true;
        res.destroy();
      },
    },
    { highWaterMark: 16 }, // chunks read ahead of the reader
  );
}

export interface NodeUpstream {
  upstream: Upstream;
  /** Closes the idle keep-alive sockets (server shutdown, tests). */
  close(): void;
}

/**
 * `maxSockets` per upstream host: the limiter (limiter.ts) bounds calls per datasource
 * already, so this only caps what several datasources on one host could open.
 */
export function nodeUpstream(maxSockets = 256): NodeUpstream {
  const options = { keepAlive: true, maxSockets, scheduling: 'lifo' as const };
  const agents = { http: new http.Agent(options), https: new https.Agent(options) };
  // Datasources live as long as the server; their TLS objects are few and never replaced.
  const tlsAgents = new Map<UpstreamTls, https.Agent>();
  const httpsAgent = (tls: UpstreamTls | undefined): https.Agent => {
    if (!tls) return agents.https;
    let agent = tlsAgents.get(tls);
    if (!agent) {
      agent = new https.Agent({
        ...options,
        // Only the datasource's own authority, as Grafana's RootCAs: not the system's as well.
        ...(tls.caCert ? { ca: tls.caCert } : {}),
        ...(tls.clientCert ? { cert: tls.clientCert, key: tls.clientKey } : {}),
        // serverName: the SNI sent, and the name the certificate is checked against (tls.connect
        // checks the servername when there is one), as Go's tls.Config.ServerName.
        ...(tls.serverName ? { servername: tls.serverName } : {}),
        rejectUnauthorized: !tls.skipVerify,
      });
      tlsAgents.set(tls, agent);
    }
    return agent;
  };
  const upstream: Upstream = (url, init) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const headers: Record<string, string> = { ...init.headers };
      if (init.body) headers['Content-Length'] = String(init.body.byteLength);
      const req = (secure ? https : http).request(target, {
        method: init.method,
        headers,
        agent: secure ? httpsAgent(init.tls) : agents.http,
        signal: init.signal,
      });
      req.on('error', reject); // once answered, errors reach the body stream instead
      req.on('response', (res) => {
        const out = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) out.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const status = res.statusCode ?? 502;
        if (NULL_BODY.has(status)) res.resume();
        resolve(
          new Response(NULL_BODY.has(status) ? null : bodyStream(res), { status, headers: out }),
        );
      });
      req.end(init.body);
    });
  return {
    upstream,
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
      for (const agent of tlsAgents.values()) agent.destroy();
    },
  };
}
