// The event streams producers push, defined once: the table each lands in, the field that
// identifies an event, and every field with its type and allowed values. Validation, the JSON
// Schema served to producers, and the insert all read these definitions.
import { parseInstantMs } from '../domain/time.js';
import { REGIONS, POLICIES, CONTENT_TYPES, DETECTION_SOURCES, ENFORCEMENT_PATHS, ACTIONS, LABEL_SOURCES, COUNTRY_NAMES } from '../domain/taxonomy.js';
import {
  ACCOUNT_TYPES, EEA_MEMBER_STATES, EU_CATEGORY_CODES, EU_KEYWORD_CODES, LANGUAGE_CODES, LEGAL_GROUNDS, RESTRICTIONS,
} from '../domain/dsaVocabulary.js';
import { REPORT_MEMBER_STATES, OFFICIAL_LANGUAGES } from '../domain/dsaTemplates.js';

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
  // a set of values from a list, as a JSON array (each value at most once; [] = none)
  | { kind: 'enumList'; values: readonly string[] }
  | { kind: 'uint'; max: number }
  | { kind: 'probability' } // 0 … 1
  | { kind: 'bool' };

export interface FieldDef {
  name: string;
  type: FieldType;
  required: boolean;
  /** stored when the field is left out */
  default?: string | number | readonly string[];
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
const listOf = (name: string, values: readonly string[], description: string): FieldDef => ({
  name, type: { kind: 'enumList', values }, required: false, default: [], description,
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

// ---- DSA transparency report (Annex I of Implementing Regulation (EU) 2024/2835) ----
/** The template's complaint and dispute outcomes; "omitted" = not decided on the merits (the decision stands). */
const DSA_OUTCOMES = ['upheld', 'partially_reversed', 'reversed', 'omitted'] as const;
/** How a DSA outcome reads on the dashboard's appeals: anything reversed, even partly, is overturned. */
const DSA_OUTCOME_AS_APPEAL: Record<string, string> = { upheld: 'upheld', omitted: 'upheld', partially_reversed: 'overturned', reversed: 'overturned' };
/** The complaint kinds part 7 counts separately. */
const COMPLAINT_SUBJECTS = ['visibility', 'provision', 'account', 'monetisation', 'notice_no_action', 'trusted_flagger_notice_no_action'] as const;
const SUSPENSION_REASONS = ['manifestly_illegal_content', 'manifestly_unfounded_notices', 'manifestly_unfounded_complaints'] as const;
const ORDER_TYPES = ['act_against_illegal_content', 'provide_information'] as const;
const euCategory = oneOf('eu_category', EU_CATEGORY_CODES, 'category of the DSA template (STATEMENT_CATEGORY_*)');
const euKeyword = oneOf('eu_keyword', ['', ...EU_KEYWORD_CODES], "the keyword (KEYWORD_*) of the category the item is counted under; '' counts it under KEYWORD_OTHER", false, '');
const service = dimension('service', 'the service (a provider may run several)');
const memberState = (name: string, description: string, extra: readonly string[] = []) => oneOf(name, [...extra, ...REPORT_MEMBER_STATES], description);
const startOfMonth = (v: unknown) => {
  const d = new Date(seconds(v) * 1000);
  return d.getUTCDate() === 1 && d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
};

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
      // what the EU DSA transparency report counts (server/domain/dsaVocabulary.ts; '' / [] = not given)
      optionalDimension('service', "the service (platform) the decision was taken on; '' when the install runs one service"),
      oneOf('eu_category', ['', ...EU_CATEGORY_CODES], 'DSA category (Annex I Part 2 of Regulation 2024/2835, e.g. STATEMENT_CATEGORY_ANIMAL_WELFARE; v1 codes accepted)', false, ''),
      listOf('eu_keywords', EU_KEYWORD_CODES, 'DSA keywords (KEYWORD_* codes of the same list)'),
      oneOf('legal_ground', ['', ...LEGAL_GROUNDS], 'DSA legal ground: illegal content, or incompatible with the terms and conditions', false, ''),
      listOf('restrictions', RESTRICTIONS, 'every restriction applied (visibility, monetary, service provision, account), DSA Transparency Database codes'),
      oneOf('content_language', ['', ...LANGUAGE_CODES], 'language of the content, ISO 639-1 lower case', false, ''),
      listOf('territorial_scope', EEA_MEMBER_STATES, 'EEA member states the decision applies in (ISO 3166 alpha-2, Greece GR)'),
      oneOf('account_type', ['', ...ACCOUNT_TYPES], 'DSA account type of the recipient', false, ''),
      oneOf('time_precision', ['second', 'day'], "'day' when the times are dates only (day precision): the decision is then left out of time-to-action percentiles", false, 'second'),
    ],
    eventId: (r) => String(r.decision_id),
    check: (r) => [
      ...ordered(r, [['posted_at', 'flagged_at'], ['flagged_at', 'decided_at']]),
      ...(r.queue && (r.enqueued_at === undefined || r.enqueued_at === null)
        ? [['enqueued_at', 'a decision from a review queue needs enqueued_at, when the item entered the queue (the SLA clock starts there)'] as [string, string]]
        : r.enqueued_at !== undefined && r.enqueued_at !== null ? ordered(r, [['enqueued_at', 'decided_at']]) : []),
      ...(r.action === 'none' && Array.isArray(r.restrictions) && r.restrictions.length > 0
        ? [['restrictions', "a decision with action 'none' (no violation found) restricts nothing; leave restrictions empty"] as [string, string]]
        : []),
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
      // DSA complaints (Article 20) are appeals with these three fields (README "DSA transparency report")
      optionalDimension('service', 'the service the decision was taken on (DSA report)'),
      oneOf('dsa_outcome', ['', ...DSA_OUTCOMES], "for resolved appeals, the DSA template's outcome: upheld, partially_reversed, reversed or omitted (decision not taken on its merits); must agree with outcome", false, ''),
      oneOf('dsa_subject', ['', ...COMPLAINT_SUBJECTS], 'what the complaint is about, as the DSA template counts it', false, ''),
      { name: 'restrictions_imposed', type: { kind: 'uint', max: 1000 }, required: false, default: 0, description: 'for resolved appeals: restrictions newly imposed as a result of the complaint' },
    ],
    eventId: (r) => `${r.appeal_id}:${r.event}`,
    check: (r) => [
      ...(r.event === 'resolved' && !r.outcome ? [['outcome', 'a resolved appeal needs an outcome (upheld or overturned)'] as [string, string]]
        : r.event === 'filed' && r.outcome ? [['outcome', 'a filed appeal has no outcome yet'] as [string, string]] : []),
      ...(r.event === 'filed' && r.dsa_outcome ? [['dsa_outcome', 'a filed appeal has no outcome yet'] as [string, string]]
        : r.dsa_outcome && DSA_OUTCOME_AS_APPEAL[String(r.dsa_outcome)] !== r.outcome
          ? [['dsa_outcome', `${String(r.dsa_outcome)} means outcome ${DSA_OUTCOME_AS_APPEAL[String(r.dsa_outcome)]}, not ${String(r.outcome)}`] as [string, string]] : []),
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
  {
    name: 'dsa-notices', table: 'dsa_notices', description: 'A notice received under Article 16 DSA, with the decision that followed, if any.',
    fields: [
      id('notice_id', 'unique id of the notice'), service, time('received_at', 'when the notice was received'), euCategory, euKeyword,
      { name: 'items', type: { kind: 'uint', max: 1_000_000 }, required: true, description: 'specific items of information the notice names (1 or more)' },
      { name: 'trusted_flagger', type: { kind: 'bool' }, required: true, description: 'true when sent by a trusted flagger (Article 22)' },
      { name: 'automated', type: { kind: 'bool' }, required: false, default: 0, description: 'true when processed solely by automated means' },
      { name: 'decision_id', type: { kind: 'id' }, required: false, default: '', description: 'the decision taken on it; left out when none was taken' },
      { name: 'decided_at', type: { kind: 'time' }, required: false, description: 'when that decision was taken (with decision_id)' },
      oneOf('legal_ground', ['', ...LEGAL_GROUNDS], "ground of the action taken: illegal content or incompatible with the terms and conditions; '' when no action", false, ''),
    ],
    eventId: (r) => String(r.notice_id),
    check: (r) => [
      ...(Number(r.items) < 1 ? [['items', 'a notice names at least one item'] as [string, string]] : []),
      ...(r.decision_id && (r.decided_at === undefined || r.decided_at === null) ? [['decided_at', 'a notice with a decision_id needs decided_at'] as [string, string]] : []),
      ...(!r.decision_id && (r.decided_at !== undefined && r.decided_at !== null) ? [['decision_id', 'decided_at without decision_id'] as [string, string]] : []),
      ...(!r.decision_id && r.legal_ground ? [['legal_ground', 'an action needs its decision_id'] as [string, string]] : []),
      ...(r.decided_at !== undefined && r.decided_at !== null ? ordered(r, [['received_at', 'decided_at']]) : []),
    ],
    example: {
      notice_id: 'n-5521', service: 'vigil-video', received_at: '2026-03-02T09:00:00Z', eu_category: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', eu_keyword: 'KEYWORD_HATE_SPEECH',
      items: 1, trusted_flagger: false, decision_id: 'd-7f3a91', decided_at: '2026-03-02T15:30:00Z', legal_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
    },
  },
  {
    name: 'dsa-orders', table: 'dsa_orders', description: 'An order of a member-state authority (Article 9: act against illegal content; Article 10: provide information).',
    fields: [
      id('order_id', 'unique id of the order'), service, memberState('member_state', 'the member state whose authority issued it'),
      oneOf('order_type', ORDER_TYPES, 'act_against_illegal_content (Article 9) or provide_information (Article 10)'), euCategory, euKeyword,
      { name: 'items', type: { kind: 'uint', max: 1_000_000 }, required: true, description: 'specific items of information the order names' },
      time('received_at', 'when it was received'), time('acknowledged_at', 'when the authority was informed of its receipt'),
      { name: 'effected_at', type: { kind: 'time' }, required: false, description: 'when it was given effect; left out while it has not been' },
    ],
    eventId: (r) => String(r.order_id),
    check: (r) => [
      ...ordered(r, [['received_at', 'acknowledged_at']]),
      ...(r.effected_at !== undefined && r.effected_at !== null ? ordered(r, [['received_at', 'effected_at']]) : []),
    ],
    example: {
      order_id: 'o-118', service: 'vigil-video', member_state: 'DE', order_type: 'act_against_illegal_content', eu_category: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
      eu_keyword: 'KEYWORD_HATE_SPEECH', items: 3, received_at: '2026-03-02T09:00:00Z', acknowledged_at: '2026-03-02T09:20:00Z', effected_at: '2026-03-02T13:00:00Z',
    },
  },
  {
    name: 'dsa-disputes', table: 'dsa_disputes', description: 'A dispute submitted to a certified out-of-court dispute settlement body (Article 21), or its resolution (two events, same dispute_id).',
    fields: [
      id('dispute_id', 'the dispute'), service, oneOf('event', ['submitted', 'resolved'], 'submitted or resolved'), time('event_at', 'when it was submitted / resolved'),
      time('submitted_at', 'when it was submitted (equal to event_at for submitted)'),
      oneOf('outcome', ['', ...DSA_OUTCOMES], "for resolved disputes: upheld, partially_reversed, reversed or omitted; '' when submitted", false, ''),
      { name: 'implemented', type: { kind: 'bool' }, required: false, default: 0, description: "for resolved disputes: true when the body's outcome was implemented" },
    ],
    eventId: (r) => `${r.dispute_id}:${r.event}`,
    check: (r) => [
      ...(r.event === 'resolved' && !r.outcome ? [['outcome', 'a resolved dispute needs an outcome'] as [string, string]]
        : r.event === 'submitted' && r.outcome ? [['outcome', 'a submitted dispute has no outcome yet'] as [string, string]] : []),
      ...ordered(r, [['submitted_at', 'event_at']]),
    ],
    example: { dispute_id: 'ods-12', service: 'vigil-video', event: 'resolved', event_at: '2026-04-20T10:00:00Z', submitted_at: '2026-03-01T10:00:00Z', outcome: 'upheld', implemented: true },
  },
  {
    name: 'dsa-suspensions', table: 'dsa_suspensions', description: 'A suspension of a recipient for misuse (Article 23).',
    fields: [
      id('suspension_id', 'unique id of the suspension'), service, time('suspended_at', 'when it was enacted'), id('account_id', 'the recipient suspended'),
      oneOf('reason', SUSPENSION_REASONS, 'manifestly illegal content, manifestly unfounded notices or manifestly unfounded complaints'),
    ],
    eventId: (r) => String(r.suspension_id),
    example: { suspension_id: 's23-9', service: 'vigil-video', suspended_at: '2026-05-11T08:00:00Z', account_id: 'u-77120', reason: 'manifestly_unfounded_notices' },
  },
  {
    name: 'dsa-active-recipients', table: 'dsa_active_recipients',
    description: "Monthly active recipients of a service in one member state, or in the Union as a whole (TOTAL: a recipient active in two states counts once). A corrected figure is sent with a new figure_id: the latest reported_at (then figure_id) counts.",
    fields: [
      id('figure_id', 'unique id of this figure'), time('reported_at', 'when the figure was produced (the latest one counts)'),
      service, time('month_start', 'first instant of the month (UTC midnight of its 1st day)'),
      memberState('member_state', 'a member state, or TOTAL for the Union', ['TOTAL']),
      { name: 'recipients', type: { kind: 'uint', max: 4_000_000_000 }, required: true, description: 'active recipients that month' },
    ],
    eventId: (r) => String(r.figure_id),
    check: (r) => (startOfMonth(r.month_start) ? [] : [['month_start', 'must be the 1st of a month at 00:00 UTC']]),
    example: { figure_id: 'amar-2026-03-de', reported_at: '2026-04-02T08:00:00Z', service: 'vigil-video', month_start: '2026-03-01T00:00:00Z', member_state: 'DE', recipients: 8_200_000 },
  },
  {
    name: 'dsa-moderation-staff', table: 'dsa_moderation_staff',
    description: "Content moderators at a date: the headcount (language '') and those with sufficient expertise in an official EU language ('any' for at least one). A corrected figure is sent with a new figure_id: the latest reported_at (then figure_id) counts.",
    fields: [
      id('figure_id', 'unique id of this figure'), time('reported_at', 'when the figure was produced (the latest one counts)'), service, time('as_of', 'the date the figure holds for'), oneOf('employment', ['internal', 'external'], 'employed by the provider (internal) or contracted (external)'),
      oneOf('language', ['', 'any', ...OFFICIAL_LANGUAGES], "'' for the headcount, 'any' for those with at least one official language, or an official language (ISO 639-1)", false, ''),
      { name: 'moderators', type: { kind: 'uint', max: 10_000_000 }, required: true, description: 'number of moderators (people, not full-time equivalents)' },
    ],
    eventId: (r) => String(r.figure_id),
    example: { figure_id: 'staff-2026-06-int-de', reported_at: '2026-07-01T08:00:00Z', service: 'vigil-video', as_of: '2026-06-30T00:00:00Z', employment: 'internal', language: 'de', moderators: 42 },
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
      case 'enumList': return { ...base, type: 'array', items: { enum: t.values }, uniqueItems: true };
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
