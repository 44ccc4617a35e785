import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type Actor, actorLabel } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { updateReturning } from '../database/update-returning';
import { notePublishedChange } from '../editing/published-changes';
import type { CredentialType } from './credential-types';
import { checkBrandAccess } from '../access/brand-access';
import { type AuthenticatedActor, requireAuthenticated } from '../access/callers';
import { refusal } from '../access/item-access';
import { Permission } from '../access/permission';

export interface LicenceRow {
  id: string;
  providerId: string;
  providerName: string;
  credentialType: CredentialType;
  licenceNumber: string;
  issuingState: string;
  expiresAt: Date;
  verifiedBy: string | null;
  verifiedAt: Date | null;
}

export interface LicenceFields {
  credentialType: CredentialType;
  licenceNumber: string;
  issuingState: string;
  expiresAt: Date;
}

export interface CredentialRuleRow {
  id: string;
  treatmentId: string;
  state: string;
  credentialTypes: CredentialType[];
}

const LICENCE_COLUMNS = `l.id, l.provider_id AS "providerId",
  (SELECT p.name FROM providers p WHERE p.id = l.provider_id) AS "providerName",
  l.credential_type AS "credentialType", l.licence_number AS "licenceNumber",
  l.issuing_state AS "issuingState", l.expires_at AS "expiresAt",
  l.verified_by AS "verifiedBy", l.verified_at AS "verifiedAt"`;

const RULE_COLUMNS = `id, treatment_id AS "treatmentId", state, credential_types AS "credentialTypes"`;

/** How far ahead `expiringLicences` looks by default, and editors are warned. */
export const LICENCE_WARNING_DAYS = 60;
/** The most licences a listing answers. */
export const MAX_LICENCES_LISTED = 500;

/**
 * Provider licences and the brand's credential rules. Brand-wide editors
 * record licences and rules; brand admins and medical reviewers verify
 * licences. Any change can change what delivery shows (a provider, their
 * `hasCredential`), so it invalidates the brand's cached answers on commit,
 * and it is written to the audit log.
 */
