import { FeedReadAhead } from '../src/syndication/read-ahead/feed-read-ahead';
import { CONTENT_CHANGES } from './helpers/partner-sync';
import { type ApiKeyFixture, createScratchBrand, ScratchBrand } from './helpers/scratch-brand';
import { startTestApp, TestApp } from './helpers/test-app';

/** Polls `check` until it holds (bounded: never a timing assertion). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}

interface RawPage {
  status: number;
  text: string;
  page: { endCursor: string; hasMore: boolean; changes: { type: string; id: string }[] };
}

/**
 * Partner sync's pages read ahead (src/syndication/read-ahead): the page
 * after each page answered is read before the partner asks for it, and is
 * answered only as a read then would answer it.
 */
describe('partner sync: pages read ahead', () => {
  let app: TestApp;
  let brand: ScratchBrand;
  let readAhead: FeedReadAhead;

  beforeAll(async () => {
    app = await startTestApp({ partnerRateLimitPerMinute: 6 });
    brand = await createScratchBrand(app);
    readAhead = app.app.get(FeedReadAhead);
  });
  afterAll(() => app.close());

  /** A page as the partner's loop asks for it (fetch, gzip accepted), and its exact text. */
  const page = async (key: ApiKeyFixture, after: string | null, first = 2): Promise<RawPage> => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { ...key.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        query: CONTENT_CHANGES,
        variables: { brand: brand.slug, after, first },
      }),
    });
    const text = await response.text();
    return { status: response.status, text, page: JSON.parse(text).data?.contentChanges };
  };

  /** The first page, once the page after it has been read ahead. */
  const firstPageReadAhead = async (key: ApiKeyFixture): Promise<RawPage> => {
    const read = readAhead.counts.read;
    const first = await page(key, null);
    expect(first.page.hasMore).toBe(true);
    await until(() => readAhead.counts.read > read, 'the second page to be read ahead');
    return first;
  };

  it('answers the next page from what it read ahead, in the bytes a read now gives', async () => {
    const partner = await brand.createKey(['partner']);
    const first = await firstPageReadAhead(partner);
    const served = readAhead.counts.served;

    const second = await page(partner, first.page.endCursor);
    expect(second.status).toBe(200);
    expect(readAhead.counts.served).toBe(served + 1);

    // Another key of the brand asks for the same page: nothing was read
    // ahead for it (pages are the key's own), so this is a read now.
    const other = await brand.createKey(['partner']);
    const fresh = await page(other, first.page.endCursor);
    expect(readAhead.counts.served).toBe(served + 1);
    expect(second.text).toBe(fresh.text);
    expect(second.page.changes.length).toBe(2);
  });

  it('reads the page again when the feed moved after it was read ahead', async () => {
    const partner = await brand.createKey(['partner']);
    const first = await firstPageReadAhead(partner);
    const served = readAhead.counts.served;

    // A clinic of the second page is renamed and published after that page was read.
    const before = await page(await brand.createKey(['partner']), first.page.endCursor);
    const clinic = before.page.changes.find((change) => change.type === 'CLINIC')!;
    const name = `Renamed ${Date.now()}`;
    await brand.edit('CLINIC', clinic.id, { name });

    const second = await page(partner, first.page.endCursor);
    expect(readAhead.counts.served).toBe(served);
    const renamed = JSON.parse(second.text).data.contentChanges.changes.find(
      (change: { id: string }) => change.id === clinic.id,
    );
    expect(renamed.clinic.name).toBe(name);
  });

  it('counts each page answered from the read-ahead against the partner rate limit', async () => {
    const partner = await brand.createKey(['partner']);
    let cursor: string | null = null;
    const served = readAhead.counts.served;
    // The limit is 6 a minute: the first page read now, five read ahead.
    for (let i = 0; i < 6; i++) {
      const read = readAhead.counts.read;
      const answer = await page(partner, cursor, 1);
      expect(answer.status).toBe(200);
      cursor = answer.page.endCursor;
      await until(() => readAhead.counts.read > read, 'the next page to be read ahead');
    }
    expect(readAhead.counts.served).toBe(served + 5);
    expect((await page(partner, cursor, 1)).status).toBe(429);
  });
});
