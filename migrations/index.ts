import { ContentModel1764057600000 } from './1764057600000-content-model';

/** Every migration, oldest first. A new migration file must be added here. */
export const MIGRATIONS = [ContentModel1764057600000];
