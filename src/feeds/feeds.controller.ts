import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { SLUG_PATTERN } from '../editing/input-validators';
import { serializeJsonLd } from '../json-ld/json-ld-script';
import { matchesIfNoneMatch, strongEtag } from './etag';
import { FaqFeedService } from './faq-feed.service';

/**
 * Ready-to-paste structured data for web teams, over plain GET: cacheable
 * (Cache-Control, strong ETag, 304 on If-None-Match) and open to any origin,
 * since it only holds published content.
 */
@Controller('feeds')
export class FeedsController {
  constructor(
    private readonly feeds: FaqFeedService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The clinic's FAQ page: GET /feeds/lumen-aesthetics/austin-downtown/faq.jsonld */
  @Get(':brand/:clinic/faq.jsonld')
  clinicFaqs(
    @Param('brand') brand: string,
    @Param('clinic') clinic: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.send(req, res, brand, clinic, null);
  }

  /** One treatment's FAQs at the clinic: GET /feeds/<brand>/<clinic>/micro-needling/faq.jsonld */
  @Get(':brand/:clinic/:treatment/faq.jsonld')
  treatmentFaqs(
    @Param('brand') brand: string,
    @Param('clinic') clinic: string,
    @Param('treatment') treatment: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.send(req, res, brand, clinic, treatment);
  }

  private async send(
    req: Request,
    res: Response,
    brand: string,
    clinic: string,
    treatment: string | null,
  ): Promise<void> {
    res.setHeader('access-control-allow-origin', '*');
    // A NUL or other non-slug text would otherwise reach PostgreSQL (NUL
    // fails there, as a 500): the address is the client's mistake.
    const malformed = Object.entries({ brand, clinic, treatment }).find(
      ([, value]) => value !== null && !SLUG_PATTERN.test(value),
    );
    if (malformed) {
      res.status(400).setHeader('cache-control', 'no-store');
      res.json({
        error: 'BAD_USER_INPUT',
        message: `The ${malformed[0]} in the address is not a slug (lower-case words joined by hyphens).`,
      });
      return;
    }
    const feed = await this.feeds.faqPage(brand, clinic, treatment);
    if (!feed.found) {
      res.status(404).setHeader('cache-control', 'no-store');
      res.json({ error: 'NOT_FOUND', message: feed.message });
      return;
    }
    const body = serializeJsonLd(feed.jsonLd);
    const etag = strongEtag(body);
    res.setHeader('etag', etag);
    res.setHeader('cache-control', `public, max-age=${this.config.feedMaxAgeSeconds}`);
    if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    res.status(200).type('application/ld+json; charset=utf-8').send(body);
  }
}
