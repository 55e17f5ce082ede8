// Annotation figures that are not a single metric: the answers two annotators gave to the same
// items, for Cohen's kappa. Read from the per-task answers rollup.
import { filterPredicates, multiLabelledTasks, sliceParams, type Slice } from './metricQuery.js';
import { type Statement } from './statements.js';

export function annotatorPairStatement(a: string, b: string, slice: Slice): Statement {
  const slicePredicates = ['day >= {from_day:Date}', 'day < {to_day:Date}', ...filterPredicates(slice.filters)];
  // two annotators' shared tasks have two or more answers: the single-answer tasks are skipped unmerged
  const where = [...slicePredicates, multiLabelledTasks(slicePredicates, '    ')].join(' AND ');
  return {
    operation: 'annotation.annotator_pair',
    sql: `SELECT answer_a, answer_b, count() AS items
FROM (
  SELECT arrayFirst(x -> x.1 = {a:String}, answers).2 AS answer_a, arrayFirst(x -> x.1 = {b:String}, answers).2 AS answer_b
  FROM (
    SELECT task_id, groupArrayMerge(answers) AS answers
    FROM annotation_task_answers
    WHERE ${where}
    GROUP BY task_id
  )
  WHERE has(arrayMap(x -> x.1, answers), {a:String}) AND has(arrayMap(x -> x.1, answers), {b:String})
)
GROUP BY answer_a, answer_b
ORDER BY answer_a, answer_b`,
    params: { a, b, ...sliceParams(slice) },
  };
}

/** Most annotators one list answers. */
export const MAX_ANNOTATORS = 200;

/**
 * Labels per annotator in [from, to), with the vendor they labelled most for (ties: the first
 * vendor code), from the per-annotator rollup (migration 0010): annotation_labels_hourly keeps
 * annotators only inside a distinct-count state, and annotation_task_answers only multi-labelled
 * tasks. The rollup's sort key (vendor, queue, hour) serves the vendor scope, the queue filter and
 * the time range.
 */
function labelsPerAnnotator(where: string): string {
  return `SELECT annotator_id,
    arraySort(x -> (-toInt64(x.2), x.1), groupArray((vendor, n)))[1].1 AS vendor,
    sum(n) AS labels
  FROM (
    SELECT annotator_id, vendor, sum(labels) AS n
    FROM annotator_labels_hourly
    WHERE ${where}
    GROUP BY annotator_id, vendor
  )
  GROUP BY annotator_id`;
}

const labelTime = ["hour >= {from:DateTime('UTC')}", "hour < {to:DateTime('UTC')}"];

/** Ids containing `search`, any case, as a bound parameter; nothing when there is no search. */
function searchPredicate(column: string, search: string | null): string[] {
  return search === null ? [] : [`positionCaseInsensitive(${column}, {search:String}) > 0`];
}
const searchParams = (search: string | null) => (search === null ? {} : { search });

/**
 * Annotators who submitted labels in the slice, most labels first; with `search`, only those whose
 * id contains it (any case), before the cap.
 */
export function annotatorsStatement(slice: Slice, search: string | null = null): Statement {
  const where = [...labelTime, ...filterPredicates(slice.filters), ...searchPredicate('annotator_id', search)].join(' AND ');
  return {
    operation: 'annotation.annotators',
    sql: `SELECT annotator_id AS id, vendor, labels, 0 AS shared_tasks
FROM (
  ${labelsPerAnnotator(where)}
)
ORDER BY labels DESC, id ASC
LIMIT {limit:UInt32}`,
    params: { ...sliceParams(slice), ...searchParams(search), limit: MAX_ANNOTATORS },
  };
}

/**
 * Annotators who labelled at least one task that `paired` also labelled, most shared tasks first.
 * Shared tasks are counted exactly as annotatorPairStatement counts kappa's items (the per-task
 * answers rollup, by the task's creation day: the asked range widened to whole days, `taskDays`), so a pair's figure here is the denominator of its kappa. Labels
 * are those submitted in the asked range; an annotator whose shared tasks were labelled outside it
 * shows 0 labels and the vendor of their shared answers. With `search`, only those whose id contains
 * it (any case), before the cap.
 */
export function pairedAnnotatorsStatement(paired: string, slice: Slice, taskDays: { from: number; to: number }, search: string | null = null): Statement {
  const taskPredicates = ['day >= {from_day:Date}', 'day < {to_day:Date}', ...filterPredicates(slice.filters)];
  const taskWhere = [...taskPredicates, multiLabelledTasks(taskPredicates)].join(' AND ');
  const labelWhere = [...labelTime, ...filterPredicates(slice.filters), 'annotator_id IN (SELECT annotator_id FROM shared)'].join(' AND ');
  const task = sliceParams({ ...slice, ...taskDays });
  return {
    operation: 'annotation.paired_annotators',
    sql: `WITH
tasks AS (
  SELECT task_id, vendor, arrayDistinct(arrayMap(x -> x.1, groupArrayMerge(answers))) AS who
  FROM annotation_task_answers
  WHERE ${taskWhere}
  GROUP BY task_id, vendor
),
shared AS (
  SELECT other AS annotator_id, uniqExact(task_id) AS shared_tasks, min(vendor) AS task_vendor
  FROM tasks
  ARRAY JOIN who AS other
  WHERE ${['task_id IN (SELECT task_id FROM tasks WHERE has(who, {paired:String}))', 'other != {paired:String}', ...searchPredicate('other', search)].join(' AND ')}
  GROUP BY other
),
labelled AS (
  ${labelsPerAnnotator(labelWhere)}
)
SELECT shared.annotator_id AS id, if(labelled.labels > 0, labelled.vendor, shared.task_vendor) AS vendor,
  labelled.labels AS labels, shared.shared_tasks AS shared_tasks
FROM shared
LEFT JOIN labelled ON labelled.annotator_id = shared.annotator_id
ORDER BY shared_tasks DESC, labels DESC, id ASC
LIMIT {limit:UInt32}`,
    params: { ...sliceParams(slice), from_day: task.from_day, to_day: task.to_day, paired, ...searchParams(search), limit: MAX_ANNOTATORS },
  };
}
