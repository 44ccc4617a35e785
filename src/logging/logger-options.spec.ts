import type { IncomingMessage } from 'node:http';
import { requestLine } from './logger-options';

/** A request as pino-http hands it over, after Express has set originalUrl. */
function request(headers: Record<string, string>) {
  const req = {
    id: 7,
    method: 'GET',
    url: '/graphql?query=x',
    originalUrl: '/graphql?query=%7B%20brands%20%7D&operationName=Page',
    headers,
    socket: { remoteAddress: '127.0.0.1', remotePort: 5000 },
  };
  // Express parses the query string again on every read: a log line must not.
  Object.defineProperty(req, 'query', {
    get() {
      throw new Error('req.query read');
    },
  });
  return req as unknown as IncomingMessage;
}

describe('requestLine', () => {
  it('logs the standard fields with the query values and credential headers redacted', () => {
    const line = requestLine(
      request({
        authorization: 'Bearer secret-token',
        'x-api-key': 'key-secret',
        cookie: 'session=cookie-secret',
        'user-agent': 'curl/8',
      }),
    );
    expect(line).toEqual({
      id: 7,
      method: 'GET',
      url: '/graphql?query=[Redacted]&operationName=Page',
      headers: {
        authorization: '[Redacted]',
        'x-api-key': '[Redacted]',
        cookie: '[Redacted]',
        'user-agent': 'curl/8',
      },
      remoteAddress: '127.0.0.1',
      remotePort: 5000,
    });
  });

  it('leaves the request’s own headers object untouched', () => {
    const headers = { authorization: 'Bearer secret-token', accept: '*/*' };
    requestLine(request(headers));
    expect(headers.authorization).toBe('Bearer secret-token');
    const plain = { accept: '*/*' };
    expect(requestLine(request(plain)).headers).toEqual(plain);
  });
});
