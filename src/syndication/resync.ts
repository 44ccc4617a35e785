/** The message of RESYNC_REQUIRED: what the partner does next (see docs/syndication.md). */
export const RESYNC_INSTRUCTIONS =
  'after: this cursor belongs to another timeline of the data (the database was restored from a backup since it was given out): discard your copy and cursor, then sync again without `after`';
