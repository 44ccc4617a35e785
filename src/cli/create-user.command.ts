import { AuditService } from '../audit/audit.service';
import type { EditorRole } from '../auth/actor';
import { CreateUserInput } from '../auth/dtos/create-user.input';
import { UsersService } from '../auth/users.service';
import { findBrand, idsOfSlugs } from './brand-lookup';
import { cliActor } from './cli-actor';
import { listOf, parseFlags } from './cli-args';
import type { CliIo } from './cli-io';
import { readPassword } from './read-password';
import { asUsageError, validateInput } from './validate-input';
import { withDatabase } from './with-database';

const FLAG_OF_FIELD = {
  email: '--email',
  password: 'password',
  role: '--role',
  displayName: '--name',
  regionIds: '--regions',
  clinicIds: '--clinics',
};

interface NewAccount {
  brand: string;
  email: string;
  role: string;
  name?: string;
  regions?: string[];
  clinics?: string[];
}

/** create-admin: a BRAND_ADMIN, e.g. the first account of a production database. */
export async function createAdmin(args: string[], io: CliIo): Promise<void> {
  const flags = parseFlags('create-admin', args, {
    required: ['brand', 'email'],
    optional: ['name'],
  });
  await createAccount(io, { ...flags, role: 'BRAND_ADMIN' });
}

/** create-user: an editor account of any role. */
export async function createUser(args: string[], io: CliIo): Promise<void> {
  const flags = parseFlags('create-user', args, {
    required: ['brand', 'email', 'role'],
    optional: ['regions', 'clinics', 'name'],
  });
  await createAccount(io, {
    ...flags,
    role: flags.role.toUpperCase(),
    regions: listOf(flags.regions),
    clinics: listOf(flags.clinics),
  });
}

async function createAccount(io: CliIo, account: NewAccount): Promise<void> {
  const fields = {
    email: account.email,
    role: account.role as EditorRole,
    displayName: account.name,
  };
  // Refuse a bad email or role before connecting and asking for a password.
  await validateInput(CreateUserInput, fields, FLAG_OF_FIELD, { partial: true });

  await withDatabase(io, async (db) => {
    const brand = await findBrand(db, account.brand);
    const regionIds = await idsOfSlugs(db, 'regions', '--regions', brand, account.regions);
    const clinicIds = await idsOfSlugs(db, 'clinics', '--clinics', brand, account.clinics);
    const password = await readPassword(io.env, `Password for ${account.email}: `);
    const input = await validateInput(
      CreateUserInput,
      { ...fields, password, regionIds, clinicIds },
      FLAG_OF_FIELD,
    );
    const users = new UsersService(db, new AuditService(db));
    const user = await users
      .createUserInBrand(brand.id, input, cliActor(io.env))
      .catch((error: unknown) => Promise.reject(asUsageError(error, FLAG_OF_FIELD)));
    io.out(`Created ${user.role} ${user.email} in brand ${brand.slug} (user id ${user.id}).`);
  });
}
