import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AUDIT_ACTIONS, AuditActor } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { BrandEntity } from '../brands/brand.entity';
import { DomainError, badInput } from '../common/domain-error';
import type { PageWindow } from '../graphql/connection';
import { LIST_BOUNDS } from '../graphql/list-bounds';
import { groupByKeys, pickByKeys } from '../graphql/request-loaders';
import { PUBLISHED } from '../read-mode/read-mode';
import type { Region } from '../regions/dtos/region.object';
import { toRegion } from '../regions/regions.service';
import type { Actor } from './actor';
import { AssignedClinic, User } from './dtos/user.object';
import { CreateUserInput, InviteUserInput } from './dtos/create-user.input';
import { UserInvitation } from './dtos/user-invitation.object';
import { INVITATION_TTL_HOURS } from './auth-policy';
import { issuePasswordReset } from './password-reset-tokens';
import { hashPassword } from './password';
import { assertAcceptablePassword } from './password-policy';
import { UserClinicEntity, UserRegionEntity } from './user-assignments.entity';
import { UserEntity } from './user.entity';
import { requireBrandPermission } from '../access/brand-access';
import { Permission } from '../access/permission';

/** Editor accounts of a brand: created and listed by its admins. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async createUser(actor: Actor, input: CreateUserInput, ip?: string | null): Promise<User> {
    const admin = requireBrandPermission(actor, Permission.BrandAdmin);
    return this.createUserInBrand(admin.brandId, input, admin, ip);
  }

  /**
   * Creates an account in `brandId` for a caller already allowed to (the
   * GraphQL path checks the brand admin; the CLI is trusted).
   */
  async createUserInBrand(
    brandId: string,
    input: CreateUserInput,
    by: Actor | AuditActor,
    ip?: string | null,
  ): Promise<User> {
    assertAssignmentsFitRole(input.role, input.regionIds ?? [], input.clinicIds ?? []);
    await assertAcceptablePassword('password', input.password, input.email);
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (manager) => {
      const user = await this.insertUser(manager, brandId, input, passwordHash);
      await this.recordCreation(manager, AUDIT_ACTIONS.CREATE_USER, user, input, by, ip);
      return toUser(user);
    });
  }

  /**
   * Creates an account in the caller's brand with no usable password and a
   * one-time token with which the invitee sets one (resetPassword), so the
   * admin never learns it. Brand admins (or admin keys) only.
   */
  async inviteUser(
    actor: Actor,
    input: InviteUserInput,
    ip?: string | null,
  ): Promise<UserInvitation> {
    const admin = requireBrandPermission(actor, Permission.BrandAdmin);
    assertAssignmentsFitRole(input.role, input.regionIds ?? [], input.clinicIds ?? []);
    // The hash of a secret thrown away at once: no password opens the account,
    // and a login attempt costs the same check as for any other account.
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    return this.db.transaction(async (manager) => {
      const user = await this.insertUser(manager, admin.brandId, input, passwordHash);
      const { token, expiresAt } = await issuePasswordReset(manager, user.id, INVITATION_TTL_HOURS);
      await this.recordCreation(manager, AUDIT_ACTIONS.INVITE_USER, user, input, admin, ip, {
        expiresAt,
      });
      return { user: toUser(user), setPasswordToken: token, expiresAt };
    });
  }

  /** The account and its places, in the caller's transaction. */
  private async insertUser(
    manager: EntityManager,
    brandId: string,
    input: InviteUserInput,
    passwordHash: string,
  ): Promise<UserEntity> {
    const regionIds = input.regionIds ?? [];
    const clinicIds = input.clinicIds ?? [];
    await assertOwnedByBrand(manager, 'regions', 'regionIds', brandId, regionIds);
    await assertOwnedByBrand(manager, 'clinics', 'clinicIds', brandId, clinicIds);
    const user = manager.create(UserEntity, {
      brandId,
      email: input.email.trim(),
      passwordHash,
      role: input.role,
      displayName: input.displayName?.trim() ?? '',
    });
    try {
      await manager.save(user);
    } catch (error) {
      // E-mails are unique per brand: an address used in another brand is
      // accepted like a new one, so this answer tells nothing about other brands.
      if (isUniqueViolation(error, 'users_brand_email_uq')) {
        throw new DomainError('CONFLICT', 'email: your brand already has a user with this email', {
          argument: 'email',
        });
      }
      throw error;
    }
    await manager.insert(
      UserRegionEntity,
      regionIds.map((regionId) => ({ userId: user.id, regionId })),
    );
    await manager.insert(
      UserClinicEntity,
      clinicIds.map((clinicId) => ({ userId: user.id, clinicId })),
    );
    return user;
  }

  private recordCreation(
    manager: EntityManager,
    action: string,
    user: UserEntity,
    input: InviteUserInput,
    by: Actor | AuditActor,
    ip: string | null | undefined,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    return this.audit.record(
      {
        brandId: user.brandId,
        actor: by,
        action,
        targetType: 'USER',
        targetId: user.id,
        details: {
          email: user.email,
          role: user.role,
          regionIds: input.regionIds ?? [],
          clinicIds: input.clinicIds ?? [],
          ...extra,
        },
        ip,
      },
      manager,
    );
  }

  /** The caller's brand's accounts; brand admins only. */
  async listUsers(actor: Actor): Promise<User[]> {
    return (await this.pageUsers(actor, { offset: 0, limit: LIST_BOUNDS['Query.users'] as number }))
      .rows;
  }

  /** One page of the caller's brand's accounts, by email; brand admins only. */
  async pageUsers(actor: Actor, window: PageWindow): Promise<{ rows: User[]; totalCount: number }> {
    const { brandId } = requireBrandPermission(actor, Permission.BrandAdmin);
    const [rows, totalCount] = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('user.brand_id = :brandId', { brandId })
      .orderBy('lower(user.email)')
      .addOrderBy('user.id')
      .offset(window.offset)
      .limit(window.limit)
      .getManyAndCount();
    return { rows: rows.map(toUser), totalCount };
  }

  async findById(id: string): Promise<User | null> {
    const row = await this.db.getRepository(UserEntity).findOneBy({ id });
    return row && toUser(row);
  }

  /** Brands of any publication status: an admin may work on a brand before it goes live. */
  readonly batchBrandById = async (ids: readonly string[]) =>
    pickByKeys(
      ids,
      await this.db
        .getRepository(BrandEntity)
        .createQueryBuilder('brand')
        .where('brand.id = ANY(:ids)', { ids })
        .getMany(),
      (brand) => brand.id,
    );

  readonly batchRegionsByUser = async (userIds: readonly string[]) => {
    const rows = (await this.db.query(
      `SELECT ur.user_id, r.id, r.slug, r.name
         FROM user_regions ur JOIN regions r ON r.id = ur.region_id
        WHERE ur.user_id = ANY($1) ORDER BY r.name, r.id`,
      [userIds],
    )) as (Region & { user_id: string })[];
    return groupByKeys(userIds, rows, (row) => row.user_id).map((group) =>
      group.map((row) => toRegion(row, PUBLISHED)),
    );
  };

  readonly batchClinicsByUser = async (userIds: readonly string[]) => {
    const rows = (await this.db.query(
      `SELECT uc.user_id, c.id, c.slug, c.name
         FROM user_clinics uc JOIN clinics c ON c.id = uc.clinic_id
        WHERE uc.user_id = ANY($1) ORDER BY c.name, c.id`,
      [userIds],
    )) as (AssignedClinic & { user_id: string })[];
    return groupByKeys(userIds, rows, (row) => row.user_id).map((group) =>
      group.map(({ id, slug, name }): AssignedClinic => ({ id, slug, name })),
    );
  };
}

