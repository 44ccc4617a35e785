import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUDIT_ACTIONS, AuditActor, toAuditActor } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { DomainError, badInput } from '../common/domain-error';
import { cancelPendingSchedulesOf } from '../editing/schedule-creator';
import type { Actor } from './actor';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKey, CreatedApiKey } from './dtos/api-key.object';
import { CreateApiKeyInput } from './dtos/create-api-key.input';
import { hashToken, newApiKey } from './tokens';
import { assertOwnedByBrand } from './users.service';
import { requireBrandPermission } from '../access/brand-access';
import { Permission } from '../access/permission';

/** API keys of a brand: created, listed and revoked by its admins. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async createApiKey(
    actor: Actor,
    input: CreateApiKeyInput,
    ip?: string | null,
  ): Promise<CreatedApiKey> {
    const admin = requireBrandPermission(actor, Permission.BrandAdmin);
    return this.createApiKeyInBrand(admin.brandId, input, admin, ip);
  }

  /**
   * Creates a key in `brandId` for a caller already allowed to (the GraphQL
   * path checks the brand admin; the CLI is trusted). The plain key is in
   * the answer and nowhere else: only its sha256 is stored.
   */
  async createApiKeyInBrand(
    brandId: string,
    input: CreateApiKeyInput,
    by: Actor | AuditActor,
    ip?: string | null,
  ): Promise<CreatedApiKey> {
    const clinicIds = input.clinicIds?.length ? input.clinicIds : null;
    if (clinicIds && input.scopes.includes('admin')) {
      throw badInput('clinicIds', 'a key with the admin scope covers the whole brand');
    }
    const { key, prefix } = newApiKey();
    const creator = toAuditActor(by);
    return this.db.transaction(async (manager) => {
      await assertOwnedByBrand(manager, 'clinics', 'clinicIds', brandId, clinicIds ?? []);
      const row = manager.create(ApiKeyEntity, {
        brandId,
        name: input.name.trim(),
        prefix,
        keyHash: hashToken(key),
        scopes: input.scopes,
        clinicIds,
        expiresAt: input.expiresAt ?? null,
        createdByUserId: creator.kind === 'USER' ? creator.id : null,
      });
      await manager.save(row);
      await this.audit.record(
        {
          brandId,
          actor: by,
          action: AUDIT_ACTIONS.CREATE_API_KEY,
          targetType: 'API_KEY',
          targetId: row.id,
          details: {
            name: row.name,
            prefix,
            scopes: row.scopes,
            clinicIds,
            expiresAt: row.expiresAt,
          },
          ip,
        },
        manager,
      );
      return { key, apiKey: toApiKey(row) };
    });
  }

  /** The caller's brand's keys, newest first, revoked ones included. */
  async listApiKeys(actor: Actor): Promise<ApiKey[]> {
    const { brandId } = requireBrandPermission(actor, Permission.BrandAdmin);
    const rows = await this.db
      .getRepository(ApiKeyEntity)
      .find({ where: { brandId }, order: { createdAt: 'DESC', id: 'ASC' } });
    return rows.map(toApiKey);
  }

  /**
   * Revokes at once (keys are checked on every request), and cancels the
   * publications the key scheduled that are still pending: a schedule never
   * outlives its creator's authority. Revoking a revoked key changes nothing. An id outside the brand is FORBIDDEN, whether it
   * exists or not.
   */
  async revokeApiKey(actor: Actor, id: string, ip?: string | null): Promise<ApiKey> {
    const admin = requireBrandPermission(actor, Permission.BrandAdmin);
    return this.db.transaction(async (manager) => {
      const row = await manager.findOne(ApiKeyEntity, {
        where: { id, brandId: admin.brandId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) {
        throw new DomainError('FORBIDDEN', `id: ${id} is not one of your brand's API keys`, {
          argument: 'id',
        });
      }
      if (row.revokedAt) return toApiKey(row);
      row.revokedAt = (await manager.query(`SELECT now() AS now`))[0].now as Date;
      await manager.update(ApiKeyEntity, { id }, { revokedAt: row.revokedAt });
      const cancelledSchedules = await cancelPendingSchedulesOf(
        manager,
        { apiKeyId: id },
        'Cancelled: the API key that scheduled it was revoked',
      );
      await this.audit.record(
        {
          brandId: admin.brandId,
          actor: admin,
          action: AUDIT_ACTIONS.REVOKE_API_KEY,
          targetType: 'API_KEY',
          targetId: id,
          details: { name: row.name, prefix: row.prefix, cancelledSchedules },
          ip,
        },
        manager,
      );
      return toApiKey(row);
    });
  }
}

function toApiKey(row: ApiKeyEntity): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    clinicIds: row.clinicIds,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  };
}
