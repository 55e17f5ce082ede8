// The demo's world: how big each region is, when each model version ran where, who labels what,
// and the planted stories (README: "Demo stories"). Every time is relative to the demo's end,
// so a fresh demo always has its stories in the recent past.
import { REGIONS, POLICIES, type RegionCode } from '../domain/taxonomy.js';
import { lastCompleteWeekStart } from '../domain/time.js';
import { WeightedPicker } from './rng.js';

export const HOUR = 3600;
export const DAY = 86_400;

export interface DemoOptions {
  seed: number;
  days: number;
  /** 1 = the default demo (about 35,000 moderation decisions a day). */
  scale: number;
  /** Exclusive end, seconds since epoch, at a UTC midnight. */
  end: number;
}

/** Start of the UTC day holding `t` (seconds). */
export function utcMidnight(t: number): number {
  return Math.floor(t / DAY) * DAY;
}

export const REGION_SHARE: Record<RegionCode, number> = {
  NA: 0.17, LATAM: 0.14, EU: 0.16, MENA: 0.07, SSA: 0.015, SA: 0.16, SEA: 0.24, EA: 0.045,
};

/** UTC offset (hours) used for each region's daily rhythm. */
export const REGION_UTC_OFFSET: Record<RegionCode, number> = {
  NA: -5, LATAM: -3, EU: 1, MENA: 3, SSA: 2, SA: 5, SEA: 7, EA: 9,
};

export const COUNTRY_SHARE: Record<string, number> = {
  US: 0.85, CA: 0.15, BR: 0.5, MX: 0.3, AR: 0.1, CO: 0.1,
  DE: 0.22, FR: 0.2, GB: 0.22, IT: 0.14, ES: 0.12, PL: 0.06, GR: 0.04,
  TR: 0.4, SA: 0.25, AE: 0.1, EG: 0.25, NG: 0.6, KE: 0.25, ZA: 0.15,
  IN: 0.75, PK: 0.15, BD: 0.1, ID: 0.45, PH: 0.25, VN: 0.18, TH: 0.12,
  JP: 0.55, KR: 0.3, TW: 0.15,
};

export const POLICY_SHARE: Record<string, number> = {
  spam_fake_engagement: 0.3, frauds_scams: 0.12, adult_nudity: 0.12, hate_speech: 0.08,
  harassment_bullying: 0.09, violent_graphic: 0.06, dangerous_acts: 0.04, misinformation: 0.06,
  minor_safety: 0.03, suicide_self_harm: 0.02, violent_extremism: 0.015, regulated_goods: 0.065,
};

/** Share of violating items among the items a classifier scores, per policy. */
export const POLICY_PREVALENCE: Record<string, number> = {
  spam_fake_engagement: 0.14, frauds_scams: 0.09, adult_nudity: 0.1, hate_speech: 0.07,
  harassment_bullying: 0.08, violent_graphic: 0.06, dangerous_acts: 0.05, misinformation: 0.06,
  minor_safety: 0.03, suicide_self_harm: 0.03, violent_extremism: 0.02, regulated_goods: 0.06,
};

/** Policies whose human reviews go to the priority queue (2 h SLA instead of 24 h). */
export const PRIORITY_POLICIES = new Set(['minor_safety', 'suicide_self_harm', 'violent_extremism']);

export const REGION_CODES = REGIONS.map((r) => r.code) as RegionCode[];
// the demo's producers file every decision under a policy ('unmapped' is for imported statements only)
export const POLICY_CODES = POLICIES.map((p) => p.code).filter((p) => p in POLICY_SHARE);

/** A policy by its share of volume, and a country of a region by its share of the region (countries
 *  without a share, e.g. most EU states, get no demo data). */
