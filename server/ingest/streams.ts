// The event streams producers push, defined once: the table each lands in, the field that
// identifies an event, and every field with its type and allowed values. Validation, the JSON
// Schema served to producers, and the insert all read these definitions.
import { parseInstantMs } from '../domain/time.js';
import { REGIONS, POLICIES, CONTENT_TYPES, DETECTION_SOURCES, ENFORCEMENT_PATHS, ACTIONS, LABEL_SOURCES, COUNTRY_NAMES } from '../domain/taxonomy.js';

export type FieldType =
  | { kind: 'id' } // letters, digits and . _ : - (1–128)
  // A value people slice, filter and export by (queue, vendor, model…): letters, digits and
  // . _ : -, starting with a letter or digit, 1–64 (the format the API accepts in filters). No
  // spaces, quotes, = + @ or control characters, so a value can never be a spreadsheet formula
  // or break a label. Optional ones may be '' (none).
  | { kind: 'dimension' }
  | { kind: 'name'; max: number } // free text without control characters
  | { kind: 'time' } // ISO-8601 instant or Unix seconds
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'uint'; max: number }
  | { kind: 'probability' } // 0 … 1
  | { kind: 'bool' };

export interface FieldDef {
  name: string;
  type: FieldType;
  required: boolean;
  /** stored when the field is left out */
  default?: string | number;
  description: string;
}

export interface StreamDef {
  /** URL segment: POST /ingest/v1/<name> */
  name: string;
  table: string;
  description: string;
  fields: FieldDef[];
  /** streams whose batches must not be written at the same time share a lane (default: the stream's own) */
  lane?: string;
  /** the event's identity: re-sending an event with the same id changes nothing */
  eventId: (row: Record<string, unknown>) => string;
  /** cross-field rules; returns [field, message] for each violation */
  check?: (row: Record<string, unknown>) => [string, string][];
  /** columns computed from others (e.g. region from country) */
  derive?: (row: Record<string, unknown>) => Record<string, unknown>;
  example: Record<string, unknown>;
}

const codes = (list: readonly { code: string }[]) => list.map((x) => x.code);
const id = (name: string, description: string): FieldDef => ({ name, type: { kind: 'id' }, required: true, description });
const dimension = (name: string, description: string): FieldDef => ({ name, type: { kind: 'dimension' }, required: true, description });
const optionalDimension = (name: string, description: string): FieldDef => ({ name, type: { kind: 'dimension' }, required: false, default: '', description });
/** Dimension values (see FieldType 'dimension'). */
export const DIMENSION_VALUE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const time = (name: string, description: string): FieldDef => ({ name, type: { kind: 'time' }, required: true, description });
const oneOf = (name: string, values: readonly string[], description: string, required = true, fallback?: string): FieldDef => ({
  name, type: { kind: 'enum', values }, required, ...(fallback !== undefined ? { default: fallback } : {}), description,
});
const COUNTRIES = Object.keys(COUNTRY_NAMES);
const country = oneOf('country', COUNTRIES, 'ISO 3166 alpha-2 country of the content (GR for Greece); its region is derived');
const policy = oneOf('policy', codes(POLICIES), 'policy from the taxonomy');
const region = oneOf('region', codes(REGIONS), 'market region');
const REGION_OF: Record<string, string> = Object.fromEntries(REGIONS.flatMap((r) => r.countries.map((c) => [c, r.code])));
const withRegion = (row: Record<string, unknown>) => ({ region: REGION_OF[String(row.country)] });
const seconds = (v: unknown) => (typeof v === 'number' ? v : parseInstantMs(String(v)) / 1000);
const ordered = (row: Record<string, unknown>, pairs: [string, string][]): [string, string][] =>
  pairs.filter(([a, b]) => seconds(row[a]) > seconds(row[b])).map(([a, b]) => [b, `${b} is before ${a}`]);

const annotationWork: FieldDef[] = [
  dimension('vendor', 'labelling vendor'), dimension('site', 'vendor site'), dimension('queue', 'labelling queue'), dimension('language', 'language of the queue (e.g. en)'),
  region, policy,
];

