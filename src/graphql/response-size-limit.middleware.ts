import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Largest GraphQL answer sent, in bytes. The clinic page is about 40 KB and
 * a 100-clinic locator with prices, FAQs and providers under 2 MB; long
 * free texts in a query the cost limit allows could still add up to more.
 */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * Replaces a GraphQL answer over MAX_RESPONSE_BYTES with a typed error
 * (`RESPONSE_TOO_LARGE`, HTTP 400) before it is written or cached.
 * Apollo hands Express the whole answer as one string, so the check is a
 * length comparison on the way out.
 */
@Injectable()
export class ResponseSizeLimitMiddleware implements NestMiddleware {
  use(_req: Request, res: Response, next: NextFunction): void {
    const send = res.send;
    res.send = (body?: unknown) => {
      // A UTF-8 byte is at least one UTF-16 unit and at most three.
      if (
        typeof body === 'string' &&
        body.length * 3 > MAX_RESPONSE_BYTES &&
        Buffer.byteLength(body) > MAX_RESPONSE_BYTES
      ) {
        res.status(400).setHeader('content-type', 'application/json; charset=utf-8');
        return send.call(res, JSON.stringify(responseTooLarge()));
      }
      return send.call(res, body);
    };
    next();
  }
}

function responseTooLarge() {
  return {
    errors: [
      {
        message: `The answer would exceed ${MAX_RESPONSE_BYTES / 1024 / 1024} MB: ask for fewer items or fields, or use smaller pages.`,
        extensions: { code: 'RESPONSE_TOO_LARGE' },
      },
    ],
  };
}
