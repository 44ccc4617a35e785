import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { AuditActor } from '../src/audit/audit-entry';
import { AuditService } from '../src/audit/audit.service';
import { hashPassword } from '../src/auth/password';
import { UserClinicEntity, UserRegionEntity } from '../src/auth/user-assignments.entity';
import { UserEntity } from '../src/auth/user.entity';
import { BrandEntity } from '../src/brands/brand.entity';
import { ClinicEntity } from '../src/clinics/clinic.entity';
import { FieldPolicyEntity } from '../src/overrides/field-policy.entity';
import { OverrideEntity } from '../src/overrides/override.entity';
import { CONTENT_TYPE_DEFS, ContentType } from '../src/content-types/registry';
import { storeMissingRenderingsOfContent } from '../src/editing/content-store';
import { readStoredItem } from '../src/editing/item-values';
import { RevisionsService } from '../src/editing/revisions.service';
import { FaqTreatmentEntity } from '../src/faqs/faq-treatment.entity';
import { FaqEntity } from '../src/faqs/faq.entity';
import { ClinicTreatmentEntity } from '../src/pricing/clinic-treatment.entity';
import { PriceItemEntity } from '../src/pricing/price-item.entity';
import {
  ProviderClinicEntity,
  ProviderTreatmentEntity,
} from '../src/providers/provider-links.entity';
import { ProviderEntity } from '../src/providers/provider.entity';
import { RegionEntity } from '../src/regions/region.entity';
import { TreatmentEntity } from '../src/treatments/treatment.entity';
import {
  DEMO_BRAND,
  DEMO_CLINIC_FAQS,
  DEMO_CLINICS,
  DEMO_FAQ_OVERRIDES,
  DEMO_FIELD_POLICIES,
  DEMO_LICENCE_EXPIRY,
  DEMO_PROVIDERS,
  DEMO_REGIONS,
  DEMO_TREATMENT_OVERRIDES,
} from './content/demo-network';
import { DEMO_EDITOR_PASSWORD, DEMO_EDITORS } from './content/demo-editors';
import { buildMicroNeedlingContent, readMicroNeedlingArticle } from './content/micro-needling';
import { clinicalSourcesOf } from './content/clinical-sources';
import { DEFAULT_CLAIM_RULES } from '../src/compliance/claim-rule-defaults';
import { stableId } from './stable-id';

/** How many rows each table gained; all zero on a database already seeded. */
export type SeedReport = Record<string, number>;

const PUBLISHED = { publicationStatus: 'PUBLISHED' as const };

export interface SeedOptions {
  /** The dev-only demo editor accounts; never in production by default. */
  demoEditors?: boolean;
}

/**
 * Seeds the sample franchise and the micro-needling treatment from the
 * article. Rows have stable ids and are inserted only when missing, so a
 * second run changes nothing and edits made since the first run survive.
 * Every editable item it inserts gets a CREATE revision (source SEED), like
 * any other write. Everything happens in one transaction: a failure leaves
 * no partial seed.
 */
export async function runSeed(
  dataSource: DataSource,
  { demoEditors = process.env.NODE_ENV !== 'production' }: SeedOptions = {},
): Promise<SeedReport> {
  return dataSource.transaction(async (manager) => {
    const seeder = new Seeder(manager, new Date(), demoEditors);
    await seeder.seedAll();
    await seeder.recordRevisions();
    await storeMissingRenderingsOfContent(manager);
    return seeder.report;
  });
}

/** Seeds only a database without any brand (used by `npm start`). */
export async function seedIfEmpty(dataSource: DataSource): Promise<boolean> {
  const brands = await dataSource.getRepository(BrandEntity).count();
  if (brands > 0) return false;
  await runSeed(dataSource);
  return true;
}

/** Who the seed's revisions name. */
const SEED_WRITE = {
  actor: { kind: 'SYSTEM', id: null, label: 'seed' } satisfies AuditActor,
  source: 'SEED',
};