// Each insert of scores or labels reconciles the outcomes of the items it carries against what the
// other stream stored (migration 0012): two such inserts running at once would each miss the
// other's rows, so both streams write one batch at a time, in one lane.
const MODEL_OUTCOMES_LANE = 'model-outcomes';

export const STREAMS: readonly StreamDef[] = [
  {
    name: 'moderation-decisions', table: 'moderation_decisions', description: 'One moderation decision on one item.',
    fields: [
      id('decision_id', 'unique id of the decision'), id('content_id', 'the item decided on'),
      time('posted_at', 'when the item was posted'), time('flagged_at', 'first flag or report'), time('decided_at', 'when the decision was taken'),
      country, policy,
      oneOf('content_type', codes(CONTENT_TYPES), 'kind of item'),
      oneOf('detection_source', codes(DETECTION_SOURCES), 'what first flagged the item'),
      oneOf('enforcement_path', codes(ENFORCEMENT_PATHS), 'who decided'),
      oneOf('action', codes(ACTIONS), "outcome; 'none' when no violation was found"),
      optionalDimension('queue', 'human review queue, if any'),
      { name: 'sla_seconds', type: { kind: 'uint', max: 90 * 86400 }, required: false, default: 0, description: "the review queue's SLA" },
      {
        name: 'enqueued_at', type: { kind: 'time' }, required: false,
        description: 'when the item entered the review queue (required with a queue): the review-SLA clock starts there',
      },
      { name: 'views_at_action', type: { kind: 'uint', max: 4_000_000_000 }, required: false, default: 0, description: 'views when actioned' },
      optionalDimension('model_id', 'model that flagged or decided, if any'),
      optionalDimension('model_version', 'its version'),
    ],
    eventId: (r) => String(r.decision_id),
    check: (r) => [
      ...ordered(r, [['posted_at', 'flagged_at'], ['flagged_at', 'decided_at']]),
      ...(r.queue && (r.enqueued_at === undefined || r.enqueued_at === null)
        ? [['enqueued_at', 'a decision from a review queue needs enqueued_at, when the item entered the queue (the SLA clock starts there)'] as [string, string]]
        : r.enqueued_at !== undefined && r.enqueued_at !== null ? ordered(r, [['enqueued_at', 'decided_at']]) : []),
    ],
    derive: withRegion,
    example: {
      decision_id: 'd-7f3a91', content_id: 'v-88120', posted_at: '2026-11-16T09:58:00Z', flagged_at: '2026-11-16T09:58:40Z', decided_at: '2026-11-16T10:01:05Z',
      country: 'BR', policy: 'hate_speech', content_type: 'video', detection_source: 'automated', enforcement_path: 'automated', action: 'removed',
      views_at_action: 0, model_id: 'safety-mm', model_version: '3.3',
    },
  },
  {
    name: 'review-enqueues', table: 'review_enqueues', description: 'An item entering a human review queue.',
    fields: [
      id('enqueue_id', 'unique id of the entry'), id('content_id', 'the item'), time('enqueued_at', 'when it entered the queue'), country, policy,
      dimension('queue', 'review queue'), { name: 'sla_seconds', type: { kind: 'uint', max: 90 * 86400 }, required: true, description: "the queue's SLA" },
    ],
    eventId: (r) => String(r.enqueue_id),
    derive: withRegion,
    example: { enqueue_id: 'e-55102', content_id: 'v-88121', enqueued_at: '2026-11-16T10:02:00Z', country: 'DE', policy: 'harassment_bullying', queue: 'review-eu', sla_seconds: 86400 },
  },
  {
    name: 'appeals', table: 'appeal_events', description: "An appeal filed against a decision, or its resolution (two events, same appeal_id).",
    fields: [
      id('appeal_id', 'the appeal'), id('decision_id', 'the decision appealed'), oneOf('event', ['filed', 'resolved'], 'filed or resolved'),
      time('event_at', 'when it was filed / resolved'),
      time('decided_at', "when the appealed decision was taken: the appeal rate counts an appeal in its decision's hour"),
      country, policy, oneOf('content_type', codes(CONTENT_TYPES), 'kind of item'),
      oneOf('outcome', ['', 'upheld', 'overturned'], "for resolved appeals: upheld or overturned; '' when filed", false, ''),
    ],
    eventId: (r) => `${r.appeal_id}:${r.event}`,
    check: (r) => [
      ...(r.event === 'resolved' && !r.outcome ? [['outcome', 'a resolved appeal needs an outcome (upheld or overturned)'] as [string, string]]
        : r.event === 'filed' && r.outcome ? [['outcome', 'a filed appeal has no outcome yet'] as [string, string]] : []),
      ...ordered(r, [['decided_at', 'event_at']]),
    ],
    derive: withRegion,
    example: { appeal_id: 'a-1029', decision_id: 'd-7f3a91', event: 'resolved', event_at: '2026-11-18T12:00:00Z', decided_at: '2026-11-16T10:01:05Z', country: 'BR', policy: 'hate_speech', content_type: 'video', outcome: 'overturned' },
  },
  {
    name: 'model-predictions', table: 'model_predictions', description: 'One classifier score for one item and policy.',
    lane: MODEL_OUTCOMES_LANE,
    fields: [
      id('prediction_id', 'unique id of the score'), id('content_id', 'the item scored'), time('scored_at', 'when it was scored'),
      dimension('model_id', 'model'), dimension('model_version', 'version'), country, policy,
      { name: 'score', type: { kind: 'probability' }, required: true, description: 'score from 0 to 1' },
      { name: 'threshold', type: { kind: 'probability' }, required: true, description: 'deployed threshold (flagged when score >= threshold)' },
    ],
    eventId: (r) => String(r.prediction_id),
    derive: withRegion,
    example: { prediction_id: 's-99310', content_id: 'v-88120', scored_at: '2026-11-16T09:58:30Z', model_id: 'safety-mm', model_version: '3.3', country: 'BR', policy: 'hate_speech', score: 0.93, threshold: 0.5 },
  },
  {
    name: 'ground-truth', table: 'ground_truth_labels',
    description: 'The true class of a scored item, from one label source; scores and labels may arrive in any order, and the latest label of a source (labelled_at, then label_id) is the one counted.',
    lane: MODEL_OUTCOMES_LANE,
    fields: [
      id('label_id', 'unique id of the label'), id('content_id', 'the item (as in model-predictions)'), policy,
      oneOf('label_source', codes(LABEL_SOURCES), 'where the label comes from; random_audit and golden_set are unbiased'),
      { name: 'is_violating', type: { kind: 'bool' }, required: true, description: 'true when the item violates the policy' },
      time('labelled_at', 'when the label was given'),
    ],
    eventId: (r) => String(r.label_id),
    example: { label_id: 'l-4471', content_id: 'v-88120', policy: 'hate_speech', label_source: 'random_audit', is_violating: true, labelled_at: '2026-11-19T08:00:00Z' },
  },
  {
    name: 'annotation-tasks', table: 'annotation_task_events', description: 'A labelling task created, or completed when all its labels are in (two events, same task_id).',
    fields: [
      id('task_id', 'the task'), oneOf('event', ['created', 'completed'], 'created or completed'), time('event_at', 'when it happened'),
      time('task_created_at', 'when the task was created (equal to event_at for created)'), ...annotationWork,
      { name: 'sla_seconds', type: { kind: 'uint', max: 90 * 86400 }, required: true, description: "the queue's SLA" },
      { name: 'labels_required', type: { kind: 'uint', max: 20 }, required: false, default: 1, description: 'answers wanted per item' },
    ],
    eventId: (r) => `${r.task_id}:${r.event}`,
    check: (r) => ordered(r, [['task_created_at', 'event_at']]),
    example: { task_id: 't-20331', event: 'created', event_at: '2026-11-16T08:00:00Z', task_created_at: '2026-11-16T08:00:00Z', vendor: 'tessera', site: 'tessera-bogota', queue: 'es-general', language: 'es', region: 'LATAM', policy: 'hate_speech', sla_seconds: 86400, labels_required: 1 },
  },
  {
    name: 'annotation-labels', table: 'annotation_labels', description: "One annotator's answer on one task.",
    fields: [
      id('label_id', 'unique id of the answer'), id('task_id', 'the task'), dimension('annotator_id', 'the annotator'), ...annotationWork,
      time('task_created_at', 'when the task was created'), time('submitted_at', 'when the answer was submitted'),
      { name: 'answer', type: { kind: 'name', max: 64 }, required: true, description: 'the answer given' },
      { name: 'is_golden', type: { kind: 'bool' }, required: false, default: 0, description: 'true on golden (known-answer) tasks' },
      { name: 'gold_answer', type: { kind: 'name', max: 64 }, required: false, default: '', description: 'the known answer of a golden task' },
      { name: 'handle_seconds', type: { kind: 'uint', max: 86400 }, required: true, description: 'time spent on the answer' },
      { name: 'labels_required', type: { kind: 'uint', max: 20 }, required: false, default: 1, description: 'answers wanted per item' },
    ],
    eventId: (r) => String(r.label_id),
    check: (r) => [
      ...ordered(r, [['task_created_at', 'submitted_at']]),
      ...(r.is_golden === true && !r.gold_answer ? [['gold_answer', 'a golden task needs its gold_answer'] as [string, string]] : []),
    ],
    example: { label_id: 't-20331-1', task_id: 't-20331', annotator_id: 'tessera-bogota-12', vendor: 'tessera', site: 'tessera-bogota', queue: 'es-general', language: 'es', region: 'LATAM', policy: 'hate_speech', task_created_at: '2026-11-16T08:00:00Z', submitted_at: '2026-11-16T08:41:00Z', answer: 'violating', is_golden: false, handle_seconds: 38 },
  },
  {
    name: 'qa-audits', table: 'qa_audits', description: 'A QA audit of one submitted label.',
    fields: [
      id('audit_id', 'unique id of the audit'), id('label_id', 'the label audited'), dimension('annotator_id', 'who gave the label'), ...annotationWork,
      time('audited_at', 'when it was audited'), { name: 'passed', type: { kind: 'bool' }, required: true, description: 'true when the label passed' },
    ],
    eventId: (r) => String(r.audit_id),
    example: { audit_id: 'q-771', label_id: 't-20331-1', annotator_id: 'tessera-bogota-12', vendor: 'tessera', site: 'tessera-bogota', queue: 'es-general', language: 'es', region: 'LATAM', policy: 'hate_speech', audited_at: '2026-11-17T10:00:00Z', passed: true },
  },
];

