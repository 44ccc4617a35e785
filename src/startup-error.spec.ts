import { loadConfig } from './config/app-config';
import { prepareDatabase } from './database/prepare-database';
import { describeStartupError, StartupError } from './startup-error';

const errno = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${code} happened`), { code, ...extra });

describe('describeStartupError', () => {
  const databaseUrl = 'postgres://nobody:secret@127.0.0.1:1/x';

  it('names the PostgreSQL server for a refused connection, without its password', () => {
    const message = describeStartupError(errno('ECONNREFUSED'), {
      databaseUrl,
    });
    expect(message).toBe(
      'Cannot reach PostgreSQL at 127.0.0.1:1 (connection refused): start it or fix DATABASE_URL',
    );
    expect(message).not.toContain('secret');
  });

  it('reads the code of an AggregateError (localhost tried on IPv4 and IPv6)', () => {
    const error = new AggregateError([errno('ECONNREFUSED'), errno('ECONNREFUSED')]);
    expect(describeStartupError(error, { databaseUrl: 'postgres://localhost/x' })).toBe(
      'Cannot reach PostgreSQL at localhost:5432 (connection refused): start it or fix DATABASE_URL',
    );
  });

  it('describes an unknown host', () => {
    expect(
      describeStartupError(errno('ENOTFOUND'), {
        databaseUrl: 'postgres://db.nowhere:5433/x',
      }),
    ).toBe(
      'Cannot reach PostgreSQL at db.nowhere:5433 (host not found): start it or fix DATABASE_URL',
    );
  });

  it('passes on the server message for a failed login', () => {
    const error = errno('28P01');
    error.message = 'password authentication failed for user "nobody"';
    expect(describeStartupError(error, { databaseUrl })).toBe(
      'Cannot reach PostgreSQL at 127.0.0.1:1 (password authentication failed for user "nobody"): start it or fix DATABASE_URL',
    );
  });

  it('describes a port in use', () => {
    expect(describeStartupError(errno('EADDRINUSE', { port: 3000 }))).toBe(
      'Port 3000 is in use: stop the other process or set PORT',
    );
    expect(describeStartupError(errno('EADDRINUSE'), { port: 8080 })).toBe(
      'Port 8080 is in use: stop the other process or set PORT',
    );
  });

  it('passes a malformed DATABASE_URL message from the config through', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'http://example.com/db' });
    } catch (caught) {
      error = caught;
    }
    expect(describeStartupError(error)).toMatch(
      /^DATABASE_URL must start with postgres:\/\/ or postgresql:\/\/: /,
    );
  });

  it('passes the unknown-migration message through', async () => {
    const dataSource = {
      migrations: [{ name: 'Known1700000000000' }],
      options: { migrationsTableName: 'migrations' },
      query: jest
        .fn()
        .mockResolvedValueOnce([{ exists: true }])
        .mockResolvedValueOnce([{ name: 'Known1700000000000' }, { name: 'Future1800000000000' }]),
      runMigrations: jest.fn(),
    };
    const error = await prepareDatabase(dataSource as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(describeStartupError(error)).toBe(
      'The database has migration Future1800000000000 that this build does not know: update your checkout or point DATABASE_URL at another database',
    );
    expect(dataSource.runMigrations).not.toHaveBeenCalled();
  });

  it('keeps only the first line of an unexpected error', () => {
    expect(describeStartupError(new Error('Boom\n    at somewhere'))).toBe('Boom');
    expect(describeStartupError('plain string')).toBe('plain string');
  });
});