@Injectable()
export class ProviderLicencesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listForProvider(actor: Actor, providerId: string): Promise<LicenceRow[]> {
    const reader = this.reader(actor);
    return this.db.query(
      `SELECT ${LICENCE_COLUMNS} FROM provider_licences l
        WHERE l.provider_id = $1 AND l.brand_id = $2 ORDER BY l.expires_at, l.id`,
      [providerId, reader.brandId],
    );
  }

  /** Licences of the brand expiring within `days` (or expired in the last year), soonest first. */
  async expiring(actor: Actor, days: number): Promise<LicenceRow[]> {
    const reader = this.reader(actor);
    return this.db.query(
      `SELECT ${LICENCE_COLUMNS} FROM provider_licences l
        WHERE l.brand_id = $1 AND l.expires_at <= now() + make_interval(days => $2::int)
          AND l.expires_at > now() - interval '1 year'
        ORDER BY l.expires_at, l.id LIMIT ${MAX_LICENCES_LISTED}`,
      [reader.brandId, days],
    );
  }

  async add(actor: Actor, providerId: string, fields: LicenceFields): Promise<LicenceRow> {
    const brandId = this.recorder(actor);
    return this.db.transaction(async (tx) => {
      const [provider] = await tx.query(`SELECT 1 FROM providers WHERE id = $1 AND brand_id = $2`, [
        providerId,
        brandId,
      ]);
      if (!provider) throw refusal(actor, false);
      const [{ id }] = await this.unique(() =>
        tx.query(
          `INSERT INTO provider_licences (brand_id, provider_id, credential_type, licence_number, issuing_state, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [
            brandId,
            providerId,
            fields.credentialType,
            fields.licenceNumber,
            fields.issuingState,
            fields.expiresAt,
          ],
        ),
      );
      return this.changed(tx, actor, brandId, 'ADD_PROVIDER_LICENCE', id);
    });
  }

  /** Changes what a licence says; it must be verified again. */
  async update(actor: Actor, id: string, fields: Partial<LicenceFields>): Promise<LicenceRow> {
    const brandId = this.recorder(actor);
    return this.db.transaction(async (tx) => {
      const [row] = await this.unique(() =>
        updateReturning<{ id: string }>(
          tx,
          `UPDATE provider_licences
              SET credential_type = coalesce($3, credential_type),
                  licence_number = coalesce($4, licence_number),
                  issuing_state = coalesce($5, issuing_state),
                  expires_at = coalesce($6, expires_at),
                  verified_by = NULL, verified_by_id = NULL, verified_at = NULL, updated_at = now()
            WHERE id = $1 AND brand_id = $2 RETURNING id`,
          [
            id,
            brandId,
            fields.credentialType ?? null,
            fields.licenceNumber ?? null,
            fields.issuingState ?? null,
            fields.expiresAt ?? null,
          ],
        ),
      );
      if (!row) throw refusal(actor, false);
      return this.changed(tx, actor, brandId, 'UPDATE_PROVIDER_LICENCE', id);
    });
  }

  /** Records who checked the licence with its issuing board, and when. */
  async verify(actor: Actor, id: string): Promise<LicenceRow> {
    const caller = requireAuthenticated(actor);
    const reviewer = caller.kind === 'USER' && caller.role === 'MEDICAL_REVIEWER';
    if (!reviewer && !checkBrandAccess(caller, Permission.BrandAdmin)) {
      throw new DomainError('FORBIDDEN', 'Only brand admins and medical reviewers verify licences');
    }
    return this.db.transaction(async (tx) => {
      const [row] = await updateReturning<{ id: string }>(
        tx,
        `UPDATE provider_licences
            SET verified_by = $3, verified_by_id = $4, verified_at = now(), updated_at = now()
          WHERE id = $1 AND brand_id = $2 RETURNING id`,
        [
          id,
          caller.brandId,
          actorLabel(caller),
          caller.kind === 'USER' ? caller.userId : caller.apiKeyId,
        ],
      );
      if (!row) throw refusal(actor, false);
      return this.changed(tx, actor, caller.brandId, 'VERIFY_PROVIDER_LICENCE', id);
    });
  }

  async remove(actor: Actor, id: string): Promise<LicenceRow> {
    const brandId = this.recorder(actor);
    return this.db.transaction(async (tx) => {
      const [row]: LicenceRow[] = await tx.query(
        `SELECT ${LICENCE_COLUMNS} FROM provider_licences l WHERE l.id = $1 AND l.brand_id = $2 FOR UPDATE`,
        [id, brandId],
      );
      if (!row) throw refusal(actor, false);
      await tx.query(`DELETE FROM provider_licences WHERE id = $1`, [id]);
      await this.record(tx, actor, brandId, 'REMOVE_PROVIDER_LICENCE', row);
      return row;
    });
  }

  async rules(actor: Actor, treatmentId: string | null): Promise<CredentialRuleRow[]> {
    const reader = this.reader(actor);
    return this.db.query(
      `SELECT ${RULE_COLUMNS} FROM credential_rules
        WHERE brand_id = $1 AND ($2::uuid IS NULL OR treatment_id = $2)
        ORDER BY treatment_id, state`,
      [reader.brandId, treatmentId],
    );
  }

  /** Sets which credential types may perform a treatment in a state (replacing the list). */
  async setRule(actor: Actor, rule: Omit<CredentialRuleRow, 'id'>): Promise<CredentialRuleRow> {
    const brandId = this.recorder(actor);
    return this.db.transaction(async (tx) => {
      const [treatment] = await tx.query(
        `SELECT 1 FROM treatments WHERE id = $1 AND brand_id = $2`,
        [rule.treatmentId, brandId],
      );
      if (!treatment) throw refusal(actor, false);
      const [row]: CredentialRuleRow[] = await tx.query(
        `INSERT INTO credential_rules (brand_id, treatment_id, state, credential_types)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (treatment_id, state) DO UPDATE SET credential_types = $4, updated_at = now()
         RETURNING ${RULE_COLUMNS}`,
        [brandId, rule.treatmentId, rule.state, [...new Set(rule.credentialTypes)].sort()],
      );
      notePublishedChange(tx, { brandId, type: 'PROVIDER' });
      await this.record(tx, actor, brandId, 'SET_CREDENTIAL_RULE', row);
      return row;
    });
  }

  async deleteRule(actor: Actor, treatmentId: string, state: string): Promise<CredentialRuleRow> {
    const brandId = this.recorder(actor);
    return this.db.transaction(async (tx) => {
      const [row] = await updateReturning<CredentialRuleRow>(
        tx,
        `DELETE FROM credential_rules WHERE brand_id = $1 AND treatment_id = $2 AND state = $3
         RETURNING ${RULE_COLUMNS}`,
        [brandId, treatmentId, state],
      );
      if (!row) throw refusal(actor, false);
      notePublishedChange(tx, { brandId, type: 'PROVIDER' });
      await this.record(tx, actor, brandId, 'DELETE_CREDENTIAL_RULE', row);
      return row;
    });
  }

  private reader(actor: Actor): AuthenticatedActor {
    const caller = requireAuthenticated(actor);
    if (!checkBrandAccess(caller, Permission.DraftRead, caller.brandId)) {
      throw new DomainError('FORBIDDEN', 'Licences are for editors and preview keys of the brand');
    }
    return caller;
  }

  /** Brand-wide editors (and admin keys) record licences and rules. */
  private recorder(actor: Actor): string {
    const caller = requireAuthenticated(actor);
    if (!checkBrandAccess(caller, Permission.BrandWideEdit)) {
      throw new DomainError(
        'FORBIDDEN',
        'Only brand-wide editors record licences and credential rules',
      );
    }
    return caller.brandId;
  }

  /** The licence as it is now, after a change: audited, and delivery's caches invalidated. */
  private async changed(
    tx: EntityManager,
    actor: Actor,
    brandId: string,
    action: string,
    id: string,
  ): Promise<LicenceRow> {
    const [row]: LicenceRow[] = await tx.query(
      `SELECT ${LICENCE_COLUMNS} FROM provider_licences l WHERE l.id = $1`,
      [id],
    );
    notePublishedChange(tx, { brandId, type: 'PROVIDER' });
    await this.record(tx, actor, brandId, action, row);
    return row;
  }

  private record(
    tx: EntityManager,
    actor: Actor,
    brandId: string,
    action: string,
    row: LicenceRow | CredentialRuleRow,
  ): Promise<void> {
    const { id, ...details } = row;
    return this.audit.record(
      {
        brandId,
        actor,
        action,
        targetType: action.endsWith('CREDENTIAL_RULE') ? 'CREDENTIAL_RULE' : 'PROVIDER_LICENCE',
        targetId: id,
        details,
      },
      tx,
    );
  }

  /** The same licence twice (type, state and number) is a CONFLICT, not a crash. */
  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') {
        throw new DomainError('CONFLICT', 'The provider already has this licence on file');
      }
      throw error;
    }
  }
}