const CONTENT_TYPE_OF_TABLE = new Map(
  Object.values(CONTENT_TYPE_DEFS).map((def) => [def.table, def.type] as const),
);

class Seeder {
  readonly report: SeedReport = {};
  private readonly inserted: { type: ContentType; id: string }[] = [];
  private readonly published: {
    publicationStatus: 'PUBLISHED';
    publishedAt: Date;
  };

  constructor(
    private readonly manager: EntityManager,
    now: Date,
    private readonly demoEditors: boolean,
  ) {
    this.published = { ...PUBLISHED, publishedAt: now };
  }

  async seedAll(): Promise<void> {
    const content = buildMicroNeedlingContent();
    const brandId = stableId(`brand:${DEMO_BRAND.slug}`);
    const treatmentId = stableId(`treatment:${content.slug}`);
    const regionId = (slug: string) => stableId(`region:${slug}`);
    const clinicId = (slug: string) => stableId(`clinic:${slug}`);
    const faqId = (key: string) => stableId(`faq:${key}`);
    // What the brand said when the override was written (for staleness).
    const brandFaqValue = (key: string, field: string) => {
      const faq = content.faqs.find((candidate) => candidate.key === key);
      if (!faq) throw new Error(`Seed: no brand FAQ "${key}" to override`);
      return field === 'hidden' ? false : faq[field as 'position'];
    };

    await this.insert(BrandEntity, [
      { id: brandId, ...DEMO_BRAND, isSample: true, ...this.published },
    ]);
    // The claims linter's default rules (docs/compliance.md); the brand edits them afterwards.
    await this.insertRows(
      'claim_rules',
      DEFAULT_CLAIM_RULES.map((rule, i) => ({
        id: stableId(`claim-rule:${DEMO_BRAND.slug}:${i}`),
        brand_id: brandId,
        phrase: rule.phrase,
        pattern: rule.pattern,
        severity: rule.severity,
        reason: rule.reason,
      })),
    );
    await this.insert(
      RegionEntity,
      DEMO_REGIONS.map((region) => ({
        id: regionId(region.slug),
        brandId,
        ...region,
        ...this.published,
      })),
    );
    await this.insert(
      ClinicEntity,
      DEMO_CLINICS.map(({ region, microNeedlingPrices: _prices, ...clinic }) => ({
        ...clinic,
        id: clinicId(clinic.slug),
        brandId,
        regionId: regionId(region),
        country: 'US',
        locale: DEMO_BRAND.locale,
        currency: DEMO_BRAND.currency,
        operatingStatus: 'OPEN' as const,
        ...this.published,
      })),
    );

    // Dev-only accounts: production starts with none (see demo-editors.ts).
    if (this.demoEditors) {
      await this.seedDemoEditors(brandId, regionId, clinicId);
    }

    await this.insert(TreatmentEntity, [
      {
        id: treatmentId,
        brandId,
        slug: content.slug,
        name: content.name,
        aliases: content.aliases,
        summary: content.summary,
        sections: content.sections,
        facts: {
          durationMinutes: content.facts.durationMinutes.value,
          recoveryDays: content.facts.recoveryDays.value,
          sessions: content.facts.sessions.value,
          sessionIntervalWeeks: content.facts.sessionIntervalWeeks.value,
          maintenancePerYear: content.facts.maintenancePerYear.value,
        },
        aftercare: content.aftercare.value,
        contraindications: content.contraindications.value,
        combinesWith: content.combinesWith.value,
        disclaimer: null,
        ...this.published,
      },
    ]);
    await this.insert(
      FieldPolicyEntity,
      DEMO_FIELD_POLICIES.map((policy) => ({
        id: stableId(`field-policy:${DEMO_BRAND.slug}:${policy.entityType}:${policy.field}`),
        brandId,
        ...policy,
        ...this.published,
      })),
    );

    await this.insert(FaqEntity, [
      ...content.faqs.map((faq) => ({
        id: faqId(faq.key),
        brandId,
        clinicId: null,
        question: faq.question,
        answer: faq.answer,
        position: faq.position,
        ...this.published,
      })),
      ...DEMO_CLINIC_FAQS.map((faq) => ({
        id: faqId(faq.key),
        brandId,
        clinicId: clinicId(faq.clinic),
        question: faq.question,
        answer: faq.answer,
        position: faq.position,
        ...this.published,
      })),
    ]);
    await this.insert(
      FaqTreatmentEntity,
      [...content.faqs, ...DEMO_CLINIC_FAQS].map((faq) => ({
        faqId: faqId(faq.key),
        treatmentId,
      })),
    );

    await this.insert(
      ProviderEntity,
      DEMO_PROVIDERS.map(({ clinics: _clinics, licences: _licences, ...provider }) => ({
        ...provider,
        id: stableId(`provider:${provider.slug}`),
        brandId,
        photoUrl: `https://lumen-aesthetics.example/team/${provider.slug}.jpg`,
        ...this.published,
      })),
    );
    await this.insert(
      ProviderClinicEntity,
      DEMO_PROVIDERS.flatMap((provider) =>
        provider.clinics.map((clinic) => ({
          providerId: stableId(`provider:${provider.slug}`),
          clinicId: clinicId(clinic),
        })),
      ),
    );
    await this.insert(
      ProviderTreatmentEntity,
      DEMO_PROVIDERS.map((provider) => ({
        providerId: stableId(`provider:${provider.slug}`),
        treatmentId,
      })),
    );

    // Where each seeded clinical value comes from (docs/compliance.md, "Provenance").
    await this.insertRows(
      'clinical_sources',
      clinicalSourcesOf(content, readMicroNeedlingArticle()).map((source) => {
        const entityId = source.item.type === 'FAQ' ? faqId(source.item.key) : treatmentId;
        return {
          id: stableId(`clinical-source:${source.item.type}:${entityId}:${source.field}`),
          brand_id: brandId,
          entity_type: source.item.type,
          entity_id: entityId,
          field: source.field,
          document: source.document,
          line: source.line,
          quote: source.quote,
        };
      }),
    );
    await this.insertRows(
      'provider_licences',
      DEMO_PROVIDERS.flatMap((provider) =>
        provider.licences.map((licence) => ({
          id: stableId(
            `licence:${provider.slug}:${licence.issuingState}:${licence.credentialType}`,
          ),
          brand_id: brandId,
          provider_id: stableId(`provider:${provider.slug}`),
          credential_type: licence.credentialType,
          licence_number: licence.licenceNumber,
          issuing_state: licence.issuingState,
          expires_at: DEMO_LICENCE_EXPIRY,
          verified_by: 'seed (sample data)',
          verified_at: this.published.publishedAt,
        })),
      ),
    );

    const offeringId = (clinic: string) => stableId(`clinic-treatment:${clinic}:${content.slug}`);
    await this.insert(
      ClinicTreatmentEntity,
      DEMO_CLINICS.map((clinic) => ({
        id: offeringId(clinic.slug),
        clinicId: clinicId(clinic.slug),
        treatmentId,
        ...this.published,
      })),
    );
    await this.insert(
      PriceItemEntity,
      DEMO_CLINICS.flatMap((clinic) =>
        clinic.microNeedlingPrices.map((price, position) => ({
          id: stableId(`price:${clinic.slug}:${content.slug}:${price.label}`),
          clinicTreatmentId: offeringId(clinic.slug),
          label: price.label,
          kind: price.kind,
          amountMinor: price.amountMinor,
          currency: DEMO_BRAND.currency,
          isFromPrice: price.isFromPrice ?? false,
          sessions: price.sessions ?? null,
          position,
          ...this.published,
        })),
      ),
    );

    await this.insert(OverrideEntity, [
      ...DEMO_TREATMENT_OVERRIDES.map((override) => ({
        id: stableId(`override:${override.key}`),
        brandId,
        scope: override.scope,
        regionId: override.scope === 'REGION' ? regionId(override.target) : null,
        clinicId: override.scope === 'CLINIC' ? clinicId(override.target) : null,
        entityType: 'TREATMENT' as const,
        entityId: treatmentId,
        field: override.field,
        value: override.value,
        baseValue: null, // the brand sets no disclaimer
        ...this.published,
      })),
      ...DEMO_FAQ_OVERRIDES.map((override) => ({
        id: stableId(`override:${override.clinic}:${override.faqKey}:${override.field}`),
        brandId,
        scope: 'CLINIC' as const,
        regionId: null,
        clinicId: clinicId(override.clinic),
        entityType: 'FAQ' as const,
        entityId: faqId(override.faqKey),
        field: override.field,
        value: override.value,
        baseValue: brandFaqValue(override.faqKey, override.field),
        ...this.published,
      })),
    ]);
  }

