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
  link: Scalars['String']['output'];
  low: Scalars['Float']['output'];
  metric: Metric;
  sliceDimension?: Maybe<Dimension>;
  sliceKey?: Maybe<Scalars['String']['output']>;
  sliceLabel?: Maybe<Scalars['String']['output']>;
  value: Scalars['Float']['output'];
};

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
  link: Scalars['String']['output'];
  metric: Metric;
  pValue: Scalars['Float']['output'];
  previous: Point;
  /** Benjamini–Hochberg adjusted p-value across every cell tested */
  qValue: Scalars['Float']['output'];
};

/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type Mutation = {
  __typename?: 'Mutation';
  /** Changes the signed-in user's password; their other sessions end. */
  changeMyPassword: Scalars['Boolean']['output'];
  createIngestToken: CreatedIngestToken;
  createNote: Note;
  createRetroItem: RetroItem;
  createUser: User;
  deleteNote: Note;
  deleteRetroItem: RetroItem;
  /** Records an export (CSV, SQL, Markdown, print) in the audit log; CSV and SQL need the analyst role. */
  recordExport: Scalars['Boolean']['output'];
  revokeIngestToken: IngestToken;
  /** Sets a user's password (admins); their sessions end. */
  setPassword: User;
  /** Changes a metric's target (admins); refused with CONFLICT when it changed since expectedVersion. */
  setTarget: TargetSetting;
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
export type MutationRecordExportArgs = {
  input: ExportInput;
};


/** Notes and items record the signed-in user as their author (each version keeps who wrote it). */
export type MutationRevokeIngestTokenArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
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
  /** Cohen's kappa of two annotators on the tasks both labelled. */
  annotatorAgreement: AnnotatorAgreement;
  /** Annotators who labelled in a range (most labels first, at most 200); with pairedWith, those sharing tasks with that annotator (most shared tasks first). */
  annotators: Array<Annotator>;
  /** The audit log, newest first (admins). */
  auditLog: Array<AuditEntry>;
  /** A metric for a period by one or two dimensions (e.g. region x policy). */
  breakdown: Breakdown;
  /** Every metric and dimension, with the values present in the data and the time span of the data. */
  catalogue: Catalogue;
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
  /** Every metric's target: the catalogue's default and what admins set (admins). */
  targets: Array<TargetSetting>;
  /** Every user (admins). */
  users: Array<User>;
};


export type QueryAnnotatorAgreementArgs = {
  input: AnnotatorPairInput;
};


export type QueryAnnotatorsArgs = {
  input: AnnotatorsInput;
};


export type QueryAuditLogArgs = {
  input?: InputMaybe<AuditLogInput>;
};


