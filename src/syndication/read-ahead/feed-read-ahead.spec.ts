import type { ModuleRef } from '@nestjs/core';
import type { AuthenticatedRequest } from '../../graphql/graphql-context';
import type { ChangeFeedService } from '../change-feed.service';
import { FeedReadAhead } from './feed-read-ahead';

const PAGE = `query Sync($brand: String!, $after: String) {
  contentChanges(brand: $brand, after: $after, first: 2) { endCursor hasMore changes { id } }
}`;

/** A partner's feed request as it reaches the read-ahead: past the auth middleware. */
function feedRequest(headers: Record<string, string>): AuthenticatedRequest {
  return {
    method: 'POST',
    headers,
    body: { query: PAGE, variables: { brand: 'lumen-aesthetics', after: null } },
    actor: {
      kind: 'API_KEY',
      apiKeyId: '1c9a3e52-5f0e-4c1b-9a57-0d8a3c2f4b61',
      brandId: '0b4c5b6e-2f4a-4c1e-9a51-2f0d2b7f1a10',
      prefix: 'cca_live_1c9a',
      scopes: ['partner'],
      clinicIds: null,
    },
  } as unknown as AuthenticatedRequest;
}

describe('FeedReadAhead: what a page read ahead keeps of its request', () => {
  const readAhead = new FeedReadAhead({} as ChangeFeedService, {} as ModuleRef);

  it('keeps the headers its answer depends on, and not the partner’s key or cookies', () => {
    const request = readAhead.feedRequestOf(
      feedRequest({
        authorization: 'Bearer cca_live_secret',
        cookie: 'refresh=secret',
        accept: 'application/graphql-response+json',
        'accept-encoding': 'gzip, br',
        'content-type': 'application/json',
        'user-agent': 'partner-sync/1.0',
      }),
    );
    expect(request?.headers).toEqual({
      accept: 'application/graphql-response+json',
      'accept-encoding': 'gzip, br',
      'content-type': 'application/json',
    });
  });

  it('keys pages by what the answer depends on: another Accept is another page', () => {
    const json = readAhead.feedRequestOf(feedRequest({ accept: 'application/json' }));
    const graphqlJson = readAhead.feedRequestOf(
      feedRequest({ accept: 'application/graphql-response+json' }),
    );
    const withKey = readAhead.feedRequestOf(
      feedRequest({ accept: 'application/json', authorization: 'Bearer cca_live_other' }),
    );
    expect(json?.key).toBeDefined();
    expect(graphqlJson?.key).not.toBe(json?.key);
    expect(withKey?.key).toBe(json?.key);
  });
});