  private async seedDemoEditors(
    brandId: string,
    regionId: (slug: string) => string,
    clinicId: (slug: string) => string,
  ): Promise<void> {
    const userId = (email: string) => stableId(`user:${email}`);
    // argon2 is slow by design: one hash serves every demo editor.
    const passwordHash = await hashPassword(DEMO_EDITOR_PASSWORD);
    await this.insert(
      UserEntity,
      DEMO_EDITORS.map((editor) => ({
        id: userId(editor.email),
        brandId,
        email: editor.email,
        passwordHash,
        role: editor.role,
        displayName: editor.displayName,
      })),
    );
    await this.insert(
      UserRegionEntity,
      DEMO_EDITORS.flatMap((editor) =>
        (editor.regions ?? []).map((region) => ({
          userId: userId(editor.email),
          regionId: regionId(region),
        })),
      ),
    );
    await this.insert(
      UserClinicEntity,
      DEMO_EDITORS.flatMap((editor) =>
        (editor.clinics ?? []).map((clinic) => ({
          userId: userId(editor.email),
          clinicId: clinicId(clinic),
        })),
      ),
    );
  }

  /**
   * Inserts the rows whose key is not taken yet; counts what it added and
   * remembers the editable items among them for their revisions.
   */
  private async insert<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    rows: Partial<T>[],
  ): Promise<void> {
    const table = this.manager.connection.getMetadata(entity).tableName;
    const type = CONTENT_TYPE_OF_TABLE.get(table);
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows as never)
      .orIgnore()
      .returning(type ? 'id' : '1')
      .execute();
    const inserted = result.raw as { id: string }[];
    this.count(table, inserted.length);
    if (type) this.inserted.push(...inserted.map(({ id }) => ({ type, id })));
  }

  /**
   * Inserts rows of a table that has no entity (compliance records) by
   * column name, skipping ids already there; counts what it added.
   */
  private async insertRows(table: string, rows: Record<string, unknown>[]): Promise<void> {
    let added = 0;
    for (const row of rows) {
      const columns = Object.keys(row);
      const inserted: unknown[] = await this.manager.query(
        `INSERT INTO ${table} (${columns.join(', ')})
         VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT DO NOTHING RETURNING 1`,
        Object.values(row),
      );
      added += inserted.length;
    }
    this.count(table, added);
  }

  /**
   * A CREATE revision (and its audit line) for every editable item this run
   * inserted, snapshotting the item as the editor sees it, links included;
   * rows already there are left alone, so a second run records nothing.
   */
  async recordRevisions(): Promise<void> {
    const revisions = new RevisionsService(
      this.manager.connection,
      new AuditService(this.manager.connection),
    );
    for (const { type, id } of this.inserted) {
      const item = await readStoredItem(this.manager, type, id);
      await revisions.record(this.manager, SEED_WRITE, item, 'CREATE', null, item.values);
    }
    this.count('revisions', this.inserted.length);
    this.count('audit_log', this.inserted.length);
  }

  private count(table: string, added: number): void {
    this.report[table] = (this.report[table] ?? 0) + added;
  }
}
