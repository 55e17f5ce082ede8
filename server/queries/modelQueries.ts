// Model figures that are not a single metric: the score histograms behind a precision-recall
// curve, and score distributions for drift. Read from the daily model rollups.
import type { Dimension } from '../graphql/generated.js';
import { DIMENSIONS } from '../metrics/dimensions.js';
import type { Statement } from './metricQuery.js';

function where(filters: ReadonlyMap<Dimension, readonly string[]>): { sql: string; params: Record<string, unknown> } {
  const parts = ['model_id = {model:String}', 'day >= {from_day:Date}', 'day < {to_day:Date}'];
  const params: Record<string, unknown> = {};
  for (const [d, values] of filters) {
    const name = `f_${d.toLowerCase()}`;
    parts.push(`${DIMENSIONS[d].column} IN {${name}:Array(String)}`);
    params[name] = [...values];
  }
  return { sql: parts.join(' AND '), params };
}

const day = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);

/** Positive and negative score histograms and confusion counts of one model (version in filters). */
export function curveStatement(model: string, from: number, to: number, filters: ReadonlyMap<Dimension, readonly string[]>): Statement {
  const w = where(filters);
  return {
    operation: 'models.curve',
    sql: `SELECT sumMap(positive_score_hist) AS positives, sumMap(negative_score_hist) AS negatives,
  max(deployed_threshold) AS deployed_threshold,
  sum(true_positives) AS tp, sum(false_positives) AS fp, sum(false_negatives) AS fn, sum(true_negatives) AS tn,
  groupUniqArray(label_source) AS label_sources
FROM model_performance_daily
WHERE ${w.sql}`,
    params: { model, from_day: day(from), to_day: day(to), ...w.params },
  };
}

/** Score histogram of every scored item in a period. */
export function scoreHistogramStatement(model: string, from: number, to: number, filters: ReadonlyMap<Dimension, readonly string[]>): Statement {
  const w = where(filters);
  return {
    operation: 'models.score_histogram',
    sql: `SELECT sumMap(score_hist) AS hist, sum(predictions) AS n\nFROM model_scores_daily\nWHERE ${w.sql}`,
    params: { model, from_day: day(from), to_day: day(to), ...w.params },
  };
}
