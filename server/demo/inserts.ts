// The demo loader's tables: rows arrive as tab-separated numbers (see demo/dictionaries.ts) in a
// Null-engine table whose materialized view decodes them into the real table, whose own views
// then fill the rollups as for any insert. Parsing numbers instead of strings makes loading
// about three times faster. The loader tables exist only while the demo loads.
// The dictionaries are constants of the demo, checked to be plain codes before they reach SQL.
import { DICT, type DictName } from './dictionaries.js';

function lookup(dict: DictName, indexColumn: string): string {
  const values = DICT[dict] as readonly string[];
  for (const v of values) if (!/^[A-Za-z0-9_.-]*$/.test(v)) throw new Error(`unsafe dictionary value ${v}`);
  return `[${values.map((v) => `'${v}'`).join(',')}][${indexColumn} + 1]`;
}

export interface EncodedInsert {
  table: string;
  /** Columns of the numeric rows, in the order the generator writes them. */
  input: string;
  /** Target column -> expression over the input columns. */
  columns: Record<string, string>;
}

/** Where the loader inserts the numeric rows of a table. */
export function loaderTable(e: EncodedInsert): string {
  return `demo_load_${e.table}`;
}

export function createLoaderSql(e: EncodedInsert): string[] {
  const decoded = Object.entries(e.columns).map(([column, expression]) => `${expression} AS ${column}`);
  return [
    `CREATE TABLE IF NOT EXISTS ${loaderTable(e)} (${e.input}) ENGINE = Null`,
    `CREATE MATERIALIZED VIEW IF NOT EXISTS ${loaderTable(e)}_mv TO ${e.table} AS SELECT ${decoded.join(', ')} FROM ${loaderTable(e)}`,
  ];
}

export function dropLoaderSql(e: EncodedInsert): string[] {
  return [`DROP VIEW IF EXISTS ${loaderTable(e)}_mv`, `DROP TABLE IF EXISTS ${loaderTable(e)}`];
}

export const DECISIONS_INSERT: EncodedInsert = {
  table: 'moderation_decisions',
  input: 'id UInt32, decided UInt32, posted UInt32, flagged UInt32, region UInt8, country UInt8, policy UInt8, content_type UInt8, source UInt8, path UInt8, action UInt8, queue UInt8, sla UInt32, views UInt32, version UInt8',
  columns: {
    decision_id: "concat('d', toString(id))",
    content_id: "concat('c', toString(id))",
    decided_at: 'decided',
    posted_at: 'posted',
    flagged_at: 'flagged',
    // the demo's review queues take items in as they are flagged
    enqueued_at: 'flagged',
    region: lookup('region', 'region'),
    country: lookup('country', 'country'),
    policy: lookup('policy', 'policy'),
    content_type: lookup('contentType', 'content_type'),
    detection_source: lookup('detectionSource', 'source'),
    enforcement_path: lookup('enforcementPath', 'path'),
    action: lookup('action', 'action'),
    queue: lookup('reviewQueue', 'queue'),
    sla_seconds: 'sla',
    views_at_action: 'views',
    model_id: "if(version = 0, '', 'safety-mm')",
    model_version: lookup('modelVersion', 'version'),
  },
};

export const ENQUEUES_INSERT: EncodedInsert = {
  table: 'review_enqueues',
  input: 'id UInt32, enqueued UInt32, region UInt8, country UInt8, policy UInt8, queue UInt8, sla UInt32',
  columns: {
    enqueue_id: "concat('e', toString(id))",
    content_id: "concat('c', toString(id))",
    enqueued_at: 'enqueued',
    region: lookup('region', 'region'),
    country: lookup('country', 'country'),
    policy: lookup('policy', 'policy'),
    queue: lookup('reviewQueue', 'queue'),
    sla_seconds: 'sla',
  },
};

export const APPEALS_INSERT: EncodedInsert = {
  table: 'appeal_events',
  input: 'id UInt32, event UInt8, at UInt32, region UInt8, country UInt8, policy UInt8, content_type UInt8, outcome UInt8, decided UInt32',
  columns: {
    appeal_id: "concat('a', toString(id))",
    decision_id: "concat('d', toString(id))",
    event: lookup('appealEvent', 'event'),
    event_at: 'at',
    region: lookup('region', 'region'),
    country: lookup('country', 'country'),
    policy: lookup('policy', 'policy'),
    content_type: lookup('contentType', 'content_type'),
    outcome: lookup('appealOutcome', 'outcome'),
    decided_at: 'decided',
  },
};

