// Annotation figures that are not a single metric: the answers two annotators gave to the same
// items, for Cohen's kappa. Read from the per-task answers rollup.
import { filterPredicates, sliceParams, type Slice, type Statement } from './metricQuery.js';

export function annotatorPairStatement(a: string, b: string, slice: Slice): Statement {
  const where = ['day >= {from_day:Date}', 'day < {to_day:Date}', ...filterPredicates(slice.filters)].join(' AND ');
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
