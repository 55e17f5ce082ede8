// The alert engine: after the data advances (a timer, and a nudge from ingestion), evaluates every
// enabled rule up to the data's watermark — the start of the latest hour holding decisions, so
// only complete hours are judged — then sends what is due (firing, resolved, re-notify, silences
// over) and the digests. It runs beside the server, never in a request: a slow or failing channel
// delays only its own deliveries. One process should run it (VIGIL_ALERTS=0 on the others).
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import { DAY_S, HOUR_S, fromClickHouseDateTime, lastCompleteWeekStart, toIso } from '../domain/time.js';
import type { DataCatalogue } from '../metrics/dataInventory.js';
import { run } from '../queries/statements.js';
import { episodeDeliveriesStatement, episodesStatement } from '../queries/alertQueries.js';
import { viewPath } from '../domain/views.js';
import { evaluateRule } from './evaluate.js';
import { activeSilences, latestEvaluations, loadRules, loadStates, saveEvaluations, type Silence } from './store.js';
import { deliver, deliveryIdOf, deliveryStatuses, recoverDeliveries } from './deliveries.js';
import { morningDigest, weeklyDigest, type FiringLine } from './digests.js';
import type { Channel, Message, RetryPolicy } from './channels.js';
import type { AlertRule } from './rules.js';

/** A rule first evaluated (or resumed after a long pause) looks back at most this far. */
export const CATCH_UP_S = 7 * DAY_S;

