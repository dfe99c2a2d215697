// The floor of bench part 1: the least a proxy written in Node can do. node:http in, node:http
// out over a keep-alive Agent, the status, headers and body piped through untouched (gzip
// stays gzip), nothing checked, shared or counted. Run as its own process, as the Promscope
// server is: `node floor-proxy.js <upstream URL>` prints the URL it listens on. Its overhead
// over direct is what this machine charges any Node proxy; Promscope's own work is the rest.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const upstream = new URL(process.argv[2] ?? 'http://127.0.0.1:9090');
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

const server = http.createServer((req, res) => {
  const headers: http.OutgoingHttpHeaders = { host: upstream.host };
  for (const name of ['accept', 'accept-encoding', 'content-type', 'content-length']) {
    if (req.headers[name] !== undefined) headers[name] = req.headers[name];
  }
  const call = http.request(
    {
      host: upstream.hostname,
      port: upstream.port,
      path: req.url,
      method: req.method,
      headers,
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  call.on('error', () => res.destroy());
  req.pipe(call);
});
server.keepAliveTimeout = 60_000; // ms: the load generator keeps its sockets
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
