import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';

/**
 * Webhook secrets at rest: AES-256-GCM with a key from outside the database,
 * so a database backup or dump alone cannot sign webhooks. Stored as
 * `enc:v1:<iv>.<tag>.<ciphertext>` (base64url); the tag makes a wrong key
 * fail loudly instead of signing with garbage.
 */
export class WebhookSecretBox {
  constructor(private readonly key: Buffer) {}

  static isSealed(stored: string): boolean {
    return stored.startsWith(PREFIX);
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url'));
    return `${PREFIX}${parts.join('.')}`;
  }

  /** The secret; a row still in plain text (written before encryption at rest) reads as it is. */
  open(stored: string): string {
    if (!WebhookSecretBox.isSealed(stored)) return stored;
    const [iv, tag, data] = stored.slice(PREFIX.length).split('.');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]);
      return plain.toString('utf8');
    } catch {
      throw new Error(
        'a webhook secret does not decrypt: WEBHOOK_SECRET_KEY is not the key it was stored with',
      );
    }
  }
}
