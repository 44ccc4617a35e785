import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { ConfigError } from '../config/config-error';
import { WebhookSecretBox } from './webhook-secret-box';

/** Injection token of the app's WebhookSecretBox. */
export const WEBHOOK_SECRET_BOX = Symbol('WEBHOOK_SECRET_BOX');

/**
 * WEBHOOK_SECRET_KEY when set. Production refuses to start without it.
 * Elsewhere a random key is generated once into `webhook-secret.key` beside
 * DATA_DIR (e.g. .data/webhook-secret.key): outside the database, so a
 * backup does not carry it.
 */
export function webhookSecretBox(config: AppConfig): WebhookSecretBox {
  if (config.webhookSecretKey) return new WebhookSecretBox(config.webhookSecretKey);
  if (config.nodeEnv === 'production') {
    throw new ConfigError(
      'WEBHOOK_SECRET_KEY is not set: production needs it to encrypt webhook secrets; set it to the output of `openssl rand -base64 32` and keep it with your other secrets (docs/operations.md#secrets)',
    );
  }
  return new WebhookSecretBox(devKey(devKeyFile(config.dataDir)));
}

export function devKeyFile(dataDir: string): string {
  return resolve(dirname(resolve(dataDir)), 'webhook-secret.key');
}

function devKey(file: string): Buffer {
  mkdirSync(dirname(file), { recursive: true });
  // Written aside, then linked into place: of several processes starting
  // together one key wins, and nobody reads a half-written file.
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, randomBytes(32).toString('base64'), { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}
