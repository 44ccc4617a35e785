/**
 * The levels of a brand's tree. "Level" is the one word for where content
 * sits (BRAND content, a REGION's or a CLINIC's overrides and items);
 * "scope" is kept for what an API key may do (`ApiKeyScope`). The GraphQL
 * enums that predate this (`OverrideScope`, `ContentScope`, `FaqScope`)
 * keep their public names.
 */
export type Level = 'BRAND' | 'REGION' | 'CLINIC';

/** A place below the brand that holds local content. */
export type PlaceLevel = Exclude<Level, 'BRAND'>;

/**
 * Where an item sits for access: a tree level, or `ADMIN` for rows only
 * brand admins change (the brand itself).
 */
export type ItemLevel = Level | 'ADMIN';
