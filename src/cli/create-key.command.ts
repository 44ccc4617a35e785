import { AuditService } from '../audit/audit.service';
import type { ApiKeyScope } from '../auth/actor';
import { ApiKeysService } from '../auth/api-keys.service';
import { CreateApiKeyInput } from '../auth/dtos/create-api-key.input';
import { findBrand, idsOfSlugs } from './brand-lookup';
import { cliActor } from './cli-actor';
import { listOf, parseFlags, UsageError } from './cli-args';
import type { CliIo } from './cli-io';
import { asUsageError, validateInput } from './validate-input';
import { withDatabase } from './with-database';

const FLAG_OF_FIELD = {
  name: '--name',
  scopes: '--scopes',
  clinicIds: '--clinics',
  expiresAt: '--expires',
};

/**
 * create-key: an API key of the brand. The key is the last line printed and
 * is shown only this once (only its hash is stored).
 */
export async function createKey(args: string[], io: CliIo): Promise<void> {
  const flags = parseFlags('create-key', args, {
    required: ['brand', 'name', 'scopes'],
    optional: ['clinics', 'expires'],
  });
  const fields = {
    name: flags.name,
    scopes: listOf(flags.scopes)!.map((scope) => scope.toLowerCase() as ApiKeyScope),
    expiresAt: expiryOf(flags.expires),
  };
  const clinics = listOf(flags.clinics);
  await validateInput(CreateApiKeyInput, fields, FLAG_OF_FIELD, { partial: true });

  await withDatabase(io, async (db) => {
    const brand = await findBrand(db, flags.brand);
    const clinicIds = await idsOfSlugs(db, 'clinics', '--clinics', brand, clinics);
    const input = await validateInput(CreateApiKeyInput, { ...fields, clinicIds }, FLAG_OF_FIELD);
    const keys = new ApiKeysService(db, new AuditService(db));
    const { key, apiKey } = await keys
      .createApiKeyInBrand(brand.id, input, cliActor(io.env))
      .catch((error: unknown) => Promise.reject(asUsageError(error, FLAG_OF_FIELD)));
    io.out(`Created API key "${apiKey.name}" in brand ${brand.slug}:`);
    io.out(`  id       ${apiKey.id}`);
    io.out(`  prefix   ${apiKey.prefix}`);
    io.out(`  scopes   ${apiKey.scopes.join(', ')}`);
    io.out(`  clinics  ${clinics?.length ? clinics.join(', ') : 'all of the brand'}`);
    io.out(`  expires  ${apiKey.expiresAt?.toISOString() ?? 'never'}`);
    io.out('Store the key now: it is not shown again. Send it as Authorization: Bearer <key>.');
    io.out(key);
  });
}

/** "2027-01-01" (midnight UTC) or a full ISO time; undefined when absent. */
function expiryOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}($|T)/.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new UsageError(
      `--expires: "${value}" is not a date; give e.g. 2027-01-01 (midnight UTC) or 2027-01-01T09:00:00Z`,
    );
  }
  return date;
}
