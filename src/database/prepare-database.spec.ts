import { Logger } from '@nestjs/common';
import { prepareDatabase } from './prepare-database';

function fakeDataSource(options: { tableExists: boolean; applied: string[] }) {
  const query = jest.fn(async (sql: string) => {
    if (sql.includes('to_regclass')) return [{ exists: options.tableExists }];
    return options.applied.map((name) => ({ name }));
  });
  return {
    migrations: [{ name: 'First1700000000000' }, { name: 'Second1700000000001' }],
    options: { migrationsTableName: 'migrations' },
    query,
    runMigrations: jest.fn(async () => [{ name: 'Second1700000000001' }]),
  };
}

describe('prepareDatabase', () => {
  let log: jest.SpyInstance;
  beforeEach(() => {
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => log.mockRestore());

  it('runs pending migrations, one transaction each, on a fresh database', async () => {
    const dataSource = fakeDataSource({ tableExists: false, applied: [] });
    await prepareDatabase(dataSource as never);
    expect(dataSource.query).toHaveBeenCalledTimes(1);
    expect(dataSource.runMigrations).toHaveBeenCalledWith({
      transaction: 'each',
    });
    expect(log).toHaveBeenCalledWith('Applied 1 migration(s)');
  });

  it('runs pending migrations when every applied one is known', async () => {
    const dataSource = fakeDataSource({
      tableExists: true,
      applied: ['First1700000000000'],
    });
    await prepareDatabase(dataSource as never);
    expect(dataSource.runMigrations).toHaveBeenCalledTimes(1);
  });

  it('refuses a database migrated by a newer build, naming the migration', async () => {
    const dataSource = fakeDataSource({
      tableExists: true,
      applied: ['First1700000000000', 'Third1800000000000', 'Fourth1800000000001'],
    });
    await expect(prepareDatabase(dataSource as never)).rejects.toThrow(
      'The database has migration Third1800000000000 (and 1 more) that this build does not know',
    );
    expect(dataSource.runMigrations).not.toHaveBeenCalled();
  });
});
