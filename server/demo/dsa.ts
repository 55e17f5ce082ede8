// The demo's EU service for the DSA transparency report: one service (vigil-video) over the last
// complete half-year before the demo's end, with its statements of reasons (moderation decisions
// carrying the DSA fields of migration 0017), the notices that prompted some of them, complaints
// (appeals with the template's outcomes), orders, out-of-court disputes, Article 23 suspensions,
// monthly active recipients, moderation staff, EU classifier scores with random-audit labels, and
// the qualitative texts. Sized to add about a second to the default demo.
//
// Planted trap (README "Demo stories"): for one week in the period a legacy classifier path filed
// its terms-and-conditions removals with the v1 category STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE,
// which is no row of the template: part 6's categories no longer add up to its total, and the
// report's check `categories-add-up` must say so.
import type { Database } from '../db/database.js';
import { ANNEX_I_CATEGORIES } from '../domain/dsaVocabulary.js';
import { REPORT_MEMBER_STATES, OFFICIAL_LANGUAGES, readTemplate } from '../domain/dsaTemplates.js';
import { toClickHouseDateTime } from '../domain/time.js';
import { demoInsertSql } from '../queries/demoLoads.js';
import { reportTextId } from '../dsa/texts.js';
import { Rng, WeightedPicker } from './rng.js';
import { DAY, HOUR, POLICY_PICKER, type DemoOptions } from './world.js';

