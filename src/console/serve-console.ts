import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CONSOLE_PATH = '/console';

/**
 * No inline script or style, nothing from another origin: Vite emits the
 * app as external files and Mantine's styles as a CSS file.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Where `npm run build` puts the console (dist/console), from src/ or dist/src/. */
export function consoleBuildDir(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'console');
}

/**
 * Serves the editor console at /console: its hashed assets for a year, and
 * index.html (never cached) for every other path under it, so the client
 * router owns /console/*. Every answer carries the strict CSP.
 */
export function serveConsole(app: NestExpressApplication, dir = consoleBuildDir()): void {
  app.use(CONSOLE_PATH, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.useStaticAssets(join(dir, 'assets'), {
    prefix: `${CONSOLE_PATH}/assets`,
    immutable: true,
    maxAge: '365d',
    fallthrough: false,
  });
  app.useStaticAssets(dir, { prefix: CONSOLE_PATH, index: false });
  const index = join(dir, 'index.html');
  app.use(CONSOLE_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!existsSync(index)) {
      res.status(404).type('text/plain').send('The console is not built: run npm run build.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
