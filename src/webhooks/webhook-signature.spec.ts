import { createHmac } from 'node:crypto';
import { newWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test-secret-for-unit-tests-only';
  const body = '{"id":"e1","type":"faq.published"}';
  const now = 1_764_000_000;

  it('is sha256= + hex HMAC-SHA256 over "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(signWebhook(secret, now, body)).toBe(`sha256=${expected}`);
  });

  it('verifies its own signature and nothing else', () => {
    const signature = signWebhook(secret, now, body);
    const ok = (b: string, s: string, t: number, at = now) =>
      verifyWebhook(secret, b, { signature: s, timestamp: String(t) }, at);
    expect(ok(body, signature, now)).toBe(true);
    expect(ok(body.replace('published', 'deleted'), signature, now)).toBe(false);
    expect(ok(body, signature, now + 1)).toBe(false);
    expect(ok(body, signature.replace(/.$/, '0'), now)).toBe(false);
    expect(ok(body, 'sha256=short', now)).toBe(false);
    expect(verifyWebhook('whsec_other', body, { signature, timestamp: String(now) }, now)).toBe(
      false,
    );
  });

  it('refuses timestamps more than five minutes away', () => {
    const signature = signWebhook(secret, now, body);
    const at = (when: number) =>
      verifyWebhook(secret, body, { signature, timestamp: String(now) }, when);
    expect(at(now + 300)).toBe(true);
    expect(at(now + 301)).toBe(false);
    expect(at(now - 301)).toBe(false);
    expect(verifyWebhook(secret, body, { signature }, now)).toBe(false);
  });

  it('makes long random secrets', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
