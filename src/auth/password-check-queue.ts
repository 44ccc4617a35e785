import { Inject, Injectable } from '@nestjs/common';
import pLimit from 'p-limit';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { verifyPassword } from './password';

/**
 * Bounds the argon2 checks of logins in flight. Each takes tens of MiB and
 * most of a core, so a burst of logins run all at once would stall every
 * request of the instance; instead a few run, a few wait, and the rest are
 * refused at once with a retry time.
 */
@Injectable()
export class PasswordCheckQueue {
  private readonly slots: pLimit.Limit;
  private readonly capacity: number;
  /** Moving average of one check, to tell refused callers when to come back. */
  private typicalCheckMs = 500;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.slots = pLimit(config.loginMaxConcurrentVerifications);
    this.capacity = config.loginMaxConcurrentVerifications + config.loginMaxQueuedVerifications;
  }

  /** verifyPassword, when a slot is free; RATE_LIMITED when the queue is full. */
  verify(hash: string, password: string): Promise<boolean> {
    if (this.slots.activeCount + this.slots.pendingCount >= this.capacity) {
      const rounds = this.capacity / this.config.loginMaxConcurrentVerifications;
      const retryAfterSeconds = Math.max(1, Math.ceil((rounds * this.typicalCheckMs) / 1000));
      return Promise.reject(
        new DomainError(
          'RATE_LIMITED',
          `The server is busy checking passwords: try again in ${retryAfterSeconds} s`,
          { retryAfterSeconds },
        ),
      );
    }
    return this.slots(async () => {
      const started = performance.now();
      try {
        return await verifyPassword(hash, password);
      } finally {
        this.typicalCheckMs = 0.8 * this.typicalCheckMs + 0.2 * (performance.now() - started);
      }
    });
  }
}