export const DSA_DEMO_SERVICE = 'vigil-video';
/** Statements of reasons a day on the EU service (before the weekly rhythm). */
const DECISIONS_PER_DAY = 260;
export const TRAP = { category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE', perDay: 25, days: 7, startsAfterDays: 60 };

/** The last complete half-year (1 Jan – 30 Jun or 1 Jul – 31 Dec) ending at or before `end`. */
export function lastCompleteHalfYear(end: number): { from: number; to: number } {
  const d = new Date(end * 1000);
  const y = d.getUTCFullYear();
  const july = Date.UTC(y, 6, 1) / 1000;
  return end >= july ? { from: Date.UTC(y, 0, 1) / 1000, to: july } : { from: Date.UTC(y - 1, 6, 1) / 1000, to: Date.UTC(y, 0, 1) / 1000 };
}

const CATEGORY_OF_POLICY: Record<string, string> = {
  spam_fake_engagement: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', frauds_scams: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  adult_nudity: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC', hate_speech: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  harassment_bullying: 'STATEMENT_CATEGORY_CYBER_VIOLENCE', violent_graphic: 'STATEMENT_CATEGORY_VIOLENCE',
  dangerous_acts: 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY', misinformation: 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
  minor_safety: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS', suicide_self_harm: 'STATEMENT_CATEGORY_SELF_HARM',
  violent_extremism: 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY', regulated_goods: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
};
const KEYWORDS = new Map(ANNEX_I_CATEGORIES.map((c) => [c.code, c.keywords.map((k) => k.code)]));

/** Member states by rough share of the service's EU users (the demo's main world has DE, FR, IT, ES, PL, GR). */
const STATE_SHARE: Record<string, number> = { DE: 0.2, FR: 0.17, IT: 0.14, ES: 0.12, PL: 0.08, NL: 0.05, RO: 0.04, BE: 0.03, GR: 0.03, PT: 0.025, SE: 0.025, CZ: 0.02, HU: 0.02, AT: 0.02 };
const STATES = new WeightedPicker(REPORT_MEMBER_STATES, REPORT_MEMBER_STATES.map((s) => STATE_SHARE[s] ?? 0.005));
const LANGUAGE_OF: Record<string, string> = {
  AT: 'de', BE: 'fr', BG: 'bg', HR: 'hr', CY: 'el', CZ: 'cs', DK: 'da', EE: 'et', FI: 'fi', FR: 'fr', DE: 'de', GR: 'el', HU: 'hu', IE: 'en', IT: 'it',
  LV: 'lv', LT: 'lt', LU: 'fr', MT: 'mt', NL: 'nl', PL: 'pl', PT: 'pt', RO: 'ro', SK: 'sk', SI: 'sl', ES: 'es', SE: 'sv',
};
const SOURCES = new WeightedPicker(['automated', 'own_initiative', 'user_report', 'trusted_flagger'], [0.6, 0.05, 0.31, 0.04]);
const RESTRICTIONS_OF: Record<string, readonly (readonly string[])[]> = {
  removed: [['DECISION_VISIBILITY_CONTENT_REMOVED']],
  restricted: [['DECISION_VISIBILITY_CONTENT_DEMOTED'], ['DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED'], ['DECISION_VISIBILITY_CONTENT_LABELLED']],
  age_restricted: [['DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED']],
  account_action: [['DECISION_ACCOUNT_SUSPENDED'], ['DECISION_ACCOUNT_TERMINATED'], ['DECISION_ACCOUNT_SUSPENDED', 'DECISION_MONETARY_SUSPENSION']],
};
const ACTIONS = new WeightedPicker(['removed', 'restricted', 'age_restricted', 'account_action'], [0.66, 0.14, 0.08, 0.12]);
const OUTCOMES = new WeightedPicker(['upheld', 'reversed', 'partially_reversed', 'omitted'], [0.7, 0.16, 0.08, 0.06]);

type Row = Record<string, unknown>;
const at = (t: number) => toClickHouseDateTime(Math.round(t));

export interface DsaDemoRows {
  moderation_decisions: Row[];
  appeal_events: Row[];
  dsa_notices: Row[];
  dsa_orders: Row[];
  dsa_disputes: Row[];
  dsa_suspensions: Row[];
  dsa_active_recipients: Row[];
  dsa_moderation_staff: Row[];
  dsa_report_texts: Row[];
  model_predictions: Row[];
  ground_truth_labels: Row[];
}

export function generateDsaDemo(o: DemoOptions): DsaDemoRows {
  const rng = new Rng(o.seed, 17);
  const { from, to } = lastCompleteHalfYear(o.end);
  const out: DsaDemoRows = {
    moderation_decisions: [], appeal_events: [], dsa_notices: [], dsa_orders: [], dsa_disputes: [], dsa_suspensions: [],
    dsa_active_recipients: [], dsa_moderation_staff: [], dsa_report_texts: [], model_predictions: [], ground_truth_labels: [],
  };
  const service = DSA_DEMO_SERVICE;
  let n = 0;
  const days = Math.round((to - from) / DAY);
  for (let day = 0; day < days; day++) {
    const start = from + day * DAY;
    const count = rng.poisson(DECISIONS_PER_DAY * o.scale * (((day + 4) % 7) >= 5 ? 1.15 : 0.95));
    for (let i = 0; i < count; i++) {
      const id = `dsa-demo-${o.seed}-${n++}`;
      const policy = POLICY_PICKER.pick(rng);
      const category = CATEGORY_OF_POLICY[policy]!;
      const keywords = KEYWORDS.get(category)!;
      const keyword = rng.chance(0.85) ? keywords[rng.int(keywords.length - 1)]! : 'KEYWORD_OTHER';
      const country = STATES.pick(rng);
      const source = SOURCES.pick(rng);
      const notice = source === 'user_report' || source === 'trusted_flagger';
      const flagged = start + rng.int(DAY);
      const posted = flagged - Math.round(rng.lognormal(6 * HOUR, 1.2));
      const path = source === 'automated' ? (rng.chance(0.72) ? 'automated' : 'hybrid') : 'human';
      const decided = flagged + (path === 'automated' ? Math.round(rng.lognormal(25, 0.8)) : Math.round(rng.lognormal(notice ? 9 * HOUR : 3 * HOUR, 0.9)));
      const acts = path === 'automated' ? rng.chance(0.96) : rng.chance(notice ? (source === 'trusted_flagger' ? 0.8 : 0.45) : 0.85);
      const action = acts ? ACTIONS.pick(rng) : 'none';
      const restrictions = acts ? rng.pick(RESTRICTIONS_OF[action]!) : [];
      // terms-and-conditions grounds dominate; T&C-only categories are never "illegal"
      const ground = !acts ? '' : category === 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC' || rng.chance(0.72) ? 'DECISION_GROUND_INCOMPATIBLE_CONTENT' : 'DECISION_GROUND_ILLEGAL_CONTENT';
      const model = source === 'automated';
      out.moderation_decisions.push({
        decision_id: id, content_id: `c-${id}`, decided_at: at(decided), posted_at: at(posted), flagged_at: at(flagged), enqueued_at: at(flagged),
        region: 'EU', country, policy, content_type: action === 'account_action' ? 'account' : rng.chance(0.6) ? 'video' : 'comment',
        detection_source: source, enforcement_path: path, action, queue: '', sla_seconds: 0, views_at_action: rng.int(400),
        model_id: model ? 'safety-mm' : '', model_version: model ? '3.1' : '',
        service, eu_category: category, eu_keywords: [keyword], legal_ground: ground, restrictions, content_language: LANGUAGE_OF[country]!,
        territorial_scope: rng.chance(0.3) ? [...REPORT_MEMBER_STATES] : [country], account_type: rng.chance(0.1) ? 'ACCOUNT_TYPE_BUSINESS' : 'ACCOUNT_TYPE_PRIVATE',
        time_precision: 'second',
      });
      if (notice) {
        // Article 16 notices concern illegal content: a report of a terms-only category names none
        const tcOnly = category === 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC';
        out.dsa_notices.push({
          notice_id: `n-${id}`, service, received_at: at(flagged), eu_category: tcOnly ? 'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE' : category,
          eu_keyword: keyword === 'KEYWORD_OTHER' || tcOnly ? '' : keyword,
          items: rng.chance(0.9) ? 1 : 2 + rng.int(4), trusted_flagger: source === 'trusted_flagger' ? 1 : 0, automated: rng.chance(0.04) ? 1 : 0,
          decision_id: id, decided_at: at(decided), legal_ground: ground,
        });
      }
      // complaints: by the person restricted, or by the notifier when nothing was done
      const complains = acts ? rng.chance(action === 'account_action' ? 0.08 : 0.03) : notice && rng.chance(0.03);
      if (complains) {
        const filed = decided + Math.round(rng.lognormal(1.5 * DAY, 0.8));
        const subject = !acts ? (source === 'trusted_flagger' ? 'trusted_flagger_notice_no_action' : 'notice_no_action')
          : restrictions.some((r) => r.startsWith('DECISION_ACCOUNT')) ? 'account' : restrictions.some((r) => r.startsWith('DECISION_MONETARY')) ? 'monetisation' : 'visibility';
        const common = { appeal_id: `a-${id}`, decision_id: id, region: 'EU', country, policy, content_type: 'video', decided_at: at(decided), service };
        out.appeal_events.push({ ...common, event: 'filed', event_at: at(filed), outcome: '', dsa_outcome: '', dsa_subject: subject, restrictions_imposed: 0 });
        const resolved = filed + Math.round(rng.lognormal(1.2 * DAY, 0.7));
        if (resolved < o.end) {
          const dsa = OUTCOMES.pick(rng);
          const imposed = !acts && (dsa === 'reversed' || dsa === 'partially_reversed') ? 1 : 0;
          out.appeal_events.push({
            ...common, event: 'resolved', event_at: at(resolved), outcome: dsa === 'upheld' || dsa === 'omitted' ? 'upheld' : 'overturned', dsa_outcome: dsa, dsa_subject: subject, restrictions_imposed: imposed,
          });
        }
      }
    }
    // orders of member-state authorities, about 1.5 a day
    for (let i = rng.poisson(1.5); i > 0; i--) {
      const received = start + rng.int(DAY);
      const act = rng.chance(0.7);
      const category = CATEGORY_OF_POLICY[POLICY_PICKER.pick(rng)]!;
      const ok = category !== 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC';
      const cat = ok ? category : 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH';
      const kws = KEYWORDS.get(cat)!;
      const acknowledged = received + Math.round(rng.lognormal(40 * 60, 1));
      const effected = rng.chance(0.95) ? received + Math.round(rng.lognormal(act ? 5 * HOUR : 2 * DAY, 0.8)) : null;
      out.dsa_orders.push({
        order_id: `o-${o.seed}-${n++}`, service, member_state: STATES.pick(rng), order_type: act ? 'act_against_illegal_content' : 'provide_information',
        eu_category: cat, eu_keyword: kws[rng.int(kws.length)] === 'KEYWORD_OTHER' ? '' : kws[rng.int(kws.length - 1)]!, items: act ? 1 + rng.int(5) : 1 + rng.int(2),
        received_at: at(received), acknowledged_at: at(acknowledged), ...(effected !== null && effected < o.end ? { effected_at: at(effected) } : {}),
      });
    }
    // EU classifier scores with random-audit labels: the unbiased sample part 8's accuracy reads
    for (let i = rng.poisson(24 * o.scale); i > 0; i--) {
      const id = `dsa-audit-${o.seed}-${n++}`;
      const policy = POLICY_PICKER.pick(rng);
      const violating = rng.chance(0.08);
      const score = Math.min(1, Math.max(0, violating ? 0.78 + 0.2 * rng.normal() : 0.18 + 0.18 * rng.normal()));
      const scored = start + rng.int(DAY);
      out.model_predictions.push({ prediction_id: id, content_id: `c-${id}`, scored_at: at(scored), model_id: 'safety-mm', model_version: '3.1', region: 'EU', country: STATES.pick(rng), policy, score, threshold: 0.5 });
      out.ground_truth_labels.push({ label_id: `l-${id}`, content_id: `c-${id}`, policy, label_source: 'random_audit', is_violating: violating ? 1 : 0, labelled_at: at(scored + 2 * DAY) });
    }
    // the trap: a week of terms-and-conditions removals filed with a v1 category
    if (day >= TRAP.startsAfterDays && day < TRAP.startsAfterDays + TRAP.days) {
      for (let i = 0; i < TRAP.perDay; i++) {
        const id = `dsa-demo-${o.seed}-${n++}`;
        const flagged = start + rng.int(DAY);
        const country = STATES.pick(rng);
        out.moderation_decisions.push({
          decision_id: id, content_id: `c-${id}`, decided_at: at(flagged + 30), posted_at: at(flagged - 600), flagged_at: at(flagged), enqueued_at: at(flagged),
          region: 'EU', country, policy: 'spam_fake_engagement', content_type: 'comment', detection_source: 'automated', enforcement_path: 'automated', action: 'removed',
          queue: '', sla_seconds: 0, views_at_action: 0, model_id: 'spam-legacy', model_version: '1.0',
          service, eu_category: TRAP.category, eu_keywords: [], legal_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT', restrictions: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
          content_language: LANGUAGE_OF[country]!, territorial_scope: [country], account_type: 'ACCOUNT_TYPE_PRIVATE', time_precision: 'second',
        });
      }
    }
  }
  // out-of-court disputes, Article 23 suspensions
  for (let i = 0; i < Math.max(1, Math.round(40 * o.scale)); i++) {
    const submitted = from + rng.int(to - from);
    const dispute = `ods-${o.seed}-${i}`;
    out.dsa_disputes.push({ dispute_id: dispute, service, event: 'submitted', event_at: at(submitted), submitted_at: at(submitted), outcome: '', implemented: 0 });
    const resolved = submitted + Math.round(rng.lognormal(25 * DAY, 0.5));
    if (resolved < o.end) out.dsa_disputes.push({ dispute_id: dispute, service, event: 'resolved', event_at: at(resolved), submitted_at: at(submitted), outcome: OUTCOMES.pick(rng), implemented: rng.chance(0.85) ? 1 : 0 });
  }
  const reasons = new WeightedPicker(['manifestly_illegal_content', 'manifestly_unfounded_notices', 'manifestly_unfounded_complaints'], [0.7, 0.2, 0.1]);
  for (let i = 0; i < Math.max(1, Math.round(130 * o.scale)); i++) {
    out.dsa_suspensions.push({ suspension_id: `s23-${o.seed}-${i}`, service, suspended_at: at(from + rng.int(to - from)), account_id: `u-${rng.int(5_000_000)}`, reason: reasons.pick(rng) });
  }
  // monthly active recipients: member states, and the Union (recipients active in two states once)
  const reported = at(to + 2 * DAY);
  for (let month = new Date(from * 1000); month.getTime() / 1000 < to; month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))) {
    const m = month.getTime() / 1000;
    let sum = 0;
    for (const ms of REPORT_MEMBER_STATES) {
      const recipients = Math.round(60_000_000 * (STATE_SHARE[ms] ?? 0.005) * (0.97 + 0.06 * rng.next()));
      sum += recipients;
      out.dsa_active_recipients.push({ figure_id: `amar-${m}-${ms}`, reported_at: reported, service, month_start: at(m), member_state: ms, recipients });
    }
    out.dsa_active_recipients.push({ figure_id: `amar-${m}-TOTAL`, reported_at: reported, service, month_start: at(m), member_state: 'TOTAL', recipients: Math.round(sum * 0.985) });
  }
  // moderation staff at the period's last day
  const asOf = at(to - DAY);
  const staff = (employment: string, language: string, moderators: number) =>
    out.dsa_moderation_staff.push({ figure_id: `staff-${to}-${employment}-${language || 'all'}`, reported_at: reported, service, as_of: asOf, employment, language, moderators });
  staff('internal', '', 410);
  staff('external', '', 1_320);
  staff('internal', 'any', 395);
  staff('external', 'any', 1_290);
  for (const [i, language] of OFFICIAL_LANGUAGES.entries()) {
    const big = ['de', 'fr', 'it', 'es', 'pl', 'en'].includes(language);
    staff('internal', language, big ? 40 + i : 3 + (i % 4));
    staff('external', language, big ? 120 + 3 * i : 8 + (i % 5));
  }
  // qualitative sections (part 11), version 1, written by the demo
  const period = { period_from: new Date(from * 1000).toISOString().slice(0, 10), period_to: new Date((to - DAY) * 1000).toISOString().slice(0, 10) };
  for (const [i, row] of readTemplate(11).rows.entries()) {
    out.dsa_report_texts.push({
      text_id: reportTextId(service, period.period_from, period.period_to, i + 1), version: 1, service, ...period, indicator: row[3],
      body: `Demo text for "${row[3]!.trim()}": what ${service} did in the period, written by the compliance team.`, author: 'demo', is_deleted: 0, updated_at: `${asOf}.000`,
    });
  }
  return out;
}

const CHUNK = 20_000;

/** Generates and inserts the DSA demo; each insert's token is derived from the load, so a resumed load skips what it wrote. */
export async function loadDsaDemo(db: Database, o: DemoOptions, tokenPrefix: string): Promise<Record<string, number>> {
  const rows = generateDsaDemo(o);
  const counts: Record<string, number> = {};
  for (const [table, list] of Object.entries(rows) as [keyof DsaDemoRows, Row[]][]) {
    for (let i = 0; i < list.length; i += CHUNK) {
      await db.insertJsonWith(`seed.${table}`, demoInsertSql(table, `${tokenPrefix}-dsa-${table}-${i / CHUNK}`), list.slice(i, i + CHUNK));
    }
    counts[table] = list.length;
  }
  return counts;
}