export const streamByName = new Map(STREAMS.map((s) => [s.name, s]));

/** JSON Schema (draft 2020-12) of one row of a stream, for producers. */
export function jsonSchemaOf(s: StreamDef): Record<string, unknown> {
  const property = (f: FieldDef): Record<string, unknown> => {
    const t = f.type;
    const base = { description: f.description };
    switch (t.kind) {
      case 'id': return { ...base, type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' };
      case 'dimension': return { ...base, type: 'string', pattern: f.required ? DIMENSION_VALUE.source : `^$|${DIMENSION_VALUE.source}` };
      case 'name': return { ...base, type: 'string', maxLength: t.max };
      case 'time': return { ...base, oneOf: [{ type: 'string', format: 'date-time' }, { type: 'integer', description: 'Unix seconds' }] };
      case 'enum': return { ...base, enum: t.values };
      case 'uint': return { ...base, type: 'integer', minimum: 0, maximum: t.max };
      case 'probability': return { ...base, type: 'number', minimum: 0, maximum: 1 };
      case 'bool': return { ...base, type: 'boolean' };
    }
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: s.name,
    description: s.description,
    type: 'object',
    additionalProperties: false,
    required: s.fields.filter((f) => f.required).map((f) => f.name),
    properties: Object.fromEntries(s.fields.map((f) => [f.name, property(f)])),
    examples: [s.example],
  };
}