export type QueryBreakdownArgs = {
  input: BreakdownInput;
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

export type RetroEvent = {
  __typename?: 'RetroEvent';
  at: Scalars['DateTime']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  /** ROLLOUT, ROLLBACK, SLA_BREACH, QUALITY_DIP or INCIDENT */
  kind: Scalars['String']['output'];
  link: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type RetroHeadline = {
  __typename?: 'RetroHeadline';
  absoluteChange?: Maybe<Scalars['Float']['output']>;
  lastWeek: Point;
  link: Scalars['String']['output'];
  metric: Metric;
  pValue?: Maybe<Scalars['Float']['output']>;
  relativeChange?: Maybe<Scalars['Float']['output']>;
  significant: Scalars['Boolean']['output'];
  targetStatus: TargetStatus;
  /** the trailing four weeks before the week (counts: per week; rates: pooled) */
  trailing?: Maybe<Point>;
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
  Annotator: ResolverTypeWrapper<Annotator>;
  AnnotatorAgreement: ResolverTypeWrapper<AnnotatorAgreement>;
  AnnotatorPairInput: AnnotatorPairInput;
  AnnotatorsInput: AnnotatorsInput;
  Anomaly: ResolverTypeWrapper<Anomaly>;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditLogInput: AuditLogInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Breakdown: ResolverTypeWrapper<Breakdown>;
  BreakdownCell: ResolverTypeWrapper<BreakdownCell>;
  BreakdownInput: BreakdownInput;
  Catalogue: ResolverTypeWrapper<Catalogue>;
  ComparisonMode: ComparisonMode;
  CreatedIngestToken: ResolverTypeWrapper<CreatedIngestToken>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Dimension: Dimension;
  DimensionFilter: ResolverTypeWrapper<DimensionFilter>;
  DimensionFilterInput: DimensionFilterInput;
  DimensionInfo: ResolverTypeWrapper<DimensionInfo>;
  DimensionValue: ResolverTypeWrapper<DimensionValue>;
  Direction: Direction;
  ExportInput: ExportInput;
  ExportKind: ExportKind;
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
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Annotator: Annotator;
  AnnotatorAgreement: AnnotatorAgreement;
  AnnotatorPairInput: AnnotatorPairInput;
  AnnotatorsInput: AnnotatorsInput;
  Anomaly: Anomaly;
  AuditEntry: AuditEntry;
  AuditLogInput: AuditLogInput;
  Boolean: Scalars['Boolean']['output'];
  Breakdown: Breakdown;
  BreakdownCell: BreakdownCell;
  BreakdownInput: BreakdownInput;
  Catalogue: Catalogue;
  CreatedIngestToken: CreatedIngestToken;
  DateTime: Scalars['DateTime']['output'];
  DimensionFilter: DimensionFilter;
  DimensionFilterInput: DimensionFilterInput;
  DimensionInfo: DimensionInfo;
  DimensionValue: DimensionValue;
  ExportInput: ExportInput;
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
  link?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  low?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
  sliceDimension?: Resolver<Maybe<ResolversTypes['Dimension']>, ParentType, ContextType>;
  sliceKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sliceLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
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
  link?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
  pValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  previous?: Resolver<ResolversTypes['Point'], ParentType, ContextType>;
  qValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  changeMyPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationChangeMyPasswordArgs, 'currentPassword' | 'newPassword'>>;
  createIngestToken?: Resolver<ResolversTypes['CreatedIngestToken'], ParentType, ContextType, RequireFields<MutationCreateIngestTokenArgs, 'input'>>;
  createNote?: Resolver<ResolversTypes['Note'], ParentType, ContextType, RequireFields<MutationCreateNoteArgs, 'input'>>;
  createRetroItem?: Resolver<ResolversTypes['RetroItem'], ParentType, ContextType, RequireFields<MutationCreateRetroItemArgs, 'input'>>;
  createUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input'>>;
  deleteNote?: Resolver<ResolversTypes['Note'], ParentType, ContextType, RequireFields<MutationDeleteNoteArgs, 'expectedVersion' | 'id'>>;
  deleteRetroItem?: Resolver<ResolversTypes['RetroItem'], ParentType, ContextType, RequireFields<MutationDeleteRetroItemArgs, 'expectedVersion' | 'id'>>;
  recordExport?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRecordExportArgs, 'input'>>;
  revokeIngestToken?: Resolver<ResolversTypes['IngestToken'], ParentType, ContextType, RequireFields<MutationRevokeIngestTokenArgs, 'expectedVersion' | 'id'>>;
  setPassword?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationSetPasswordArgs, 'expectedVersion' | 'password' | 'username'>>;
  setTarget?: Resolver<ResolversTypes['TargetSetting'], ParentType, ContextType, RequireFields<MutationSetTargetArgs, 'change' | 'expectedVersion' | 'metric'>>;
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
  annotatorAgreement?: Resolver<ResolversTypes['AnnotatorAgreement'], ParentType, ContextType, RequireFields<QueryAnnotatorAgreementArgs, 'input'>>;
  annotators?: Resolver<Array<ResolversTypes['Annotator']>, ParentType, ContextType, RequireFields<QueryAnnotatorsArgs, 'input'>>;
  auditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, Partial<QueryAuditLogArgs>>;
  breakdown?: Resolver<ResolversTypes['Breakdown'], ParentType, ContextType, RequireFields<QueryBreakdownArgs, 'input'>>;
  catalogue?: Resolver<ResolversTypes['Catalogue'], ParentType, ContextType>;
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
  targets?: Resolver<Array<ResolversTypes['TargetSetting']>, ParentType, ContextType>;
  users?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
};

export type RetroEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RetroEvent'] = ResolversParentTypes['RetroEvent']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  link?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RetroHeadlineResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RetroHeadline'] = ResolversParentTypes['RetroHeadline']> = {
  absoluteChange?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lastWeek?: Resolver<ResolversTypes['Point'], ParentType, ContextType>;
  link?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['Metric'], ParentType, ContextType>;
  pValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  relativeChange?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  significant?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  targetStatus?: Resolver<ResolversTypes['TargetStatus'], ParentType, ContextType>;
  trailing?: Resolver<Maybe<ResolversTypes['Point']>, ParentType, ContextType>;
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

export type Resolvers<ContextType = GraphQLContext> = {
  Annotator?: AnnotatorResolvers<ContextType>;
  AnnotatorAgreement?: AnnotatorAgreementResolvers<ContextType>;
  Anomaly?: AnomalyResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  Breakdown?: BreakdownResolvers<ContextType>;
  BreakdownCell?: BreakdownCellResolvers<ContextType>;
  Catalogue?: CatalogueResolvers<ContextType>;
  CreatedIngestToken?: CreatedIngestTokenResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DimensionFilter?: DimensionFilterResolvers<ContextType>;
  DimensionInfo?: DimensionInfoResolvers<ContextType>;
  DimensionValue?: DimensionValueResolvers<ContextType>;
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
  SqlParam?: SqlParamResolvers<ContextType>;
  SqlStatement?: SqlStatementResolvers<ContextType>;
  Target?: TargetResolvers<ContextType>;
  TargetSetting?: TargetSettingResolvers<ContextType>;
  ThresholdRow?: ThresholdRowResolvers<ContextType>;
  TimeRange?: TimeRangeResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

