/**
 * The console's HTTP server: Next.js behind a plain Node server that tells the app, in headers
 * it overwrites on every request, the client's address and whether it came over HTTPS. Next's
 * own server passes a client-supplied `X-Forwarded-For` through untouched, so only here is the
 * socket's address still known; sign-in throttling uses it (lib/auth/client-address.ts).
 *
 *   tsx scripts/server.ts [--dev] [-p PORT] [-H HOST]
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { parseArgs } from 'node:util';
import next from 'next';
import { CLIENT_ADDRESS_HEADER, CLIENT_PROTO_HEADER, resolveClientAddress, trustedProxyHops } from '../lib/auth/client-address';

const { values } = parseArgs({
  options: { dev: { type: 'boolean', default: false }, port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const dev = values.dev ?? false;
const port = Number(values.port ?? process.env.PORT ?? '3000');
const hostname = values.hostname;
const hops = trustedProxyHops();

function clientProto(req: IncomingMessage): 'https' | 'http' {
  if ((req.socket as TLSSocket).encrypted) return 'https';
  if (hops === 0) return 'http';
  const forwarded = req.headers['x-forwarded-proto'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').pop()?.trim();
  return last === 'https' ? 'https' : 'http';
}

const server = createServer();
const app = next({ dev, port, hostname, httpServer: server, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();
server.on('request', (req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress({
    socketAddress: req.socket.remoteAddress,
    forwardedFor: req.headers['x-forwarded-for'],
    trustedHops: hops,
  });
  req.headers[CLIENT_PROTO_HEADER] = clientProto(req);
  void handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`[server] ready on http://${hostname ?? 'localhost'}:${port}${hops ? ` (trusting ${hops} proxy hop${hops > 1 ? 's' : ''} of X-Forwarded-For)` : ''}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
