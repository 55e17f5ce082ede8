// A grouping's top N picked from the grouped answer itself (KindRule.ranksFromGroups: counts,
// rates, ratios, percentiles of one rollup) gives the same answers as the ranking statement it
// replaces: the same keys in the same order, ties broken by key, and the same Other. Every such
// metric is asked both ways — series and breakdowns with fewer keys than N, more than N (Other
// folded) and N = 1 — on the analytics fixture plus decisions whose countries tie.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dimension } from '../domain/vocabulary.generated.js';
import { METRICS, measuresOf, metricDimensions } from '../definitions/metricCatalogue.js';
import { breakdownOf, seriesOf } from './service.js';
import { DECISIONS, loadAnalyticsFixture, type Row } from '../testing/analyticsFixture.js';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';

const mode = vi.hoisted(() => ({ rankingStatement: false }));
vi.mock('../definitions/kinds.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../definitions/kinds.js')>();
  const rules = Object.fromEntries(Object.entries(real.KIND_RULES).map(([kind, rule]) => [kind, new Proxy(rule, {
    get: (target, prop) => (prop === 'ranksFromGroups' && mode.rankingStatement ? false : target[prop as keyof typeof target]),
  })]));
  return { ...real, KIND_RULES: rules };
});

// 60 decisions over two days in eight countries of three regions: DE, FR, US and BR 10 each (a
// four-way tie), the others fewer, so a top 3 breaks the tie by key and folds the rest
const COUNTRIES = [['EU', 'DE', 10], ['EU', 'FR', 10], ['NA', 'US', 10], ['LATAM', 'BR', 10], ['EU', 'PL', 8], ['NA', 'CA', 6], ['LATAM', 'MX', 4], ['LATAM', 'AR', 2]] as const;
const fmt = (t: number) => new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ');
const MORE: Row[] = COUNTRIES.flatMap(([region, country, n]) => Array.from({ length: n }, (_, i) => {
  const decided = Date.parse('2026-03-01T01:00:00Z') / 1000 + i * 4000 + country.charCodeAt(0) * 60;
  return {
    ...DECISIONS[0]!, decision_id: `tie-${country}-${i}`, content_id: `ct-${country}-${i}`, region, country, policy: i % 2 ? 'hate_speech' : 'spam_fake_engagement',
    action: i % 3 ? 'removed' : 'none', decided_at: fmt(decided), flagged_at: fmt(decided - 60 * (i + 1)), posted_at: fmt(decided - 600 * (i + 1)),
    queue: '', sla_seconds: 0, enqueued_at: fmt(decided - 60),
  };
}));

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  await loadAnalyticsFixture(t.db);
  await t.db.insertRows('test.fixture', 'moderation_decisions', MORE);
});
afterAll(async () => t.close());

const at = (iso: string) => Date.parse(iso) / 1000;
const RANGE = { from: at('2026-02-27T00:00:00Z'), to: at('2026-03-05T00:00:00Z') };
const IN_MEMORY = METRICS.filter((d) => ['COUNT', 'RATE', 'RATIO', 'QUANTILE'].includes(d.kind) && d.rollup !== 'taskAnswers' && measuresOf(d).every((m) => m.rollup === d.rollup));

async function both<T extends { statements: { operation: string }[] }>(ask: () => Promise<T>) {
  mode.rankingStatement = false;
  const { statements, ...inMemory } = await ask();
  mode.rankingStatement = true;
  try {
    const { statements: ranked, ...withStatement } = await ask();
    return { inMemory, withStatement, saved: ranked.filter((s) => s.operation === 'metrics.top_keys').length - statements.filter((s) => s.operation === 'metrics.top_keys').length };
  } finally {
    mode.rankingStatement = false;
  }
}

describe('the top N from the grouped answer', () => {
  it('covers counts, rates and percentiles', () => {
    expect(new Set(IN_MEMORY.map((d) => d.kind))).toEqual(new Set(['COUNT', 'RATE', 'RATIO', 'QUANTILE']));
  });

  it.each(IN_MEMORY.map((d) => d.id))('%s: series and breakdowns rank and fold as the ranking statement', async (id) => {
    const def = METRICS.find((d) => d.id === id)!;
    const dims = metricDimensions(def);
    const groupings = (['COUNTRY', 'REGION', 'POLICY', 'MODEL', 'VENDOR', 'QUEUE'] as Dimension[]).filter((d) => dims.includes(d)).slice(0, 2);
    expect(groupings.length).toBeGreaterThan(0);
    let saved = 0;
    for (const groupBy of groupings) {
      for (const topN of [1, 3, 25]) {
        const r = await both(() => seriesOf(t.db, def, { ...RANGE, grain: 'DAY', zone: 'UTC', filters: new Map(), groupBy, topN }));
        expect(r.inMemory, `${groupBy} top ${topN}`).toEqual(r.withStatement);
        saved += r.saved;
      }
    }
    const r = await both(() => breakdownOf(t.db, def, { ...RANGE, dims: groupings, filters: new Map(), topN: 3 }));
    expect(r.inMemory).toEqual(r.withStatement);
    saved += r.saved;
    expect(saved).toBeGreaterThan(0);
  });

  it('breaks the four-way tie of the decisions by country by key and folds the rest into Other', async () => {
    const def = METRICS.find((d) => d.id === 'decisions')!;
    const s = await seriesOf(t.db, def, { ...RANGE, grain: 'DAY', zone: 'UTC', filters: new Map([['REGION', ['EU', 'NA', 'LATAM']]]), groupBy: 'COUNTRY', topN: 3 });
    // fixture decisions add to some countries; the ranking is whatever the rows say, worked out here
    const counts = new Map<string, number>();
    for (const d of [...DECISIONS, ...MORE]) {
      const when = at(`${String(d.decided_at).replace(' ', 'T')}Z`);
      if (when >= RANGE.from && when < RANGE.to && ['EU', 'NA', 'LATAM'].includes(String(d.region))) counts.set(String(d.country), (counts.get(String(d.country)) ?? 0) + 1);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    expect(s.groups.map((g) => g.key)).toEqual([...ranked.slice(0, 3).map(([k]) => k), '__other__']);
    expect(s.groups.at(-1)!.total.value).toBe(ranked.slice(3).reduce((n, [, c]) => n + c, 0));
  });
});