export function toUser(row: UserEntity): User {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    displayName: row.displayName,
    createdAt: row.createdAt,
    disabledAt: row.disabledAt,
    lastSignInAt: row.lastSignInAt,
    brandId: row.brandId,
  };
}

/**
 * Region editors need regions, clinic editors clinics; medical reviewers may
 * have regions (none: they review the whole brand); brand-wide roles neither.
 */
export function assertAssignmentsFitRole(
  role: string,
  regionIds: string[],
  clinicIds: string[],
): void {
  if (role === 'REGION_EDITOR' && regionIds.length === 0) {
    throw badInput('regionIds', 'a REGION_EDITOR needs at least one region');
  }
  if (role === 'CLINIC_EDITOR' && clinicIds.length === 0) {
    throw badInput('clinicIds', 'a CLINIC_EDITOR needs at least one clinic');
  }
  if (role !== 'REGION_EDITOR' && role !== 'MEDICAL_REVIEWER' && regionIds.length > 0) {
    throw badInput(
      'regionIds',
      `only a REGION_EDITOR or a MEDICAL_REVIEWER is assigned regions, not a ${role}`,
    );
  }
  if (role !== 'CLINIC_EDITOR' && clinicIds.length > 0) {
    throw badInput('clinicIds', `only a CLINIC_EDITOR is assigned clinics, not a ${role}`);
  }
}

/**
 * FORBIDDEN for any id that is not one of the brand's, whether it belongs to
 * another brand or to nothing: the answer must not tell which.
 */
export async function assertOwnedByBrand(
  manager: EntityManager,
  table: 'regions' | 'clinics',
  argument: string,
  brandId: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const owned = (await manager.query(
    `SELECT id FROM ${table} WHERE brand_id = $1 AND id = ANY($2)`,
    [brandId, ids],
  )) as { id: string }[];
  const ownedIds = new Set(owned.map((row) => row.id));
  const foreign = ids.find((id) => !ownedIds.has(id));
  if (foreign) {
    throw new DomainError(
      'FORBIDDEN',
      `${argument}: ${foreign} is not one of your brand's ${table}`,
      { argument },
    );
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = error instanceof QueryFailedError ? error.driverError : undefined;
  return (
    (driverError as { code?: string; constraint?: string } | undefined)?.code === '23505' &&
    (driverError as { constraint?: string }).constraint === constraint
  );
}
