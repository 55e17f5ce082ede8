// The backtest: the default demo (90 days, scale 1, seed 42) replayed hour by hour under the
// default rules, through the same engine that runs in production (evaluation stored in
// ClickHouse, resumed from the stored state). The alerts that fire must be exactly the planted
// incidents of README "The demo and its stories" (server/demo/world.ts), at their times, and
// nothing on the noise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { seedDemo } from '../demo/seed.js';
import { DAY, HOUR, ONBOARDING, REGRESSION, SURGE, rollouts, surgeWindow, type DemoOptions } from '../demo/world.js';
import { DataCatalogueCache } from '../metrics/dataInventory.js';
import { DEFAULT_RULES, installDefaultRules } from './defaults.js';
import { loadRules } from './store.js';
import { AlertEngine } from './engine.js';
import { episodesOf, type Evaluation } from './evaluate.js';
import { run } from '../queries/statements.js';
import { fromClickHouseDateTime } from '../domain/time.js';

const END = Date.parse('2026-11-16T00:00:00Z') / 1000;
const OPTIONS: DemoOptions = { seed: 42, days: 90, scale: 1, end: END };

let t: TestDatabase;
let episodes: ReturnType<typeof episodesOf>;
beforeAll(async () => {
  t = await openTestDatabase();
  await seedDemo(t.db, t.log, OPTIONS);
  const catalogue = new DataCatalogueCache(t.db);
  const data = await catalogue.get();
  expect(await installDefaultRules(t.db, data)).toEqual(DEFAULT_RULES.map((r) => r.id));
  // replay: the watermark advances a week at a time over the 90 days, as ingestion would move it;
  // each tick resumes from the state the previous one stored
  let watermark = END - 90 * DAY;
  const engine = new AlertEngine(t.db, t.log, {
    channels: [], publicUrl: '', digestChannels: [], digestHour: 7,
    catalogue: async () => ({ ...data, span: { from: END - 90 * DAY, to: watermark } }),
  });
  for (let w = END - 83 * DAY; watermark < END; w += 7 * DAY) {
    watermark = Math.min(w, END);
    await engine.tick();
  }
  const rows = await run<Record<string, unknown>>(t.db, {
    operation: 'test.evaluations', params: {},
    sql: 'SELECT rule_id, rule_version, group_key, group_label, toUnixTimestamp(evaluated_until) AS until, state, toUnixTimestamp(since) AS since, value, baseline, reason FROM alert_evaluations FINAL ORDER BY rule_id, evaluated_until, group_key',
  });
  const evaluations = rows.map((r) => ({
    ruleId: String(r.rule_id), groupKey: String(r.group_key), groupLabel: String(r.group_label), evaluatedUntil: Number(r.until), state: r.state, since: r.since === null ? null : Number(r.since),
    value: r.value === null ? null : Number(r.value), baseline: r.baseline === null ? null : Number(r.baseline), reason: String(r.reason),
  })) as unknown as Evaluation[];
  episodes = episodesOf(evaluations);
}, 1_800_000);
afterAll(async () => t?.close());

describe('backtest of the default rules on the demo', () => {
  it('fires exactly on the planted incidents, each once', async () => {
    const fired = episodes.map((e) => `${e.ruleId} ${e.groupKey}`).sort();
    expect(fired).toEqual([
      'default-decision-surge LATAM',
      'default-golden-accuracy tessera',
      `default-model-precision ${REGRESSION.region}|${REGRESSION.policy}`,
      'default-review-sla review-latam',
    ]);
    expect(SURGE.region).toBe('LATAM');
    expect(ONBOARDING.vendor).toBe('tessera');
    expect((await loadRules(t.db)).length).toBe(DEFAULT_RULES.length);
  });

  it('fires while each story happens, not before it starts', () => {
    const at = (rule: string) => episodes.find((e) => e.ruleId === rule)!;
    const surge = surgeWindow(OPTIONS);
    // the surge (Tue 08:00 → Sun 00:00 of the last complete week): decisions and the SLA break inside it
    for (const rule of ['default-decision-surge', 'default-review-sla']) {
      expect(at(rule).since).toBeGreaterThanOrEqual(surge.from);
      expect(at(rule).firedAt).toBeLessThan(surge.to);
    }
    // the regression: 3.3 serves SEA from E − 40 d to E − 28 d (rollouts in world.ts)
    const list = rollouts(OPTIONS);
    const rollout = list.find((r) => r.region === 'SEA' && r.version === '3.3')!.at;
    const rollback = list.find((r) => r.region === 'SEA' && r.event === 'rollback')!.at;
    expect(at('default-model-precision').since).toBeGreaterThanOrEqual(rollout);
    expect(at('default-model-precision').firedAt).toBeLessThan(rollback);
    expect(at('default-model-precision').resolvedAt).not.toBeNull();
    // Tessera's onboarding at E − 60 d, learning over about ten days
    const onboarding = END - ONBOARDING.daysBeforeEnd * DAY;
    expect(at('default-golden-accuracy').since).toBeGreaterThanOrEqual(onboarding);
    expect(at('default-golden-accuracy').firedAt).toBeLessThan(onboarding + 10 * DAY);
    expect(at('default-golden-accuracy').resolvedAt).not.toBeNull();
  });

  it('records why each evaluation fired or not, once per rule, group and hour', async () => {
    const [dup] = await run<{ n: string }>(t.db, {
      operation: 'test.duplicates', params: {},
      sql: 'SELECT count() AS n FROM (SELECT rule_id, group_key, evaluated_until, count() AS c FROM alert_evaluations FINAL GROUP BY ALL HAVING c > 1)',
    });
    expect(Number(dup!.n)).toBe(0);
    const sla = episodes.find((e) => e.ruleId === 'default-review-sla')!;
    expect(sla.worst.reason).toMatch(/against the target ≥ 95\.0 %.*one-sided p = .*beyond it \(q = /);
    // every hour of the 83 replayed days was evaluated for the whole-slice-free SLA rule's groups
    const [hours] = await run<{ n: string; first: string }>(t.db, {
      operation: 'test.hours', params: {},
      sql: "SELECT uniqExact(evaluated_until) AS n, min(evaluated_until) AS first FROM alert_evaluations FINAL WHERE rule_id = 'default-review-sla'",
    });
    expect(Number(hours!.n)).toBe(83 * 24 + 7 * 24);
    expect(fromClickHouseDateTime(hours!.first)).toBe(END - 90 * DAY + HOUR);
  });
});
