import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { AuthenticatedRequest } from '../../graphql/graphql-context';
import { pickEncoding } from '../../response-cache/precompressed';
import { FEED_PAGE } from './feed-page.plugin';
import { FeedReadAhead, type ReadAheadPage } from './feed-read-ahead';

/**
 * Answers a feed page that was read ahead (FeedReadAhead), and starts
 * reading the page after each page answered, whether read ahead or not.
 * Mounted after the auth middleware and the rate limits (each request still
 * counts), before the response cache (RequestPipelineModule).
 */
@Injectable()
export class FeedReadAheadMiddleware implements NestMiddleware {
  constructor(private readonly readAhead: FeedReadAhead) {}

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    const request = this.readAhead.feedRequestOf(req);
    if (!request) return next();
    let page: ReadAheadPage | undefined;
    try {
      page = await this.readAhead.take(request);
    } catch {
      // The position could not be read: the request reads the page itself.
    }
    if (page) {
      sendPage(req, res, page);
      this.readAhead.readNext(request, page);
      return;
    }
    res.once('finish', () => {
      const answered = req[FEED_PAGE];
      if (answered && res.statusCode === 200) this.readAhead.readNext(request, answered);
    });
    next();
  }
}

/** The page as Apollo answered it, gzipped when read ahead if the client takes gzip. */
function sendPage(req: AuthenticatedRequest, res: Response, page: ReadAheadPage): void {
  for (const [name, value] of page.headers) res.setHeader(name, value);
  // What ResponseCacheMiddleware sets on every answer it does not keep.
  res.setHeader('cache-control', 'no-store');
  res.vary('Accept-Encoding');
  const encoding = page.gzip ? pickEncoding(req, { gzip: page.gzip }) : undefined;
  // The compression middleware leaves an answer with a Content-Encoding alone.
  if (encoding) res.setHeader('content-encoding', encoding);
  const body = encoding ? page.gzip! : page.body;
  res.setHeader('content-length', body.length);
  res.statusCode = 200;
  res.end(body);
}
