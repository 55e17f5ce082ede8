// Demo moderation: decisions, the human review queues they pass through, and appeals.
// Human review is simulated hour by hour (FIFO queues with staffing that follows the trailing
// week's demand), so backlog, time to action and SLA breaches emerge from the volumes.
import type { RegionCode } from '../domain/taxonomy.js';
import { Rng, WeightedPicker } from './rng.js';
import type { TsvWriter } from './writer.js';
import { indexOf } from './dictionaries.js';
import {
  DAY, HOUR, POLICY_SHARE, PRIORITY_POLICIES, REGION_CODES, REGION_SHARE, COUNTRY_PICKERS, POLICY_PICKER,
  REGRESSION, SURGE, diurnal, rollouts, surgeIntensity, versionAt, weekly, type DemoOptions,
} from './world.js';


/** Decisions per day at scale 1, before seasonality. */
const DECISIONS_PER_DAY = 28_000;

interface Item {
  id: number;
  flagged: number;
  posted: number;
  region: RegionCode;
  country: string;
  policy: string;
  /** region, country and policy as dictionary indexes, tab-separated */
  dims: string;
  contentType: string;
  source: string;
  path: string;
  actionProbability: number;
  version: string;
}

interface Queue {
  name: string;
  slaSeconds: number;
  waiting: Item[];
  head: number;
  /** Arrivals in each of the trailing 168 hours: staffing follows the trailing week. */
  trailing: number[];
  trailingSum: number;
}

const SOURCES = new WeightedPicker(['automated', 'user_report', 'trusted_flagger', 'legal_request'], [0.75, 0.21, 0.03, 0.01]);
const CONTENT = new WeightedPicker(['video', 'comment', 'live', 'image', 'account'], [0.5, 0.3, 0.07, 0.08, 0.05]);
const AUTOMATED_PATH = new WeightedPicker(['automated', 'hybrid', 'human'], [0.7, 0.18, 0.12]);
/** Share of decisions that go through human review with the weights above. */
const HUMAN_SHARE = 0.75 * 0.3 + 0.25;
const ENFORCEMENT = new WeightedPicker(['removed', 'restricted', 'age_restricted', 'account_action'], [0.68, 0.12, 0.08, 0.12]);

const HUMAN_ACTION_PROBABILITY: Record<string, number> = { automated: 0.65, user_report: 0.33, trusted_flagger: 0.72, legal_request: 0.5 };

export interface ModerationWriters {
  decisions: TsvWriter;
  enqueues: TsvWriter;
  appeals: TsvWriter;
}

