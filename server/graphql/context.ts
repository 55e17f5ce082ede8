// What every resolver receives.
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import type { DataCatalogueCache } from '../metrics/dataCatalogue.js';

export interface GraphQLContext {
  db: Database;
  log: Logger;
  catalogue: DataCatalogueCache;
}
