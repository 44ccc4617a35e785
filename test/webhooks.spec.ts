import {
  ATTEMPT_ABANDONED,
  ATTEMPT_IN_FLIGHT,
  WebhookDispatcherService,
} from '../src/webhooks/webhook-dispatcher.service';
import { WebhookEndpointsService } from '../src/webhooks/webhook-endpoints.service';
import { CONNECTION_FAILED } from '../src/webhooks/webhook-sender';
import { loginAs } from './helpers/login';
import { startIsolatedTestApp } from './helpers/isolated-app';
import { createScratchBrand, ScratchBrand } from './helpers/scratch-brand';
import { startTestApp, TestApp } from './helpers/test-app';
import { verifyWebhookSignature } from './helpers/verify-webhook-signature';
import { WebhookReceiver } from './helpers/webhook-receiver';

const ALL_ACTIONS = ['PUBLISHED', 'UNPUBLISHED', 'DELETED'];
const EVERYTHING = ['TREATMENT', 'FAQ', 'PRICE_ITEM', 'CLINIC_TREATMENT', 'CLINIC'].map((type) => ({
  type,
  actions: ALL_ACTIONS,
}));

const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    secret
    endpoint { id url enabled secretPrefix subscriptions { type actions } }
  }
}`;
const DELIVERIES = `query($id: ID!, $status: WebhookDeliveryStatus) {
  webhookDeliveries(endpointId: $id, status: $status, first: 100) {
    totalCount
    edges { node { id eventId eventType status attempts lastError lastStatusCode nextAttemptAt body } }
  }
}`;
const ATTEMPTS = `query($id: ID!) {
  webhookAttempts(endpointId: $id, first: 100) {
    totalCount
    edges { node { deliveryId eventId eventType attempt statusCode succeeded error durationMs } }
  }
}`;

describe('webhooks', () => {
  let app: TestApp;
  let strict: TestApp;
  let brand: ScratchBrand;
  let dispatcher: WebhookDispatcherService;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    // Loopback receivers are private addresses: this instance allows exactly
    // 127.0.0.1 (and http), as a test deployment would. `strict` runs with
    // the production defaults (but quick retries) on the same database.
    app = await startTestApp({
      webhookAllowHttp: true,
      webhookAllowedHosts: ['127.0.0.1'],
      webhookTimeoutSeconds: 1,
      webhookRetryBaseSeconds: 0.02,
    });
    strict = await startTestApp({ webhookRetryBaseSeconds: 0.02 });
    brand = await createScratchBrand(app, 2);
    dispatcher = app.app.get(WebhookDispatcherService);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.down()));
    await app.close();
    await strict.close();
  });

  const receiver = async (mode?: WebhookReceiver['mode']) => {
    const started = await WebhookReceiver.start(mode);
    receivers.push(started);
    return started;
  };
  const register = async (
    url: string,
    subscriptions: unknown = EVERYTHING,
    on: TestApp = app,
    headers = brand.admin.headers,
  ) => on.graphql(CREATE, { input: { url, subscriptions } }, headers);
  const endpoint = async (url: string, subscriptions?: unknown) => {
    const { body } = await register(url, subscriptions);
    expect(body.errors).toBeUndefined();
    return body.data.createWebhookEndpoint as {
      secret: string;
      endpoint: { id: string; url: string };
    };
  };
  const deliveries = async (endpointId: string, status?: string) =>
    (
      await app.graphql(DELIVERIES, { id: endpointId, status }, brand.admin.headers)
    ).body.data.webhookDeliveries.edges.map((edge: any) => edge.node);
  const settled = async (endpointId: string) =>
    (await deliveries(endpointId)).every((d: any) => d.status !== 'PENDING');
  /** Runs the worker until nothing of this endpoint is pending (bounded). */
  const drain = async (endpointId: string) => {
    for (let i = 0; i < 300 && !(await settled(endpointId)); i++) {
      await dispatcher.runDue();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await settled(endpointId)).toBe(true);
  };

  it('delivers every published change exactly once after the receiver was down, signed', async () => {
    const hook = await receiver();
    const { secret, endpoint: registered } = await endpoint(hook.url);
    await hook.down();
    // Encrypted at rest: the database alone cannot sign (signatures verify below).
    const [stored] = await app.dataSource.query(
      `SELECT secret FROM webhook_endpoints WHERE id = $1`,
      [registered.id],
    );
    expect(stored.secret).not.toContain(secret);
    expect(stored.secret).toMatch(/^enc:v1:/);

    // Changes while the receiver is down: the outbox keeps them.
    const expected: string[] = [];
    const treatment = await brand.create(
      'TREATMENT',
      { brand_id: brand.id },
      { slug: `hydra-${Date.now()}`, name: 'Hydrafacial', summary: 'Glow.' },
    );
    expected.push(`treatment.published:${treatment.id}`);
    await brand.edit('TREATMENT', treatment.id, { summary: 'More glow.' });
    expected.push(`treatment.published:${treatment.id}`);
    const faq = await brand.create(
      'FAQ',
      { brand_id: brand.id },
      { question: 'Does it hurt?', answer: 'No.', treatmentIds: [treatment.id] },
    );
    expected.push(`faq.published:${faq.id}`);
    await brand.unpublish('FAQ', faq.id);
    expected.push(`faq.unpublished:${faq.id}`);
    await brand.publish('FAQ', faq.id);
    expected.push(`faq.published:${faq.id}`);
    await brand.remove('FAQ', faq.id);
    expected.push(`faq.deleted:${faq.id}`);
    const [price] = await app.dataSource.query(
      `SELECT p.id FROM price_items p JOIN clinic_treatments ct ON ct.id = p.clinic_treatment_id
        WHERE ct.clinic_id = $1 ORDER BY p.position LIMIT 1`,
      [brand.clinicIds['clinic-1']],
    );
    await brand.remove('PRICE_ITEM', price.id);
    expected.push(`price_item.deleted:${price.id}`);
    // A draft save is not an event.
    const current = await brand.reads.get(brand.ctx, 'TREATMENT', treatment.id);
    await brand.drafts.update(
      brand.ctx,
      { type: 'TREATMENT', id: treatment.id, version: current.version },
      { summary: 'Draft only.' },
    );

    for (let i = 0; i < 3; i++) {
      await dispatcher.runDue();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    const failed = await deliveries(registered.id);
    expect(failed).toHaveLength(expected.length);
    expect(failed.every((d: any) => d.status === 'PENDING' && d.attempts >= 1)).toBe(true);
    expect(failed.every((d: any) => d.lastError === CONNECTION_FAILED)).toBe(true);
    const attempts = (await app.graphql(ATTEMPTS, { id: registered.id }, brand.admin.headers)).body
      .data.webhookAttempts;
    expect(attempts.totalCount).toBeGreaterThanOrEqual(expected.length);
    expect(attempts.edges[0].node).toMatchObject({ succeeded: false, statusCode: null });

    await hook.up();
    await drain(registered.id);

    const done = await deliveries(registered.id);
    expect(done.every((d: any) => d.status === 'SUCCEEDED')).toBe(true);
    // Exactly once each, and nothing else.
    expect(hook.received).toHaveLength(expected.length);
    expect(new Set(hook.eventIds()).size).toBe(expected.length);
    const got = hook.received.map(({ body }) => {
      const event = JSON.parse(body);
      return `${event.type}:${event.data.id}`;
    });
    expect(got.sort()).toEqual([...expected].sort());

    for (const { headers, body } of hook.received) {
      const event = JSON.parse(body);
      expect(verifyWebhookSignature(secret, body, headers)).toBe(true);
      expect(headers['idempotency-key']).toBe(event.id);
      expect(headers['x-webhook-id']).toBe(event.id);
      expect(headers['x-webhook-event']).toBe(event.type);
      expect(event.brand).toEqual({ id: brand.id, slug: brand.slug });
      // Tampering with the body, the timestamp or the secret breaks it.
      const tampered = body.replace(event.data.id, '00000000-0000-4000-8000-000000000000');
      expect(verifyWebhookSignature(secret, tampered, headers)).toBe(false);
      expect(
        verifyWebhookSignature(secret, body, {
          ...headers,
          'x-webhook-timestamp': String(Number(headers['x-webhook-timestamp']) - 1),
        }),
      ).toBe(false);
      expect(verifyWebhookSignature(`${secret}x`, body, headers)).toBe(false);
    }
    const published = hook.received
      .map(({ body }) => JSON.parse(body))
      .find((event) => event.type === 'faq.published');
    expect(published.data).toMatchObject({
      type: 'FAQ',
      id: faq.id,
      sequence: expect.stringMatching(/^\d+$/),
      epoch: expect.stringMatching(/^[0-9a-f-]{36}$/),
      values: { question: 'Does it hurt?', answer: 'No.', treatmentIds: [treatment.id] },
    });
    const deleted = hook.received
      .map(({ body }) => JSON.parse(body))
      .find((event) => event.type === 'faq.deleted');
    expect(deleted.data).toMatchObject({ id: faq.id, values: null });
  });

  it('keeps retrying receivers that time out, fail or hang up, without holding up the others', async () => {
    const good = await receiver('ok');
    const bad = {
      hang: await receiver('hang'),
      fail: await receiver('fail'),
      close: await receiver('close'),
    };
    const onlyTreatments = [{ type: 'TREATMENT', actions: ['PUBLISHED'] }];
    const goodEndpoint = await endpoint(good.url, onlyTreatments);
    const badEndpoints = {
      hang: await endpoint(bad.hang.url, onlyTreatments),
      fail: await endpoint(bad.fail.url, onlyTreatments),
      close: await endpoint(bad.close.url, onlyTreatments),
    };
    await brand.edit('TREATMENT', brand.treatmentId, { summary: `Edited ${Date.now()}.` });

    await dispatcher.runDue(); // one run: all four are sent side by side
    expect(good.received).toHaveLength(1);
    const errors = {
      hang: CONNECTION_FAILED,
      fail: 'receiver answered HTTP 500',
      close: CONNECTION_FAILED,
    };
    for (const [name, error] of Object.entries(errors)) {
      const [delivery] = await deliveries(badEndpoints[name as keyof typeof errors].endpoint.id);
      expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, lastError: error });
      expect(delivery.nextAttemptAt).not.toBeNull();
    }
    const [delivered] = await deliveries(goodEndpoint.endpoint.id);
    expect(delivered).toMatchObject({ status: 'SUCCEEDED', attempts: 1, lastStatusCode: 200 });

    // Once the receivers recover, the same events arrive.
    bad.fail.mode = 'ok';
    bad.close.mode = 'ok';
    bad.hang.mode = 'ok';
    for (const { endpoint: e } of Object.values(badEndpoints)) await drain(e.id);
    for (const r of Object.values(bad)) {
      expect(r.eventIds()).toEqual(good.eventIds());
    }
  });

  it('keeps delivering to other endpoints while one receiver holds its answers, with at most 10 of its sends waiting', async () => {
    // A database of its own: the worker claims every due delivery it can see,
    // and a 2-minute send timeout that only a held receiver ever reaches.
    const own = await startIsolatedTestApp({
      webhookAllowHttp: true,
      webhookAllowedHosts: ['127.0.0.1'],
      webhookTimeoutSeconds: 120,
    });
    try {
      const ownBrand = await createScratchBrand(own, 2);
      const quick = await receiver('ok');
      const held = await receiver('hold');
      const faqs = [{ type: 'FAQ', actions: ['PUBLISHED'] }];
      for (const hook of [quick, held]) {
        const { body } = await own.graphql(
          CREATE,
          { input: { url: hook.url, subscriptions: faqs } },
          ownBrand.admin.headers,
        );
        expect(body.errors).toBeUndefined();
      }
      // 40 events for two endpoints: 80 deliveries, more than one claim of 50.
      const events = 40;
      for (let i = 0; i < events; i++) {
        await ownBrand.create(
          'FAQ',
          { brand_id: ownBrand.id },
          { question: `Held ${i}?`, answer: 'Yes.' },
        );
      }

      const worker = own.app.get(WebhookDispatcherService);
      const drained = worker.drain();
      for (let i = 0; i < 1500 && quick.received.length < events; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Every event reached the quick receiver while the held one answered nothing,
      // and the held one occupies only its share of the sends.
      expect(quick.eventIds()).toHaveLength(events);
      expect(held.eventIds()).toHaveLength(0);
      expect(held.holding).toHaveLength(10);

      held.release();
      await drained;
      expect(new Set(held.eventIds())).toEqual(new Set(quick.eventIds()));
      expect(held.eventIds()).toHaveLength(events);
    } finally {
      await own.close();
    }
  });

  it('does not stop with deliveries due when the sends it counted end while it claims', async () => {
    // The worker ticks every second, and each tick makes the running drain
    // claim again. One such claim is held on a table lock while it still
    // counts the held receiver's 10 sends (so it may take none of that
    // endpoint's); the sends end meanwhile. The drain used to stop there,
    // with that endpoint's other deliveries due and nothing in flight.
    const own = await startIsolatedTestApp({
      webhookAllowHttp: true,
      webhookAllowedHosts: ['127.0.0.1'],
      webhookTimeoutSeconds: 120,
      webhookWorkerIntervalSeconds: 1,
    });
    const blocker = own.dataSource.createQueryRunner();
    const until = async (what: string, done: () => Promise<boolean>) => {
      for (let i = 0; !(await done()); i++) {
        if (i > 600) throw new Error(`gave up waiting: ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      const ownBrand = await createScratchBrand(own, 2);
      const quick = await receiver('ok');
      const held = await receiver('hold');
      const faqs = [{ type: 'FAQ', actions: ['PUBLISHED'] }];
      const endpointIds: string[] = [];
      for (const hook of [quick, held]) {
        const { body } = await own.graphql(
          CREATE,
          { input: { url: hook.url, subscriptions: faqs } },
          ownBrand.admin.headers,
        );
        endpointIds.push(body.data.createWebhookEndpoint.endpoint.id);
      }
      const events = 12;
      for (let i = 0; i < events; i++) {
        await ownBrand.create(
          'FAQ',
          { brand_id: ownBrand.id },
          { question: `Lock ${i}?`, answer: 'Yes.' },
        );
      }
      const drained = own.app.get(WebhookDispatcherService).drain();
      await until(
        'the quick receiver has every event, the held one 10 sends',
        async () => quick.eventIds().length === events && held.holding.length === 10,
      );

      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query(`LOCK TABLE webhook_endpoints IN ACCESS EXCLUSIVE MODE`);
      await until('a claim waits on the lock', async () => {
        const [{ n }] = await own.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
              AND query LIKE '%WITH due AS%'`,
        );
        return n > 0;
      });
      held.release();
      await until('the 10 held sends are recorded', async () => {
        const [{ n }] = await own.dataSource.query(
          `SELECT count(*)::int AS n FROM webhook_deliveries
            WHERE endpoint_id = $1 AND status = 'SUCCEEDED'`,
          [endpointIds[1]],
        );
        return n === 10;
      });
      await blocker.commitTransaction();

      await drained;
      expect(held.eventIds()).toHaveLength(events);
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
      await own.close();
    }
  });

  it('marks a delivery DEAD when its retries run out, lists it, and replays it with the same event id', async () => {
    const hook = await receiver('fail');
    const { endpoint: registered } = await endpoint(hook.url, [
      { type: 'TREATMENT', actions: ['PUBLISHED'] },
    ]);
    await brand.edit('TREATMENT', brand.treatmentId, { summary: `Dead ${Date.now()}.` });
    await dispatcher.runDue();
    // The retry window is a day; move this delivery's end to now (no waiting a day).
    await app.dataSource.query(
      `UPDATE webhook_deliveries SET give_up_at = now(), next_attempt_at = now() WHERE endpoint_id = $1`,
      [registered.id],
    );
    await dispatcher.runDue();
    const [dead] = await deliveries(registered.id, 'DEAD');
    expect(dead).toMatchObject({
      status: 'DEAD',
      attempts: 2,
      lastStatusCode: 500,
      lastError: 'receiver answered HTTP 500',
      nextAttemptAt: null,
    });

    hook.mode = 'ok';
    await dispatcher.runDue();
    expect(hook.received).toHaveLength(0); // dead stays dead until replayed

    const replay = await app.graphql(
      `mutation($id: ID!) { replayWebhookDelivery(input: { id: $id }) { id status eventId } }`,
      { id: dead.id },
      brand.admin.headers,
    );
    expect(replay.body.data.replayWebhookDelivery).toMatchObject({
      status: 'PENDING',
      eventId: dead.eventId,
    });
    await drain(registered.id);
    expect(hook.eventIds()).toEqual([dead.eventId]);
    expect(JSON.parse(hook.received[0].body).id).toBe(dead.eventId);

    const again = await app.graphql(
      `mutation($id: ID!) { replayWebhookDelivery(input: { id: $id }) { id } }`,
      { id: dead.id },
      brand.admin.headers,
    );
    expect(again.body.errors![0]).toMatchObject({
      message: expect.stringMatching(/only DEAD deliveries/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('loses nothing when an instance dies mid-delivery: the lease runs out and another sends it', async () => {
    const hook = await receiver();
    const { endpoint: registered } = await endpoint(hook.url, [
      { type: 'TREATMENT', actions: ['PUBLISHED'] },
    ]);
    await brand.edit('TREATMENT', brand.treatmentId, { summary: `Crash ${Date.now()}.` });

    // Instance A claims the delivery and dies before sending (its claim is
    // the production code path; the send never happens).
    const crashed = app.app.get(WebhookDispatcherService) as unknown as {
      claim(): Promise<{ id: string; leaseToken: string; endpointId: string }[]>;
      settle(delivery: unknown, result: unknown, startedAt: Date): Promise<void>;
    };
    const claimed = (await crashed.claim()).filter((d) => d.endpointId === registered.id);
    expect(claimed).toHaveLength(1);
    // The attempt is on record before anything is sent.
    const inFlight = await app.graphql(ATTEMPTS, { id: registered.id }, brand.admin.headers);
    expect(inFlight.body.data.webhookAttempts.edges.map((edge: any) => edge.node)).toEqual([
      expect.objectContaining({ attempt: 1, succeeded: false, error: ATTEMPT_IN_FLIGHT }),
    ]);

    // Instance B runs meanwhile: the lease keeps it from sending concurrently.
    const other = strict.app.get(WebhookDispatcherService);
    await other.runDue();
    expect(hook.received).toHaveLength(0);

    // The lease runs out (moved to now rather than waited for); then another
    // run sends it.
    await app.dataSource.query(
      `UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = $1`,
      [claimed[0].id],
    );
    await drain(registered.id);
    expect(hook.received).toHaveLength(1);

    // A's attempt was recorded before its send: it shows as one that never
    // got a result, then B's succeeded.
    const { body } = await app.graphql(ATTEMPTS, { id: registered.id }, brand.admin.headers);
    expect(body.data.webhookAttempts.edges.map((edge: any) => edge.node)).toEqual([
      expect.objectContaining({ attempt: 2, statusCode: 200, succeeded: true, error: null }),
      expect.objectContaining({
        attempt: 1,
        statusCode: null,
        succeeded: false,
        error: ATTEMPT_ABANDONED,
      }),
    ]);

    // If instance A comes back and reports a failure with its stale lease, it
    // changes nothing.
    await crashed.settle(claimed[0], { ok: false, statusCode: null, error: 'late' }, new Date());
    const [delivery] = await deliveries(registered.id);
    expect(delivery.status).toBe('SUCCEEDED');
  });

  it('sends each event once when several instances run the worker at the same time', async () => {
    const second = await startTestApp({
      webhookAllowHttp: true,
      webhookAllowedHosts: ['127.0.0.1'],
      webhookTimeoutSeconds: 1,
    });
    try {
      const hook = await receiver();
      const { endpoint: registered } = await endpoint(hook.url, [
        { type: 'FAQ', actions: ['PUBLISHED'] },
      ]);
      const created = [];
      for (let i = 0; i < 12; i++) {
        created.push(
          await brand.create(
            'FAQ',
            { brand_id: brand.id },
            { question: `Twice ${i}?`, answer: 'No.' },
          ),
        );
      }
      const workers = [dispatcher, second.app.get(WebhookDispatcherService)];
      await Promise.all(workers.flatMap((worker) => [worker.runDue(), worker.runDue()]));
      await drain(registered.id);
      expect(hook.received).toHaveLength(created.length);
      expect(new Set(hook.eventIds()).size).toBe(created.length);
      const ids = hook.received.map(({ body }) => JSON.parse(body).data.id as string).sort();
      expect(ids).toEqual(created.map((faq) => faq.id).sort());
    } finally {
      await second.close();
    }
  });

  describe('outbound safety', () => {
    it.each([
      ['https://127.0.0.1/hook', /private or reserved address \(127\.0\.0\.1\)/],
      ['https://localhost/hook', /localhost resolves to a private or reserved address/],
      ['https://hooks.example.com:8443/hook', /port 8443: webhooks may use port 443 or 80 only/],
      ['https://[::1]/hook', /private or reserved address/],
      ['https://[::ffff:169.254.169.254]/latest/meta-data', /private or reserved address/],
      ['https://169.254.169.254/latest/meta-data', /private or reserved address/],
      ['https://10.0.0.8/hook', /private or reserved address/],
      ['http://hooks.example.com/hook', /must start with https:\/\//],
      ['https://user:pw@hooks.example.com/', /user name or password/],
    ])('refuses %s at registration', async (url, message) => {
      const { body } = await register(url, EVERYTHING, strict);
      expect(body.errors![0]).toMatchObject({
        message: expect.stringMatching(message),
        extensions: { code: 'BAD_USER_INPUT', argument: 'url' },
      });
    });

    it('refuses a private address again at send time, and never connects', async () => {
      const hook = await receiver();
      // Registered where 127.0.0.1 is allowed; sent by an instance where it is not.
      const { endpoint: registered } = await endpoint(`https://127.0.0.1:${hook.port}/hooks`, [
        { type: 'TREATMENT', actions: ['PUBLISHED'] },
      ]);
      await brand.edit('TREATMENT', brand.treatmentId, { summary: `SSRF ${Date.now()}.` });
      await strict.app.get(WebhookDispatcherService).runDue();
      const [delivery] = await deliveries(registered.id);
      expect(delivery).toMatchObject({
        status: 'PENDING',
        attempts: 1,
        lastError: 'refused: points at a private or reserved address (127.0.0.1)',
      });
      expect(hook.connections).toBe(0);
      await app.graphql(
        `mutation($id: ID!) { deleteWebhookEndpoint(input: { id: $id }) { id } }`,
        { id: registered.id },
        brand.admin.headers,
      );
    });
  });

  describe('managing endpoints', () => {
    it('encrypts secrets an older build stored in plain text when the app starts', async () => {
      const plain = `whsec_${'p'.repeat(30)}`;
      const [{ id }] = await app.dataSource.query(
        `INSERT INTO webhook_endpoints (brand_id, url, secret, events, created_by)
         VALUES ($1, 'https://hooks.example.com/old', $2, '{faq.published}', 'test') RETURNING id`,
        [brand.id, plain],
      );
      await app.app.get(WebhookEndpointsService).onApplicationBootstrap();
      const [stored] = await app.dataSource.query(
        `SELECT secret FROM webhook_endpoints WHERE id = $1`,
        [id],
      );
      expect(stored.secret).toMatch(/^enc:v1:/);
      const { body } = await app.graphql(
        `{ webhookEndpoints { id secretPrefix } }`,
        {},
        brand.admin.headers,
      );
      expect(body.data.webhookEndpoints).toContainEqual({ id, secretPrefix: plain.slice(0, 10) });
      await app.dataSource.query(`DELETE FROM webhook_endpoints WHERE id = $1`, [id]);
    });

    it('lists, updates, disables, rotates and deletes endpoints', async () => {
      const hook = await receiver();
      const created = await endpoint(hook.url, [
        { type: 'FAQ', actions: ['DELETED', 'PUBLISHED'] },
        { type: 'TREATMENT', actions: ['PUBLISHED'] },
      ]);
      expect(created.secret).toMatch(/^whsec_/);
      const list = await app.graphql(
        `{ webhookEndpoints { id url enabled secretPrefix subscriptions { type actions } } }`,
        {},
        brand.admin.headers,
      );
      const listed = list.body.data.webhookEndpoints.find((e: any) => e.id === created.endpoint.id);
      expect(listed).toEqual({
        id: created.endpoint.id,
        url: hook.url,
        enabled: true,
        secretPrefix: created.secret.slice(0, 10),
        subscriptions: [
          { type: 'TREATMENT', actions: ['PUBLISHED'] },
          { type: 'FAQ', actions: ['PUBLISHED', 'DELETED'] },
        ],
      });
      expect(JSON.stringify(list.body)).not.toContain(created.secret);

      // Disabled: what was queued waits, and new events are not queued.
      await brand.edit('TREATMENT', brand.treatmentId, { summary: `Queued ${Date.now()}.` });
      const disabled = await app.graphql(
        `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { enabled } }`,
        { input: { id: created.endpoint.id, enabled: false } },
        brand.admin.headers,
      );
      expect(disabled.body.errors).toBeUndefined();
      expect(disabled.body.data.updateWebhookEndpoint.enabled).toBe(false);
      await brand.edit('TREATMENT', brand.treatmentId, { summary: `Ignored ${Date.now()}.` });
      await dispatcher.runDue();
      expect(hook.received).toHaveLength(0);
      expect(await deliveries(created.endpoint.id)).toHaveLength(1);

      // A rotated secret signs everything sent from then on.
      const rotated = await app.graphql(
        `mutation($id: ID!) { rotateWebhookSecret(input: { id: $id }) { secret } }`,
        { id: created.endpoint.id },
        brand.admin.headers,
      );
      const secret = rotated.body.data.rotateWebhookSecret.secret;
      expect(secret).not.toBe(created.secret);
      await app.graphql(
        `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { enabled } }`,
        { input: { id: created.endpoint.id, enabled: true } },
        brand.admin.headers,
      );
      await drain(created.endpoint.id);
      expect(hook.received).toHaveLength(1);
      expect(verifyWebhookSignature(secret, hook.received[0].body, hook.received[0].headers)).toBe(
        true,
      );
      expect(
        verifyWebhookSignature(created.secret, hook.received[0].body, hook.received[0].headers),
      ).toBe(false);

      const deleted = await app.graphql(
        `mutation($id: ID!) { deleteWebhookEndpoint(input: { id: $id }) { id } }`,
        { id: created.endpoint.id },
        brand.admin.headers,
      );
      expect(deleted.body.data.deleteWebhookEndpoint.id).toBe(created.endpoint.id);
      const [{ count }] = await app.dataSource.query(
        `SELECT count(*)::int AS count FROM webhook_deliveries WHERE endpoint_id = $1`,
        [created.endpoint.id],
      );
      expect(count).toBe(0);
    });

    it('is for brand admins of the endpoint’s brand only', async () => {
      const hook = await receiver();
      const created = await endpoint(hook.url, [{ type: 'FAQ', actions: ['PUBLISHED'] }]);
      const partner = await brand.createKey(['partner']);
      const editor = await loginAs(app, 'editor');
      const lumenAdmin = await loginAs(app, 'admin');
      for (const headers of [partner.headers, editor]) {
        const { body } = await register(hook.url, EVERYTHING, app, headers);
        expect(body.errors![0].extensions.code).toBe('FORBIDDEN');
      }
      // Another brand's admin cannot see or touch it.
      const theirList = await app.graphql(`{ webhookEndpoints { id } }`, {}, lumenAdmin);
      expect(theirList.body.data.webhookEndpoints.map((e: any) => e.id)).not.toContain(
        created.endpoint.id,
      );
      for (const query of [
        `mutation($id: ID!) { deleteWebhookEndpoint(input: { id: $id }) { id } }`,
        `mutation($id: ID!) { rotateWebhookSecret(input: { id: $id }) { secret } }`,
        `query($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount } }`,
      ]) {
        const { body } = await app.graphql(query, { id: created.endpoint.id }, lumenAdmin);
        expect(body.errors![0].extensions.code).toBe('FORBIDDEN');
      }
      const anonymous = await app.graphql(`{ webhookEndpoints { id } }`);
      expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('validates subscriptions and secrets', async () => {
      const hook = await receiver();
      const noActions = await register(hook.url, [{ type: 'FAQ', actions: [] }]);
      expect(noActions.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const shortSecret = await app.graphql(
        CREATE,
        {
          input: {
            url: hook.url,
            secret: 'too-short',
            subscriptions: [{ type: 'FAQ', actions: ['PUBLISHED'] }],
          },
        },
        brand.admin.headers,
      );
      expect(shortSecret.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const own = 'my-own-secret-that-is-long-enough-1234';
      const given = await app.graphql(
        CREATE,
        {
          input: {
            url: hook.url,
            secret: own,
            subscriptions: [{ type: 'FAQ', actions: ['PUBLISHED'] }],
          },
        },
        brand.admin.headers,
      );
      expect(given.body.data.createWebhookEndpoint.secret).toBe(own);
    });
  });

  it('sends a test event, signed, through the outbox to that endpoint only', async () => {
    const hook = await receiver();
    const bystander = await receiver();
    // Subscribed to nothing a test event is: it goes to the named endpoint whatever it subscribes to.
    const { secret, endpoint: registered } = await endpoint(hook.url, [
      { type: 'PRICE_ITEM', actions: ['DELETED'] },
    ]);
    const other = await endpoint(bystander.url);
    const TEST = `mutation($id: ID!) { sendTestWebhookEvent(input: { id: $id }) { id eventId eventType status body } }`;
    const { body } = await app.graphql(TEST, { id: registered.id }, brand.admin.headers);
    expect(body.errors).toBeUndefined();
    const queued = body.data.sendTestWebhookEvent;
    expect(queued).toMatchObject({ eventType: 'webhook.test', status: 'PENDING' });
    expect(JSON.parse(queued.body)).toMatchObject({
      id: queued.eventId,
      type: 'webhook.test',
      brand: { id: brand.id, slug: brand.slug },
      data: { test: true, endpointId: registered.id },
    });

    await drain(registered.id);
    expect(hook.received).toHaveLength(1);
    const [received] = hook.received;
    expect(received.body).toBe(queued.body);
    expect(received.headers['x-webhook-event']).toBe('webhook.test');
    expect(received.headers['x-webhook-id']).toBe(queued.eventId);
    expect(verifyWebhookSignature(secret, received.body, received.headers)).toBe(true);
    expect(await deliveries(registered.id)).toEqual([
      expect.objectContaining({ id: queued.id, eventType: 'webhook.test', status: 'SUCCEEDED' }),
    ]);
    await drain(other.endpoint.id);
    expect(bystander.received).toHaveLength(0);
    expect(await deliveries(other.endpoint.id)).toEqual([]);

    const audit = await app.graphql(
      `{ auditLog(action: "SEND_TEST_WEBHOOK_EVENT") { edges { node { targetId details } } } }`,
      {},
      brand.admin.headers,
    );
    expect(audit.body.data.auditLog.edges.map((edge: any) => edge.node)).toContainEqual({
      targetId: registered.id,
      details: { deliveryId: queued.id },
    });

    // Brand admins of the endpoint's brand only.
    const editor = await brand.createKey(['preview']);
    const lumenAdmin = await loginAs(app, 'admin');
    for (const headers of [editor.headers, lumenAdmin]) {
      const refused = await app.graphql(TEST, { id: registered.id }, headers);
      expect(refused.body.errors![0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await app.graphql(TEST, { id: registered.id })).body.errors![0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(await deliveries(registered.id)).toHaveLength(1);
  });
});