export async function generateModeration(o: DemoOptions, w: ModerationWriters): Promise<void> {
  const rng = new Rng(o.seed, 1);
  const start = o.end - o.days * DAY;
  const versions = rollouts(o);
  const perHour = (DECISIONS_PER_DAY * o.scale) / 24;
  let nextId = 0;

  // Staffing starts at the demand the world's shares predict.
  const queues = new Map<string, Queue>();
  const queueFor = (region: RegionCode, priority: boolean): Queue => {
    const name = `${priority ? 'priority' : 'review'}-${region.toLowerCase()}`;
    let q = queues.get(name);
    if (!q) {
      const share = priority ? 0.065 : 0.935;
      const expected = perHour * REGION_SHARE[region] * HUMAN_SHARE * share;
      q = { name, slaSeconds: priority ? 2 * HOUR : 24 * HOUR, waiting: [], head: 0, trailing: Array(168).fill(expected), trailingSum: expected * 168 };
      queues.set(name, q);
    }
    return q;
  };
  for (const r of REGION_CODES) {
    queueFor(r, false);
    queueFor(r, true);
  }

  const decide = (item: Item, decided: number, queue: Queue | null) => {
    if (decided >= o.end) return;
    let action = 'none';
    if (rng.chance(item.actionProbability)) action = item.contentType === 'account' ? 'account_action' : ENFORCEMENT.pick(rng);
    const age = decided - item.posted;
    const views = age < 300 && rng.chance(0.92) ? 0 : Math.floor(rng.lognormal(20 * Math.pow(age / HOUR + 0.05, 0.7), 1.1));
    w.decisions.push(
      `${item.id}\t${decided}\t${item.posted}\t${item.flagged}\t${item.dims}\t${indexOf('contentType', item.contentType)}\t${indexOf('detectionSource', item.source)}\t${indexOf('enforcementPath', item.path)}\t${indexOf('action', action)}\t${queue ? indexOf('reviewQueue', queue.name) : 0}\t${queue?.slaSeconds ?? 0}\t${views}\t${indexOf('modelVersion', item.version)}`,
    );
    if (action !== 'none') appeal(item, decided, action);
  };

  const appeal = (item: Item, decided: number, action: string) => {
    const regressed = item.path === 'automated' && item.version === REGRESSION.version && item.region === REGRESSION.region && item.policy === REGRESSION.policy;
    const p = (action === 'account_action' ? 0.1 : 0.035) * (regressed ? 3 : 1);
    if (!rng.chance(p)) return;
    const filed = decided + Math.round(rng.lognormal(1.5 * DAY, 0.8));
    if (filed >= o.end) return;
    const common = `${item.dims}\t${indexOf('contentType', item.contentType)}`;
    w.appeals.push(`${item.id}\t0\t${filed}\t${common}\t0\t${decided}`);
    const resolved = filed + Math.round(rng.lognormal(1.2 * DAY, 0.7));
    if (resolved >= o.end) return;
    const overturned = rng.chance(regressed ? 0.45 : item.path === 'automated' ? 0.14 : 0.09);
    w.appeals.push(`${item.id}\t1\t${resolved}\t${common}\t${overturned ? 2 : 1}\t${decided}`);
  };

  const newItem = (t: number, region: RegionCode, country: string, policy: string, source: string): Item => {
    const flagged = t + rng.int(HOUR);
    const contentType = CONTENT.pick(rng);
    const posted = source === 'automated' ? flagged - 10 - rng.int(600) : flagged - Math.round(rng.lognormal(5 * HOUR, 1.2));
    const automatedPath = source === 'automated' ? AUTOMATED_PATH.pick(rng) : rng.chance(0.05) ? 'hybrid' : 'human';
    const version = source === 'automated' ? versionAt(versions, region, flagged) : '';
    const actionProbability = automatedPath === 'automated' ? 0.96 : automatedPath === 'hybrid' ? 0.8 : HUMAN_ACTION_PROBABILITY[source]!;
    return {
      id: nextId++, flagged, posted, region, country, policy, contentType, source, path: automatedPath,
      dims: `${indexOf('region', region)}\t${indexOf('country', country)}\t${indexOf('policy', policy)}`,
      actionProbability, version,
    };
  };

  const route = (item: Item) => {
    if (item.path === 'automated') decide(item, item.flagged + Math.round(rng.lognormal(20, 0.8)), null);
    else {
      const q = queueFor(item.region, PRIORITY_POLICIES.has(item.policy));
      q.waiting.push(item);
      w.enqueues.push(`${item.id}\t${item.flagged}\t${item.dims}\t${indexOf('reviewQueue', q.name)}\t${q.slaSeconds}`);
    }
  };

  const arrivalsThisHour = new Map<string, number>();
  for (let t = start; t < o.end; t += HOUR) {
    const utcHour = (t / HOUR) % 24;
    const trend = 0.95 + (0.1 * (t - start)) / (o.end - start);
    arrivalsThisHour.clear();
    for (const region of REGION_CODES) {
      const lambda = perHour * REGION_SHARE[region] * diurnal(utcHour, region) * weekly(t) * trend;
      const n = rng.poisson(lambda);
      for (let i = 0; i < n; i++) {
        const country = COUNTRY_PICKERS[region].pick(rng);
        const policy = POLICY_PICKER.pick(rng);
        const item = newItem(t, region, country, policy, SOURCES.pick(rng));
        route(item);
      }
      // Story 1: while 3.3 serves SEA, harassment gets ~40 % more automated removals (false positives).
      if (region === REGRESSION.region && versionAt(versions, region, t) === REGRESSION.version) {
        const extra = rng.poisson(lambda * POLICY_SHARE[REGRESSION.policy]! * 0.65 * 0.4);
        for (let i = 0; i < extra; i++) {
          const item = newItem(t, region, COUNTRY_PICKERS[region].pick(rng), REGRESSION.policy, 'automated');
          item.path = 'automated';
          item.actionProbability = 0.96;
          route(item);
        }
      }
      // Story 3: the election surge of user reports in Brazil.
      const surge = region === SURGE.region ? surgeIntensity(o, t) : 0;
      if (surge > 0) {
        const extra = rng.poisson(lambda * SURGE.extraReports * surge);
        for (let i = 0; i < extra; i++) {
          const item = newItem(t, region, SURGE.country, rng.pick(SURGE.policies), 'user_report');
          item.actionProbability = 0.25;
          route(item);
        }
      }
    }
    // Review: each queue works FIFO through as many items as this hour's staffing allows.
    for (const q of queues.values()) {
      const hourIndex = ((t - start) / HOUR) % 168;
      const newArrivals = countArrivals(q, t);
      q.trailingSum += newArrivals - q.trailing[hourIndex]!;
      q.trailing[hourIndex] = newArrivals;
      // priority queues (2 h SLA) are staffed with more slack than the 24 h queues
      let capacity = rng.poisson(((q.slaSeconds < 6 * HOUR ? 2 : 1.25) * q.trailingSum) / 168);
      while (capacity > 0 && q.head < q.waiting.length) {
        const item = q.waiting[q.head++]!;
        capacity--;
        const decided = Math.max(item.flagged + Math.round(rng.lognormal(180, 0.6)), t + rng.int(HOUR));
        decide(item, decided, q);
      }
      if (q.head > 50_000) {
        q.waiting = q.waiting.slice(q.head);
        q.head = 0;
      }
    }
    await Promise.all([w.decisions.maybeFlush(), w.enqueues.maybeFlush(), w.appeals.maybeFlush()]);
  }
}

/** Items of the queue flagged within [t, t + 1 h); they sit at the tail, so scan from the end. */
function countArrivals(q: Queue, t: number): number {
  let n = 0;
  for (let i = q.waiting.length - 1; i >= q.head && q.waiting[i]!.flagged >= t; i--) n++;
  return n;
}
