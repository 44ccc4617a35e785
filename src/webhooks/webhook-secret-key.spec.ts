import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { ConfigError } from '../config/config-error';
import { devKeyFile, webhookSecretBox } from './webhook-secret-key';

describe('the webhook secret key', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'cca-key-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('is required in production', () => {
    expect(() => webhookSecretBox(loadConfig({ NODE_ENV: 'production' }))).toThrow(ConfigError);
    expect(() => webhookSecretBox(loadConfig({ NODE_ENV: 'production' }))).toThrow(
      /^WEBHOOK_SECRET_KEY is not set: production needs it/,
    );
  });

  it('comes from WEBHOOK_SECRET_KEY when set', () => {
    const key = Buffer.alloc(32, 3).toString('base64');
    const sealed = webhookSecretBox(
      loadConfig({ NODE_ENV: 'production', WEBHOOK_SECRET_KEY: key }),
    ).seal('whsec_x');
    expect(webhookSecretBox(loadConfig({ WEBHOOK_SECRET_KEY: key })).open(sealed)).toBe('whsec_x');
  });

  it('is generated once beside DATA_DIR elsewhere, readable by the owner only, and reused', () => {
    const config = loadConfig({ DATA_DIR: join(folder, 'data', 'postgres') });
    const sealed = webhookSecretBox(config).seal('whsec_y');
    const file = devKeyFile(config.dataDir);
    expect(file).toBe(join(folder, 'data', 'webhook-secret.key'));
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64')).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(webhookSecretBox(config).open(sealed)).toBe('whsec_y');
  });
});
