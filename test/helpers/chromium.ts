import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, or CHROMIUM_PATH (Playwright cannot download its own browser here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * `describe` when a Chromium is installed, else `describe.skip` with a loud
 * message: browser specs need one (`.ci/run` installs Debian's).
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, body);
    return;
  }
  console.warn(
    `\n!!! SKIPPED "${name}": no Chromium at ${CHROMIUM_PATH}.\n` +
      '!!! Install it (apt-get install -y chromium) or set CHROMIUM_PATH to run the browser specs.\n',
  );
  describe.skip(name, body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
}

/** A tiny site on a port of its own: another origin than the API's. */
export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export async function servePage(host = '127.0.0.1'): Promise<PageServer> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><html><body><h1>A brand site</h1></body></html>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
