import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadConfig } from './app-config';

/*
 * docker-compose.yml is documentation that runs (docs/scaling.md): its
 * "scale" profile must be the layout the guide describes, and every
 * setting it passes must be one the app reads, with a value it accepts.
 */
interface Service {
  profiles?: string[];
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  configs?: { source: string }[];
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  configs: Record<string, { content: string }>;
};
const inScale = Object.entries(compose.services).filter(
  ([, service]) => !service.profiles || service.profiles.includes('scale'),
);
const apis = inScale.filter(([, service]) => service.build && service.profiles?.includes('scale'));

describe('docker-compose.yml', () => {
  it('profile "scale": two API instances on one PostgreSQL and one Redis, behind a proxy', () => {
    expect(apis.map(([name]) => name)).toEqual(['api-1', 'api-2']);
    for (const [, api] of apis) {
      expect(api.environment).toMatchObject({
        DATABASE_URL: expect.stringContaining('@postgres:5432/'),
        REDIS_URL: 'redis://redis:6379',
        TRUST_PROXY: expect.any(String),
      });
    }
    const images = inScale.map(([, service]) => service.image?.split(':')[0]);
    expect(images).toEqual(expect.arrayContaining(['postgres', 'redis', 'nginx']));

    const proxy = inScale.find(([, service]) => service.image?.startsWith('nginx'))![1];
    const config = compose.configs[proxy.configs![0].source].content;
    for (const [name] of apis) expect(config).toContain(`server ${name}:3000`);
    expect(config).toContain('X-Forwarded-For');
  });

  it('passes only settings the app reads, with values it accepts', () => {
    const source = readFileSync('src/config/app-config.ts', 'utf8');
    for (const [, service] of Object.entries(compose.services)) {
      if (!service.build) continue;
      const environment = Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([name, value]) => [
          name,
          // Compose's ${NAME:-default}: the default.
          String(value).replace(/^\$\{\w+:-(.*)\}$/, '$1'),
        ]),
      );
      for (const name of Object.keys(environment)) expect(source).toContain(`read('${name}')`);
      expect(() => loadConfig(environment)).not.toThrow();
    }
  });
});
