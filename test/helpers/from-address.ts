import { randomInt } from 'node:crypto';
import { request } from 'node:http';
import type { GraphqlResponse, TestApp } from './test-app';

/**
 * A loopback address of its own (Linux answers the whole 127.0.0.0/8), so
 * per-address limits see a client no other spec uses.
 */
export const newLoopbackAddress = (): string =>
  `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

/** A GraphQL POST to the app sent from `localAddress`, which the app sees as req.ip. */
export function graphqlFrom<T = any>(
  app: TestApp,
  localAddress: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<T>> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      `${app.url}/graphql`,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
          } catch {
            reject(
              new Error(`/graphql answered ${res.statusCode} with non-JSON: ${text.slice(0, 200)}`),
            );
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
