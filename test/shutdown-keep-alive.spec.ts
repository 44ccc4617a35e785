import http from 'node:http';
import { closeApp } from '../src/http-drain';
import { startTestApp } from './helpers/test-app';

interface Outcome {
  answered: number;
  /** Errors other than a refused new connection (the server has stopped listening). */
  resets: string[];
  lastConnectionHeader: string | undefined;
}

/** One keep-alive client sending GraphQL requests back to back until the server is gone. */
async function client(url: string, agent: http.Agent, outcome: Outcome, started: () => void) {
  const body = JSON.stringify({ query: '{ brands { slug name } }' });
  for (;;) {
    try {
      const connection = await new Promise<string | undefined>((resolve, reject) => {
        const request = http.request(
          `${url}/graphql`,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.headers.connection));
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end(body);
      });
      outcome.answered += 1;
      outcome.lastConnectionHeader = connection;
      started();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      if (code !== 'ECONNREFUSED') outcome.resets.push(code);
      return;
    }
  }
}

describe('shutdown with keep-alive clients', () => {
  it('closes without resetting a connection: in-flight requests finish, the rest are refused', async () => {
    const app = await startTestApp();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const outcomes: Outcome[] = Array.from({ length: 8 }, () => ({
      answered: 0,
      resets: [],
      lastConnectionHeader: undefined,
    }));
    let answered = 0;
    let warmedUp!: () => void;
    const warm = new Promise<void>((resolve) => (warmedUp = resolve));
    const clients = outcomes.map((outcome) =>
      client(app.url, agent, outcome, () => {
        if (++answered === 40) warmedUp();
      }),
    );
    await warm;
    // closeApp itself: TestApp.close() would first close the idle sockets.
    await closeApp(app.app);
    await Promise.all(clients);
    agent.destroy();

    expect(outcomes.flatMap((outcome) => outcome.resets)).toEqual([]);
    expect(outcomes.every((outcome) => outcome.answered > 0)).toBe(true);
    // The last answer on each connection told the client not to reuse it.
    expect(outcomes.map((outcome) => outcome.lastConnectionHeader)).toEqual(
      outcomes.map(() => 'close'),
    );
  });
});
