// What every resolver receives.
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';

export interface GraphQLContext {
  db: Database;
  log: Logger;
}
