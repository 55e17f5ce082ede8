import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { GraphQLContext } from '../graphql/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, as an ISO-8601 string in UTC (e.g. "2026-11-16T00:00:00Z"). */
  DateTime: { input: string; output: string; }
};

export type ActionStatus =
  | 'DONE'
  | 'DROPPED'
  | 'OPEN';

export type AlertChannel = {
  __typename?: 'AlertChannel';
  id: Scalars['String']['output'];
  /** webhook, slack or email */
  kind: Scalars['String']['output'];
  /** Its latest delivery among the notifications the asker may read (as alertNotifications; SILENCED ones left out); null: none yet. */
  lastDelivery?: Maybe<AlertNotification>;
};

export type AlertComparison =
  /** the same window a week earlier */
  | 'PREVIOUS_WEEK'
  /** the window just before */
  | 'PREVIOUS_WINDOW';

export type AlertCondition = {
  __typename?: 'AlertCondition';
  comparison?: Maybe<AlertComparison>;
  direction?: Maybe<AlertDirection>;
  level?: Maybe<AlertTargetLevel>;
  op?: Maybe<AlertThresholdOp>;
  type: AlertConditionType;
  value?: Maybe<Scalars['Float']['output']>;
};

export type AlertConditionInput = {
  /** CHANGE: PREVIOUS_WEEK (default) or PREVIOUS_WINDOW */
  comparison?: InputMaybe<AlertComparison>;
  /** CHANGE, ANOMALY: which way counts (default ANY) */
  direction?: InputMaybe<AlertDirection>;
  /** TARGET: BREACHED (default) or AT_RISK */
  level?: InputMaybe<AlertTargetLevel>;
  /** THRESHOLD: ABOVE or BELOW value (a proportion between 0 and 1) */
  op?: InputMaybe<AlertThresholdOp>;
  type: AlertConditionType;
  value?: InputMaybe<Scalars['Float']['input']>;
};

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

export type AlertEpisode = {
  __typename?: 'AlertEpisode';
  firedAt: Scalars['DateTime']['output'];
  groupKey: Scalars['String']['output'];
  groupLabel: Scalars['String']['output'];
  /** null: still firing at the end */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** the condition started holding */
  since: Scalars['DateTime']['output'];
  /** the evaluation furthest from its baseline */
  worst: AlertEvaluation;
};

export type AlertEvaluation = {
  __typename?: 'AlertEvaluation';
  /** the line, comparison value or band median */
  baseline?: Maybe<Scalars['Float']['output']>;
  conditionMet: Scalars['Boolean']['output'];
  /** the window ended here (exclusive) */
  evaluatedUntil: Scalars['DateTime']['output'];
  /** '' for a rule without groupBy; values joined by | for two dimensions */
  groupKey: Scalars['String']['output'];
  groupLabel: Scalars['String']['output'];
  high?: Maybe<Scalars['Float']['output']>;
  low?: Maybe<Scalars['Float']['output']>;
  pValue?: Maybe<Scalars['Float']['output']>;
  /** Benjamini–Hochberg q-value across the rule's groups at this hour */
  qValue?: Maybe<Scalars['Float']['output']>;
  /** why it fired or not, in words */
  reason: Scalars['String']['output'];
  ruleId: Scalars['ID']['output'];
  /** the first evaluated hour of the current run where the condition held */
  since?: Maybe<Scalars['DateTime']['output']>;
  state: AlertState;
  value?: Maybe<Scalars['Float']['output']>;
  volume: Scalars['Float']['output'];
};

export type AlertEvaluationsInput = {
  /** one group's evaluations only */
  groupKey?: InputMaybe<Scalars['String']['input']>;
  /** at most 500 (default 200) */
  limit?: InputMaybe<Scalars['Int']['input']>;
  /** default: the last 7 days of evaluations */
  range?: InputMaybe<TimeRangeInput>;
  ruleId: Scalars['ID']['input'];
};

export type AlertNotification = {
  __typename?: 'AlertNotification';
  attempts: Scalars['Int']['output'];
  channel: Scalars['String']['output'];
  channelKind: Scalars['String']['output'];
  deliveryId: Scalars['String']['output'];
  detail: Scalars['String']['output'];
  groupKey: Scalars['String']['output'];
  /** FIRING, RESOLVED, RENOTIFY, DIGEST or TEST (sendTestNotification) */
  kind: Scalars['String']['output'];
  recordedAt: Scalars['DateTime']['output'];
  /** '' for digests */
  ruleId: Scalars['String']['output'];
  /** PENDING, SENT, FAILED, SILENCED or UNKNOWN (a Slack or email send a crash interrupted; not repeated) */
  status: Scalars['String']['output'];
  subject: Scalars['String']['output'];
};

export type AlertPreview = {
  __typename?: 'AlertPreview';
  episodes: Array<AlertEpisode>;
  evaluations: Scalars['Int']['output'];
  range: TimeRange;
};

export type AlertRule = {
  __typename?: 'AlertRule';
  author: Scalars['String']['output'];
  channels: Array<Scalars['String']['output']>;
  condition: AlertCondition;
  enabled: Scalars['Boolean']['output'];
  /** the filters in force (scope applied) */
  filters: Array<DimensionFilter>;
  forHours: Scalars['Int']['output'];
  groupBy: Array<Dimension>;
  /** each group's latest evaluation */
  groups: Array<AlertEvaluation>;
  id: Scalars['ID']['output'];
  metric: Metric;
  minSize: Scalars['Float']['output'];
  minVolume: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  renotifyHours: Scalars['Int']['output'];
  /** FIRING if any group fires, else PENDING if any is pending, else OK */
  state: AlertState;
  updatedAt: Scalars['DateTime']['output'];
  updatedBy: Scalars['String']['output'];
  version: Scalars['Int']['output'];
  windowHours: Scalars['Int']['output'];
};

export type AlertRuleInput = {
  /** channel ids (alertChannels) */
  channels?: InputMaybe<Array<Scalars['String']['input']>>;
  condition: AlertConditionInput;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** the slice; a scoped editor's rule is narrowed to their scope and must lie inside it */
  filters?: InputMaybe<Array<DimensionFilterInput>>;
  /** the condition must hold this long before the rule fires */
  forHours: Scalars['Int']['input'];
  /** up to two dimensions: each value (pair) is evaluated as its own alert */
  groupBy?: InputMaybe<Array<Dimension>>;
  /** a count, rate or backlog metric */
  metric: Scalars['ID']['input'];
  /** how far beyond the line it must be, in the metric's unit (0.05 = 5 points of a proportion); default 0 */
  minSize?: InputMaybe<Scalars['Float']['input']>;
  /** least items in the window to judge at all (a rate's denominator); default 30 */
  minVolume?: InputMaybe<Scalars['Float']['input']>;
  name: Scalars['String']['input'];
  /** while firing, notify again after this many hours (0: never, the default) */
  renotifyHours?: InputMaybe<Scalars['Int']['input']>;
  /** the trailing window each evaluation aggregates (whole days for metrics kept per day) */
  windowHours: Scalars['Int']['input'];
};

export type AlertSilence = {
  __typename?: 'AlertSilence';
  author: Scalars['String']['output'];
  endsAt: Scalars['DateTime']['output'];
  groupKey: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  ruleId: Scalars['ID']['output'];
  startsAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
};

export type AlertSilenceInput = {
  endsAt: Scalars['DateTime']['input'];
  /** one group only; absent: every group of the rule */
  groupKey?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
  ruleId: Scalars['ID']['input'];
};

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

export type Annotator = {
  __typename?: 'Annotator';
  id: Scalars['String']['output'];
  /** labels submitted in the range and slice */
  labels: Scalars['Int']['output'];
  /** with pairedWith: tasks both labelled (annotatorAgreement's items for the pair); otherwise null */
  sharedTasks?: Maybe<Scalars['Int']['output']>;
  /** the vendor code they submitted most labels for in the slice */
  vendor: Scalars['String']['output'];
};

export type AnnotatorAgreement = {
  __typename?: 'AnnotatorAgreement';
  categories: Array<Scalars['String']['output']>;
  /** tasks both annotators labelled */
  items: Scalars['Int']['output'];
  kappa?: Maybe<Scalars['Float']['output']>;
  sql: Array<SqlStatement>;
  /** rows: annotator A's answers, columns: annotator B's */
  table: Array<Array<Scalars['Int']['output']>>;
};

export type AnnotatorPairInput = {
  annotatorA: Scalars['String']['input'];
  annotatorB: Scalars['String']['input'];
  filters?: InputMaybe<Array<DimensionFilterInput>>;
  range: TimeRangeInput;
};

export type AnnotatorsInput = {
  /** vendor, site, queue, language, region and policy filters (the annotation dimensions) */
  filters?: InputMaybe<Array<DimensionFilterInput>>;
  /** an annotator id: list only those who labelled a task this annotator also labelled, with sharedTasks */
  pairedWith?: InputMaybe<Scalars['String']['input']>;
  /** labels submitted in this range count; shared tasks are those created on its days (as annotatorAgreement counts them) */
  range: TimeRangeInput;
  /** part of an annotator id, any case (1–64 of letters, digits, . _ : -): list only annotators whose id contains it; the 200-row cap applies to the matches */
  search?: InputMaybe<Scalars['String']['input']>;
};

export type Anomaly = {
  __typename?: 'Anomaly';
  day: Scalars['DateTime']['output'];
  /** ABOVE or BELOW the expected band */
  direction: Scalars['String']['output'];
  /** median of the same weekday in the previous six weeks */
  expected: Scalars['Float']['output'];
  high: Scalars['Float']['output'];
  low: Scalars['Float']['output'];
  metric: Metric;
  sliceDimension?: Maybe<Dimension>;
  sliceKey?: Maybe<Scalars['String']['output']>;
  sliceLabel?: Maybe<Scalars['String']['output']>;
  value: Scalars['Float']['output'];
  view: View;
};

export type Attention = {
  __typename?: 'Attention';
  /** how many cells were tested for culprits */
  cellsTested: Scalars['Int']['output'];
  falseDiscoveryRate: Scalars['Float']['output'];
  /** most serious first */
  flags: Array<AttentionFlag>;
  /** how many figures had a change test in a comparison period within the data */
  tested: Scalars['Int']['output'];
};

export type AttentionFlag = {
  __typename?: 'AttentionFlag';
  /** the slice behind the figure; null when no single slice stands out */
  culprit?: Maybe<Culprit>;
  kpi: Kpi;
  metric: Metric;
  reasons: Array<AttentionReason>;
  /** the family page on the culprit's slice (or the asker's slice when there is none) */
  view: View;
};

