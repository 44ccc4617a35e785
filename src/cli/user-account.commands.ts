import type { DataSource } from 'typeorm';
import { AccountAdminService, type AdminContext } from '../auth/account-admin.service';
import type { EditorRole } from '../auth/actor';
import { UpdateUserRoleInput } from '../auth/dtos/user-account.inputs';
import { AuditService } from '../audit/audit.service';
import { type BrandRef, findBrand, idsOfSlugs } from './brand-lookup';
import { cliActor } from './cli-actor';
import { listOf, parseFlags, UsageError } from './cli-args';
import type { CliIo } from './cli-io';
import { asUsageError, validateInput } from './validate-input';
import { withDatabase } from './with-database';

/**
 * Account upkeep for operators, the same operations (and audit entries) as
 * the brand admin's GraphQL mutations. The account is named by brand and email.
 */

interface Target {
  db: DataSource;
  accounts: AccountAdminService;
  admin: AdminContext;
  brand: BrandRef;
  userId: string;
  email: string;
}

const FLAG_OF_FIELD = {
  userId: '--email',
  role: '--role',
  regionIds: '--regions',
  clinicIds: '--clinics',
};

async function onAccount(
  io: CliIo,
  flags: { brand: string; email: string },
  work: (target: Target) => Promise<string>,
): Promise<void> {
  await withDatabase(io, async (db) => {
    const brand = await findBrand(db, flags.brand);
    const [user] = (await db.query(
      `SELECT id, email FROM users WHERE brand_id = $1 AND lower(email) = lower($2)`,
      [brand.id, flags.email.trim()],
    )) as { id: string; email: string }[];
    if (!user) throw new UsageError(`--email: brand ${brand.slug} has no user "${flags.email}"`);
    const accounts = new AccountAdminService(db, new AuditService(db));
    const admin = { brandId: brand.id, by: cliActor(io.env) };
    const message = await work({
      db,
      accounts,
      admin,
      brand,
      userId: user.id,
      email: user.email,
    }).catch((error: unknown) => Promise.reject(asUsageError(error, FLAG_OF_FIELD)));
    io.out(message);
  });
}

const accountFlags = (command: string, args: string[]) =>
  parseFlags(command, args, { required: ['brand', 'email'] });

/** disable-user: no sign-in, sessions ended, pending scheduled publications cancelled. */
export async function disableUser(args: string[], io: CliIo): Promise<void> {
  await onAccount(
    io,
    accountFlags('disable-user', args),
    async ({ accounts, admin, userId, email }) => {
      await accounts.disableUser(admin, userId);
      return `Disabled ${email}: its sessions ended and its pending scheduled publications were cancelled.`;
    },
  );
}

/** enable-user: the account may sign in again. */
export async function enableUser(args: string[], io: CliIo): Promise<void> {
  await onAccount(
    io,
    accountFlags('enable-user', args),
    async ({ accounts, admin, userId, email }) => {
      await accounts.enableUser(admin, userId);
      return `Enabled ${email}: it may sign in again.`;
    },
  );
}

/** revoke-sessions: every session of the account ends. */
export async function revokeSessions(args: string[], io: CliIo): Promise<void> {
  await onAccount(
    io,
    accountFlags('revoke-sessions', args),
    async ({ accounts, admin, userId, email }) => {
      const ended = await accounts.revokeSessions(admin, userId);
      return `Ended ${ended} session${ended === 1 ? '' : 's'} of ${email}.`;
    },
  );
}

/** set-role: a new role with its regions or clinics (by slug). */
export async function setRole(args: string[], io: CliIo): Promise<void> {
  const flags = parseFlags('set-role', args, {
    required: ['brand', 'email', 'role'],
    optional: ['regions', 'clinics'],
  });
  const role = flags.role.toUpperCase() as EditorRole;
  await validateInput(UpdateUserRoleInput, { role }, FLAG_OF_FIELD, { partial: true });
  await onAccount(io, flags, async ({ db, accounts, admin, brand, userId, email }) => {
    const regionIds = await idsOfSlugs(db, 'regions', '--regions', brand, listOf(flags.regions));
    const clinicIds = await idsOfSlugs(db, 'clinics', '--clinics', brand, listOf(flags.clinics));
    const user = await accounts.updateUserRole(admin, userId, { role, regionIds, clinicIds });
    return `${email} is now ${user.role} in brand ${brand.slug}.`;
  });
}

/**
 * reset-password: a one-time token for the user to set a new password with
 * (GraphQL resetPassword); printed once, on the last line.
 */
export async function resetPassword(args: string[], io: CliIo): Promise<void> {
  await onAccount(
    io,
    accountFlags('reset-password', args),
    async ({ accounts, admin, userId, email }) => {
      const reset = await accounts.createPasswordReset(admin, userId);
      return [
        `Password reset token for ${email}, valid until ${reset.expiresAt.toISOString()}.`,
        'Give it to the user over a trusted channel; it is shown only this once:',
        reset.token,
      ].join('\n');
    },
  );
}
