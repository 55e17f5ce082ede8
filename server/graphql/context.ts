// What every resolver receives.
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import type { DataCatalogueCache } from '../metrics/dataCatalogue.js';
import type { Access } from '../access/access.js';

export interface GraphQLContext {
  db: Database;
  log: Logger;
  catalogue: DataCatalogueCache;
  /** who is asking: role and data scope */
  access: Access;
}
