// Annotation figures that are not a single metric: the answers two annotators gave to the same
// items, for Cohen's kappa. Read from the per-task answers rollup.
import type { Dimension } from '../graphql/generated.js';
import { DIMENSIONS } from '../metrics/dimensions.js';
import type { Statement } from './metricQuery.js';

const day = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);

export function annotatorPairStatement(a: string, b: string, from: number, to: number, filters: ReadonlyMap<Dimension, readonly string[]>): Statement {
  const parts = ['day >= {from_day:Date}', 'day < {to_day:Date}'];
  const params: Record<string, unknown> = { a, b, from_day: day(from), to_day: day(to) };
  for (const [d, values] of filters) {
    const name = `f_${d.toLowerCase()}`;
    parts.push(`${DIMENSIONS[d].column} IN {${name}:Array(String)}`);
    params[name] = [...values];
  }
  return {
    operation: 'annotation.annotator_pair',
    sql: `SELECT answer_a, answer_b, count() AS items
FROM (
  SELECT arrayFirst(x -> x.1 = {a:String}, answers).2 AS answer_a, arrayFirst(x -> x.1 = {b:String}, answers).2 AS answer_b
  FROM (
    SELECT task_id, groupArrayMerge(answers) AS answers
    FROM annotation_task_answers
    WHERE ${parts.join(' AND ')}
    GROUP BY task_id
  )
  WHERE has(arrayMap(x -> x.1, answers), {a:String}) AND has(arrayMap(x -> x.1, answers), {b:String})
)
GROUP BY answer_a, answer_b
ORDER BY answer_a, answer_b`,
    params,
  };
}
