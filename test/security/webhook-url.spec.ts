import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config/app-config';
import { sendWebhook } from '../../src/webhooks/webhook-sender';
import { createScratchBrand, ScratchBrand } from '../helpers/scratch-brand';
import { startTestApp, TestApp } from '../helpers/test-app';

const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { endpoint { id url } }
}`;
const SUBSCRIPTIONS = [{ type: 'FAQ', actions: ['PUBLISHED'] }];

/** Issue 9, item 13: webhook URLs as a way into the network the API runs in. */
describe('security: webhook URLs', () => {
  let app: TestApp;
  let brand: ScratchBrand;

  beforeAll(async () => {
    app = await startTestApp(); // production defaults: no private hosts, https only
    brand = await createScratchBrand(app, 1);
  });
  afterAll(() => app.close());

  const register = (url: string) =>
    app.graphql(CREATE, { input: { url, subscriptions: SUBSCRIPTIONS } }, brand.admin.headers);

  it.each([
    'https://[::127.0.0.1]/', // IPv4-compatible loopback (URL parsing writes [::7f00:1])
    'https://[::169.254.169.254]/latest/meta-data/', // IPv4-compatible metadata service
    'https://[::10.0.0.1]/',
    'https://[::ffff:127.0.0.1]/', // IPv4-mapped
    'https://[64:ff9b::10.0.0.1]/', // NAT64
    'https://[64:ff9b:1::a00:1]/', // local-use NAT64
  ])('refuses %s, an IPv6 form of a private IPv4 address', async (url) => {
    const { body } = await register(url);
    expect(body.data).toBeNull();
    expect(body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0].message).toMatch(/private or reserved address/);
  });

  it.each([
    'https://93.184.215.14:22/',
    'https://93.184.215.14:6379/',
    'http://93.184.215.14:8080/',
  ])('refuses %s: a public host, but not a web port', async (url) => {
    const { body } = await register(url);
    expect(body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('accepts a public address on 443', async () => {
    const { body } = await register('https://93.184.215.14/hook');
    expect(body.errors).toBeUndefined();
    expect(body.data.createWebhookEndpoint.endpoint.url).toBe('https://93.184.215.14/hook');
  });

  it('reports refused, silent and resetting receivers in the same words (no port scanner)', async () => {
    const servers: http.Server[] = [];
    const listen = async (handler: http.RequestListener) => {
      const server = http.createServer(handler);
      servers.push(server);
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      return (server.address() as AddressInfo).port;
    };
    try {
      const closed = await listen(() => undefined);
      await new Promise((done) => servers.pop()!.close(done));
      const silent = await listen(() => undefined);
      const reset = await listen((req) => req.socket.destroy());
      const policy = {
        allowHttp: true,
        allowPrivateHosts: false,
        allowedHosts: ['127.0.0.1'],
        allowedPorts: [443, 80],
      };
      const errors = await Promise.all(
        [closed, silent, reset].map(
          async (port) =>
            (await sendWebhook(`http://127.0.0.1:${port}/`, '{}', {}, { policy, timeoutMs: 500 }))
              .error,
        ),
      );
      expect(new Set(errors).size).toBe(1);
      expect(errors[0]).toMatch(/^connection failed/);
    } finally {
      servers.forEach((server) => server.closeAllConnections());
      await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
    }
  });

  it.each([['WEBHOOK_ALLOW_HTTP'], ['WEBHOOK_ALLOW_PRIVATE_HOSTS']])(
    'refuses to start in production with %s unless a second switch says so',
    (name) => {
      expect(() => loadConfig({ NODE_ENV: 'production', [name]: 'true' })).toThrow(
        new RegExp(`^${name} must not be on in production`),
      );
      expect(
        loadConfig({ NODE_ENV: 'production', [name]: 'true', WEBHOOK_UNSAFE_IN_PRODUCTION: 'true' })
          .nodeEnv,
      ).toBe('production');
      expect(loadConfig({ NODE_ENV: 'development', [name]: 'true' }).nodeEnv).toBe('development');
    },
  );
});
