import { v5 as uuidV5 } from 'uuid';

/** Namespace for the ids of seeded rows; never change it (ids would move). */
const SEED_NAMESPACE = 'a6f1c0de-5eed-4c1a-9b1e-7c3a2d1e0f00';

/**
 * A stable id for a seeded row, derived from a readable key such as
 * "clinic:austin-downtown", so every run of the seed names the same rows.
 */
export function stableId(key: string): string {
  return uuidV5(key, SEED_NAMESPACE);
}
