// Keeps agreement's two precomputed halves (migration 0022) in step with the labels:
// annotation_agreement_daily, the per-day sums of the tasks held in one row of
// annotation_task_answers, and annotation_mixed_task_answers, the rows of every other task.
//
// Why not views: whether a task is held in one row is known only once all its labels are in (a
// second site's label splits it, a label carrying another creation day spreads it over two days),
// so a day is recomputed whole instead, from the per-task rollup, whenever its labels changed.
// A refresh rewrites every (day, dimensions) row of the day with a newer version, so a task that
// becomes spread leaves the sums as it enters the copied rows. Each row records the labels of its
// cell the refresh saw; a day is stale when those differ from annotation_label_days, which views
// keep. Every agreement read runs `refreshAgreement` first (statements.ts): one look at two small
// tables when nothing changed, a recomputation of the changed days otherwise.
import type { Database } from '../db/database.js';
import { PAIRABLE, UNIT } from '../definitions/agreementUnits.js';

/** The tables a refresh writes: a statement reading one of them runs a refresh first. */
export const AGREEMENT_TABLES: readonly string[] = ['annotation_agreement_daily', 'annotation_mixed_task_answers'];

const CELL = 'vendor, site, queue, language, region, policy';

/** Days whose labels differ from what the last refresh saw, new days included. */
const STALE_DAYS = `SELECT toString(day) AS day
FROM (SELECT day, sum(labels) AS labels FROM annotation_label_days GROUP BY day) AS seen
LEFT JOIN (SELECT day, sum(labels_seen) AS labels FROM annotation_agreement_daily FINAL GROUP BY day) AS refreshed USING (day)
WHERE seen.labels != refreshed.labels
ORDER BY day`;

/** The other days of the tasks labelled on {days}: a task that now carries two days changes both. */
const OTHER_DAYS = `SELECT DISTINCT toString(day) AS day
FROM annotation_task_days
WHERE task IN (SELECT cityHash64(task_id) FROM annotation_task_answers WHERE day IN {days:Array(Date)})
  AND day NOT IN {days:Array(Date)}`;

/**
 * The tasks of {days} not held in one row: several cells on these days, or labelled on more than
 * one day (the task's days from annotation_task_days, a hash: a collision only marks a task
 * spread, which the per-task read answers exactly).
 */
const SPREAD_TASKS = `SELECT task_id FROM annotation_task_answers
  WHERE day IN {days:Array(Date)}
  GROUP BY task_id
  HAVING uniqExact(day, ${CELL}) > 1 OR cityHash64(task_id) IN (
    SELECT task FROM annotation_task_days
    WHERE task IN (SELECT cityHash64(task_id) FROM annotation_task_answers WHERE day IN {days:Array(Date)})
    GROUP BY task
    HAVING uniqExact(day) > 1
  )`;

const VERSION = 'toUnixTimestamp64Micro(now64(6))';

const COPY_SPREAD = `INSERT INTO annotation_mixed_task_answers (day, ${CELL}, task_id, answers, labels, version)
SELECT day, ${CELL}, task_id, groupArrayMergeState(answers), sum(labels), ${VERSION}
FROM annotation_task_answers
WHERE day IN {days:Array(Date)} AND task_id IN (${SPREAD_TASKS})
GROUP BY day, ${CELL}, task_id`;

/** `unit`: a task held in one row with two or more answers; its share of each sum (agreementUnits.ts). */
const SUM_DAYS = `INSERT INTO annotation_agreement_daily
  (day, ${CELL}, labels_seen, items, disagreeing_items, agreeing_pairs, pairs, answer_counts, disagreement, version)
SELECT day, ${CELL},
  sum(labels), countIf(unit), countIf(unit AND ${UNIT.disagreeing}), sumIf(${UNIT.agreeingPairs}, unit), sumIf(${UNIT.pairs}, unit),
  sumMapIf(${UNIT.answerKeys}, ${UNIT.answerOnes}, unit), sumIf(${UNIT.disagreement}, unit), ${VERSION}
FROM (
  SELECT day, ${CELL}, task_id, groupArrayMerge(answers) AS answers, sum(labels) AS labels,
    ${PAIRABLE} AND task_id NOT IN (${SPREAD_TASKS}) AS unit
  FROM annotation_task_answers
  WHERE day IN {days:Array(Date)}
  GROUP BY day, ${CELL}, task_id
)
GROUP BY day, ${CELL}`;

/** Days recomputed per statement: bounds the engine's memory on a first fill of a long history. */
const DAYS_PER_STATEMENT = 7;

const inFlight = new WeakMap<Database, Promise<string[]>>();

/**
 * Recomputes the days whose labels changed since the last refresh (and the other days of their
 * tasks); returns the days recomputed. Callers at the same time share one refresh.
 */
export function refreshAgreement(db: Database, daysPerStatement = DAYS_PER_STATEMENT): Promise<string[]> {
  const running = inFlight.get(db);
  if (running) return running;
  const refresh = refreshStaleDays(db, daysPerStatement).finally(() => inFlight.delete(db));
  inFlight.set(db, refresh);
  return refresh;
}

async function refreshStaleDays(db: Database, daysPerStatement: number): Promise<string[]> {
  const stale = (await db.select<{ day: string }>('agreement.stale_days', STALE_DAYS)).map((r) => r.day);
  if (stale.length === 0) return [];
  const others = (await db.select<{ day: string }>('agreement.other_days', OTHER_DAYS, { days: stale })).map((r) => r.day);
  const days = [...new Set([...stale, ...others])].sort();
  for (let i = 0; i < days.length; i += daysPerStatement) {
    const chunk = days.slice(i, i + daysPerStatement);
    // copies first: a reader between the two statements counts a newly spread task twice rather
    // than not at all, and the day stays stale until its sums are written
    await db.command('agreement.copy_spread_tasks', COPY_SPREAD, { days: chunk });
    await db.command('agreement.sum_days', SUM_DAYS, { days: chunk });
  }
  return days;
}