export interface EngineOptions {
  channels: readonly Channel[];
  /** VIGIL_PUBLIC_URL or '' */
  publicUrl: string;
  digestChannels: readonly string[];
  digestHour: number;
  /** the catalogue (data span and targets) as the scheduler sees it */
  catalogue: () => Promise<DataCatalogue>;
  now?: () => number;
  retry?: RetryPolicy;
}

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export class AlertEngine {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Database, private readonly log: Logger, private readonly opts: EngineOptions) {}

  private readonly clock = () => this.opts.now?.() ?? Date.now();

  private now(): number {
    return Math.floor(this.clock() / 1000);
  }

  /** Finishes interrupted sends, then ticks every `intervalSeconds` (and on kick()). */
  async start(intervalSeconds: number): Promise<void> {
    await recoverDeliveries(this.db, this.log, this.opts.channels, this.opts.retry).catch((e) => this.log.error({ err: e }, 'alert delivery recovery failed'));
    this.timer = setInterval(() => this.kick(), intervalSeconds * 1000);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    for (const c of this.opts.channels) c.close();
  }

  /** New data (ingestion) or the timer: run a tick now, or once more after the one running. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.tick()
      .catch((e) => this.log.error({ err: e }, 'alert tick failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Waits for the tick in flight (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** One round: evaluate, notify, digests. Each rule and each channel fails on its own. */
  async tick(): Promise<void> {
    const data = await this.opts.catalogue();
    if (!data.span) return;
    const watermark = data.span.to; // the latest hour with decisions may still be filling
    const rules = (await loadRules(this.db)).filter((r) => r.enabled);
    await this.evaluate(rules, data, watermark);
    await this.notify(rules, watermark);
    await this.digests(data, watermark, rules);
  }

  private async evaluate(rules: readonly AlertRule[], data: DataCatalogue, watermark: number): Promise<void> {
    const states = await loadStates(this.db, rules.map((r) => r.id), watermark - CATCH_UP_S);
    for (const rule of rules) {
      try {
        const s = states.get(rule.id);
        const after = Math.max(s?.until ?? 0, watermark - CATCH_UP_S);
        if (after >= watermark) continue;
        // states older than the catch-up are not read: a long gap starts the groups afresh
        const groups = s?.groups ?? new Map();
        await saveEvaluations(this.db, await evaluateRule(this.db, rule, data.targets, after, watermark, groups));
      } catch (e) {
        this.log.error({ err: e, rule: rule.id }, 'alert rule evaluation failed');
      }
    }
  }

  private async notify(rules: readonly AlertRule[], watermark: number): Promise<void> {
    const withChannels = rules.filter((r) => r.channels.length > 0);
    if (withChannels.length === 0) return;
    const now = this.now();
    const silences = await activeSilences(this.db, withChannels.map((r) => r.id), now);
    const recent = watermark - CATCH_UP_S;
    const latest = new Map((await latestEvaluations(this.db, withChannels, recent)).map((r) => [`${r.rule_id}\n${r.group_key}`, r]));
    // episodes last seen firing before the catch-up window are history, not news
    const episodes = await run<Row>(this.db, episodesStatement(withChannels.map((r) => r.id), recent));
    for (const ep of episodes) {
      const rule = withChannels.find((r) => r.id === ep.rule_id)!;
      const since = Number(ep.since);
      const groupKey = String(ep.group_key);
      const now_ = latest.get(`${rule.id}\n${groupKey}`);
      const firing = now_?.state === 'FIRING' && now_.since !== null && fromClickHouseDateTime(String(now_.since)) === since;
      const channels = this.opts.channels.filter((c) => rule.channels.includes(c.id));
      const silenced = silences.some((s: Silence) => s.ruleId === rule.id && (s.groupKey === '' || s.groupKey === groupKey));
      const sent = await run<{ delivery_id: string; kind: string; status: string; at: string }>(this.db, episodeDeliveriesStatement(rule.id, groupKey, since));
      const topic = { ruleId: rule.id, groupKey, episode: since };
      const base = `${rule.id}:${groupKey}:${since}`;
      const message = (kind: Message['kind'], id: string): Message => this.alertMessage(rule, ep, now_ ?? null, kind, id, firing);
      const delivered = sent.filter((d) => d.status === 'SENT');
      if (firing) {
        // every channel of the rule gets the firing once (one added mid-episode too)
        if (channels.some((c) => !sent.some((d) => d.delivery_id === deliveryIdOf(`${base}:firing`, c.id)))) {
          await deliver(this.db, this.log, channels, topic, message('FIRING', `${base}:firing`), { silenced, retry: this.opts.retry, clock: this.clock });
          continue;
        }
        if (silenced) continue;
        // re-notify: a silence hid the latest notification, or the interval passed since the latest
        // attempt (sent or failed: a channel that is down is not retried every minute)
        const lastTried = Math.max(0, ...sent.filter((d) => d.status !== 'SILENCED').map((d) => Number(d.at)));
        const afterSilence = sent[sent.length - 1]!.status === 'SILENCED';
        const due = afterSilence || (rule.renotifySeconds > 0 && now - lastTried >= rule.renotifySeconds);
        if (due) {
          const n = new Set(sent.filter((d) => d.kind === 'RENOTIFY').map((d) => d.delivery_id.split(':renotify:')[1]!.split(':')[0])).size;
          await deliver(this.db, this.log, channels, topic, message('RENOTIFY', `${base}:renotify:${n + 1}`), { retry: this.opts.retry, clock: this.clock });
        }
      } else if (delivered.length > 0 && !sent.some((d) => d.kind === 'RESOLVED')) {
        await deliver(this.db, this.log, channels, topic, message('RESOLVED', `${base}:resolved`), { silenced, retry: this.opts.retry, clock: this.clock });
      }
    }
  }

  private alertMessage(rule: AlertRule, ep: Row, latest: Row | null, kind: Message['kind'], deliveryId: string, firing: boolean): Message {
    const since = Number(ep.since);
    const group = String(ep.group_label || '');
    const keys = String(ep.group_key).split('|');
    // the rule's slice narrowed to the firing group (a group value replaces the rule's own filter on that dimension)
    const grouped = rule.groupBy.map((dimension, i) => ({ dimension, values: keys[i] ? [keys[i]!] : [] }));
    const filters = [...rule.filters.filter((f) => !rule.groupBy.includes(f.dimension)).map((f) => ({ dimension: f.dimension, values: [...f.values] })), ...grouped];
    const href = `${this.opts.publicUrl}${viewPath({ page: 'EXPLORE', metric: rule.metric, range: { from: since - 7 * DAY_S, to: Number(ep.last_firing) + DAY_S }, grain: 'HOUR', filters })}`;
    const word = kind === 'RESOLVED' ? 'Resolved' : kind === 'RENOTIFY' ? 'Still firing' : 'Firing';
    const reason = String(latest?.reason ?? '');
    const lines = [
      `${word}: ${rule.name}${group && group !== 'All' ? ` — ${group}` : ''}`,
      `Condition holding since ${toIso(since)}${firing || !latest ? '' : `; resolved by ${toIso(fromClickHouseDateTime(String(latest.until)))}`}.`,
      reason ? `Latest evaluation: ${reason}.` : '',
    ].filter(Boolean);
    return {
      deliveryId, kind, subject: `[${kind === 'RENOTIFY' ? 'FIRING' : kind}] ${rule.name}${group && group !== 'All' ? ` — ${group}` : ''}`, text: lines.join('\n'), link: href,
      alert: {
        ruleId: rule.id, rule: rule.name, metric: rule.metric, group: String(ep.group_key), groupLabel: group, since: toIso(since), firing,
        value: num(latest?.value), baseline: num(latest?.baseline), low: num(latest?.low), high: num(latest?.high), pValue: num(latest?.p_value), qValue: num(latest?.q_value), reason,
      },
    };
  }

  private async digests(data: DataCatalogue, watermark: number, rules: readonly AlertRule[]): Promise<void> {
    const channels = this.opts.channels.filter((c) => this.opts.digestChannels.includes(c.id));
    if (channels.length === 0) return;
    const now = this.now();
    const today = Math.floor(now / DAY_S) * DAY_S;
    if (now < today + this.opts.digestHour * HOUR_S) return;
    const dataEnd = watermark;
    const topic = { ruleId: '', groupKey: '', episode: null };
    // each digest is computed only while some channel has not had it (a tick runs every minute)
    const pending = async (id: string) => (await deliveryStatuses(this.db, channels.map((c) => deliveryIdOf(id, c.id)))).size < channels.length;
    const week = lastCompleteWeekStart(dataEnd);
    if (await pending(`digest:weekly:${toIso(week).slice(0, 10)}`)) {
      const weekly = await weeklyDigest(this.db, data, dataEnd, this.opts.publicUrl);
      if (weekly) await deliver(this.db, this.log, channels, topic, weekly, { retry: this.opts.retry, clock: this.clock });
    }
    if (!(await pending(`digest:morning:${toIso(today).slice(0, 10)}`))) return;
    const firing: FiringLine[] = (await latestEvaluations(this.db, rules, watermark - CATCH_UP_S))
      .filter((r) => r.state === 'FIRING')
      .map((r) => ({ rule: rules.find((x) => x.id === r.rule_id)?.name ?? String(r.rule_id), group: r.group_key ? String(r.group_label) : '', since: fromClickHouseDateTime(String(r.since)), reason: String(r.reason) }));
    await deliver(this.db, this.log, channels, topic, await morningDigest(this.db, data, today, dataEnd, firing, this.opts.publicUrl), { retry: this.opts.retry, clock: this.clock });
  }
}
