import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Headers of every delivery (see docs/webhooks.md). */
export const SIGNATURE_HEADER = 'x-webhook-signature';
export const TIMESTAMP_HEADER = 'x-webhook-timestamp';
export const EVENT_ID_HEADER = 'x-webhook-id';
export const EVENT_TYPE_HEADER = 'x-webhook-event';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** "whsec_" + 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * `sha256=` + hex HMAC-SHA256, keyed with the endpoint's secret, over
 * `<timestamp>.<body>`: binding the timestamp stops an old delivery from
 * being replayed later with a fresh one.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The receiver's check (the same steps docs/webhooks.md shows). */
export function verifyWebhook(
  secret: string,
  body: string,
  headers: { signature?: string; timestamp?: string },
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    return false;
  }
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
