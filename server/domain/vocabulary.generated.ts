export type ActionStatus =
  | 'DONE'
  | 'DROPPED'
  | 'OPEN';

export type AlertComparison =
  /** the same window a week earlier */
  | 'PREVIOUS_WEEK'
  /** the window just before */
  | 'PREVIOUS_WINDOW';

export type AlertConditionType =
  /** outside the same-weekday band (median ± 3.5 robust SD of the same window 1–6 weeks before) by a change that matters */
  | 'ANOMALY'
  /** a significant change against a comparison window (z-test / exact Poisson test, BH across groups) that matters in practice */
  | 'CHANGE'
  /** the target in force is breached (or at risk), beyond sampling noise for rates (one-sided test, BH across groups) */
  | 'TARGET'
  /** a plain line */
  | 'THRESHOLD';

export type AlertDirection =
  | 'ANY'
  | 'DOWN'
  | 'UP';

export type AlertState =
  | 'FIRING'
  | 'OK'
  /** the condition holds, not yet for the rule's minimum duration */
  | 'PENDING';

export type AlertTargetLevel =
  | 'AT_RISK'
  | 'BREACHED';

export type AlertThresholdOp =
  | 'ABOVE'
  | 'BELOW';

/** Why a figure needs attention. */
export type AttentionReason =
  /** within the at-risk margin of the target */
  | 'AT_RISK'
  /** off target */
  | 'BREACHED'
  /** a large change the wrong way of a figure no test applies to (at least half its base; counts beyond their Poisson noise) */
  | 'LARGE_MOVE'
  /** a change the wrong way, significant after Benjamini–Hochberg over the tested figures, large enough to matter */
  | 'SIGNIFICANT';

export type ComparisonMode =
  /** the period given in comparisonRange */
  | 'CUSTOM'
  | 'NONE'
  /** the equal period just before */
  | 'PREVIOUS_PERIOD'
  /** the same period one week earlier */
  | 'PREVIOUS_WEEK';

/** Everything a metric can be sliced or filtered by. */
export type Dimension =
  | 'ACTION'
  | 'CONTENT_TYPE'
  | 'COUNTRY'
  | 'DETECTION_SOURCE'
  | 'ENFORCEMENT_PATH'
  | 'LABEL_SOURCE'
  | 'LANGUAGE'
  | 'MODEL'
  | 'MODEL_VERSION'
  | 'POLICY'
  /** Human review queue (moderation) or labelling queue (annotation) */
  | 'QUEUE'
  | 'REGION'
  | 'SITE'
  | 'VENDOR';

export type Direction =
  | 'DOWN'
  | 'NEUTRAL'
  | 'UP';

export type DsaExportFormat =
  /** one part, as the CSV file to file */
  | 'CSV'
  /** every part, a sheet each */
  | 'XLSX';

export type ExportKind =
  | 'CSV'
  | 'MARKDOWN'
  | 'PRINT'
  | 'SQL';

/** Time bucket of a series. Weeks are ISO weeks (start on Monday); months are calendar months. */
export type Grain =
  | 'DAY'
  | 'HOUR'
  | 'MONTH'
  | 'WEEK';

export type MarkerKind =
  | 'INCIDENT'
  | 'ROLLBACK'
  | 'ROLLOUT';

export type MetricFamily =
  | 'ANNOTATION_QUALITY'
  | 'ANNOTATION_THROUGHPUT'
  | 'MODELS'
  | 'MODERATION';

/** How a metric is computed from its rollup. */
export type MetricKind =
  /** inter-annotator agreement on multi-labelled tasks */
  | 'AGREEMENT'
  /** items waiting at the end of each bucket: everything in minus everything out since the data began */
  | 'BACKLOG'
  /** a sum of events */
  | 'COUNT'
  /** a count of distinct things (e.g. annotators) */
  | 'DISTINCT'
  /** age of the oldest item still waiting at the end of each bucket (seconds; 0 when nothing waits) */
  | 'OLDEST_WAIT'
  /** a percentile of durations, from mergeable histograms */
  | 'QUANTILE'
  /** sum(numerator) / sum(denominator), with a 95 % Wilson interval */
  | 'RATE'
  /** sum(numerator) / sum(denominator) that is not a proportion (no interval), e.g. labels per hour */
  | 'RATIO';

export type RetroItemKind =
  | 'ACTION'
  | 'FINDING'
  | 'ROOT_CAUSE';

export type RetroSection =
  | 'ANOMALIES'
  | 'EVENTS'
  | 'GENERAL'
  | 'HEADLINES'
  | 'MOVERS';

export type Role =
  /** + users, ingestion tokens, the audit log */
  | 'ADMIN'
  /** + Explore, the SQL behind figures, CSV export */
  | 'ANALYST'
  /** an analyst who also reads, exports and words the DSA transparency report (unrestricted scope only) */
  | 'COMPLIANCE'
  /** + incident notes and retrospective findings */
  | 'EDITOR'
  /** dashboards and retrospectives */
  | 'VIEWER';

export type TargetChange =
  /** back to the catalogue's target */
  | 'DEFAULT'
  /** no target */
  | 'NONE'
  /** the given target */
  | 'SET';

export type TargetStatus =
  /** within the at-risk margin of the target */
  | 'AT_RISK'
  | 'BREACHED'
  | 'NO_DATA'
  /** the metric has no target (none in the catalogue, or an admin removed it): nothing to be on or off */
  | 'NO_TARGET'
  | 'ON_TARGET';

export type Unit =
  /** a coefficient such as Krippendorff's alpha (at most 1) */
  | 'COEFFICIENT'
  | 'COUNT'
  | 'PER_HOUR'
  /** a proportion between 0 and 1 */
  | 'RATIO'
  | 'SECONDS';

/** A page of the dashboard. */
export type ViewPage =
  | 'ANNOTATION'
  | 'EXPLORE'
  | 'MODELS'
  | 'MODERATION'
  | 'OVERVIEW';
