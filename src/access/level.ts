/**
 * The levels of a brand's tree. "Level" is the one word in the code for
 * where content sits (BRAND content, a REGION's or a CLINIC's overrides and
 * items); "scope" is kept for what an API key may do (`ApiKeyScope`). The
 * GraphQL enums named before this keep their public names: the TypeScript
 * enums `OverrideLevel`, `ContentLevel` and `FaqLevel` are published as
 * `OverrideScope`, `ContentScope` and `FaqScope`, and the `overrides.scope`
 * column keeps its name. Where one item sits (brand, level, regions,
 * clinics) is its `ItemPlacement` (item-access.ts), read by its content
 * type's `placementSql`.
 */
export type Level = 'BRAND' | 'REGION' | 'CLINIC';

/** A place below the brand that holds local content. */
export type PlaceLevel = Exclude<Level, 'BRAND'>;

/**
 * Where an item sits for access: a tree level, or `ADMIN` for rows only
 * brand admins change (the brand itself).
 */
export type ItemLevel = Level | 'ADMIN';