export const POLICY_PICKER = new WeightedPicker(POLICY_CODES, POLICY_CODES.map((p) => POLICY_SHARE[p]!));
export const COUNTRY_PICKERS = Object.fromEntries(
  REGIONS.map((r) => [r.code, new WeightedPicker(r.countries as readonly string[], r.countries.map((c) => COUNTRY_SHARE[c] ?? 0))]),
) as Record<RegionCode, WeightedPicker<string>>;

/** Activity relative to the daily mean, peaking in the local evening. */
export function diurnal(utcHour: number, region: RegionCode): number {
  const local = (utcHour + REGION_UTC_OFFSET[region] + 24) % 24;
  return 1 + 0.55 * Math.cos((2 * Math.PI * (local - 20)) / 24);
}

/** Weekends are busier on a short-video platform. */
export function weekly(t: number): number {
  const dow = (Math.floor(t / DAY) + 3) % 7; // 0 = Monday
  return dow >= 5 ? 1.18 : dow === 4 ? 1.06 : 0.95;
}

// ---- Models -------------------------------------------------------------------------------

export const MODEL_ID = 'safety-mm';
export const MODEL_THRESHOLD = 0.5;

export interface VersionQuality {
  /** Mean score of violating items / of benign items (normal, sd 0.16, clamped to [0, 1]). */
  positiveMean: number;
  negativeMean: number;
}

export const VERSION_QUALITY: Record<string, VersionQuality> = {
  '3.1': { positiveMean: 0.7, negativeMean: 0.17 },
  '3.2': { positiveMean: 0.73, negativeMean: 0.15 },
  '3.3': { positiveMean: 0.75, negativeMean: 0.14 },
};

export interface Rollout {
  at: number;
  region: RegionCode;
  version: string;
  event: 'rollout' | 'rollback';
  note: string;
}

/** Story 1: 3.3 regresses on harassment in SEA, with 0.27 as the benign mean instead of 0.14. */
export const REGRESSION = { region: 'SEA' as RegionCode, policy: 'harassment_bullying', version: '3.3', negativeMean: 0.27 };

export function rollouts(o: DemoOptions): Rollout[] {
  const e = o.end;
  const list: Rollout[] = [];
  for (const region of REGION_CODES) {
    const early = region === 'NA' || region === 'EU';
    list.push({ at: e - (early ? 75 : 70) * DAY + 10 * HOUR, region, version: '3.2', event: 'rollout', note: 'Scheduled rollout of 3.2' });
  }
  list.push({ at: e - 40 * DAY + 10 * HOUR, region: 'SEA', version: '3.3', event: 'rollout', note: 'First region for 3.3' });
  list.push({ at: e - 28 * DAY + 14 * HOUR, region: 'SEA', version: '3.2', event: 'rollback', note: 'Rolled back: harassment precision regression' });
  list.push({ at: e - 21 * DAY + 10 * HOUR, region: 'NA', version: '3.3', event: 'rollout', note: '3.3 to NA' });
  list.push({ at: e - 14 * DAY + 10 * HOUR, region: 'EU', version: '3.3', event: 'rollout', note: '3.3 to EU' });
  return list.sort((a, b) => a.at - b.at);
}

/** The version serving a region at time t. */
export function versionAt(list: readonly Rollout[], region: RegionCode, t: number): string {
  let v = '3.1';
  for (const r of list) if (r.region === region && r.at <= t) v = r.version;
  return v;
}

// ---- Report surge (story 3) ------------------------------------------------------------

/** Story 3: an election in Brazil floods LATAM with user reports in the last complete ISO week. */
export function surgeWindow(o: DemoOptions): { from: number; to: number } {
  const monday = lastCompleteWeekStart(o.end);
  return { from: monday + DAY + 8 * HOUR, to: monday + 6 * DAY };
}

/** At full intensity, extra user reports per hour = extraReports × LATAM's usual hourly volume. */
export const SURGE = { region: 'LATAM' as RegionCode, country: 'BR', policies: ['misinformation', 'hate_speech', 'harassment_bullying'], extraReports: 2 };