export type AttentionInput = {
  comparison: ComparisonMode;
  /** required when comparison is CUSTOM */
  comparisonRange?: InputMaybe<TimeRangeInput>;
  filters?: InputMaybe<Array<DimensionFilterInput>>;
  /** the figures to screen (the page's headline figures) */
  metrics: Array<Scalars['ID']['input']>;
  range: TimeRangeInput;
  /** IANA time zone for when the culprit went wrong (its buckets) */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

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

export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** login, login_failed, logout, password_changed, export, note_*, item_*, user_*, token_* */
  action: Scalars['String']['output'];
  actor: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  /** pass as AuditLogInput.after for the entries after this one */
  cursor: Scalars['String']['output'];
  detail: Scalars['String']['output'];
  ip: Scalars['String']['output'];
  ok: Scalars['Boolean']['output'];
  target: Scalars['String']['output'];
};

export type AuditLogInput = {
  action?: InputMaybe<Scalars['String']['input']>;
  actor?: InputMaybe<Scalars['String']['input']>;
  /** the cursor of the last entry shown: the entries after it (the next page) */
  after?: InputMaybe<Scalars['String']['input']>;
  /** entries before this instant */
  before?: InputMaybe<Scalars['DateTime']['input']>;
  /** at most 500 (default 100) */
  limit?: InputMaybe<Scalars['Int']['input']>;
};

/** The longest run of bad buckets of the culprit's series. */
export type BadRun = {
  __typename?: 'BadRun';
  /** start of the first bad bucket */
  from: Scalars['DateTime']['output'];
  grain: Grain;
  /** the run lasts to the end of the range */
  ongoing: Scalars['Boolean']['output'];
  timeZone: Scalars['String']['output'];
  /** start of the last bad bucket */
  to: Scalars['DateTime']['output'];
};

export type Breakdown = {
  __typename?: 'Breakdown';
  cells: Array<BreakdownCell>;
  dimensions: Array<Dimension>;
  filters: Array<DimensionFilter>;
  /** per value of each dimension: rows for dimensions[0], then for dimensions[1] */
  marginals: Array<BreakdownCell>;
  metric: Metric;
  range: TimeRange;
  sql: Array<SqlStatement>;
  total: Point;
};

export type BreakdownCell = {
  __typename?: 'BreakdownCell';
  /** a key of the cell is Other: everything beyond the top N of its dimension */
  isOther: Scalars['Boolean']['output'];
  /** one key per dimension, in the order asked */
  keys: Array<Scalars['String']['output']>;
  labels: Array<Scalars['String']['output']>;
  point: Point;
};

export type BreakdownInput = {
  /** one or two dimensions (two give a heatmap) */
  dimensions: Array<Dimension>;
  filters?: InputMaybe<Array<DimensionFilterInput>>;
  metric: Scalars['ID']['input'];
  range: TimeRangeInput;
  /** Values of each dimension beyond the largest topN are added up as 'Other' (default 25, at most 50). */
  topN?: InputMaybe<Scalars['Int']['input']>;
};

export type Catalogue = {
  __typename?: 'Catalogue';
  /** Automatic grain: the finest with at most this many buckets. */
  autoGrainMaxBuckets: Scalars['Int']['output'];
  /** Start of the first hour holding moderation decisions; null on an empty database. */
  dataFrom?: Maybe<Scalars['DateTime']['output']>;
  /** Exclusive end of the data: the end of the last hour holding decisions; null on an empty database. */
  dataTo?: Maybe<Scalars['DateTime']['output']>;
  dimensions: Array<DimensionInfo>;
  /** The longest range each grain may cover, finest first. */
  grains: Array<GrainLimit>;
  metrics: Array<Metric>;
  /** Time zones a series may be bucketed in. */
  timeZones: Array<Scalars['String']['output']>;
};

export type ComparisonMode =
  /** the period given in comparisonRange */
  | 'CUSTOM'
  | 'NONE'
  /** the equal period just before */
  | 'PREVIOUS_PERIOD'
  /** the same period one week earlier */
  | 'PREVIOUS_WEEK';

export type CreatedIngestToken = {
  __typename?: 'CreatedIngestToken';
  /** the secret, shown only in this answer (only its digest is stored) */
  secret: Scalars['String']['output'];
  token: IngestToken;
};

/**
 * The cell that explains a flagged figure, among the cells of the family's two drill dimensions.
 * Off target: the cell surely on the wrong side of the target (one-sided test) with the most items
 * short of it. Otherwise: the cell whose change the wrong way is significant after
 * Benjamini–Hochberg (counts and rates; other kinds have no test), large enough to matter, and
 * largest by shift-share; a backlog: the cell where it grew the most.
 */
export type Culprit = {
  __typename?: 'Culprit';
  /** when the cell was on the wrong side (of the target, or of its comparison value beyond its 95 % interval) */
  badRun?: Maybe<BadRun>;
  current: Point;
  dimensions: Array<Dimension>;
  keys: Array<Scalars['String']['output']>;
  labels: Array<Scalars['String']['output']>;
  /** the same cell in the comparison period */
  previous?: Maybe<Point>;
  /** Benjamini–Hochberg adjusted p-value over every cell tested for the screen; null without a test */
  qValue?: Maybe<Scalars['Float']['output']>;
};

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

export type DimensionFilter = {
  __typename?: 'DimensionFilter';
  dimension: Dimension;
  values: Array<Scalars['String']['output']>;
};

/** Keep only rows whose dimension has one of these values. */
export type DimensionFilterInput = {
  dimension: Dimension;
  values: Array<Scalars['String']['input']>;
};

export type DimensionInfo = {
  __typename?: 'DimensionInfo';
  id: Dimension;
  label: Scalars['String']['output'];
  /** the asker's access limits which values exist for them (no filter means all of their access, not everything) */
  limitedByAccess: Scalars['Boolean']['output'];
  /** the dimension whose chosen values narrow this one's (a country's region), or null */
  parentDimension?: Maybe<Dimension>;
  /** the values present in the data, inside the asker's access */
  values: Array<DimensionValue>;
};

export type DimensionValue = {
  __typename?: 'DimensionValue';
  /** The stored code (e.g. EU, hate_speech). */
  code: Scalars['String']['output'];
  /** What people read (e.g. Europe, Hate speech). */
  label: Scalars['String']['output'];
  /** the value of parentDimension this one lies in (a country's region), or null */
  parent?: Maybe<Scalars['String']['output']>;
};

export type Direction =
  | 'DOWN'
  | 'NEUTRAL'
  | 'UP';

export type DsaCheck = {
  __typename?: 'DsaCheck';
  description: Scalars['String']['output'];
  /** the cells breaking the rule; empty when it passes */
  offences: Array<DsaOffence>;
  rule: Scalars['String']['output'];
};

export type DsaExportFile = {
  __typename?: 'DsaExportFile';
  base64: Scalars['Boolean']['output'];
  /** the CSV text (as dsaReport's csv, byte for byte), or the XLSX workbook in base64 */
  content: Scalars['String']['output'];
  /** the rules failing when it was exported (under the override) */
  failing: Array<Scalars['String']['output']>;
  /** the Commission's file name for a part, or the workbook's */
  fileName: Scalars['String']['output'];
  mediaType: Scalars['String']['output'];
};

export type DsaExportFormat =
  /** one part, as the CSV file to file */
  | 'CSV'
  /** every part, a sheet each */
  | 'XLSX';

export type DsaExportInput = {
  format: DsaExportFormat;
  /** first day of the period, YYYY-MM-DD */
  from: Scalars['String']['input'];
  /** why the report is exported although a check fails: required then, recorded in the audit log */
  override?: InputMaybe<Scalars['String']['input']>;
  /** with CSV: the part, 1 to 11 */
  part?: InputMaybe<Scalars['Int']['input']>;
  /** the service; absent or empty = every service */
  service?: InputMaybe<Scalars['String']['input']>;
  /** last day of the period, YYYY-MM-DD (inclusive) */
  to: Scalars['String']['input'];
};

