import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Lookup, OutboundPolicy } from './outbound-address';
import { CONNECTION_FAILED, MAX_REDIRECTS, sendWebhook } from './webhook-sender';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

interface Receiver {
  port: number;
  received: { url: string; host: string; body: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that answers with `handler`. */
async function receiver(handler: Handler): Promise<Receiver> {
  const received: Receiver['received'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({
        url: req.url ?? '',
        host: req.headers.host ?? '',
        body,
        headers: req.headers,
      });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const LOOPBACK_ALLOWED: OutboundPolicy = {
  allowHttp: true,
  allowPrivateHosts: false,
  allowedHosts: ['127.0.0.1'],
  allowedPorts: [443, 80],
};
const BODY = JSON.stringify({ id: 'evt-1', type: 'faq.published' });
const send = (url: string, policy = LOOPBACK_ALLOWED, timeoutMs = 2000, lookup?: Lookup) =>
  sendWebhook(url, BODY, { 'x-webhook-id': 'evt-1' }, { policy, timeoutMs, lookup });

describe('sendWebhook (real HTTP on loopback)', () => {
  const open: Receiver[] = [];
  const start = async (handler: Handler) => {
    const r = await receiver(handler);
    open.push(r);
    return r;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
  });

  it('POSTs the exact body with the given headers; 2xx is success', async () => {
    const r = await start((_req, res) => res.writeHead(204).end());
    const result = await send(`http://127.0.0.1:${r.port}/hook?x=1`);
    expect(result).toEqual({ ok: true, statusCode: 204, error: null });
    expect(r.received).toHaveLength(1);
    expect(r.received[0]).toMatchObject({ url: '/hook?x=1', body: BODY });
    expect(r.received[0].headers).toMatchObject({
      'x-webhook-id': 'evt-1',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(BODY)),
    });
  });

  it('reports a 500 as a failure with its status', async () => {
    const r = await start((_req, res) => res.writeHead(500).end('boom'));
    expect(await send(`http://127.0.0.1:${r.port}/`)).toEqual({
      ok: false,
      statusCode: 500,
      error: 'receiver answered HTTP 500',
    });
  });

  it('gives up on a receiver that never answers, within the timeout, in the same words as any connection failure', async () => {
    const r = await start(() => undefined); // never responds
    const result = await send(`http://127.0.0.1:${r.port}/`, LOOPBACK_ALLOWED, 300);
    expect(result).toEqual({ ok: false, statusCode: null, error: CONNECTION_FAILED });
  });

  it('reports a receiver that closes the connection', async () => {
    const r = await start((req) => req.socket.destroy());
    expect(await send(`http://127.0.0.1:${r.port}/`)).toEqual({
      ok: false,
      statusCode: null,
      error: CONNECTION_FAILED,
    });
  });

  it('reports a receiver that is down', async () => {
    const r = await start(() => undefined);
    await r.close();
    expect((await send(`http://127.0.0.1:${r.port}/`)).error).toBe(CONNECTION_FAILED);
  });

  it('follows redirects with the same POST body, each hop checked', async () => {
    const target = await start((_req, res) => res.writeHead(200).end());
    const first = await start((_req, res) =>
      res.writeHead(307, { location: `http://127.0.0.1:${target.port}/final` }).end(),
    );
    expect(await send(`http://127.0.0.1:${first.port}/start`)).toMatchObject({
      ok: true,
      statusCode: 200,
    });
    expect(target.received).toEqual([expect.objectContaining({ url: '/final', body: BODY })]);
  });

  it('refuses a redirect to a private host that is not allow-listed, and never connects', async () => {
    const target = await start((_req, res) => res.writeHead(200).end());
    const first = await start((_req, res) =>
      res.writeHead(302, { location: `http://localhost:${target.port}/internal` }).end(),
    );
    const policy = { ...LOOPBACK_ALLOWED, allowedPorts: [target.port] };
    const result = await send(`http://127.0.0.1:${first.port}/`, policy);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(
      /^refused: host localhost resolves to a private or reserved address/,
    );
    expect(target.received).toHaveLength(0);
  });

  it('refuses a redirect to another scheme', async () => {
    const first = await start((_req, res) =>
      res.writeHead(301, { location: 'file:///etc/passwd' }).end(),
    );
    expect(await send(`http://127.0.0.1:${first.port}/`)).toEqual({
      ok: false,
      statusCode: null,
      error: 'refused: must start with https:// or http://',
    });
  });

  it(`stops after ${MAX_REDIRECTS} redirects`, async () => {
    const loop: Receiver = await start((_req, res) =>
      res.writeHead(308, { location: `http://127.0.0.1:${loop.port}/again` }).end(),
    );
    expect(await send(`http://127.0.0.1:${loop.port}/`)).toEqual({
      ok: false,
      statusCode: null,
      error: `more than ${MAX_REDIRECTS} redirects`,
    });
    expect(loop.received).toHaveLength(MAX_REDIRECTS + 1);
  });

  it('refuses a private address without an exemption, and never connects', async () => {
    const r = await start((_req, res) => res.writeHead(200).end());
    const strict: OutboundPolicy = {
      allowHttp: true,
      allowPrivateHosts: false,
      allowedHosts: [],
      allowedPorts: [443, 80],
    };
    const result = await send(`http://127.0.0.1:${r.port}/`, strict);
    expect(result.error).toBe('refused: points at a private or reserved address (127.0.0.1)');
    expect(r.received).toHaveLength(0);
  });

  it('connects to the address it checked, never re-resolving the name', async () => {
    const r = await start((_req, res) => res.writeHead(200).end());
    let lookups = 0;
    // `.invalid` never resolves in real DNS (RFC 2606): the only way to reach
    // the receiver is the address this lookup returned and the check passed.
    const lookup: Lookup = async () => {
      lookups += 1;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const policy = { ...LOOPBACK_ALLOWED, allowedHosts: ['hooks.invalid'] };
    const result = await send(`http://hooks.invalid:${r.port}/x`, policy, 2000, lookup);
    expect(result).toMatchObject({ ok: true, statusCode: 200 });
    expect(lookups).toBe(1);
    expect(r.received[0].host).toBe(`hooks.invalid:${r.port}`);
  });
});
