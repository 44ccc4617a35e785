// One of the groups a whole `npm test` run loads the integration specs in (see spec-groups.ts).
import { runSpecGroup } from './spec-groups';

runSpecGroup(__filename);