export type DsaOffence = {
  __typename?: 'DsaOffence';
  /** spreadsheet address in the part, e.g. F2 */
  cell: Scalars['String']['output'];
  column: Scalars['String']['output'];
  message: Scalars['String']['output'];
  part: Scalars['Int']['output'];
  /** what the row is (category, scope, indicator) */
  row: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type DsaPeriodInput = {
  /** first day of the period, YYYY-MM-DD */
  from: Scalars['String']['input'];
  /** last day of the period, YYYY-MM-DD (inclusive) */
  to: Scalars['String']['input'];
};

export type DsaReport = {
  __typename?: 'DsaReport';
  /** every consistency rule, failing or not */
  checks: Array<DsaCheck>;
  /** the eleven parts in the template's layout */
  parts: Array<DsaReportPart>;
  /** part 11's qualitative texts with their current version, to edit with setDsaReportText */
  texts: Array<DsaTextVersion>;
};

export type DsaReportInput = {
  /** first day of the period, YYYY-MM-DD */
  from: Scalars['String']['input'];
  /** the service; absent or empty = every service */
  service?: InputMaybe<Scalars['String']['input']>;
  /** last day of the period, YYYY-MM-DD (inclusive) */
  to: Scalars['String']['input'];
};

export type DsaReportPart = {
  __typename?: 'DsaReportPart';
  /** the part as the CSV file to file (template header line byte for byte) */
  csv: Scalars['String']['output'];
  /** the template's column headers, trailing spaces kept */
  header: Array<Scalars['String']['output']>;
  /** 1 to 11 */
  part: Scalars['Int']['output'];
  /** the rows, cell by cell, as the CSV holds them */
  rows: Array<Array<Scalars['String']['output']>>;
};

export type DsaReportText = {
  __typename?: 'DsaReportText';
  author: Scalars['String']['output'];
  body: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** the indicator as the template words it */
  indicator: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export type DsaReportTextInput = {
  body: Scalars['String']['input'];
  /** 0 for a text never written, else the version loaded */
  expectedVersion: Scalars['Int']['input'];
  /** first day of the period, YYYY-MM-DD */
  from: Scalars['String']['input'];
  /** the row of part 11, 1 to 11 */
  indicator: Scalars['Int']['input'];
  /** the service; absent or empty = every service */
  service?: InputMaybe<Scalars['String']['input']>;
  /** last day of the period, YYYY-MM-DD */
  to: Scalars['String']['input'];
};

export type DsaTextVersion = {
  __typename?: 'DsaTextVersion';
  body: Scalars['String']['output'];
  /** the row of part 11, 1 to 11 */
  indicator: Scalars['Int']['output'];
  /** the indicator as the template words it */
  name: Scalars['String']['output'];
  /** 0 when never written */
  version: Scalars['Int']['output'];
};

export type ExportInput = {
  kind: ExportKind;
  rows?: InputMaybe<Scalars['Int']['input']>;
  /** what was exported: the page and its state, e.g. /explore?metric=… */
  view: Scalars['String']['input'];
};

export type ExportKind =
  | 'CSV'
  | 'MARKDOWN'
  | 'PRINT'
  | 'SQL';

export type FiringAlert = {
  __typename?: 'FiringAlert';
  evaluation: AlertEvaluation;
  rule: AlertRule;
};

/** Time bucket of a series. Weeks are ISO weeks (start on Monday); months are calendar months. */
export type Grain =
  | 'DAY'
  | 'HOUR'
  | 'MONTH'
  | 'WEEK';

export type GrainLimit = {
  __typename?: 'GrainLimit';
  grain: Grain;
  /** a series at this grain covers at most this many days (one figure over a range: the DAY limit) */
  maxRangeDays: Scalars['Int']['output'];
};

export type IngestToken = {
  __typename?: 'IngestToken';
  createdBy: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  revoked: Scalars['Boolean']['output'];
  /** streams it may push to; empty: every stream */
  streams: Array<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
};

export type IngestTokenInput = {
  name: Scalars['String']['input'];
  /** leave empty for every stream */
  streams?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type Kpi = {
  __typename?: 'Kpi';
  absoluteChange?: Maybe<Scalars['Float']['output']>;
  current: Point;
  currentRange: TimeRange;
  /** the filters applied to this metric (filters on dimensions it does not have are left out) */
  filters: Array<DimensionFilter>;
  /**
   * with KpiInput.groupBy: each value in the current period (at most 50, largest first), compared
   * over the same two periods with the same test; null without groupBy or when the metric lacks it
   */
  groups?: Maybe<Array<KpiGroup>>;
  metric: Metric;
  /** two-sided p-value of the change: two-proportion z-test for rates, exact Poisson test for counts */
  pValue?: Maybe<Scalars['Float']['output']>;
  previous?: Maybe<Point>;
  /** the comparison period, trimmed to the same elapsed time when the current period is still running */
  previousRange?: Maybe<TimeRange>;
  /** null when the previous value is 0 or missing */
  relativeChange?: Maybe<Scalars['Float']['output']>;
  significant: Scalars['Boolean']['output'];
  sql: Array<SqlStatement>;
  targetStatus: TargetStatus;
  /** which test gave pValue */
  test?: Maybe<Scalars['String']['output']>;
};

/** One value of KpiInput.groupBy compared between the two periods. */
export type KpiGroup = {
  __typename?: 'KpiGroup';
  absoluteChange?: Maybe<Scalars['Float']['output']>;
  current: Point;
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  pValue?: Maybe<Scalars['Float']['output']>;
  /** null when the value is absent from the comparison period */
  previous?: Maybe<Point>;
  /** pValue adjusted by Benjamini–Hochberg across the groups tested (a false discovery rate) */
  qValue?: Maybe<Scalars['Float']['output']>;
  relativeChange?: Maybe<Scalars['Float']['output']>;
  /** qValue below 0.05 */
  significant: Scalars['Boolean']['output'];
  test?: Maybe<Scalars['String']['output']>;
};

export type KpiInput = {
  comparison: ComparisonMode;
  /** required when comparison is CUSTOM */
  comparisonRange?: InputMaybe<TimeRangeInput>;
  filters?: InputMaybe<Array<DimensionFilterInput>>;
  /** also compare each value of this dimension (Kpi.groups); metrics without it get no groups */
  groupBy?: InputMaybe<Dimension>;
  metrics: Array<Scalars['ID']['input']>;
  range: TimeRangeInput;
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type Marker = {
  __typename?: 'Marker';
  at: Scalars['DateTime']['output'];
  countries: Array<Scalars['String']['output']>;
  detail?: Maybe<Scalars['String']['output']>;
  /** end of an incident's time span */
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  kind: MarkerKind;
  models: Array<Scalars['String']['output']>;
  policies: Array<Scalars['String']['output']>;
  regions: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  vendors: Array<Scalars['String']['output']>;
};

export type MarkerKind =
  | 'INCIDENT'
  | 'ROLLBACK'
  | 'ROLLOUT';

export type MarkersInput = {
  policies?: InputMaybe<Array<Scalars['String']['input']>>;
  range: TimeRangeInput;
  /** only markers whose scope covers these regions / policies (a marker without a region scope covers every region) */
  regions?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type Metric = {
  __typename?: 'Metric';
  /** Filters applied unless the query sets that dimension itself (e.g. recall on unbiased label sources). */
  defaultFilters: Array<DimensionFilter>;
  /** What the metric means, in plain language. */
  definition: Scalars['String']['output'];
  denominatorLabel?: Maybe<Scalars['String']['output']>;
  /** Dimensions the metric can be grouped and filtered by. */
  dimensions: Array<Dimension>;
  family: MetricFamily;
  goodDirection: Direction;
  id: Scalars['ID']['output'];
  kind: MetricKind;
  label: Scalars['String']['output'];
  /** The finest grain its rollup keeps. */
  minGrain: Grain;
  numeratorLabel?: Maybe<Scalars['String']['output']>;
  target?: Maybe<Target>;
  unit: Unit;
};

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

export type ModelCurve = {
  __typename?: 'ModelCurve';
  averagePrecision?: Maybe<Scalars['Float']['output']>;
  /** the lowest threshold reaching precisionTarget (the most recall at that precision) whose precision rests on at least bestThresholdMinimumSupport flagged labelled items, or null (bestThresholdNote says why) */
  bestThreshold?: Maybe<ThresholdRow>;
  /** the fewest flagged labelled items a best threshold may rest on */
  bestThresholdMinimumSupport: Scalars['Int']['output'];
  /** why there is no best threshold: none reaches the target, or those that do rest on too few items */
  bestThresholdNote?: Maybe<Scalars['String']['output']>;
  bestThresholdPrecisionHigh?: Maybe<Scalars['Float']['output']>;
  /** 95 % Wilson interval of the best threshold's precision */
  bestThresholdPrecisionLow?: Maybe<Scalars['Float']['output']>;
  /** flagged labelled items (TP + FP) the best threshold's precision rests on */
  bestThresholdSupport?: Maybe<Scalars['Float']['output']>;
  /** counts at the deployed threshold */
  confusion?: Maybe<ThresholdRow>;
  deployedThreshold?: Maybe<Scalars['Float']['output']>;
  labelSources: Array<Scalars['String']['output']>;
  model: Scalars['String']['output'];
  negatives: Scalars['Float']['output'];
  positives: Scalars['Float']['output'];
  precisionTarget: Scalars['Float']['output'];
  sql: Array<SqlStatement>;
  /** one row per threshold 0.00 to 0.99 */
  thresholds: Array<ThresholdRow>;
  /** true when every label source used is an unbiased sample */
  unbiased: Scalars['Boolean']['output'];
  version: Scalars['String']['output'];
};

export type ModelCurveInput = {
  /** policy and region filters; label sources default to the unbiased ones (random audit, golden set) */
  filters?: InputMaybe<Array<DimensionFilterInput>>;
  model: Scalars['String']['input'];
  /** for bestThreshold: the lowest threshold whose precision reaches this (default 0.9) */
  precisionTarget?: InputMaybe<Scalars['Float']['input']>;
  range: TimeRangeInput;
  version: Scalars['String']['input'];
};

export type Mover = {
  __typename?: 'Mover';
  /** the baseline: the week before (WEEK_BEFORE) or the four weeks before pooled (TRAILING_4_WEEKS) */
  baseline: Scalars['String']['output'];
  /** change of the cell's value (count or rate) */
  change: Scalars['Float']['output'];
  /** share of the metric's total change due to this cell (counts: its change over the total change; rates: its within-cell effect on the overall rate) */
  contribution: Scalars['Float']['output'];
  current: Point;
  dimensions: Array<Dimension>;
  keys: Array<Scalars['String']['output']>;
  labels: Array<Scalars['String']['output']>;
  metric: Metric;
  pValue: Scalars['Float']['output'];
  previous: Point;
  /** Benjamini–Hochberg adjusted p-value across every cell tested */
  qValue: Scalars['Float']['output'];
  view: View;
};

/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type Mutation = {
  __typename?: 'Mutation';
  /** Changes the signed-in user's password; their other sessions end. */
  changeMyPassword: Scalars['Boolean']['output'];
  /** Editors, inside their scope. */
  createAlertRule: AlertRule;
  /** Silences a rule (or one group) until endsAt, with a reason (editors). */
  createAlertSilence: AlertSilence;
  createIngestToken: CreatedIngestToken;
  createNote: Note;
  createRetroItem: RetroItem;
  createUser: User;
  deleteAlertRule: AlertRule;
  deleteNote: Note;
  deleteRetroItem: RetroItem;
  /** Ends a silence now. */
  endAlertSilence: AlertSilence;
  /** Exports a DSA report after its checks (admins and compliance officers whose scope is unrestricted); with a failing check only given an override reason. Every export and refusal is an export entry of the audit log. */
  exportDsaReport: DsaExportFile;
  /** Records an export (CSV, SQL, Markdown, print) in the audit log; CSV and SQL need the analyst role. */
  recordExport: Scalars['Boolean']['output'];
  revokeIngestToken: IngestToken;
  /** Sends a test message through a configured channel (admins), one attempt, recorded in the notification history (kind TEST) and the audit log. A channel that fails answers status FAILED with the reason in detail, not an error. */
  sendTestNotification: AlertNotification;
  /** Writes a qualitative section (part 11) of a DSA report: version 1 with expectedVersion 0, else the next version of the one loaded; CONFLICT when someone else wrote it first (admins and compliance officers whose scope is unrestricted). */
  setDsaReportText: DsaReportText;
  /** Sets a user's password (admins); their sessions end. */
  setPassword: User;
  /** Changes a metric's target (admins); refused with CONFLICT when it changed since expectedVersion. */
  setTarget: TargetSetting;
  /** Refused with CONFLICT when the rule is no longer at expectedVersion. */
  updateAlertRule: AlertRule;
  /** Refused with CONFLICT when the note is no longer at expectedVersion (someone else edited it). */
  updateNote: Note;
  updateRetroItem: RetroItem;
  /** Role, scope or disabled; refused with CONFLICT when the user changed since expectedVersion. */
  updateUser: User;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationChangeMyPasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationCreateAlertRuleArgs = {
  input: AlertRuleInput;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationCreateAlertSilenceArgs = {
  input: AlertSilenceInput;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationCreateIngestTokenArgs = {
  input: IngestTokenInput;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationCreateNoteArgs = {
  input: NoteInput;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationCreateRetroItemArgs = {
  input: RetroItemInput;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationCreateUserArgs = {
  input: NewUserInput;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationDeleteAlertRuleArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationDeleteNoteArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationDeleteRetroItemArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationEndAlertSilenceArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationExportDsaReportArgs = {
  input: DsaExportInput;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationRecordExportArgs = {
  input: ExportInput;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationRevokeIngestTokenArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationSendTestNotificationArgs = {
  channel: Scalars['String']['input'];
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationSetDsaReportTextArgs = {
  input: DsaReportTextInput;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationSetPasswordArgs = {
  expectedVersion: Scalars['Int']['input'];
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationSetTargetArgs = {
  change: TargetChange;
  expectedVersion: Scalars['Int']['input'];
  metric: Scalars['ID']['input'];
  target?: InputMaybe<TargetInput>;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationUpdateAlertRuleArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: AlertRuleInput;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationUpdateNoteArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: NoteInput;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationUpdateRetroItemArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: RetroItemInput;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationUpdateUserArgs = {
  expectedVersion: Scalars['Int']['input'];
  input: UserInput;
  username: Scalars['String']['input'];
};

export type NewUserInput = {
  countries?: InputMaybe<Array<Scalars['String']['input']>>;
  /** at least 12 characters */
  password: Scalars['String']['input'];
  regions?: InputMaybe<Array<Scalars['String']['input']>>;
  role: Role;
  username: Scalars['String']['input'];
  vendors?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type Note = {
  __typename?: 'Note';
  author: Scalars['String']['output'];
  body: Scalars['String']['output'];
  countries: Array<Scalars['String']['output']>;
  deleted: Scalars['Boolean']['output'];
  endsAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  models: Array<Scalars['String']['output']>;
  policies: Array<Scalars['String']['output']>;
  regions: Array<Scalars['String']['output']>;
  startsAt: Scalars['DateTime']['output'];
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  vendors: Array<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
};

export type NoteInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  countries?: InputMaybe<Array<Scalars['String']['input']>>;
  /** end of the incident's span; leave out for a point in time */
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  models?: InputMaybe<Array<Scalars['String']['input']>>;
  policies?: InputMaybe<Array<Scalars['String']['input']>>;
  /**
   * what the note is about: empty lists mean every region / country / policy / model / vendor. A
   * scoped editor must name places (regions or countries) and/or vendors wholly inside their scope.
   */
  regions?: InputMaybe<Array<Scalars['String']['input']>>;
  startsAt: Scalars['DateTime']['input'];
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  title: Scalars['String']['input'];
  vendors?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type NotesInput = {
  policies?: InputMaybe<Array<Scalars['String']['input']>>;
  range: TimeRangeInput;
  regions?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** One figure: the value and, for rates, what it is made of. */
export type Point = {
  __typename?: 'Point';
  denominator?: Maybe<Scalars['Float']['output']>;
  high?: Maybe<Scalars['Float']['output']>;
  /** 95 % Wilson interval of a rate */
  low?: Maybe<Scalars['Float']['output']>;
  /** a rate on fewer than 30 items */
  lowSample: Scalars['Boolean']['output'];
  /** why value is null: no items in the slice, not a proportion (numerator outside 0 … denominator), or not a finite number; null when value is not */
  nullReason?: Maybe<Scalars['String']['output']>;
  numerator?: Maybe<Scalars['Float']['output']>;
  /** null when there is nothing to compute it from (e.g. a rate with a zero denominator) */
  value?: Maybe<Scalars['Float']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** The notification channels configured (VIGIL_ALERT_CHANNELS), without their addresses. */
  alertChannels: Array<AlertChannel>;
  /** A rule's evaluations, newest first: why it fired or not at each hour (at most 500). */
  alertEvaluations: Array<AlertEvaluation>;
  /** Every notification attempt's outcome, newest first (readable rules; digests for users without a scope). */
  alertNotifications: Array<AlertNotification>;
  /** What a rule would have fired on over the last 90 days of data (nothing is stored or sent; editors). */
  alertPreview: AlertPreview;
  /** One alert rule (FORBIDDEN outside the asker's scope). */
  alertRule: AlertRule;
  /** Alert rules whose whole slice lies inside the asker's scope, with each group's latest evaluation. */
  alertRules: Array<AlertRule>;
  /** Silences not yet over, of readable rules. */
  alertSilences: Array<AlertSilence>;
  /** Cohen's kappa of two annotators on the tasks both labelled. */
  annotatorAgreement: AnnotatorAgreement;
  /** Annotators who labelled in a range (most labels first, at most 200); with pairedWith, those sharing tasks with that annotator (most shared tasks first). */
  annotators: Array<Annotator>;
  /**
   * What needs attention among these figures: targets breached or at risk, and changes the wrong way
   * that stay significant after Benjamini–Hochberg over the figures tested and are large enough to
   * matter; each with the slice behind it (its culprit) and when that slice went wrong, found by the
   * retrospective's rules (cells tested, false discovery rate held over them, shift-share, practical size).
   */
  attention: Attention;
  /** The audit log, newest first (admins). */
  auditLog: Array<AuditEntry>;
  /** A metric for a period by one or two dimensions (e.g. region x policy). */
  breakdown: Breakdown;
  /** Every metric and dimension, with the values present in the data and the time span of the data. */
  catalogue: Catalogue;
  /** The DSA transparency report of a period (Annex I of Implementing Regulation (EU) 2024/2835, parts 1–11) with its consistency checks (admins whose scope is unrestricted: the report is EU-wide). */
  dsaReport: DsaReport;
  /** The services with data the DSA report of the period counts (measures, notices, orders, complaints, disputes, suspensions, active recipients, staff), by name; the service '' (an install's only one) is not listed, the report of every service covers it. Readable by whoever may read the report (FORBIDDEN otherwise). */
  dsaReportServices: Array<Scalars['String']['output']>;
  /** What is firing now in the asker's scope (the Overview's bell). */
  firingAlerts: Array<FiringAlert>;
  /** Ingestion tokens, without their secrets (admins). */
  ingestTokens: Array<IngestToken>;
  /** Metrics for a period compared with another period, with significance tests and target status. */
  kpis: Array<Kpi>;
  /** Model rollouts and rollbacks and incident notes in a range, for chart markers. */
  markers: Array<Marker>;
  /** The signed-in user: role and data scope. */
  me: User;
  /** Precision-recall curve, threshold table and confusion matrix of one model version. */
  modelCurve: ModelCurve;
  /** Every version of a note, newest first (edits and deletions included). */
  noteHistory: Array<Note>;
  /** Incident notes (current versions) overlapping a range, optionally only those whose scope covers regions / policies. */
  notes: Array<Note>;
  /** The draft of a week's retrospective: headlines, top movers, anomalies, what happened, and what the team wrote. */
  retrospective: Retrospective;
  /** Population stability index of a model's scores between two periods. */
  scoreDrift: ScoreDrift;
  /** A metric over time, optionally grouped by one dimension. */
  series: Series;
  /** Each metric's values over a range at the automatic grain (tile sparklines), in one request. */
  sparklines: Array<Sparkline>;
  /** Every metric's target: the catalogue's default and what admins set (admins). */
  targets: Array<TargetSetting>;
  /** Every user (admins). */
  users: Array<User>;
};


export type QueryAlertEvaluationsArgs = {
  input: AlertEvaluationsInput;
};


export type QueryAlertNotificationsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAlertPreviewArgs = {
  input: AlertRuleInput;
};


export type QueryAlertRuleArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAnnotatorAgreementArgs = {
  input: AnnotatorPairInput;
};


export type QueryAnnotatorsArgs = {
  input: AnnotatorsInput;
};


export type QueryAttentionArgs = {
  input: AttentionInput;
};


export type QueryAuditLogArgs = {
  input?: InputMaybe<AuditLogInput>;
};


export type QueryBreakdownArgs = {
  input: BreakdownInput;
};


export type QueryDsaReportArgs = {
  input: DsaReportInput;
};


export type QueryDsaReportServicesArgs = {
  input: DsaPeriodInput;
};


export type QueryKpisArgs = {
  input: KpiInput;
};


export type QueryMarkersArgs = {
  input: MarkersInput;
};


export type QueryModelCurveArgs = {
  input: ModelCurveInput;
};


export type QueryNoteHistoryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNotesArgs = {
  input: NotesInput;
};


export type QueryRetrospectiveArgs = {
  input: RetrospectiveInput;
};


export type QueryScoreDriftArgs = {
  input: ScoreDriftInput;
};


export type QuerySeriesArgs = {
  input: SeriesInput;
};


export type QuerySparklinesArgs = {
  input: SparklinesInput;
};

export type RetroEvent = {
  __typename?: 'RetroEvent';
  at: Scalars['DateTime']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  /** ROLLOUT, ROLLBACK, SLA_BREACH, QUALITY_DIP or INCIDENT */
  kind: Scalars['String']['output'];
  title: Scalars['String']['output'];
  view: View;
};

export type RetroHeadline = {
  __typename?: 'RetroHeadline';
  absoluteChange?: Maybe<Scalars['Float']['output']>;
  lastWeek: Point;
  metric: Metric;
  pValue?: Maybe<Scalars['Float']['output']>;
  relativeChange?: Maybe<Scalars['Float']['output']>;
  significant: Scalars['Boolean']['output'];
  targetStatus: TargetStatus;
  /** the trailing four weeks before the week (counts: per week; rates: pooled) */
  trailing?: Maybe<Point>;
  view: View;
  weekBefore?: Maybe<Point>;
};

export type RetroItem = {
  __typename?: 'RetroItem';
  author: Scalars['String']['output'];
  countries: Array<Scalars['String']['output']>;
  deleted: Scalars['Boolean']['output'];
  dueDate?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: RetroItemKind;
  owner: Scalars['String']['output'];
  regions: Array<Scalars['String']['output']>;
  section: RetroSection;
  status: ActionStatus;
  text: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  vendors: Array<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
  week: Scalars['String']['output'];
};

export type RetroItemInput = {
  countries?: InputMaybe<Array<Scalars['String']['input']>>;
  dueDate?: InputMaybe<Scalars['String']['input']>;
  kind: RetroItemKind;
  /** action items: who owns it, when it is due (YYYY-MM-DD) and its status (default OPEN) */
  owner?: InputMaybe<Scalars['String']['input']>;
  /**
   * what the item is about, like a note's: empty lists (all three) make a team-wide item, which
   * every user reads and only editors without a scope write
   */
  regions?: InputMaybe<Array<Scalars['String']['input']>>;
  section: RetroSection;
  status?: InputMaybe<ActionStatus>;
  text: Scalars['String']['input'];
  vendors?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Monday (YYYY-MM-DD) of the ISO week whose retrospective this belongs to */
  week: Scalars['String']['input'];
};

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

export type Retrospective = {
  __typename?: 'Retrospective';
  anomalies: Array<Anomaly>;
  events: Array<RetroEvent>;
  falseDiscoveryRate: Scalars['Float']['output'];
  filters: Array<DimensionFilter>;
  headlines: Array<RetroHeadline>;
  /** findings, root causes and action items of the week, and open actions carried over */
  items: Array<RetroItem>;
  /** the whole retrospective as Markdown */
  markdown: Scalars['String']['output'];
  /** cells whose change is significant after false-discovery-rate control, largest contribution first */
  movers: Array<Mover>;
  /** how many cells were tested for movers, and the false discovery rate they are controlled at */
  moversTested: Scalars['Int']['output'];
  notes: Array<Note>;
  range: TimeRange;
  /** Monday of the week */
  week: Scalars['String']['output'];
};

export type RetrospectiveInput = {
  /** scope, e.g. one region (a filter on a dimension a metric lacks is left out for that metric) */
  filters?: InputMaybe<Array<DimensionFilterInput>>;
  /** Monday (YYYY-MM-DD) of the ISO week; default: the last complete week of the data */
  week?: InputMaybe<Scalars['String']['input']>;
};

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

export type ScoreDrift = {
  __typename?: 'ScoreDrift';
  baselineCount: Scalars['Float']['output'];
  /** score shares of the 100 buckets of 0.01 */
  baselineShares: Array<Scalars['Float']['output']>;
  currentCount: Scalars['Float']['output'];
  currentShares: Array<Scalars['Float']['output']>;
  psi?: Maybe<Scalars['Float']['output']>;
  sql: Array<SqlStatement>;
};

export type ScoreDriftInput = {
  baseline: TimeRangeInput;
  current: TimeRangeInput;
  /** version, policy and region filters */
  filters?: InputMaybe<Array<DimensionFilterInput>>;
  model: Scalars['String']['input'];
};

export type Series = {
  __typename?: 'Series';
  /** all groups together, per bucket */
  bucketTotals: Array<Point>;
  buckets: Array<Scalars['DateTime']['output']>;
  /** the filters in force, including the metric's defaults */
  filters: Array<DimensionFilter>;
  grain: Grain;
  /** why grain is coarser than the one asked (the range is longer than it may cover); null otherwise */
  grainNote?: Maybe<Scalars['String']['output']>;
  groups: Array<SeriesGroup>;
  metric: Metric;
  /** the range answered: metrics kept per UTC day are widened to whole days */
  range: TimeRange;
  /** the ClickHouse statements that computed this, with their bound parameters */
  sql: Array<SqlStatement>;
  /** the zone buckets are in (UTC for metrics kept per UTC day) */
  timeZone: Scalars['String']['output'];
  /** all groups over the whole range */
  total: Point;
};

export type SeriesGroup = {
  __typename?: 'SeriesGroup';
  /** true for the group that adds up everything beyond the top N */
  isOther: Scalars['Boolean']['output'];
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  /** one per bucket, aligned with Series.buckets */
  points: Array<Point>;
  /** the group over the whole range */
  total: Point;
};

export type SeriesInput = {
  filters?: InputMaybe<Array<DimensionFilterInput>>;
  /**
   * null: automatic (the finest grain with at most catalogue.autoGrainMaxBuckets buckets, never finer
   * than the metric's rollup). A grain whose limit (catalogue.grains) the range exceeds is answered
   * at the finest coarser grain that can, and Series.grainNote says so.
   */
  grain?: InputMaybe<Grain>;
  groupBy?: InputMaybe<Dimension>;
  metric: Scalars['ID']['input'];
  range: TimeRangeInput;
  /** IANA time zone from the allowed list (catalogue.timeZones); days and weeks start at local midnight */
  timeZone?: InputMaybe<Scalars['String']['input']>;
  /** Groups beyond the largest topN are added up in one 'Other' group (default 8, at most 25). */
  topN?: InputMaybe<Scalars['Int']['input']>;
};

export type Sparkline = {
  __typename?: 'Sparkline';
  grain: Grain;
  metric: Metric;
  /** one per bucket (as Series.groups[0].points[].value) */
  values: Array<Maybe<Scalars['Float']['output']>>;
};

export type SparklinesInput = {
  /** a filter on a dimension a metric lacks is left out for that metric */
  filters?: InputMaybe<Array<DimensionFilterInput>>;
  metrics: Array<Scalars['ID']['input']>;
  range: TimeRangeInput;
  /** IANA time zone from the allowed list; metrics kept per UTC day are in UTC */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type SqlParam = {
  __typename?: 'SqlParam';
  name: Scalars['String']['output'];
  type: Scalars['String']['output'];
  /** the value as JSON */
  value: Scalars['String']['output'];
};

export type SqlStatement = {
  __typename?: 'SqlStatement';
  params: Array<SqlParam>;
  sql: Scalars['String']['output'];
};

export type Target = {
  __typename?: 'Target';
  /** how close to the target counts as at risk */
  atRiskMargin: Scalars['Float']['output'];
  /** AT_LEAST or AT_MOST */
  direction: Scalars['String']['output'];
  value: Scalars['Float']['output'];
};

export type TargetChange =
  /** back to the catalogue's target */
  | 'DEFAULT'
  /** no target */
  | 'NONE'
  /** the given target */
  | 'SET';

export type TargetInput = {
  /** how close to the target, on the good side, counts as at risk */
  atRiskMargin: Scalars['Float']['input'];
  /** AT_LEAST or AT_MOST */
  direction: Scalars['String']['input'];
  value: Scalars['Float']['input'];
};

export type TargetSetting = {
  __typename?: 'TargetSetting';
  /** the catalogue's target */
  defaultTarget?: Maybe<Target>;
  /** the metric, with the target in force */
  metric: Metric;
  /** an admin's change is in force (a target or no target) */
  overridden: Scalars['Boolean']['output'];
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  updatedBy?: Maybe<Scalars['String']['output']>;
  /** 0 when never changed; pass it to setTarget */
  version: Scalars['Int']['output'];
};

export type TargetStatus =
  /** within the at-risk margin of the target */
  | 'AT_RISK'
  | 'BREACHED'
  | 'NO_DATA'
  /** the metric has no target (none in the catalogue, or an admin removed it): nothing to be on or off */
  | 'NO_TARGET'
  | 'ON_TARGET';

export type ThresholdRow = {
  __typename?: 'ThresholdRow';
  f1?: Maybe<Scalars['Float']['output']>;
  falseNegatives: Scalars['Float']['output'];
  falsePositiveRate?: Maybe<Scalars['Float']['output']>;
  falsePositives: Scalars['Float']['output'];
  precision?: Maybe<Scalars['Float']['output']>;
  recall?: Maybe<Scalars['Float']['output']>;
  threshold: Scalars['Float']['output'];
  trueNegatives: Scalars['Float']['output'];
  truePositives: Scalars['Float']['output'];
};

export type TimeRange = {
  __typename?: 'TimeRange';
  from: Scalars['DateTime']['output'];
  to: Scalars['DateTime']['output'];
};

/** A half-open time range [from, to). */
export type TimeRangeInput = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

export type Unit =
  /** a coefficient such as Krippendorff's alpha (at most 1) */
  | 'COEFFICIENT'
  | 'COUNT'
  | 'PER_HOUR'
  /** a proportion between 0 and 1 */
  | 'RATIO'
  | 'SECONDS';

export type User = {
  __typename?: 'User';
  countries: Array<Scalars['String']['output']>;
  disabled: Scalars['Boolean']['output'];
  /** data scope; an empty list means every region / country / vendor */
  regions: Array<Scalars['String']['output']>;
  role: Role;
  updatedAt: Scalars['DateTime']['output'];
  updatedBy: Scalars['String']['output'];
  username: Scalars['String']['output'];
  vendors: Array<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
};

export type UserInput = {
  countries?: InputMaybe<Array<Scalars['String']['input']>>;
  /** a disabled user cannot sign in, and their sessions end */
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  regions?: InputMaybe<Array<Scalars['String']['input']>>;
  role: Role;
  vendors?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Where something is shown: a page, the metric's panel, a range and grain, a slice. Clients build their links from it. */
export type View = {
  __typename?: 'View';
  /** the slice; on a view from attention, the dimensions to set (others as the asker has them) */
  filters: Array<DimensionFilter>;
  grain?: Maybe<Grain>;
  /** the metric (Explore's metric; on the other pages, the panel to open at) */
  metric?: Maybe<Scalars['ID']['output']>;
  page: ViewPage;
  /** null: the range the asker is looking at */
  range?: Maybe<TimeRange>;
};

/** A page of the dashboard. */
export type ViewPage =
  | 'ANNOTATION'
  | 'EXPLORE'
  | 'MODELS'
  | 'MODERATION'
  | 'OVERVIEW';



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ActionStatus: ActionStatus;
  AlertChannel: ResolverTypeWrapper<AlertChannel>;
  AlertComparison: AlertComparison;
  AlertCondition: ResolverTypeWrapper<AlertCondition>;
  AlertConditionInput: AlertConditionInput;
  AlertConditionType: AlertConditionType;
  AlertDirection: AlertDirection;
  AlertEpisode: ResolverTypeWrapper<AlertEpisode>;
  AlertEvaluation: ResolverTypeWrapper<AlertEvaluation>;
  AlertEvaluationsInput: AlertEvaluationsInput;
  AlertNotification: ResolverTypeWrapper<AlertNotification>;
  AlertPreview: ResolverTypeWrapper<AlertPreview>;
  AlertRule: ResolverTypeWrapper<AlertRule>;
  AlertRuleInput: AlertRuleInput;
  AlertSilence: ResolverTypeWrapper<AlertSilence>;
  AlertSilenceInput: AlertSilenceInput;
  AlertState: AlertState;
  AlertTargetLevel: AlertTargetLevel;
  AlertThresholdOp: AlertThresholdOp;
  Annotator: ResolverTypeWrapper<Annotator>;
  AnnotatorAgreement: ResolverTypeWrapper<AnnotatorAgreement>;
  AnnotatorPairInput: AnnotatorPairInput;
  AnnotatorsInput: AnnotatorsInput;
  Anomaly: ResolverTypeWrapper<Anomaly>;
  Attention: ResolverTypeWrapper<Attention>;
  AttentionFlag: ResolverTypeWrapper<AttentionFlag>;
  AttentionInput: AttentionInput;
  AttentionReason: AttentionReason;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditLogInput: AuditLogInput;
  BadRun: ResolverTypeWrapper<BadRun>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Breakdown: ResolverTypeWrapper<Breakdown>;
  BreakdownCell: ResolverTypeWrapper<BreakdownCell>;
  BreakdownInput: BreakdownInput;
  Catalogue: ResolverTypeWrapper<Catalogue>;
  ComparisonMode: ComparisonMode;
  CreatedIngestToken: ResolverTypeWrapper<CreatedIngestToken>;
  Culprit: ResolverTypeWrapper<Culprit>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Dimension: Dimension;
  DimensionFilter: ResolverTypeWrapper<DimensionFilter>;
  DimensionFilterInput: DimensionFilterInput;
  DimensionInfo: ResolverTypeWrapper<DimensionInfo>;
  DimensionValue: ResolverTypeWrapper<DimensionValue>;
  Direction: Direction;
  DsaCheck: ResolverTypeWrapper<DsaCheck>;
  DsaExportFile: ResolverTypeWrapper<DsaExportFile>;
  DsaExportFormat: DsaExportFormat;
  DsaExportInput: DsaExportInput;
  DsaOffence: ResolverTypeWrapper<DsaOffence>;
  DsaPeriodInput: DsaPeriodInput;
  DsaReport: ResolverTypeWrapper<DsaReport>;
  DsaReportInput: DsaReportInput;
  DsaReportPart: ResolverTypeWrapper<DsaReportPart>;
  DsaReportText: ResolverTypeWrapper<DsaReportText>;
  DsaReportTextInput: DsaReportTextInput;
  DsaTextVersion: ResolverTypeWrapper<DsaTextVersion>;
  ExportInput: ExportInput;
  ExportKind: ExportKind;
  FiringAlert: ResolverTypeWrapper<FiringAlert>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Grain: Grain;
  GrainLimit: ResolverTypeWrapper<GrainLimit>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IngestToken: ResolverTypeWrapper<IngestToken>;
  IngestTokenInput: IngestTokenInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Kpi: ResolverTypeWrapper<Kpi>;
  KpiGroup: ResolverTypeWrapper<KpiGroup>;
  KpiInput: KpiInput;
  Marker: ResolverTypeWrapper<Marker>;
  MarkerKind: MarkerKind;
  MarkersInput: MarkersInput;
  Metric: ResolverTypeWrapper<Metric>;
  MetricFamily: MetricFamily;
  MetricKind: MetricKind;
  ModelCurve: ResolverTypeWrapper<ModelCurve>;
  ModelCurveInput: ModelCurveInput;
  Mover: ResolverTypeWrapper<Mover>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NewUserInput: NewUserInput;
  Note: ResolverTypeWrapper<Note>;
  NoteInput: NoteInput;
  NotesInput: NotesInput;
  Point: ResolverTypeWrapper<Point>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RetroEvent: ResolverTypeWrapper<RetroEvent>;
  RetroHeadline: ResolverTypeWrapper<RetroHeadline>;
  RetroItem: ResolverTypeWrapper<RetroItem>;
  RetroItemInput: RetroItemInput;
  RetroItemKind: RetroItemKind;
  RetroSection: RetroSection;
  Retrospective: ResolverTypeWrapper<Retrospective>;
  RetrospectiveInput: RetrospectiveInput;
  Role: Role;
  ScoreDrift: ResolverTypeWrapper<ScoreDrift>;
  ScoreDriftInput: ScoreDriftInput;
  Series: ResolverTypeWrapper<Series>;
  SeriesGroup: ResolverTypeWrapper<SeriesGroup>;
  SeriesInput: SeriesInput;
  Sparkline: ResolverTypeWrapper<Sparkline>;
  SparklinesInput: SparklinesInput;
  SqlParam: ResolverTypeWrapper<SqlParam>;
  SqlStatement: ResolverTypeWrapper<SqlStatement>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Target: ResolverTypeWrapper<Target>;
  TargetChange: TargetChange;
  TargetInput: TargetInput;
  TargetSetting: ResolverTypeWrapper<TargetSetting>;
  TargetStatus: TargetStatus;
  ThresholdRow: ResolverTypeWrapper<ThresholdRow>;
  TimeRange: ResolverTypeWrapper<TimeRange>;
  TimeRangeInput: TimeRangeInput;
  Unit: Unit;
  User: ResolverTypeWrapper<User>;
  UserInput: UserInput;
  View: ResolverTypeWrapper<View>;
  ViewPage: ViewPage;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AlertChannel: AlertChannel;
  AlertCondition: AlertCondition;
  AlertConditionInput: AlertConditionInput;
  AlertEpisode: AlertEpisode;
  AlertEvaluation: AlertEvaluation;
  AlertEvaluationsInput: AlertEvaluationsInput;
  AlertNotification: AlertNotification;
  AlertPreview: AlertPreview;
  AlertRule: AlertRule;
  AlertRuleInput: AlertRuleInput;
  AlertSilence: AlertSilence;
  AlertSilenceInput: AlertSilenceInput;
  Annotator: Annotator;
  AnnotatorAgreement: AnnotatorAgreement;
  AnnotatorPairInput: AnnotatorPairInput;
  AnnotatorsInput: AnnotatorsInput;
  Anomaly: Anomaly;
  Attention: Attention;
  AttentionFlag: AttentionFlag;
  AttentionInput: AttentionInput;
  AuditEntry: AuditEntry;
  AuditLogInput: AuditLogInput;
  BadRun: BadRun;
  Boolean: Scalars['Boolean']['output'];
  Breakdown: Breakdown;
  BreakdownCell: BreakdownCell;
  BreakdownInput: BreakdownInput;
  Catalogue: Catalogue;
  CreatedIngestToken: CreatedIngestToken;
  Culprit: Culprit;
  DateTime: Scalars['DateTime']['output'];
  DimensionFilter: DimensionFilter;
  DimensionFilterInput: DimensionFilterInput;
  DimensionInfo: DimensionInfo;
  DimensionValue: DimensionValue;
  DsaCheck: DsaCheck;
  DsaExportFile: DsaExportFile;
  DsaExportInput: DsaExportInput;
  DsaOffence: DsaOffence;
  DsaPeriodInput: DsaPeriodInput;
  DsaReport: DsaReport;
  DsaReportInput: DsaReportInput;
  DsaReportPart: DsaReportPart;
  DsaReportText: DsaReportText;
  DsaReportTextInput: DsaReportTextInput;
  DsaTextVersion: DsaTextVersion;
  ExportInput: ExportInput;
  FiringAlert: FiringAlert;
  Float: Scalars['Float']['output'];
  GrainLimit: GrainLimit;
  ID: Scalars['ID']['output'];
  IngestToken: IngestToken;
  IngestTokenInput: IngestTokenInput;
  Int: Scalars['Int']['output'];
  Kpi: Kpi;
  KpiGroup: KpiGroup;
  KpiInput: KpiInput;
  Marker: Marker;
  MarkersInput: MarkersInput;
  Metric: Metric;
  ModelCurve: ModelCurve;
  ModelCurveInput: ModelCurveInput;
  Mover: Mover;
  Mutation: Record<PropertyKey, never>;
  NewUserInput: NewUserInput;
  Note: Note;
  NoteInput: NoteInput;
  NotesInput: NotesInput;
  Point: Point;
  Query: Record<PropertyKey, never>;
  RetroEvent: RetroEvent;
  RetroHeadline: RetroHeadline;
  RetroItem: RetroItem;
  RetroItemInput: RetroItemInput;
  Retrospective: Retrospective;
  RetrospectiveInput: RetrospectiveInput;
  ScoreDrift: ScoreDrift;
  ScoreDriftInput: ScoreDriftInput;
  Series: Series;
  SeriesGroup: SeriesGroup;
  SeriesInput: SeriesInput;
  Sparkline: Sparkline;
  SparklinesInput: SparklinesInput;
  SqlParam: SqlParam;
  SqlStatement: SqlStatement;
  String: Scalars['String']['output'];
  Target: Target;
  TargetInput: TargetInput;
  TargetSetting: TargetSetting;
  ThresholdRow: ThresholdRow;
  TimeRange: TimeRange;
  TimeRangeInput: TimeRangeInput;
  User: User;
  UserInput: UserInput;
  View: View;
};

export type AlertChannelResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertChannel'] = ResolversParentTypes['AlertChannel']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastDelivery?: Resolver<Maybe<ResolversTypes['AlertNotification']>, ParentType, ContextType>;
};

export type AlertConditionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertCondition'] = ResolversParentTypes['AlertCondition']> = {
  comparison?: Resolver<Maybe<ResolversTypes['AlertComparison']>, ParentType, ContextType>;
  direction?: Resolver<Maybe<ResolversTypes['AlertDirection']>, ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['AlertTargetLevel']>, ParentType, ContextType>;
  op?: Resolver<Maybe<ResolversTypes['AlertThresholdOp']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['AlertConditionType'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type AlertEpisodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertEpisode'] = ResolversParentTypes['AlertEpisode']> = {
  firedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  groupKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  groupLabel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  worst?: Resolver<ResolversTypes['AlertEvaluation'], ParentType, ContextType>;
};

export type AlertEvaluationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertEvaluation'] = ResolversParentTypes['AlertEvaluation']> = {
  baseline?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  conditionMet?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  evaluatedUntil?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  groupKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  groupLabel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  high?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  low?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  qValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ruleId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  since?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['AlertState'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  volume?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type AlertNotificationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertNotification'] = ResolversParentTypes['AlertNotification']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  channelKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deliveryId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  groupKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  ruleId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AlertPreviewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertPreview'] = ResolversParentTypes['AlertPreview']> = {
  episodes?: Resolver<Array<ResolversTypes['AlertEpisode']>, ParentType, ContextType>;
  evaluations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  range?: Resolver<ResolversTypes['TimeRange'], ParentType, ContextType>;
};

export type AlertRuleResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertRule'] = ResolversParentTypes['AlertRule']> = {
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  channels?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  condition?: Resolver<ResolversTypes['AlertCondition'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  filters?: Resolver<Array<ResolversTypes['DimensionFilter']>, ParentType, ContextType>;
  forHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  groupBy?: Resolver<Array<ResolversTypes['Dimension']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['AlertEvaluation']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
  minSize?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  minVolume?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  renotifyHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['AlertState'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  windowHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AlertSilenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertSilence'] = ResolversParentTypes['AlertSilence']> = {
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  groupKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ruleId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AnnotatorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Annotator'] = ResolversParentTypes['Annotator']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  labels?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sharedTasks?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  vendor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AnnotatorAgreementResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AnnotatorAgreement'] = ResolversParentTypes['AnnotatorAgreement']> = {
  categories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  items?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kappa?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sql?: Resolver<Array<ResolversTypes['SqlStatement']>, ParentType, ContextType>;
  table?: Resolver<Array<Array<ResolversTypes['Int']>>, ParentType, ContextType>;
};

export type AnomalyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Anomaly'] = ResolversParentTypes['Anomaly']> = {
  day?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expected?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  high?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  low?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
  sliceDimension?: Resolver<Maybe<ResolversTypes['Dimension']>, ParentType, ContextType>;
  sliceKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sliceLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  view?: Resolver<ResolversTypes['View'], ParentType, ContextType>;
};

export type AttentionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Attention'] = ResolversParentTypes['Attention']> = {
  cellsTested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  falseDiscoveryRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  flags?: Resolver<Array<ResolversTypes['AttentionFlag']>, ParentType, ContextType>;
  tested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AttentionFlagResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AttentionFlag'] = ResolversParentTypes['AttentionFlag']> = {
  culprit?: Resolver<Maybe<ResolversTypes['Culprit']>, ParentType, ContextType>;
  kpi?: Resolver<ResolversTypes['Kpi'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['AttentionReason']>, ParentType, ContextType>;
  view?: Resolver<ResolversTypes['View'], ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ip?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BadRunResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BadRun'] = ResolversParentTypes['BadRun']> = {
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  grain?: Resolver<ResolversTypes['Grain'], ParentType, ContextType>;
  ongoing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type BreakdownResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Breakdown'] = ResolversParentTypes['Breakdown']> = {
  cells?: Resolver<Array<ResolversTypes['BreakdownCell']>, ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['Dimension']>, ParentType, ContextType>;
  filters?: Resolver<Array<ResolversTypes['DimensionFilter']>, ParentType, ContextType>;
  marginals?: Resolver<Array<ResolversTypes['BreakdownCell']>, ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
  range?: Resolver<ResolversTypes['TimeRange'], ParentType, ContextType>;
  sql?: Resolver<Array<ResolversTypes['SqlStatement']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Point'], ParentType, ContextType>;
};

export type BreakdownCellResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BreakdownCell'] = ResolversParentTypes['BreakdownCell']> = {
  isOther?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  point?: Resolver<ResolversTypes['Point'], ParentType, ContextType>;
};

export type CatalogueResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Catalogue'] = ResolversParentTypes['Catalogue']> = {
  autoGrainMaxBuckets?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dataFrom?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dataTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['DimensionInfo']>, ParentType, ContextType>;
  grains?: Resolver<Array<ResolversTypes['GrainLimit']>, ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes['Metric']>, ParentType, ContextType>;
  timeZones?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CreatedIngestTokenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreatedIngestToken'] = ResolversParentTypes['CreatedIngestToken']> = {
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['IngestToken'], ParentType, ContextType>;
};

export type CulpritResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Culprit'] = ResolversParentTypes['Culprit']> = {
  badRun?: Resolver<Maybe<ResolversTypes['BadRun']>, ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Point'], ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['Dimension']>, ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  previous?: Resolver<Maybe<ResolversTypes['Point']>, ParentType, ContextType>;
  qValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DimensionFilterResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DimensionFilter'] = ResolversParentTypes['DimensionFilter']> = {
  dimension?: Resolver<ResolversTypes['Dimension'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DimensionInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DimensionInfo'] = ResolversParentTypes['DimensionInfo']> = {
  id?: Resolver<ResolversTypes['Dimension'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  limitedByAccess?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  parentDimension?: Resolver<Maybe<ResolversTypes['Dimension']>, ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['DimensionValue']>, ParentType, ContextType>;
};

export type DimensionValueResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DimensionValue'] = ResolversParentTypes['DimensionValue']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DsaCheckResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DsaCheck'] = ResolversParentTypes['DsaCheck']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  offences?: Resolver<Array<ResolversTypes['DsaOffence']>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DsaExportFileResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DsaExportFile'] = ResolversParentTypes['DsaExportFile']> = {
  base64?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  failing?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  fileName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mediaType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DsaOffenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DsaOffence'] = ResolversParentTypes['DsaOffence']> = {
  cell?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  column?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  part?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  row?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DsaReportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DsaReport'] = ResolversParentTypes['DsaReport']> = {
  checks?: Resolver<Array<ResolversTypes['DsaCheck']>, ParentType, ContextType>;
  parts?: Resolver<Array<ResolversTypes['DsaReportPart']>, ParentType, ContextType>;
  texts?: Resolver<Array<ResolversTypes['DsaTextVersion']>, ParentType, ContextType>;
};

export type DsaReportPartResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DsaReportPart'] = ResolversParentTypes['DsaReportPart']> = {
  csv?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  header?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  part?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rows?: Resolver<Array<Array<ResolversTypes['String']>>, ParentType, ContextType>;
};

export type DsaReportTextResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DsaReportText'] = ResolversParentTypes['DsaReportText']> = {
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  indicator?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DsaTextVersionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DsaTextVersion'] = ResolversParentTypes['DsaTextVersion']> = {
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  indicator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FiringAlertResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FiringAlert'] = ResolversParentTypes['FiringAlert']> = {
  evaluation?: Resolver<ResolversTypes['AlertEvaluation'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['AlertRule'], ParentType, ContextType>;
};

export type GrainLimitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GrainLimit'] = ResolversParentTypes['GrainLimit']> = {
  grain?: Resolver<ResolversTypes['Grain'], ParentType, ContextType>;
  maxRangeDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IngestTokenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IngestToken'] = ResolversParentTypes['IngestToken']> = {
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revoked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  streams?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type KpiResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Kpi'] = ResolversParentTypes['Kpi']> = {
  absoluteChange?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Point'], ParentType, ContextType>;
  currentRange?: Resolver<ResolversTypes['TimeRange'], ParentType, ContextType>;
  filters?: Resolver<Array<ResolversTypes['DimensionFilter']>, ParentType, ContextType>;
  groups?: Resolver<Maybe<Array<ResolversTypes['KpiGroup']>>, ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
  pValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  previous?: Resolver<Maybe<ResolversTypes['Point']>, ParentType, ContextType>;
  previousRange?: Resolver<Maybe<ResolversTypes['TimeRange']>, ParentType, ContextType>;
  relativeChange?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  significant?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sql?: Resolver<Array<ResolversTypes['SqlStatement']>, ParentType, ContextType>;
  targetStatus?: Resolver<ResolversTypes['TargetStatus'], ParentType, ContextType>;
  test?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type KpiGroupResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['KpiGroup'] = ResolversParentTypes['KpiGroup']> = {
  absoluteChange?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Point'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  previous?: Resolver<Maybe<ResolversTypes['Point']>, ParentType, ContextType>;
  qValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  relativeChange?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  significant?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  test?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MarkerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Marker'] = ResolversParentTypes['Marker']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  countries?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MarkerKind'], ParentType, ContextType>;
  models?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  policies?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  regions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  vendors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MetricResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Metric'] = ResolversParentTypes['Metric']> = {
  defaultFilters?: Resolver<Array<ResolversTypes['DimensionFilter']>, ParentType, ContextType>;
  definition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  denominatorLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['Dimension']>, ParentType, ContextType>;
  family?: Resolver<ResolversTypes['MetricFamily'], ParentType, ContextType>;
  goodDirection?: Resolver<ResolversTypes['Direction'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MetricKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  minGrain?: Resolver<ResolversTypes['Grain'], ParentType, ContextType>;
  numeratorLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['Target']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['Unit'], ParentType, ContextType>;
};

export type ModelCurveResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ModelCurve'] = ResolversParentTypes['ModelCurve']> = {
  averagePrecision?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bestThreshold?: Resolver<Maybe<ResolversTypes['ThresholdRow']>, ParentType, ContextType>;
  bestThresholdMinimumSupport?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  bestThresholdNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  bestThresholdPrecisionHigh?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bestThresholdPrecisionLow?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bestThresholdSupport?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  confusion?: Resolver<Maybe<ResolversTypes['ThresholdRow']>, ParentType, ContextType>;
  deployedThreshold?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  labelSources?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  negatives?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  positives?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  precisionTarget?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sql?: Resolver<Array<ResolversTypes['SqlStatement']>, ParentType, ContextType>;
  thresholds?: Resolver<Array<ResolversTypes['ThresholdRow']>, ParentType, ContextType>;
  unbiased?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MoverResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mover'] = ResolversParentTypes['Mover']> = {
  baseline?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  change?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  contribution?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Point'], ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['Dimension']>, ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
  pValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  previous?: Resolver<ResolversTypes['Point'], ParentType, ContextType>;
  qValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  view?: Resolver<ResolversTypes['View'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  changeMyPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationChangeMyPasswordArgs, 'currentPassword' | 'newPassword'>>;
  createAlertRule?: Resolver<ResolversTypes['AlertRule'], ParentType, ContextType, RequireFields<MutationCreateAlertRuleArgs, 'input'>>;
  createAlertSilence?: Resolver<ResolversTypes['AlertSilence'], ParentType, ContextType, RequireFields<MutationCreateAlertSilenceArgs, 'input'>>;
  createIngestToken?: Resolver<ResolversTypes['CreatedIngestToken'], ParentType, ContextType, RequireFields<MutationCreateIngestTokenArgs, 'input'>>;
  createNote?: Resolver<ResolversTypes['Note'], ParentType, ContextType, RequireFields<MutationCreateNoteArgs, 'input'>>;
  createRetroItem?: Resolver<ResolversTypes['RetroItem'], ParentType, ContextType, RequireFields<MutationCreateRetroItemArgs, 'input'>>;
  createUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input'>>;
  deleteAlertRule?: Resolver<ResolversTypes['AlertRule'], ParentType, ContextType, RequireFields<MutationDeleteAlertRuleArgs, 'expectedVersion' | 'id'>>;
  deleteNote?: Resolver<ResolversTypes['Note'], ParentType, ContextType, RequireFields<MutationDeleteNoteArgs, 'expectedVersion' | 'id'>>;
  deleteRetroItem?: Resolver<ResolversTypes['RetroItem'], ParentType, ContextType, RequireFields<MutationDeleteRetroItemArgs, 'expectedVersion' | 'id'>>;
  endAlertSilence?: Resolver<ResolversTypes['AlertSilence'], ParentType, ContextType, RequireFields<MutationEndAlertSilenceArgs, 'expectedVersion' | 'id'>>;
  exportDsaReport?: Resolver<ResolversTypes['DsaExportFile'], ParentType, ContextType, RequireFields<MutationExportDsaReportArgs, 'input'>>;
  recordExport?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRecordExportArgs, 'input'>>;
  revokeIngestToken?: Resolver<ResolversTypes['IngestToken'], ParentType, ContextType, RequireFields<MutationRevokeIngestTokenArgs, 'expectedVersion' | 'id'>>;
  sendTestNotification?: Resolver<ResolversTypes['AlertNotification'], ParentType, ContextType, RequireFields<MutationSendTestNotificationArgs, 'channel'>>;
  setDsaReportText?: Resolver<ResolversTypes['DsaReportText'], ParentType, ContextType, RequireFields<MutationSetDsaReportTextArgs, 'input'>>;
  setPassword?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationSetPasswordArgs, 'expectedVersion' | 'password' | 'username'>>;
  setTarget?: Resolver<ResolversTypes['TargetSetting'], ParentType, ContextType, RequireFields<MutationSetTargetArgs, 'change' | 'expectedVersion' | 'metric'>>;
  updateAlertRule?: Resolver<ResolversTypes['AlertRule'], ParentType, ContextType, RequireFields<MutationUpdateAlertRuleArgs, 'expectedVersion' | 'id' | 'input'>>;
  updateNote?: Resolver<ResolversTypes['Note'], ParentType, ContextType, RequireFields<MutationUpdateNoteArgs, 'expectedVersion' | 'id' | 'input'>>;
  updateRetroItem?: Resolver<ResolversTypes['RetroItem'], ParentType, ContextType, RequireFields<MutationUpdateRetroItemArgs, 'expectedVersion' | 'id' | 'input'>>;
  updateUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateUserArgs, 'expectedVersion' | 'input' | 'username'>>;
};

export type NoteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Note'] = ResolversParentTypes['Note']> = {
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countries?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  deleted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  models?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  policies?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  regions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  vendors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PointResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Point'] = ResolversParentTypes['Point']> = {
  denominator?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  high?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  low?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lowSample?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nullReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  numerator?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  alertChannels?: Resolver<Array<ResolversTypes['AlertChannel']>, ParentType, ContextType>;
  alertEvaluations?: Resolver<Array<ResolversTypes['AlertEvaluation']>, ParentType, ContextType, RequireFields<QueryAlertEvaluationsArgs, 'input'>>;
  alertNotifications?: Resolver<Array<ResolversTypes['AlertNotification']>, ParentType, ContextType, Partial<QueryAlertNotificationsArgs>>;
  alertPreview?: Resolver<ResolversTypes['AlertPreview'], ParentType, ContextType, RequireFields<QueryAlertPreviewArgs, 'input'>>;
  alertRule?: Resolver<ResolversTypes['AlertRule'], ParentType, ContextType, RequireFields<QueryAlertRuleArgs, 'id'>>;
  alertRules?: Resolver<Array<ResolversTypes['AlertRule']>, ParentType, ContextType>;
  alertSilences?: Resolver<Array<ResolversTypes['AlertSilence']>, ParentType, ContextType>;
  annotatorAgreement?: Resolver<ResolversTypes['AnnotatorAgreement'], ParentType, ContextType, RequireFields<QueryAnnotatorAgreementArgs, 'input'>>;
  annotators?: Resolver<Array<ResolversTypes['Annotator']>, ParentType, ContextType, RequireFields<QueryAnnotatorsArgs, 'input'>>;
  attention?: Resolver<ResolversTypes['Attention'], ParentType, ContextType, RequireFields<QueryAttentionArgs, 'input'>>;
  auditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<QueryAuditLogArgs>>;
  breakdown?: Resolver<ResolversTypes['Breakdown'], ParentType, ContextType, RequireFields<QueryBreakdownArgs, 'input'>>;
  catalogue?: Resolver<ResolversTypes['Catalogue'], ParentType, ContextType>;
  dsaReport?: Resolver<ResolversTypes['DsaReport'], ParentType, ContextType, RequireFields<QueryDsaReportArgs, 'input'>>;
  dsaReportServices?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType, RequireFields<QueryDsaReportServicesArgs, 'input'>>;
  firingAlerts?: Resolver<Array<ResolversTypes['FiringAlert']>, ParentType, ContextType>;
  ingestTokens?: Resolver<Array<ResolversTypes['IngestToken']>, ParentType, ContextType>;
  kpis?: Resolver<Array<ResolversTypes['Kpi']>, ParentType, ContextType, RequireFields<QueryKpisArgs, 'input'>>;
  markers?: Resolver<Array<ResolversTypes['Marker']>, ParentType, ContextType, RequireFields<QueryMarkersArgs, 'input'>>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  modelCurve?: Resolver<ResolversTypes['ModelCurve'], ParentType, ContextType, RequireFields<QueryModelCurveArgs, 'input'>>;
  noteHistory?: Resolver<Array<ResolversTypes['Note']>, ParentType, ContextType, RequireFields<QueryNoteHistoryArgs, 'id'>>;
  notes?: Resolver<Array<ResolversTypes['Note']>, ParentType, ContextType, RequireFields<QueryNotesArgs, 'input'>>;
  retrospective?: Resolver<ResolversTypes['Retrospective'], ParentType, ContextType, RequireFields<QueryRetrospectiveArgs, 'input'>>;
  scoreDrift?: Resolver<ResolversTypes['ScoreDrift'], ParentType, ContextType, RequireFields<QueryScoreDriftArgs, 'input'>>;
  series?: Resolver<ResolversTypes['Series'], ParentType, ContextType, RequireFields<QuerySeriesArgs, 'input'>>;
  sparklines?: Resolver<Array<ResolversTypes['Sparkline']>, ParentType, ContextType, RequireFields<QuerySparklinesArgs, 'input'>>;
  targets?: Resolver<Array<ResolversTypes['TargetSetting']>, ParentType, ContextType>;
  users?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
};

export type RetroEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RetroEvent'] = ResolversParentTypes['RetroEvent']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  view?: Resolver<ResolversTypes['View'], ParentType, ContextType>;
};

export type RetroHeadlineResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RetroHeadline'] = ResolversParentTypes['RetroHeadline']> = {
  absoluteChange?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lastWeek?: Resolver<ResolversTypes['Point'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
  pValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  relativeChange?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  significant?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  targetStatus?: Resolver<ResolversTypes['TargetStatus'], ParentType, ContextType>;
  trailing?: Resolver<Maybe<ResolversTypes['Point']>, ParentType, ContextType>;
  view?: Resolver<ResolversTypes['View'], ParentType, ContextType>;
  weekBefore?: Resolver<Maybe<ResolversTypes['Point']>, ParentType, ContextType>;
};

export type RetroItemResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RetroItem'] = ResolversParentTypes['RetroItem']> = {
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countries?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  deleted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RetroItemKind'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  regions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  section?: Resolver<ResolversTypes['RetroSection'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ActionStatus'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  vendors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  week?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RetrospectiveResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Retrospective'] = ResolversParentTypes['Retrospective']> = {
  anomalies?: Resolver<Array<ResolversTypes['Anomaly']>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['RetroEvent']>, ParentType, ContextType>;
  falseDiscoveryRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  filters?: Resolver<Array<ResolversTypes['DimensionFilter']>, ParentType, ContextType>;
  headlines?: Resolver<Array<ResolversTypes['RetroHeadline']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['RetroItem']>, ParentType, ContextType>;
  markdown?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  movers?: Resolver<Array<ResolversTypes['Mover']>, ParentType, ContextType>;
  moversTested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['Note']>, ParentType, ContextType>;
  range?: Resolver<ResolversTypes['TimeRange'], ParentType, ContextType>;
  week?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ScoreDriftResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ScoreDrift'] = ResolversParentTypes['ScoreDrift']> = {
  baselineCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  baselineShares?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  currentCount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  currentShares?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  psi?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sql?: Resolver<Array<ResolversTypes['SqlStatement']>, ParentType, ContextType>;
};

export type SeriesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Series'] = ResolversParentTypes['Series']> = {
  bucketTotals?: Resolver<Array<ResolversTypes['Point']>, ParentType, ContextType>;
  buckets?: Resolver<Array<ResolversTypes['DateTime']>, ParentType, ContextType>;
  filters?: Resolver<Array<ResolversTypes['DimensionFilter']>, ParentType, ContextType>;
  grain?: Resolver<ResolversTypes['Grain'], ParentType, ContextType>;
  grainNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['SeriesGroup']>, ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
  range?: Resolver<ResolversTypes['TimeRange'], ParentType, ContextType>;
  sql?: Resolver<Array<ResolversTypes['SqlStatement']>, ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Point'], ParentType, ContextType>;
};

export type SeriesGroupResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SeriesGroup'] = ResolversParentTypes['SeriesGroup']> = {
  isOther?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['Point']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Point'], ParentType, ContextType>;
};

export type SparklineResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Sparkline'] = ResolversParentTypes['Sparkline']> = {
  grain?: Resolver<ResolversTypes['Grain'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
  values?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
};

export type SqlParamResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SqlParam'] = ResolversParentTypes['SqlParam']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SqlStatementResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SqlStatement'] = ResolversParentTypes['SqlStatement']> = {
  params?: Resolver<Array<ResolversTypes['SqlParam']>, ParentType, ContextType>;
  sql?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TargetResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Target'] = ResolversParentTypes['Target']> = {
  atRiskMargin?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type TargetSettingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TargetSetting'] = ResolversParentTypes['TargetSetting']> = {
  defaultTarget?: Resolver<Maybe<ResolversTypes['Target']>, ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
  overridden?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  updatedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ThresholdRowResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ThresholdRow'] = ResolversParentTypes['ThresholdRow']> = {
  f1?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  falseNegatives?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  falsePositiveRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  falsePositives?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  precision?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  recall?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  trueNegatives?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  truePositives?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type TimeRangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TimeRange'] = ResolversParentTypes['TimeRange']> = {
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  countries?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  disabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  regions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  vendors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ViewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['View'] = ResolversParentTypes['View']> = {
  filters?: Resolver<Array<ResolversTypes['DimensionFilter']>, ParentType, ContextType>;
  grain?: Resolver<Maybe<ResolversTypes['Grain']>, ParentType, ContextType>;
  metric?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  page?: Resolver<ResolversTypes['ViewPage'], ParentType, ContextType>;
  range?: Resolver<Maybe<ResolversTypes['TimeRange']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  AlertChannel?: AlertChannelResolvers<ContextType>;
  AlertCondition?: AlertConditionResolvers<ContextType>;
  AlertEpisode?: AlertEpisodeResolvers<ContextType>;
  AlertEvaluation?: AlertEvaluationResolvers<ContextType>;
  AlertNotification?: AlertNotificationResolvers<ContextType>;
  AlertPreview?: AlertPreviewResolvers<ContextType>;
  AlertRule?: AlertRuleResolvers<ContextType>;
  AlertSilence?: AlertSilenceResolvers<ContextType>;
  Annotator?: AnnotatorResolvers<ContextType>;
  AnnotatorAgreement?: AnnotatorAgreementResolvers<ContextType>;
  Anomaly?: AnomalyResolvers<ContextType>;
  Attention?: AttentionResolvers<ContextType>;
  AttentionFlag?: AttentionFlagResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  BadRun?: BadRunResolvers<ContextType>;
  Breakdown?: BreakdownResolvers<ContextType>;
  BreakdownCell?: BreakdownCellResolvers<ContextType>;
  Catalogue?: CatalogueResolvers<ContextType>;
  CreatedIngestToken?: CreatedIngestTokenResolvers<ContextType>;
  Culprit?: CulpritResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DimensionFilter?: DimensionFilterResolvers<ContextType>;
  DimensionInfo?: DimensionInfoResolvers<ContextType>;
  DimensionValue?: DimensionValueResolvers<ContextType>;
  DsaCheck?: DsaCheckResolvers<ContextType>;
  DsaExportFile?: DsaExportFileResolvers<ContextType>;
  DsaOffence?: DsaOffenceResolvers<ContextType>;
  DsaReport?: DsaReportResolvers<ContextType>;
  DsaReportPart?: DsaReportPartResolvers<ContextType>;
  DsaReportText?: DsaReportTextResolvers<ContextType>;
  DsaTextVersion?: DsaTextVersionResolvers<ContextType>;
  FiringAlert?: FiringAlertResolvers<ContextType>;
  GrainLimit?: GrainLimitResolvers<ContextType>;
  IngestToken?: IngestTokenResolvers<ContextType>;
  Kpi?: KpiResolvers<ContextType>;
  KpiGroup?: KpiGroupResolvers<ContextType>;
  Marker?: MarkerResolvers<ContextType>;
  Metric?: MetricResolvers<ContextType>;
  ModelCurve?: ModelCurveResolvers<ContextType>;
  Mover?: MoverResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Note?: NoteResolvers<ContextType>;
  Point?: PointResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RetroEvent?: RetroEventResolvers<ContextType>;
  RetroHeadline?: RetroHeadlineResolvers<ContextType>;
  RetroItem?: RetroItemResolvers<ContextType>;
  Retrospective?: RetrospectiveResolvers<ContextType>;
  ScoreDrift?: ScoreDriftResolvers<ContextType>;
  Series?: SeriesResolvers<ContextType>;
  SeriesGroup?: SeriesGroupResolvers<ContextType>;
  Sparkline?: SparklineResolvers<ContextType>;
  SqlParam?: SqlParamResolvers<ContextType>;
  SqlStatement?: SqlStatementResolvers<ContextType>;
  Target?: TargetResolvers<ContextType>;
  TargetSetting?: TargetSettingResolvers<ContextType>;
  ThresholdRow?: ThresholdRowResolvers<ContextType>;
  TimeRange?: TimeRangeResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  View?: ViewResolvers<ContextType>;
};