export const PREDICTIONS_INSERT: EncodedInsert = {
  table: 'model_predictions',
  input: 'id UInt32, golden UInt8, scored UInt32, version UInt8, region UInt8, country UInt8, policy UInt8, score Float32, threshold Float32',
  columns: {
    prediction_id: "concat('s', toString(id))",
    content_id: "concat(if(golden = 1, 'g', 'p'), toString(id))",
    scored_at: 'scored',
    model_id: "'safety-mm'",
    model_version: lookup('modelVersion', 'version'),
    region: lookup('region', 'region'),
    country: lookup('country', 'country'),
    policy: lookup('policy', 'policy'),
    score: 'score',
    threshold: 'threshold',
  },
};

export const GROUND_TRUTH_INSERT: EncodedInsert = {
  table: 'ground_truth_labels',
  input: 'id UInt32, content UInt32, golden UInt8, policy UInt8, source UInt8, violating UInt8, at UInt32',
  columns: {
    label_id: "concat('l', toString(id))",
    content_id: "concat(if(golden = 1, 'g', 'p'), toString(content))",
    policy: lookup('policy', 'policy'),
    label_source: lookup('labelSource', 'source'),
    is_violating: 'violating',
    labelled_at: 'at',
  },
};

const QUEUE_COLUMNS = (q: string) => ({
  vendor: lookup('queueVendor', q),
  site: lookup('queueSite', q),
  queue: lookup('queue', q),
  language: lookup('queueLanguage', q),
});

export const TASK_EVENTS_INSERT: EncodedInsert = {
  table: 'annotation_task_events',
  input: 'task UInt32, event UInt8, at UInt32, created UInt32, q UInt8, region UInt8, policy UInt8, sla UInt32, required UInt8',
  columns: {
    task_id: "concat('t', toString(task))",
    event: lookup('taskEvent', 'event'),
    event_at: 'at',
    task_created_at: 'created',
    ...QUEUE_COLUMNS('q'),
    region: lookup('region', 'region'),
    policy: lookup('policy', 'policy'),
    sla_seconds: 'sla',
    labels_required: 'required',
  },
};

export const LABELS_INSERT: EncodedInsert = {
  table: 'annotation_labels',
  input: 'task UInt32, k UInt8, annotator UInt16, q UInt8, region UInt8, policy UInt8, created UInt32, submitted UInt32, answer UInt8, golden UInt8, gold UInt8, handle UInt32, required UInt8',
  columns: {
    label_id: "concat('t', toString(task), '-', toString(k))",
    task_id: "concat('t', toString(task))",
    annotator_id: `concat(${lookup('queueSite', 'q')}, '-', toString(annotator))`,
    ...QUEUE_COLUMNS('q'),
    region: lookup('region', 'region'),
    policy: lookup('policy', 'policy'),
    task_created_at: 'created',
    submitted_at: 'submitted',
    answer: lookup('answer', 'answer'),
    is_golden: 'golden',
    gold_answer: lookup('answer', 'gold'),
    handle_seconds: 'handle',
    labels_required: 'required',
  },
};

export const AUDITS_INSERT: EncodedInsert = {
  table: 'qa_audits',
  input: 'task UInt32, k UInt8, annotator UInt16, q UInt8, region UInt8, policy UInt8, audited UInt32, passed UInt8',
  columns: {
    audit_id: "concat('q', toString(task), '-', toString(k))",
    label_id: "concat('t', toString(task), '-', toString(k))",
    annotator_id: `concat(${lookup('queueSite', 'q')}, '-', toString(annotator))`,
    ...QUEUE_COLUMNS('q'),
    region: lookup('region', 'region'),
    policy: lookup('policy', 'policy'),
    audited_at: 'audited',
    passed: 'passed',
  },
};

export const ENCODED_INSERTS = [
  DECISIONS_INSERT, ENQUEUES_INSERT, APPEALS_INSERT, PREDICTIONS_INSERT, GROUND_TRUTH_INSERT, TASK_EVENTS_INSERT, LABELS_INSERT, AUDITS_INSERT,
];
