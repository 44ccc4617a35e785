import { Logger as NestLogger } from '@nestjs/common';
import type { Logger, QueryRunner } from 'typeorm';
import type { LogLevel } from '../config/app-config';

/**
 * Sends TypeORM's messages through the app's logger, so they obey LOG_LEVEL
 * and come out as JSON. Query parameters are left out: they may hold
 * personal data.
 */
export class TypeOrmLogger implements Logger {
  private readonly logger = new NestLogger('TypeORM');

  /**
   * Whether statements are logged (LOG_LEVEL debug or trace). Decided once:
   * handing each statement to a logger that drops it cost about 1 % of an
   * editor's save (docs/benchmarks.md, round 9).
   */
  private readonly logsQueries: boolean;

  /**
   * SQL statements this data source has sent. Tests and the benchmark read
   * it to prove that a query's statement count does not grow with the data.
   */
  statementCount = 0;

  constructor(level: LogLevel) {
    this.logsQueries = level === 'debug' || level === 'trace';
  }

  logQuery(query: string, _parameters?: unknown[], _runner?: QueryRunner) {
    this.statementCount++;
    if (this.logsQueries) this.logger.debug({ query });
  }

  logQueryError(error: string | Error, query: string) {
    const message = error instanceof Error ? error.message : error;
    this.logger.error({ msg: `Query failed: ${message}`, query });
  }

  logQuerySlow(time: number, query: string) {
    this.logger.warn({ msg: `Slow query (${time} ms)`, query });
  }

  logSchemaBuild(message: string) {
    this.logger.debug(message);
  }

  logMigration(message: string) {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.logger.warn(message);
    else this.logger.log(message);
  }
}
