import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ReceiverMode = 'ok' | 'fail' | 'hang' | 'close' | 'hold';

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  /** The raw body, exactly as received (what the signature covers). */
  body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1. It can answer 2xx, answer 500, never
 * answer, close the connection, or hold its answers until `release()`;
 * `down()` stops listening (connections are refused) and `up()` listens
 * again on the same port.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  mode: ReceiverMode = 'ok';
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;
  /** Connections accepted, answered or not. */
  connections = 0;
  /** Requests waiting for their answer in `hold` mode. */
  readonly holding: { received: ReceivedWebhook; res: http.ServerResponse }[] = [];

  static async start(mode: ReceiverMode = 'ok'): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.mode = mode;
    await receiver.up();
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/cms`;
  }

  async up(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        switch (this.mode) {
          case 'ok':
            this.received.push({ headers: req.headers, body });
            res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
            return;
          case 'fail':
            res.writeHead(500).end('down for maintenance');
            return;
          case 'close':
            req.socket.destroy();
            return;
          case 'hang':
            return; // never answers
          case 'hold':
            this.holding.push({ received: { headers: req.headers, body }, res });
            return;
        }
      });
    });
    server.on('connection', (socket) => {
      this.connections += 1;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and drops open connections: senders get "connection refused". */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answers the held requests (2xx, in order) and every later one (mode `ok`). */
  release(): void {
    this.mode = 'ok';
    for (const { received, res } of this.holding.splice(0)) {
      this.received.push(received);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    }
  }

  /** The distinct event ids received, in order of first arrival. */
  eventIds(): string[] {
    return [...new Set(this.received.map((r) => r.headers['x-webhook-id'] as string))];
  }
}
