import { startTestApp, TestApp } from './helpers/test-app';

describe('health endpoints', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('GET /health/live answers 200 {status: ok}', async () => {
    const response = await fetch(`${app.url}/health/live`);
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ status: 'ok' });
  });

  it('GET /health/ready answers 200 when PostgreSQL answers', async () => {
    const response = await fetch(`${app.url}/health/ready`);
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' } },
    });
  });

  describe('when the database is gone', () => {
    let broken: TestApp;
    beforeAll(async () => {
      broken = await startTestApp();
      await broken.dataSource.destroy();
    });
    afterAll(() => broken.close());

    it('GET /health/ready answers 503 naming the database', async () => {
      const response = await fetch(`${broken.url}/health/ready`);
      expect(response.status).toBe(503);
      await expect(response.json()).resolves.toMatchObject({
        status: 'error',
        error: { database: { status: 'down' } },
      });
    });

    it('GET /health/live still answers 200', async () => {
      const response = await fetch(`${broken.url}/health/live`);
      expect(response.status).toBe(200);
    });
  });
});