/** 0 outside the surge; ramps up over a day, holds, and fades in its last day. */
export function surgeIntensity(o: DemoOptions, t: number): number {
  const { from, to } = surgeWindow(o);
  if (t < from || t >= to) return 0;
  return Math.min(1, (t - from) / DAY, (to - t) / DAY + 0.3);
}

// ---- Annotation ---------------------------------------------------------------------------

export interface QueueDef {
  queue: string;
  vendor: string;
  site: string;
  language: string;
  regions: RegionCode[];
  policies: string[];
  slaHours: number;
  /** Tasks created per day at scale 1. */
  tasksPerDay: number;
}

const ALL = POLICY_CODES;
export const QUEUES: QueueDef[] = [
  { queue: 'en-hate-harassment', vendor: 'northwind', site: 'northwind-manila', language: 'en', regions: ['NA'], policies: ['hate_speech', 'harassment_bullying'], slaHours: 24, tasksPerDay: 700 },
  { queue: 'en-graphic-extremism', vendor: 'northwind', site: 'northwind-lisbon', language: 'en', regions: ['NA', 'EU'], policies: ['violent_graphic', 'dangerous_acts', 'violent_extremism', 'suicide_self_harm'], slaHours: 12, tasksPerDay: 450 },
  { queue: 'en-adult-minor', vendor: 'helios', site: 'helios-bangalore', language: 'en', regions: ['NA', 'EU', 'SA'], policies: ['adult_nudity', 'minor_safety'], slaHours: 8, tasksPerDay: 600 },
  { queue: 'en-spam-fraud', vendor: 'helios', site: 'helios-nairobi', language: 'en', regions: ['NA', 'SSA', 'EU'], policies: ['spam_fake_engagement', 'frauds_scams', 'regulated_goods', 'misinformation'], slaHours: 48, tasksPerDay: 900 },
  { queue: 'es-general', vendor: 'tessera', site: 'tessera-bogota', language: 'es', regions: ['LATAM'], policies: ALL, slaHours: 24, tasksPerDay: 500 },
  { queue: 'pt-general', vendor: 'tessera', site: 'tessera-bogota', language: 'pt', regions: ['LATAM'], policies: ALL, slaHours: 24, tasksPerDay: 450 },
  { queue: 'ar-general', vendor: 'tessera', site: 'tessera-cairo', language: 'ar', regions: ['MENA'], policies: ALL, slaHours: 24, tasksPerDay: 300 },
  { queue: 'de-fr-general', vendor: 'kestrel', site: 'kestrel-krakow', language: 'de', regions: ['EU'], policies: ALL, slaHours: 24, tasksPerDay: 420 },
  { queue: 'hi-general', vendor: 'helios', site: 'helios-bangalore', language: 'hi', regions: ['SA'], policies: ALL, slaHours: 24, tasksPerDay: 550 },
  { queue: 'id-general', vendor: 'northwind', site: 'northwind-manila', language: 'id', regions: ['SEA'], policies: ALL, slaHours: 24, tasksPerDay: 650 },
  { queue: 'ja-general', vendor: 'kestrel', site: 'kestrel-krakow', language: 'ja', regions: ['EA'], policies: ALL, slaHours: 24, tasksPerDay: 250 },
];

/** Annotators per site at scale 1 (at least 4 at any scale so every task can have 3 labels). */
export const SITE_TEAM: Record<string, number> = {
  'northwind-manila': 60, 'northwind-lisbon': 18, 'helios-bangalore': 55, 'helios-nairobi': 25,
  'tessera-bogota': 40, 'tessera-cairo': 14, 'kestrel-krakow': 28,
};

/** Story 2: Tessera onboards new annotators 60 days before the end; their golden-set accuracy
 *  starts low and they get most of the work for a while, so the vendor's accuracy dips ~10 days. */
export const ONBOARDING = { vendor: 'tessera', daysBeforeEnd: 60, newAnnotatorsPerSite: 30 };
