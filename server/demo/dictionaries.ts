// The demo sends rows as numbers: each coded value is an index into one of these lists, and the
// insert statement turns indexes back into codes (ClickHouse parses numbers several times faster
// than strings, which keeps the default demo under a minute). The lists come from the taxonomy
// and the demo's world, never from outside input.
import { REGIONS, POLICIES, CONTENT_TYPES, DETECTION_SOURCES, ENFORCEMENT_PATHS, ACTIONS, LABEL_SOURCES, ANNOTATION_ANSWERS } from '../domain/taxonomy.js';
import { QUEUES, VERSION_QUALITY } from './world.js';

const codes = (list: readonly { code: string }[]) => list.map((x) => x.code);

export const DICT = {
  region: codes(REGIONS),
  country: REGIONS.flatMap((r) => [...r.countries]),
  policy: codes(POLICIES),
  contentType: codes(CONTENT_TYPES),
  detectionSource: codes(DETECTION_SOURCES),
  enforcementPath: codes(ENFORCEMENT_PATHS),
  action: codes(ACTIONS),
  /** Human review queues; index 0 is "no queue" (fully automated decisions). */
  reviewQueue: ['', ...REGIONS.flatMap((r) => [`review-${r.code.toLowerCase()}`, `priority-${r.code.toLowerCase()}`])],
  /** Index 0 is "no model". */
  modelVersion: ['', ...Object.keys(VERSION_QUALITY)],
  labelSource: codes(LABEL_SOURCES),
  appealEvent: ['filed', 'resolved'],
  appealOutcome: ['', 'upheld', 'overturned'],
  taskEvent: ['created', 'completed'],
  answer: ['', ...ANNOTATION_ANSWERS],
  queue: QUEUES.map((q) => q.queue),
  queueVendor: QUEUES.map((q) => q.vendor),
  queueSite: QUEUES.map((q) => q.site),
  queueLanguage: QUEUES.map((q) => q.language),
} as const;

export type DictName = keyof typeof DICT;

/** index lookups: INDEX.region.get('EU') === 2 */
export const INDEX = Object.fromEntries(
  Object.entries(DICT).map(([name, list]) => [name, new Map((list as readonly string[]).map((v, i) => [v, i]))]),
) as Record<DictName, Map<string, number>>;

export function indexOf(dict: DictName, value: string): number {
  const i = INDEX[dict].get(value);
  if (i === undefined) throw new Error(`demo dictionary ${dict} has no ${value}`);
  return i;
}
