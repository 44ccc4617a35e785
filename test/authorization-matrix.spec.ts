import {
  type AuthorizationRule,
  brandWide,
  type Caller,
  CALLERS,
  editorAccount,
  MUTATION_RULES,
  type Place,
  PUBLICATION_STATUS_RULES,
  QUERY_RULES,
} from '../src/access/authorization-rules';
import { AccountAdminService } from '../src/auth/account-admin.service';
import { ApiKeysService } from '../src/auth/api-keys.service';
import { UsersService } from '../src/auth/users.service';
import {
  createOtherBrand,
  EditingFixture,
  Headers,
  OtherBrand,
  SEEDED,
  signInNewEditor,
  startEditingFixture,
  uniqueSlug,
} from './helpers/content-editing';
import { DEMO_EDITORS, DEMO_PASSWORD, loginAs } from './helpers/login';

/**
 * Every mutation of the schema against every kind of caller and every kind
 * of target. The mutation list comes from introspection, so a mutation added
 * without a rule fails the first test. Queries that read across the
 * brand's places (the drift report, field policy impacts) or its accounts (people) have rules too.
 *
 * The rules (who may call what, where) live in src/access/authorization-rules.ts,
 * which the reference docs are generated from; this spec holds, per rule, how
 * to make a request at each place and, for some, what to check of its effect.
 */
interface Request {
  query: string;
  variables?: Record<string, unknown>;
  /** Replaces the caller's headers (e.g. a fresh session for logout). */
  headers?: Headers;
}

/** How to try one rule: the request at a place, and what its effect must be. */
interface Trial {
  /** Makes what the request needs (as an admin), then the request itself. */
  prepare(place: Place, caller: Caller): Promise<Request>;
  /** After an allowed request: what is wrong with its effect, if anything. */
  verify?(caller: Caller, place: Place): Promise<string | undefined>;
}
type Rule = AuthorizationRule & Trial;

/** Each rule of `rules` with its trial; a rule without one (or the reverse) is a failure. */
function withTrials(
  rules: Record<string, AuthorizationRule>,
  trials: Record<string, Trial>,
  label: (name: string) => string = (name) => name,
): Record<string, Rule> {
  const missing = [
    ...Object.keys(rules).filter((name) => !trials[name]),
    ...Object.keys(trials).filter((name) => !rules[name]),
  ];
  if (missing.length > 0) {
    throw new Error(
      `Rules and trials differ: ${missing.join(', ')}. A rule (places, who may call) goes in ` +
        'src/access/authorization-rules.ts, its trial (prepare, verify) here.',
    );
  }
  return Object.fromEntries(
    Object.entries(rules).map(([name, rule]) => [label(name), { ...rule, ...trials[name] }]),
  );
}

