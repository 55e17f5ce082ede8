// Model figures that are not a single metric: the score histograms behind a precision-recall
// curve, and score distributions for drift. Read from the daily model rollups.
import { filterPredicates, sliceParams, type Slice } from './metricQuery.js';
import { type Statement } from './statements.js';

const where = (slice: Slice) => ['model_id = {model:String}', 'day >= {from_day:Date}', 'day < {to_day:Date}', ...filterPredicates(slice.filters)].join(' AND ');

/** Positive and negative score histograms and confusion counts of one model (version in the filters). */
export function curveStatement(model: string, slice: Slice): Statement {
  return {
    operation: 'models.curve',
    sql: `SELECT sumMap(positive_score_hist) AS positives, sumMap(negative_score_hist) AS negatives,
  max(deployed_threshold) AS deployed_threshold,
  sum(true_positives) AS tp, sum(false_positives) AS fp, sum(false_negatives) AS fn, sum(true_negatives) AS tn
FROM model_performance_daily
WHERE ${where(slice)}`,
    params: { model, ...sliceParams(slice) },
  };
}

/** Score histogram of every scored item in a period. */
export function scoreHistogramStatement(model: string, slice: Slice): Statement {
  return {
    operation: 'models.score_histogram',
    sql: `SELECT sumMap(score_hist) AS hist, sum(predictions) AS n\nFROM model_scores_daily\nWHERE ${where(slice)}`,
    params: { model, ...sliceParams(slice) },
  };
}
