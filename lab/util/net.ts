/** Loopback helpers shared by the lab's servers: every one binds 127.0.0.1 on an ephemeral port. */
import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';

/** Listens on 127.0.0.1 at a port the OS picks; returns the server's base URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes a server now, open keep-alive connections included. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A free TCP port on 127.0.0.1, for servers (like Prometheus) that cannot report an ephemeral one. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
