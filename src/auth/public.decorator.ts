import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/**
 * Marks a mutation anonymous callers may run (signing in, refreshing a
 * session, resetting a forgotten password). Every other mutation is refused
 * to them by SignedInMutationsGuard before its input is even validated.
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);