describe('authorization matrix: every mutation × every caller × every place', () => {
  let f: EditingFixture;
  let other: OtherBrand;
  let headersOf: Record<Caller, Headers>;

  beforeAll(async () => {
    // Webhook URLs on this machine; the delivery worker stays off, so nothing is sent.
    f = await startEditingFixture({ webhookAllowHttp: true, webhookAllowPrivateHosts: true });
    other = await createOtherBrand(f.app);
    const keys = f.app.app.get(ApiKeysService);
    const key = async (scopes: ('admin' | 'delivery')[]) => ({
      authorization: `Bearer ${
        (
          await keys.createApiKeyInBrand(
            SEEDED.brand,
            { name: scopes.join(), scopes },
            { kind: 'SYSTEM', id: null, label: 'test' },
          )
        ).key
      }`,
    });
    headersOf = {
      ...f.as,
      reviewer: await loginAs(f.app, 'reviewer'),
      adminKey: await key(['admin']),
      deliveryKey: await key(['delivery']),
      otherAdmin: await signInNewEditor(f.app, other.brand, 'BRAND_ADMIN'),
    };
  });
  afterAll(() => f?.close());

  // ---- what the places hold -------------------------------------------------
  const clinicAt = (place: Place) =>
    ({ austin: SEEDED.austin, dallas: SEEDED.dallas, denver: SEEDED.denver })[place as 'austin'] ??
    other.clinic;
  const offeringAt = (place: Place) =>
    ({
      austin: SEEDED.offering('austin-downtown'),
      dallas: SEEDED.offering('dallas-uptown'),
      denver: SEEDED.offering('denver-cherry-creek'),
    })[place as 'austin'] ?? other.offering;
  /** A provider who works only at the place's clinics. */
  const providerAt = (place: Place) =>
    ({
      austin: SEEDED.provider('jordan-reyes'),
      dallas: SEEDED.provider('priya-nair'),
      denver: SEEDED.provider('elena-petrova'),
    })[place as 'austin'] ?? other.provider;
  const ofBrand = (place: Place, ours: string, theirs: string) =>
    place === 'otherBrand' ? theirs : ours;
  /** The admin of the place's brand, to prepare things there. */
  const adminOf = (place: Place) =>
    place === 'otherBrand' ? headersOf.otherAdmin : headersOf.admin;

  const version = async (table: string, id: string): Promise<number> =>
    (await f.app.dataSource.query(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version;

  /** A new price item at the place, written as a draft or as published. */
  const newPrice = async (place: Place, status: 'DRAFT' | 'PUBLISHED') => {
    const [{ id }] = await f.app.dataSource.query(
      `INSERT INTO price_items (clinic_treatment_id, label, kind, amount_minor, currency, publication_status)
       VALUES ($1, $2, 'ADD_ON', 1000, 'USD', $3) RETURNING id`,
      [offeringAt(place), uniqueSlug('matrix'), status],
    );
    return id as string;
  };
  const priceRef = async (place: Place, status: 'DRAFT' | 'PUBLISHED') => {
    const id = await newPrice(place, status);
    return { type: 'PRICE_ITEM', id, version: await version('price_items', id) };
  };
  const brandAt = (place: Place) => ofBrand(place, SEEDED.brand, other.brand);
  const insertId = async (sql: string, params: unknown[]) =>
    ((await f.app.dataSource.query(sql, params)) as { id: string }[])[0].id;
  /** A new published treatment of the place's brand, free of overrides. */
  const newTreatment = (place: Place) =>
    insertId(
      `INSERT INTO treatments (brand_id, slug, name, summary, publication_status)
       VALUES ($1, $2, 'Matrix', 'Brand summary.', 'PUBLISHED') RETURNING id`,
      [brandAt(place), uniqueSlug('treatment')],
    );
  /** A new published FAQ: the brand's, or (at a clinic place) the clinic's own. */
  const newFaq = (place: Place, ofClinic: boolean) =>
    insertId(
      `INSERT INTO faqs (brand_id, clinic_id, question, answer, publication_status)
       VALUES ($1, $2, $3, 'Answer.', 'PUBLISHED') RETURNING id`,
      [brandAt(place), ofClinic ? clinicAt(place) : null, `${uniqueSlug('Question')}?`],
    );
  /** A published clinic override of a new treatment's summary at the place. */
  const newOverride = async (place: Place) => {
    const entityId = await newTreatment(place);
    const id = await insertId(
      `INSERT INTO overrides (brand_id, scope, clinic_id, entity_type, entity_id, field, value, publication_status)
       VALUES ($1, 'CLINIC', $2, 'TREATMENT', $3, 'summary', '"Local summary."', 'PUBLISHED') RETURNING id`,
      [brandAt(place), clinicAt(place), entityId],
    );
    return { id, entityId, version: await version('overrides', id) };
  };
  const overrideTarget = (place: Place, entityId: string) => ({
    scope: 'CLINIC',
    clinicId: clinicAt(place),
    entityType: 'TREATMENT',
    entityId,
    field: 'summary',
  });
  const OVERRIDE_RESULT = 'outcome item { id }';

  const webhookInput = () => ({
    url: `http://127.0.0.1:9/${uniqueSlug('hook')}`,
    subscriptions: [{ type: 'TREATMENT', actions: ['PUBLISHED'] }],
  });
  /** A webhook endpoint of the place's brand (written directly: brands may have only 20). */
  const newWebhook = (place: Place): Promise<string> =>
    insertId(
      `INSERT INTO webhook_endpoints (brand_id, url, secret, events, created_by)
       VALUES ($1, $2, repeat('s', 32), '{TREATMENT.PUBLISHED}', 'test') RETURNING id`,
      [brandAt(place), webhookInput().url],
    );
  const mutation = (name: string, inputType: string, selection = 'id') =>
    `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`;
  const run = async (request: Request, headers: Headers) =>
    f.app.graphql(request.query, request.variables, request.headers ?? headers);

  /** A clinic or provider put in a known publication state, draft cleared. */
  const resetStatus = async (table: 'clinics' | 'providers', id: string, status: string) => {
    await f.app.dataSource.query(
      `UPDATE ${table} SET publication_status = $2, draft = NULL WHERE id = $1`,
      [id, status],
    );
    return {
      type: table === 'clinics' ? 'CLINIC' : 'PROVIDER',
      id,
      version: await version(table, id),
    };
  };
  const statusOf = async (table: string, id: string): Promise<string> =>
    (await f.app.dataSource.query(`SELECT publication_status FROM ${table} WHERE id = $1`, [id]))[0]
      .publication_status;
  const SYSTEM = { kind: 'SYSTEM', id: null, label: 'test' } as const;
  /** A new editor account of the place's brand. */
  const newUser = async (place: Place): Promise<string> =>
    (
      await f.app.app.get(UsersService).createUserInBrand(
        brandAt(place),
        {
          email: `${uniqueSlug('matrix')}@example.com`,
          password: 'a-long-enough-password',
          role: 'BRAND_EDITOR',
        },
        SYSTEM,
      )
    ).id;
  /** A brand admin's operation on one account of the place's brand. */
  const userAdminRule = (
    name: string,
    inputType: string,
    selection: string,
    input: Record<string, unknown> = {},
  ): Trial => ({
    prepare: async (place) => ({
      query: `mutation($input: ${inputType}!) { ${name}(input: $input) ${selection} }`,
      variables: { input: { userId: await newUser(place), ...input } },
    }),
  });

  /** A claim rule of the place's brand (written directly). */
  const newClaimRule = (place: Place): Promise<string> =>
    insertId(
      `INSERT INTO claim_rules (brand_id, phrase, severity, reason)
       VALUES ($1, $2, 'WARN', 'Matrix.') RETURNING id`,
      [brandAt(place), uniqueSlug('phrase')],
    );
  /**
   * An item with a regulated change in its draft, written directly (so no
   * caller edited it): a new clinic disclaimer override at a clinic place, a
   * new treatment with contraindications for the brand.
   */
  const regulatedDraft = async (place: Place) => {
    if (place === 'lumen') {
      const id = await insertId(
        `INSERT INTO treatments (brand_id, slug, name, contraindications)
         VALUES ($1, $2, 'Matrix', '{Pregnancy}') RETURNING id`,
        [SEEDED.brand, uniqueSlug('treatment')],
      );
      return { type: 'TREATMENT', id, version: await version('treatments', id) };
    }
    const entityId = await newTreatment(place);
    const id = await insertId(
      `INSERT INTO overrides (brand_id, scope, clinic_id, entity_type, entity_id, field, value)
       VALUES ($1, 'CLINIC', $2, 'TREATMENT', $3, 'disclaimer', '"Local disclaimer."') RETURNING id`,
      [brandAt(place), clinicAt(place), entityId],
    );
    return { type: 'OVERRIDE', id, version: await version('overrides', id) };
  };
  /** A licence of the place's provider (written directly). */
  const newLicence = (place: Place): Promise<string> =>
    insertId(
      `INSERT INTO provider_licences (brand_id, provider_id, credential_type, licence_number, issuing_state, expires_at)
       VALUES ($1, $2, 'RN', $3, 'TX', now() + interval '1 year') RETURNING id`,
      [brandAt(place), providerAt(place === 'lumen' ? 'austin' : place), uniqueSlug('RN')],
    );
  const claimRuleInput = () => ({
    phrase: uniqueSlug('phrase'),
    severity: 'WARN',
    reason: 'Matrix.',
  });

  // ---- one rule per mutation ------------------------------------------------
  const TRIALS: Record<string, Trial> = {
    login: {
      prepare: async () => ({
        query: mutation('login', 'LoginInput', 'accessToken'),
        variables: { input: { email: DEMO_EDITORS.austin, password: DEMO_PASSWORD } },
      }),
    },
    startBrowserSession: {
      prepare: async () => ({
        query: mutation('startBrowserSession', 'LoginInput', 'accessToken'),
        variables: { input: { email: DEMO_EDITORS.austin, password: DEMO_PASSWORD } },
      }),
    },
    refreshSession: {
      prepare: async () => {
        const { body } = await f.app.graphql(mutation('login', 'LoginInput', 'refreshToken'), {
          input: { email: DEMO_EDITORS.austin, password: DEMO_PASSWORD },
        });
        return {
          query: mutation('refreshSession', 'RefreshSessionInput', 'accessToken'),
          variables: { input: { refreshToken: body.data.login.refreshToken } },
        };
      },
    },
    logout: {
      // A session of its own, so logging out does not end the caller's.
      prepare: async (_place, caller) => ({
        query: `mutation { logout }`,
        headers: await freshHeaders(caller),
      }),
    },
    createUser: {
      prepare: async () => ({
        query: mutation('createUser', 'CreateUserInput'),
        variables: {
          input: {
            email: `${uniqueSlug('matrix')}@example.com`,
            password: 'a-long-enough-password',
            role: 'BRAND_EDITOR',
          },
        },
      }),
    },
    inviteUser: {
      prepare: async () => ({
        query: mutation('inviteUser', 'InviteUserInput', 'setPasswordToken'),
        variables: {
          input: { email: `${uniqueSlug('matrix')}@example.com`, role: 'BRAND_EDITOR' },
        },
      }),
    },
    changePassword: {
      // A fresh account of the caller's brand, so no shared password changes.
      prepare: async (place, caller) => ({
        query: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
        variables: {
          input: {
            currentPassword: 'a-long-enough-password',
            newPassword: 'velvet orbit canyon marmalade',
          },
        },
        headers: editorAccount.allowed(caller, place)
          ? await signInNewEditor(
              f.app,
              caller === 'otherAdmin' ? other.brand : SEEDED.brand,
              'BRAND_EDITOR',
            )
          : headersOf[caller],
      }),
    },
    disableUser: userAdminRule('disableUser', 'DisableUserInput', '{ id }'),
    enableUser: userAdminRule('enableUser', 'EnableUserInput', '{ id }'),
    revokeSessions: userAdminRule('revokeSessions', 'RevokeSessionsInput', ''),
    createPasswordReset: userAdminRule(
      'createPasswordReset',
      'CreatePasswordResetInput',
      '{ token }',
    ),
    updateUserRole: userAdminRule('updateUserRole', 'UpdateUserRoleInput', '{ id }', {
      role: 'BRAND_EDITOR',
    }),
    resetPassword: {
      prepare: async () => {
        const userId = await newUser('own');
        const { token } = await f.app.app
          .get(AccountAdminService)
          .createPasswordReset({ brandId: SEEDED.brand, by: SYSTEM }, userId);
        return {
          query: `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`,
          variables: { input: { token, newPassword: 'harbor lantern quietly sings' } },
        };
      },
    },
    createApiKey: {
      prepare: async () => ({
        query: mutation('createApiKey', 'CreateApiKeyInput', 'key'),
        variables: { input: { name: 'matrix', scopes: ['DELIVERY'] } },
      }),
    },
    revokeApiKey: {
      prepare: async (place) => {
        const { body } = await f.app.graphql(
          mutation('createApiKey', 'CreateApiKeyInput', 'apiKey { id }'),
          { input: { name: 'to revoke', scopes: ['DELIVERY'] } },
          adminOf(place),
        );
        return {
          query: mutation('revokeApiKey', 'RevokeApiKeyInput'),
          variables: { input: { id: body.data.createApiKey.apiKey.id } },
        };
      },
    },
    updateBrand: {
      prepare: async (place) => {
        const id = ofBrand(place, SEEDED.brand, other.brand);
        return {
          query: mutation('updateBrand', 'UpdateBrandInput'),
          variables: {
            input: {
              id,
              version: await version('brands', id),
              websiteUrl: `https://${uniqueSlug('x')}.example`,
            },
          },
        };
      },
    },
    createRegion: {
      prepare: async () => ({
        query: mutation('createRegion', 'CreateRegionInput'),
        variables: { input: { slug: uniqueSlug('region'), name: 'Region' } },
      }),
    },
    updateRegion: {
      prepare: async (place) => {
        const id = ofBrand(place, SEEDED.texas, other.region);
        return {
          query: mutation('updateRegion', 'UpdateRegionInput'),
          variables: {
            input: { id, version: await version('regions', id), name: uniqueSlug('Texas') },
          },
        };
      },
    },
    createClinic: {
      prepare: async () => ({
        query: mutation('createClinic', 'CreateClinicInput'),
        variables: {
          input: {
            slug: uniqueSlug('clinic'),
            name: 'Matrix Clinic',
            addressLine1: '1 Main St',
            city: 'Waco',
            country: 'US',
            latitude: 31.5,
            longitude: -97.1,
            timezone: 'America/Chicago',
          },
        },
      }),
    },
    updateClinic: {
      prepare: async (place) => {
        const id = clinicAt(place);
        return {
          query: mutation('updateClinic', 'UpdateClinicInput'),
          variables: {
            input: {
              id,
              version: await version('clinics', id),
              phone: `+1 512-555-01${Math.floor(Math.random() * 90 + 10)}`,
            },
          },
        };
      },
    },
    createTreatment: {
      prepare: async () => ({
        query: mutation('createTreatment', 'CreateTreatmentInput'),
        variables: { input: { slug: uniqueSlug('treatment'), name: 'Matrix Peel' } },
      }),
    },
    updateTreatment: {
      prepare: async (place) => {
        const id = ofBrand(place, SEEDED.microNeedling, other.treatment);
        return {
          query: mutation('updateTreatment', 'UpdateTreatmentInput'),
          variables: {
            input: { id, version: await version('treatments', id), aliases: [uniqueSlug('alias')] },
          },
        };
      },
    },
    createProvider: {
      prepare: async () => ({
        query: mutation('createProvider', 'CreateProviderInput'),
        variables: { input: { slug: uniqueSlug('provider'), name: 'Matrix Provider' } },
      }),
    },
    updateProvider: {
      prepare: async (place) => {
        const id = providerAt(place);
        return {
          query: mutation('updateProvider', 'UpdateProviderInput'),
          variables: {
            input: { id, version: await version('providers', id), bio: uniqueSlug('Bio') },
          },
        };
      },
    },
    offerTreatment: {
      prepare: async (place) => {
        const [{ id }] = await f.app.dataSource.query(
          `INSERT INTO treatments (brand_id, slug, name, publication_status)
           VALUES ($1, $2, 'Offered', 'PUBLISHED') RETURNING id`,
          [ofBrand(place, SEEDED.brand, other.brand), uniqueSlug('offered')],
        );
        return {
          query: mutation('offerTreatment', 'OfferTreatmentInput'),
          variables: { input: { clinicId: clinicAt(place), treatmentId: id } },
        };
      },
    },
    updateClinicTreatment: {
      prepare: async (place) => {
        const id = offeringAt(place);
        return {
          query: mutation('updateClinicTreatment', 'UpdateClinicTreatmentInput'),
          variables: {
            input: {
              id,
              version: await version('clinic_treatments', id),
              notes: uniqueSlug('Notes'),
            },
          },
        };
      },
    },
    createPriceItem: {
      prepare: async (place) => ({
        query: mutation('createPriceItem', 'CreatePriceItemInput'),
        variables: {
          input: {
            clinicTreatmentId: offeringAt(place),
            label: uniqueSlug('Price'),
            kind: 'ADD_ON',
            amountMinor: 1500,
            currency: 'USD',
          },
        },
      }),
    },
    updatePriceItem: {
      prepare: async (place) => {
        const ref = await priceRef(place, 'PUBLISHED');
        return {
          query: mutation('updatePriceItem', 'UpdatePriceItemInput'),
          variables: { input: { id: ref.id, version: ref.version, amountMinor: 2500 } },
        };
      },
    },
    publish: {
      prepare: async (place) => ({
        query: mutation('publish', 'PublishInput'),
        variables: { input: { items: [await priceRef(place, 'DRAFT')] } },
      }),
    },
    unpublish: {
      prepare: async (place) => ({
        query: mutation('unpublish', 'UnpublishInput'),
        variables: { input: { item: await priceRef(place, 'PUBLISHED') } },
      }),
    },
    deleteItem: {
      prepare: async (place) => ({
        query: mutation('deleteItem', 'DeleteItemInput'),
        variables: { input: { item: await priceRef(place, 'DRAFT') } },
      }),
    },
    restoreRevision: {
      prepare: async (place) => {
        const ref = await priceRef(place, 'PUBLISHED');
        const { body } = await f.app.graphql(
          mutation('updatePriceItem', 'UpdatePriceItemInput', 'version'),
          { input: { id: ref.id, version: ref.version, amountMinor: 1234 } },
          adminOf(place),
        );
        const [revision] = await f.app.dataSource.query(
          `SELECT id::text FROM revisions WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`,
          [ref.id],
        );
        return {
          query: mutation('restoreRevision', 'RestoreRevisionInput'),
          variables: {
            input: { revisionId: revision.id, version: body.data.updatePriceItem.version },
          },
        };
      },
    },
    schedulePublish: {
      prepare: async (place) => ({
        query: mutation('schedulePublish', 'SchedulePublishInput'),
        variables: {
          input: {
            items: [await priceRef(place, 'DRAFT')],
            publishAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        },
      }),
    },
    cancelScheduledPublication: {
      prepare: async (place) => {
        const item = await priceRef(place === 'lumen' ? 'austin' : place, 'DRAFT');
        const { body } = await f.app.graphql(
          mutation('schedulePublish', 'SchedulePublishInput'),
          {
            input: { items: [item], publishAt: new Date(Date.now() + 86_400_000).toISOString() },
          },
          adminOf(place),
        );
        return {
          query: `mutation($id: ID!) { cancelScheduledPublication(id: $id) { id } }`,
          variables: { id: body.data.schedulePublish.id },
        };
      },
    },
    createFaq: {
      prepare: async (place) => ({
        query: mutation('createFaq', 'CreateFaqInput'),
        variables: {
          input: {
            question: `${uniqueSlug('Question')}?`,
            answer: 'Answer.',
            ...(place === 'own' ? {} : { clinicId: clinicAt(place) }),
          },
        },
      }),
    },
    updateFaq: {
      prepare: async (place) => {
        const id = await newFaq(place, place !== 'lumen');
        return {
          query: mutation('updateFaq', 'UpdateFaqInput'),
          variables: { input: { id, version: 1, answer: uniqueSlug('Answer') } },
        };
      },
    },
    hideFaq: {
      prepare: async (place) => ({
        query: mutation('hideFaq', 'HideFaqInput', OVERRIDE_RESULT),
        variables: {
          input: { scope: 'CLINIC', clinicId: clinicAt(place), faqId: await newFaq(place, false) },
        },
      }),
    },
    showFaq: {
      prepare: async (place) => {
        const faqId = await newFaq(place, false);
        const id = await insertId(
          `INSERT INTO overrides (brand_id, scope, clinic_id, entity_type, entity_id, field, value, publication_status)
           VALUES ($1, 'CLINIC', $2, 'FAQ', $3, 'hidden', 'true', 'PUBLISHED') RETURNING id`,
          [brandAt(place), clinicAt(place), faqId],
        );
        return {
          query: mutation('showFaq', 'ShowFaqInput', OVERRIDE_RESULT),
          variables: {
            input: {
              scope: 'CLINIC',
              clinicId: clinicAt(place),
              faqId,
              version: await version('overrides', id),
            },
          },
        };
      },
    },
    reorderFaqs: {
      prepare: async (place) => {
        const ofClinic = place !== 'lumen';
        const id = await newFaq(place, ofClinic);
        return {
          query: mutation('reorderFaqs', 'ReorderFaqsInput', 'faqId outcome'),
          variables: {
            input: {
              ...(ofClinic ? { clinicId: clinicAt(place) } : {}),
              items: [{ id, version: 1, position: 7 }],
            },
          },
        };
      },
    },
    setOverride: {
      prepare: async (place) => ({
        query: mutation('setOverride', 'SetOverrideInput', OVERRIDE_RESULT),
        variables: {
          input: {
            ...overrideTarget(place, await newTreatment(place)),
            value: uniqueSlug('Local'),
          },
        },
      }),
    },
    clearOverride: {
      prepare: async (place) => {
        const override = await newOverride(place);
        return {
          query: mutation('clearOverride', 'ClearOverrideInput', OVERRIDE_RESULT),
          variables: {
            input: { ...overrideTarget(place, override.entityId), version: override.version },
          },
        };
      },
    },
    resetToBrand: {
      prepare: async (place) => {
        const override = await newOverride(place);
        const { field: _field, ...target } = overrideTarget(place, override.entityId);
        return {
          query: mutation('resetToBrand', 'ResetToBrandInput'),
          variables: {
            input: { ...target, overrides: [{ id: override.id, version: override.version }] },
          },
        };
      },
    },
    resetOverrides: {
      prepare: async (place) => {
        const { id, version } = await newOverride(place);
        return {
          query: mutation('resetOverrides', 'DriftOverridesInput'),
          variables: { input: { overrides: [{ id, version }] } },
        };
      },
    },
    markOverridesReviewed: {
      prepare: async (place) => {
        const { id, version } = await newOverride(place);
        return {
          query: mutation('markOverridesReviewed', 'DriftOverridesInput'),
          variables: { input: { overrides: [{ id, version }] } },
        };
      },
    },
    setFieldPolicy: {
      prepare: async (_place, caller) => {
        const brandId = caller === 'otherAdmin' ? other.brand : SEEDED.brand;
        const [policy] = await f.app.dataSource.query(
          `SELECT version FROM field_policies
            WHERE brand_id = $1 AND entity_type = 'TREATMENT' AND field = 'aliases'`,
          [brandId],
        );
        return {
          query: mutation('setFieldPolicy', 'SetFieldPolicyInput'),
          variables: {
            input: {
              entityType: 'TREATMENT',
              field: 'aliases',
              policy: 'INHERITABLE',
              ...(policy ? { version: policy.version } : {}),
            },
          },
        };
      },
    },
    createWebhookEndpoint: {
      prepare: async (_place, caller) => {
        // Room under the per-brand limit, whatever other rules registered.
        await f.app.dataSource.query(`DELETE FROM webhook_endpoints WHERE brand_id = $1`, [
          caller === 'otherAdmin' ? other.brand : SEEDED.brand,
        ]);
        return {
          query: mutation('createWebhookEndpoint', 'CreateWebhookEndpointInput', 'secret'),
          variables: { input: webhookInput() },
        };
      },
    },
    updateWebhookEndpoint: {
      prepare: async (place) => ({
        query: mutation('updateWebhookEndpoint', 'UpdateWebhookEndpointInput'),
        variables: { input: { id: await newWebhook(place), description: 'Updated' } },
      }),
    },
    rotateWebhookSecret: {
      prepare: async (place) => ({
        query: mutation('rotateWebhookSecret', 'RotateWebhookSecretInput', 'secret'),
        variables: { input: { id: await newWebhook(place) } },
      }),
    },
    deleteWebhookEndpoint: {
      prepare: async (place) => ({
        query: mutation('deleteWebhookEndpoint', 'WebhookIdInput'),
        variables: { input: { id: await newWebhook(place) } },
      }),
    },
    replayWebhookDelivery: {
      prepare: async (place) => {
        const endpointId = await newWebhook(place);
        const eventId = await insertId(
          `INSERT INTO webhook_events (id, brand_id, event_type, body)
           VALUES (gen_random_uuid(), $1, 'TREATMENT.PUBLISHED', '{}') RETURNING id`,
          [brandAt(place)],
        );
        const id = await insertId(
          `INSERT INTO webhook_deliveries (event_id, endpoint_id, status, give_up_at)
           VALUES ($1, $2, 'DEAD', now()) RETURNING id`,
          [eventId, endpointId],
        );
        return {
          query: mutation('replayWebhookDelivery', 'WebhookIdInput'),
          variables: { input: { id } },
        };
      },
    },
    sendTestWebhookEvent: {
      prepare: async (place) => ({
        query: mutation('sendTestWebhookEvent', 'WebhookIdInput'),
        variables: { input: { id: await newWebhook(place) } },
      }),
    },
    approveDraft: {
      prepare: async (place) => ({
        query: mutation('approveDraft', 'ReviewDraftInput'),
        variables: { input: { item: await regulatedDraft(place) } },
      }),
    },
    requestChanges: {
      prepare: async (place) => ({
        query: mutation('requestChanges', 'RequestChangesInput'),
        variables: { input: { item: await regulatedDraft(place), comment: 'Cite a source.' } },
      }),
    },
    updateComplianceSettings: {
      prepare: async () => ({
        query: mutation(
          'updateComplianceSettings',
          'UpdateComplianceSettingsInput',
          'reviewIntervalMonths',
        ),
        variables: { input: { reviewIntervalMonths: 12 } },
      }),
    },
    addProviderLicence: {
      prepare: async (place) => ({
        query: mutation('addProviderLicence', 'AddProviderLicenceInput'),
        variables: {
          input: {
            providerId: providerAt(place === 'lumen' ? 'austin' : place),
            credentialType: 'RN',
            licenceNumber: uniqueSlug('RN'),
            issuingState: 'TX',
            expiresAt: '2031-01-01T00:00:00Z',
          },
        },
      }),
    },
    updateProviderLicence: {
      prepare: async (place) => ({
        query: mutation('updateProviderLicence', 'UpdateProviderLicenceInput'),
        variables: { input: { id: await newLicence(place), expiresAt: '2032-01-01T00:00:00Z' } },
      }),
    },
    verifyProviderLicence: {
      prepare: async (place) => ({
        query: mutation('verifyProviderLicence', 'LicenceIdInput'),
        variables: { input: { id: await newLicence(place) } },
      }),
    },
    removeProviderLicence: {
      prepare: async (place) => ({
        query: mutation('removeProviderLicence', 'LicenceIdInput'),
        variables: { input: { id: await newLicence(place) } },
      }),
    },
    setCredentialRule: {
      prepare: async (place) => ({
        query: mutation('setCredentialRule', 'SetCredentialRuleInput'),
        variables: {
          input: { treatmentId: await newTreatment(place), state: 'TX', credentialTypes: ['MD'] },
        },
      }),
    },
    deleteCredentialRule: {
      prepare: async (place) => {
        const treatmentId = await newTreatment(place);
        await f.app.dataSource.query(
          `INSERT INTO credential_rules (brand_id, treatment_id, state, credential_types)
           VALUES ($1, $2, 'TX', '{MD}')`,
          [brandAt(place), treatmentId],
        );
        return {
          query: mutation('deleteCredentialRule', 'DeleteCredentialRuleInput'),
          variables: { input: { treatmentId, state: 'TX' } },
        };
      },
    },
    createClaimRule: {
      prepare: async () => ({
        query: mutation('createClaimRule', 'ClaimRuleInput'),
        variables: { input: claimRuleInput() },
      }),
    },
    updateClaimRule: {
      prepare: async (place) => ({
        query: mutation('updateClaimRule', 'UpdateClaimRuleInput'),
        variables: { input: { id: await newClaimRule(place), ...claimRuleInput() } },
      }),
    },
    deleteClaimRule: {
      prepare: async (place) => ({
        query: mutation('deleteClaimRule', 'DeleteClaimRuleInput'),
        variables: { input: { id: await newClaimRule(place) } },
      }),
    },
  };

  /**
   * Whether a brand-level item or a clinic is live is the brand's call
   * (issue 9.3): more cases of publish, unpublish and deleteItem.
   */
  const STATUS_TRIALS: Record<string, Trial> = {
    'publish (a local draft of a provider the brand unpublished)': {
      prepare: async (place) => {
        const ref = await resetStatus('providers', providerAt(place), 'DRAFT');
        const { body } = await f.app.graphql(
          mutation('updateProvider', 'UpdateProviderInput', 'version'),
          { input: { id: ref.id, version: ref.version, bio: uniqueSlug('Bio') } },
          adminOf(place),
        );
        return {
          query: mutation('publish', 'PublishInput'),
          variables: { input: { items: [{ ...ref, version: body.data.updateProvider.version }] } },
        };
      },
      verify: async (caller, place) => {
        const status = await statusOf('providers', providerAt(place));
        const expected = brandWide.allowed(caller, place) ? 'PUBLISHED' : 'DRAFT';
        return status === expected ? undefined : `provider is ${status}, expected ${expected}`;
      },
    },
    'publish (a clinic the brand took off the site)': {
      prepare: async (place) => ({
        query: mutation('publish', 'PublishInput'),
        variables: { input: { items: [await resetStatus('clinics', clinicAt(place), 'DRAFT')] } },
      }),
    },
    'unpublish (a clinic)': {
      prepare: async (place) => ({
        query: mutation('unpublish', 'UnpublishInput'),
        variables: { input: { item: await resetStatus('clinics', clinicAt(place), 'PUBLISHED') } },
      }),
    },
    'deleteItem (a clinic: the deletion is staged)': {
      prepare: async (place) => ({
        query: mutation('deleteItem', 'DeleteItemInput'),
        variables: { input: { item: await resetStatus('clinics', clinicAt(place), 'PUBLISHED') } },
      }),
    },
  };
  /** Queries that read across the brand's places: the rule the caller meets, or the refusal. */
  const QUERY_TRIALS: Record<string, Trial> = {
    driftReport: {
      prepare: async () => ({ query: `{ driftReport(first: 5) { totalCount } }` }),
    },
    driftFilters: {
      prepare: async () => ({ query: `{ driftFilters { fields regions { name } } }` }),
    },
    fieldPolicyImpact: {
      prepare: async () => ({
        query: `{ fieldPolicyImpact(entityType: TREATMENT, field: "summary", policy: LOCKED) { clinicOverrides } }`,
      }),
    },
    auditLog: {
      prepare: async () => ({
        query: `{ auditLog(first: 5, action: "CONTENT_PUBLISH", since: "2020-01-01T00:00:00Z") { totalCount } }`,
      }),
    },
    fieldPolicySettings: {
      prepare: async () => ({
        query: `{ fieldPolicySettings(entityType: TREATMENT) { field policy } }`,
      }),
    },
    // The console's People screen: the brand's accounts, brand admins only.
    people: {
      prepare: async () => ({
        query: `{ people(first: 5) { totalCount edges { node { email } } } }`,
      }),
    },
  };
  const RULES = withTrials(MUTATION_RULES, TRIALS);
  const ALL_RULES = {
    ...RULES,
    ...withTrials(PUBLICATION_STATUS_RULES, STATUS_TRIALS),
    ...withTrials(QUERY_RULES, QUERY_TRIALS, (name) => `${name} (query)`),
  };
  // The status rules leave clinics and providers live again for the rules that follow.
  afterEach(async () => {
    await f.app.dataSource.query(
      `UPDATE clinics SET publication_status = 'PUBLISHED', draft = NULL WHERE id = ANY($1)`,
      [[SEEDED.austin, SEEDED.dallas, SEEDED.denver, other.clinic]],
    );
    await f.app.dataSource.query(
      `UPDATE providers SET publication_status = 'PUBLISHED' WHERE id = ANY($1)`,
      [(['austin', 'dallas', 'denver', 'otherBrand'] as Place[]).map(providerAt)],
    );
  });

  /**
   * FORBIDDEN or NOT_FOUND, or (to brand-wide editors) an id named as not
   * of their brand, or a revision id answered as unknown (another brand's
   * revisions are answered exactly like missing ones): each refuses without
   * telling whether the target exists.
   */
  function isRefusal(error: { message: string; extensions?: { code?: string } }): boolean {
    const code = error.extensions?.code;
    return (
      code === 'FORBIDDEN' ||
      code === 'NOT_FOUND' ||
      (code === 'BAD_USER_INPUT' &&
        /no such item in this brand|no revision with content to restore/.test(error.message))
    );
  }

  async function freshHeaders(caller: Caller): Promise<Headers> {
    if (caller === 'otherAdmin') return signInNewEditor(f.app, other.brand, 'BRAND_ADMIN');
    if (
      caller === 'admin' ||
      caller === 'editor' ||
      caller === 'texas' ||
      caller === 'austin' ||
      caller === 'reviewer'
    ) {
      return loginAs(f.app, caller);
    }
    return headersOf[caller];
  }

  it('has a rule for every mutation in the schema', async () => {
    const { body } = await f.app.graphql(`{ __schema { mutationType { fields { name } } } }`);
    const names: string[] = body.data.__schema.mutationType.fields.map(
      (field: { name: string }) => field.name,
    );
    expect(names.filter((name) => !RULES[name])).toEqual([]);
    expect(Object.keys(RULES).filter((name) => !names.includes(name))).toEqual([]);
  });

  const cases = Object.entries(ALL_RULES).flatMap(([name, rule]) =>
    rule.places.flatMap((place) => CALLERS.map((caller) => ({ name, rule, place, caller }))),
  );

  it.each(Object.keys(ALL_RULES))(
    '%s answers each caller and place as its rule says',
    async (name) => {
      const rule = ALL_RULES[name];
      const outcomes: string[] = [];
      for (const { place, caller } of cases.filter((c) => c.name === name)) {
        const request = await rule.prepare(place, caller);
        const { body } = await run(request, headersOf[caller]);
        const code: string | undefined = body.errors?.[0]?.extensions?.code;
        const expected = rule.who.allowed(caller, place)
          ? 'allowed'
          : caller === 'anonymous'
            ? 'UNAUTHENTICATED'
            : 'refused';
        const actual = !body.errors
          ? 'allowed'
          : isRefusal(body.errors[0])
            ? 'refused'
            : (code ?? 'no code');
        if (actual !== expected) {
          outcomes.push(
            `${caller} at ${place}: expected ${expected}, got ${actual} ${JSON.stringify(body.errors?.[0]?.message ?? '')}`,
          );
        } else if (actual === 'allowed') {
          const wrong = await rule.verify?.(caller, place);
          if (wrong) outcomes.push(`${caller} at ${place}: ${wrong}`);
        }
      }
      expect(outcomes).toEqual([]);
    },
  );
});
