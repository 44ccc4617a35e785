import { Injectable, type INestApplication, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

/**
 * How long sockets idle between requests stay open once shutdown began: a
 * keep-alive client may already be sending its next request on one. That
 * request is answered, with `Connection: close`, instead of being reset.
 */
const IDLE_GRACE_MS = 1_000;

/**
 * Closes HTTP without resetting keep-alive clients: stop accepting
 * connections; answer every response from now on with `Connection: close`,
 * after which Node ends its socket; after a short grace, close the sockets
 * still idle. Node's own server.close(), and Apollo's drain that Nest runs
 * among the module-destroy hooks, close idle sockets at once and end busy
 * ones after their answer without telling the client: a keep-alive client
 * sending its next request right then got ECONNRESET. So closeApp() drains
 * first, then lets Nest close the rest.
 */
@Injectable()
export class HttpDrain implements OnApplicationBootstrap {
  private closing = false;
  private readonly unsent = new Set<ServerResponse>();

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  private get server(): Server {
    return this.adapterHost.httpAdapter.getHttpServer() as Server;
  }

  onApplicationBootstrap(): void {
    this.server.prependListener('request', (_req, res: ServerResponse) => {
      if (this.closing) {
        res.shouldKeepAlive = false;
        return;
      }
      this.unsent.add(res);
      const sent = () => this.unsent.delete(res);
      res.once('finish', sent);
      res.once('close', sent);
    });
  }

  async drain(): Promise<void> {
    this.closing = true;
    for (const res of this.unsent) {
      if (!res.headersSent) res.shouldKeepAlive = false;
    }
    const server = this.server;
    if (!server.listening) return;
    // net's close: stop listening, keep the open sockets; done once they are all closed.
    const closed = new Promise<void>((resolve) =>
      NetServer.prototype.close.call(server, () => resolve()),
    );
    const open = await new Promise<number>((resolve) =>
      server.getConnections((_error, count) => resolve(count ?? 0)),
    );
    if (open > 0) {
      await new Promise((resolve) => setTimeout(resolve, IDLE_GRACE_MS).unref());
      server.closeIdleConnections();
    }
    await closed;
  }
}

/** Drains HTTP (requests in flight finish, on a live database pool), then closes the app. */
export async function closeApp(app: INestApplication): Promise<void> {
  await app.get(HttpDrain).drain();
  await app.close();
}
