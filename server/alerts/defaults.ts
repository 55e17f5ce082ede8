// The default rules: one per failure the product brief asks ops leads to be told about, tuned on
// the demo so that, replayed over its 90 days, they fire on exactly the planted incidents and on
// nothing else (server/alerts/backtest.test.ts; README "Alerts and digests" explains each).
import type { Database } from '../db/database.js';
import { FULL_ACCESS } from '../access/access.js';
import type { DataCatalogue } from '../metrics/dataInventory.js';
import { run } from '../queries/statements.js';
import { latestVersionStatement } from '../queries/versionedQueries.js';
import type { RuleInput } from './rules.js';
import { createRule } from './store.js';

export interface DefaultRule extends RuleInput {
  id: string;
}

export const DEFAULT_RULES: readonly DefaultRule[] = [
  {
    // a review queue misses its SLA for a working shift, by more than sampling noise and by 5 points
    id: 'default-review-sla',
    name: 'Review queue below its SLA target',
    metric: 'review_sla', groupBy: ['QUEUE'],
    condition: { type: 'TARGET', level: 'BREACHED' },
    windowHours: 24, forHours: 6, minSize: 0.05, minVolume: 200,
  },
  {
    // reports (and so decisions) far above the same weekday of the six weeks before, for half a day
    id: 'default-decision-surge',
    name: 'Decisions far above the usual for the weekday',
    metric: 'decisions', groupBy: ['REGION'],
    condition: { type: 'ANOMALY', direction: 'UP' },
    windowHours: 24, forHours: 12, minVolume: 500,
  },
  {
    // precision on a policy in a region falls 15 points under its own usual level for three days.
    // Not the target: labels are sparse (~70 flagged and labelled items a week per cell) and some
    // low-prevalence cells sit at the target all the time, so a target test pages on noise there.
    id: 'default-model-precision',
    name: 'Model precision far below its usual level in a region and policy',
    metric: 'precision', groupBy: ['REGION', 'POLICY'],
    condition: { type: 'ANOMALY', direction: 'DOWN' },
    windowHours: 10 * 24, forHours: 72, minSize: 0.15, minVolume: 50,
  },
  {
    // a vendor's golden-set accuracy under target over three days of golden labels
    id: 'default-golden-accuracy',
    name: 'Vendor golden-set accuracy below target',
    metric: 'golden_accuracy', groupBy: ['VENDOR'],
    condition: { type: 'TARGET', level: 'BREACHED' },
    windowHours: 72, forHours: 24, minSize: 0.03, minVolume: 100,
  },
];

/**
 * Creates each default rule that never existed (by its fixed id), on every start: a default rule
 * an editor deleted or changed stays as they left it.
 */
export async function installDefaultRules(db: Database, data: DataCatalogue): Promise<string[]> {
  const created: string[] = [];
  for (const r of DEFAULT_RULES) {
    if ((await run(db, latestVersionStatement('alert_rules', r.id))).length > 0) continue;
    await createRule(db, r, data, FULL_ACCESS, [], r.id);
    created.push(r.id);
  }
  return created;
}
