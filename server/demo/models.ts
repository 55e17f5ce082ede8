// Demo model data: scores of the safety classifier, ground-truth labels that arrive days later
// from four sources, and the rollout history of its versions.
import type { RegionCode } from '../domain/taxonomy.js';
import { Rng } from './rng.js';
import type { TsvWriter } from './writer.js';
import { indexOf } from './dictionaries.js';
import { toClickHouseDateTime } from '../domain/time.js';
import {
  DAY, HOUR, MODEL_ID, MODEL_THRESHOLD, POLICY_CODES, POLICY_PREVALENCE, REGION_CODES, REGION_SHARE,
  COUNTRY_PICKERS, POLICY_PICKER, REGRESSION, VERSION_QUALITY, diurnal, rollouts, versionAt, type DemoOptions,
} from './world.js';

/** Scored items per day at scale 1. */
const PREDICTIONS_PER_DAY = 16_000;
/** Golden-set items scored per region, policy and day at scale 1. */
const GOLDEN_PER_CELL_DAY = 2;
const SCORE_SD = 0.16;


export interface ModelWriters {
  predictions: TsvWriter;
  groundTruth: TsvWriter;
}

/** Rollout events inside the demo's time span, as rows of model_rollouts. */
export function rolloutRows(o: DemoOptions): Record<string, unknown>[] {
  const start = o.end - o.days * DAY;
  return rollouts(o)
    .filter((r) => r.at >= start && r.at < o.end)
    .map((r) => ({ model_id: MODEL_ID, model_version: r.version, region: r.region, event: r.event, at: toClickHouseDateTime(r.at), note: r.note }));
}

export async function generateModels(o: DemoOptions, w: ModelWriters): Promise<void> {
  const rng = new Rng(o.seed, 2);
  const start = o.end - o.days * DAY;
  const history = rollouts(o);
  let nextId = 0;

  const score = (version: string, region: RegionCode, policy: string, violating: boolean): number => {
    const q = VERSION_QUALITY[version]!;
    const regressed = version === REGRESSION.version && region === REGRESSION.region && policy === REGRESSION.policy;
    const mean = violating ? q.positiveMean : regressed ? REGRESSION.negativeMean : q.negativeMean;
    return Math.min(0.9999, Math.max(0, mean + SCORE_SD * rng.normal()));
  };

  const label = (content: string, policy: number, source: string, truth: boolean, errorRate: number, at: number) => {
    if (at >= o.end) return; // not arrived yet
    const observed = rng.chance(errorRate) ? !truth : truth;
    w.groundTruth.push(`${nextId++}\t${content}\t${policy}\t${indexOf('labelSource', source)}\t${observed ? 1 : 0}\t${at}`);
  };

  const predict = (t: number, region: RegionCode, policy: string, golden: boolean) => {
    const id = nextId++;
    const content = `${id}\t${golden ? 1 : 0}`;
    const p = indexOf('policy', policy);
    const scoredAt = t + rng.int(HOUR);
    const version = versionAt(history, region, scoredAt);
    const truth = rng.chance(golden ? 0.3 : POLICY_PREVALENCE[policy]!);
    const s = score(version, region, policy, truth);
    const country = indexOf('country', COUNTRY_PICKERS[region].pick(rng));
    w.predictions.push(`${content}\t${scoredAt}\t${indexOf('modelVersion', version)}\t${indexOf('region', region)}\t${country}\t${p}\t${s.toFixed(4)}\t${MODEL_THRESHOLD}`);
    if (golden) return label(content, p, 'golden_set', truth, 0, scoredAt + 60);
    if (rng.chance(0.03)) label(content, p, 'random_audit', truth, 0.02, scoredAt + DAY + rng.int(4 * DAY));
    if (s >= MODEL_THRESHOLD) {
      if (rng.chance(0.4)) label(content, p, 'human_review', truth, 0.03, scoredAt + Math.round(rng.lognormal(4 * HOUR, 0.8)));
      if (rng.chance(0.02)) label(content, p, 'appeal', truth, 0.05, scoredAt + Math.round(rng.lognormal(5 * DAY, 0.4)));
    }
  };

  const perHour = (PREDICTIONS_PER_DAY * o.scale) / 24;
  for (let t = start; t < o.end; t += HOUR) {
    const utcHour = (t / HOUR) % 24;
    for (const region of REGION_CODES) {
      const n = rng.poisson(perHour * REGION_SHARE[region] * diurnal(utcHour, region));
      for (let i = 0; i < n; i++) predict(t, region, POLICY_PICKER.pick(rng), false);
      // The golden set is re-scored every day at 06:00 UTC, evenly over regions and policies.
      if (utcHour === 6) {
        for (const policy of POLICY_CODES) {
          const k = rng.poisson(GOLDEN_PER_CELL_DAY * Math.max(o.scale, 0.25));
          for (let i = 0; i < k; i++) predict(t, region, policy, true);
        }
      }
    }
    await w.predictions.maybeFlush();
  }
}
