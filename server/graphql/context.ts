// What every resolver receives.
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import type { DataCatalogueCache } from '../metrics/dataInventory.js';
import type { Access } from '../access/access.js';
import type { Security } from '../auth/security.js';
import type { Channel } from '../alerts/channels.js';

export interface GraphQLContext {
  db: Database;
  log: Logger;
  catalogue: DataCatalogueCache;
  /** users, sessions, tokens and the audit log */
  security: Security;
  /** who is asking: role and data scope */
  access: Access;
  /** the asker's session (null when signed in by the proxy), kept when they change their password */
  sessionHash: string | null;
  /** the client's address, for the audit log */
  ip: string;
  /** base of absolute links in exports (VIGIL_PUBLIC_URL); null or absent: relative links */
  publicUrl?: string | null;
  /**
   * the configured notification channels (VIGIL_ALERT_CHANNELS), for rules to name and admins to
   * test; the API shows their id and kind only (addresses and secrets stay inside `send`)
   */
  alertChannels?: readonly Channel[];
  /** a rule changed: evaluate now rather than at the next tick */
  alertsChanged?: () => void;
}
