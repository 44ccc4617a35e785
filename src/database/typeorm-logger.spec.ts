import { Logger } from '@nestjs/common';
import { TypeOrmLogger } from './typeorm-logger';

describe('TypeOrmLogger', () => {
  it('counts every statement and logs them only at LOG_LEVEL debug or trace', () => {
    const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    try {
      const logged = (level: 'info' | 'debug' | 'trace') => {
        debug.mockClear();
        const logger = new TypeOrmLogger(level);
        logger.logQuery('SELECT 1');
        logger.logQuery('SELECT 2');
        return { counted: logger.statementCount, logged: debug.mock.calls.length };
      };
      expect(logged('info')).toEqual({ counted: 2, logged: 0 });
      expect(logged('debug')).toEqual({ counted: 2, logged: 2 });
      expect(logged('trace')).toEqual({ counted: 2, logged: 2 });
      expect(debug).toHaveBeenLastCalledWith({ query: 'SELECT 2' });
    } finally {
      debug.mockRestore();
    }
  });
});
