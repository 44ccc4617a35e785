import { randomBytes } from 'node:crypto';
import { WebhookSecretBox } from './webhook-secret-box';

describe('WebhookSecretBox', () => {
  const box = new WebhookSecretBox(randomBytes(32));
  const secret = 'whsec_abcdefghijklmnopqrstuvwxyz0123456789';

  it('stores a secret encrypted, differently each time, and opens it again', () => {
    const sealed = box.seal(secret);
    expect(sealed).toMatch(/^enc:v1:[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(secret);
    expect(box.seal(secret)).not.toBe(sealed);
    expect(box.open(sealed)).toBe(secret);
  });

  it('refuses to open with another key, or a tampered value', () => {
    const sealed = box.seal(secret);
    expect(() => new WebhookSecretBox(randomBytes(32)).open(sealed)).toThrow(
      /WEBHOOK_SECRET_KEY is not the key it was stored with/,
    );
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => box.open(tampered)).toThrow(/does not decrypt/);
  });

  it('reads a secret stored before encryption at rest as it is', () => {
    expect(box.open(secret)).toBe(secret);
  });
});
