import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import {
  type IRateLimiterStoreOptions,
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DEPLOYMENT_NAMESPACE, redisKeyPrefix } from '../database/deployment-namespace';
import {
  FREE_GUESSES_PER_ACCOUNT_AND_ADDRESS,
  LOGIN_WINDOW_MINUTES,
  MAX_FAILED_LOGINS_PER_ADDRESS,
} from './auth-policy';
import { describeWait, lockoutSeconds } from './login-throttle';

/** One login attempt's claim on the counters, settled once its password was checked. */
export interface LoginAttempt {
  guessKey: string;
  addressKey: string;
  /** This attempt took the pair's last free guess: failing it starts a wait. */
  lastFreeGuess: boolean;
}

const WINDOW_SECONDS = LOGIN_WINDOW_MINUTES * 60;

/**
 * Login rate limits with atomic counters (rate-limiter-flexible), in
 * PostgreSQL like the project's other limits, or in Redis when REDIS_URL is
 * set: they hold across instances and restarts. An attempt takes its guess
 * before the password is checked, so parallel attempts cannot all slip
 * through a check-then-act gap.
 *
 * - per (account, address): a few free guesses, then a wait that grows with
 *   each lockout; a success clears it. Another address is never held up, so
 *   nobody can lock the owner out.
 * - per address: failures over all accounts (password spraying); successes
 *   are given back, so an office behind one address is not punished.
 */
@Injectable()
export class LoginThrottleService implements OnModuleDestroy {
  private readonly redis: Redis | undefined;
  private readonly guesses: RateLimiterAbstract;
  private readonly lockouts: RateLimiterAbstract;
  private readonly addresses: RateLimiterAbstract;

  constructor(
    @InjectDataSource() db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DEPLOYMENT_NAMESPACE) namespace: string,
  ) {
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, {
          // One deployment's lockouts never hold up another's accounts.
          keyPrefix: redisKeyPrefix(namespace),
          enableOfflineQueue: false,
          lazyConnect: false,
        })
      : undefined;
    const limiter = (keyPrefix: string, points: number, duration: number) => {
      const options: IRateLimiterStoreOptions = {
        keyPrefix,
        points,
        duration,
        storeClient: this.redis ?? db,
        // Counting in this process while Redis is unreachable beats refusing every login.
        insuranceLimiter: this.redis ? new RateLimiterMemory({ points, duration }) : undefined,
      };
      return this.redis
        ? new RateLimiterRedis(options)
        : new RateLimiterPostgres({
            ...options,
            storeType: 'typeorm',
            tableName: 'login_throttle',
            tableCreated: true, // by the migration
          });
    };
    this.guesses = limiter('login_guess', FREE_GUESSES_PER_ACCOUNT_AND_ADDRESS, WINDOW_SECONDS);
    this.lockouts = limiter('login_lockout', 1000, 24 * 3600);
    this.addresses = limiter('login_address', MAX_FAILED_LOGINS_PER_ADDRESS, WINDOW_SECONDS);
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  /**
   * Takes one guess for this account from this address; RATE_LIMITED, with
   * `retryAfterSeconds`, when none is left.
   */
  async begin(email: string, ip: string | null): Promise<LoginAttempt> {
    const address = ip ?? 'unknown';
    // Hashed: keys stay short, and the table holds no email addresses.
    const account = createHash('sha256').update(email).digest('hex');
    const attempt = { guessKey: `${account}:${address}`, addressKey: address };
    const guess = await consumeOrRefuse(this.guesses, attempt.guessKey);
    try {
      await consumeOrRefuse(this.addresses, attempt.addressKey);
    } catch (error) {
      await this.guesses.reward(attempt.guessKey, 1);
      throw error;
    }
    return { ...attempt, lastFreeGuess: guess.remainingPoints === 0 };
  }

  /** The right password: the pair starts afresh, and the address gets its attempt back. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await Promise.all([
      this.guesses.delete(attempt.guessKey),
      this.lockouts.delete(attempt.guessKey),
      this.addresses.reward(attempt.addressKey, 1),
    ]);
  }

  /** A wrong password: after the last free guess, the pair waits longer each time. */
  async failed(attempt: LoginAttempt): Promise<void> {
    if (!attempt.lastFreeGuess) return;
    const lockout = await this.lockouts.penalty(attempt.guessKey, 1);
    await this.guesses.block(attempt.guessKey, lockoutSeconds(lockout.consumedPoints));
  }

  /** No password was checked (the server was busy): both counters get the attempt back. */
  async abandoned(attempt: LoginAttempt): Promise<void> {
    await Promise.all([
      this.guesses.reward(attempt.guessKey, 1),
      this.addresses.reward(attempt.addressKey, 1),
    ]);
  }
}

async function consumeOrRefuse(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key, 1);
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    const retryAfterSeconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    throw new DomainError(
      'RATE_LIMITED',
      `Too many login attempts, try again in ${describeWait(refusal.msBeforeNext)}`,
      { retryAfterSeconds },
    );
  }
}
