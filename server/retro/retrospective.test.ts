// The retrospective's statistics on a fixture with known injected changes and anomalies among
// noise-only slices, and the false discovery rate of the movers' procedure by simulation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { DataCatalogueCache } from '../metrics/dataInventory.js';
import { orderEvents, retrospectiveOf, type RetrospectiveData } from './retrospective.js';
import { retrospectiveMarkdown, STATUS_TEXT } from './markdown.js';
import { formatValue } from './format.js';
import { FULL_ACCESS } from '../access/access.js';
import { Rng } from '../demo/rng.js';
import { benjaminiHochberg } from '../stats/multiple.js';
import { poissonRateTest } from '../stats/proportions.js';

const DAY = 86_400;
const WEEK = Date.parse('2026-03-02T00:00:00Z') / 1000; // a Monday
const iso = (t: number) => new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ');
let t: TestDatabase;
let retro: RetrospectiveData;

/** Decisions of one cell on one day: n of them, `actioned` of which enforced. */
function decisions(region: string, country: string, policy: string, day: number, n: number, actioned: number, tag: string) {
  return Array.from({ length: n }, (_, i) => {
    const at = day + 3600 + Math.floor((i * 79_000) / Math.max(n, 1));
    return {
      decision_id: `${tag}-${i}`, content_id: `${tag}-${i}`, decided_at: iso(at), posted_at: iso(at - 600), flagged_at: iso(at - 300),
      region, country, policy, content_type: 'video', detection_source: 'automated', enforcement_path: 'automated',
      action: i < actioned ? 'removed' : 'none', views_at_action: 0, queue: '', sla_seconds: 0, model_id: '', model_version: '',
    };
  });
}

const NOISE_CELLS: [string, string, string][] = [];
for (const [region, country] of [['NA', 'US'], ['EU', 'DE'], ['SEA', 'ID'], ['LATAM', 'BR']] as const) {
  for (const policy of ['hate_speech', 'spam_fake_engagement', 'frauds_scams', 'adult_nudity']) NOISE_CELLS.push([region, country, policy]);
}
/** Injected: LATAM hate speech doubles, SEA spam halves in the week under review. */
const INJECTED: Record<string, number> = { 'LATAM|hate_speech': 2, 'SEA|spam_fake_engagement': 0.5 };

beforeAll(async () => {
  t = await openTestDatabase();
  const rng = new Rng(2026, 9);
  const rows: Record<string, unknown>[] = [];
  // seven weeks of ~30 decisions a day in each of 16 cells (Poisson noise), all actioned
  for (let d = -42; d < 7; d++) {
    for (const [region, country, policy] of NOISE_CELLS) {
      const factor = d >= 0 ? (INJECTED[`${region}|${policy}`] ?? 1) : 1;
      const n = rng.poisson(30 * factor);
      rows.push(...decisions(region, country, policy, WEEK + d * DAY, n, n, `c-${region}-${policy}-${d}`));
    }
  }
  // seven weeks of one slice with weekend dips (300 on weekdays, 150 at weekends), and one
  // anomalous Wednesday (600) in the week under review
  for (let d = -42; d < 7; d++) {
    const weekday = (((d % 7) + 7) % 7);
    const base = weekday >= 5 ? 150 : 300;
    const n = d === 2 ? 600 : rng.poisson(base);
    rows.push(...decisions('MENA', 'TR', 'minor_safety', WEEK + d * DAY, n, n, `m-${d}`));
  }
  // the action rate of EU regulated goods drops from 50/100 to 30/100
  rows.push(...decisions('EU', 'FR', 'regulated_goods', WEEK - 7 * DAY, 100, 50, 'r-prev'));
  rows.push(...decisions('EU', 'FR', 'regulated_goods', WEEK, 100, 30, 'r-cur'));
  for (let i = 0; i < rows.length; i += 20_000) await t.db.insertRows('test.fixture', 'moderation_decisions', rows.slice(i, i + 20_000));
  retro = await retrospectiveOf(t.db, await new DataCatalogueCache(t.db).get(), { week: WEEK, filters: [], access: FULL_ACCESS });
});
afterAll(async () => t.close());

const movers = (metric: string) => retro.movers.filter((m) => m.def.id === metric).map((m) => m.keys.join('|'));

describe('top movers', () => {
  it('find the injected changes, and leave the noise-only cells out', () => {
    const found = movers('decisions');
    for (const cell of Object.keys(INJECTED)) expect(found).toContain(cell);
    const noise = found.filter((c) => NOISE_CELLS.some(([r, , p]) => `${r}|${p}` === c) && !(c in INJECTED));
    expect(noise).toEqual([]);
    expect(retro.moversTested).toBeGreaterThanOrEqual(NOISE_CELLS.length);
  });

  it('test a change of rate with the two-proportion z-test (R: prop.test(c(30, 50), c(100, 100), correct = FALSE): p = 0.003892)', () => {
    const m = retro.movers.find((x) => x.def.id === 'action_rate' && x.keys.join('|') === 'EU|regulated_goods')!;
    expect(m).toBeDefined();
    expect(m.change).toBeCloseTo(-0.2, 12);
    expect(m.pValue).toBeCloseTo(0.003892, 6);
    expect(m.qValue).toBeGreaterThanOrEqual(m.pValue);
  });

  it('rank by contribution to the total change', () => {
    const list = retro.movers.filter((m) => m.def.id === 'decisions');
    const contributions = list.map((m) => Math.abs(m.contribution));
    expect(contributions).toEqual([...contributions].sort((a, b) => b - a));
    const contribution = (cell: string) => list.find((m) => m.keys.join('|') === cell)!.contribution;
    expect(contribution('LATAM|hate_speech')).toBeGreaterThan(0);
    expect(contribution('SEA|spam_fake_engagement')).toBeLessThan(0);

  });
});

describe('anomalies', () => {
  it('flag the injected day and not the ordinary weekend dips', () => {
    const mena = retro.anomalies.filter((a) => a.def.id === 'decisions' && a.sliceKey === 'MENA');
    expect(mena.map((a) => [new Date(a.day * 1000).toISOString().slice(0, 10), a.direction])).toEqual([['2026-03-04', 'ABOVE']]);
    expect(mena[0]!.expected).toBeGreaterThan(250);
    expect(mena[0]!.expected).toBeLessThan(350);
  });
});

describe('false discovery rate of the movers procedure (simulation)', () => {
  it('keeps the share of noise among discoveries under 5 % on average', () => {
    const rng = new Rng(7, 11);
    let falseFound = 0;
    let found = 0;
    for (let run = 0; run < 40; run++) {
      // 200 cells of which 20 truly change by half
      const tests = Array.from({ length: 200 }, (_, i) => {
        const effect = i < 20 ? 1.5 : 1;
        const before = rng.poisson(100);
        const after = rng.poisson(100 * effect);
        return { real: i < 20, p: poissonRateTest(after, 1, before, 1).pValue! };
      });
      const q = benjaminiHochberg(tests.map((x) => x.p));
      tests.forEach((x, i) => {
        if (q[i]! <= 0.05) {
          found++;
          if (!x.real) falseFound++;
        }
      });
    }
    expect(found).toBeGreaterThan(40 * 10); // at least half of the true changes are found
    expect(falseFound / found).toBeLessThan(0.05);
  });
});

describe('Markdown export', () => {
  it('says, row by row, what the page shows: value and target status of every headline ("no target" where there is none)', () => {
    const markdown = retrospectiveMarkdown(retro, [], []);
    const rows = markdown.split('\n').filter((l) => l.startsWith('| ['));
    for (const h of retro.headlines) {
      const row = rows.find((l) => l.startsWith(`| [${h.def.label}](`));
      expect(row, h.def.id).toBeDefined();
      const cells = row!.split(' | ');
      expect(cells[1]).toBe(formatValue(h.lastWeek.value, h.def.unit));
      // the page's Target column: the status's words, "no target" when the metric has none
      expect(cells[cells.length - 1]).toBe(`${STATUS_TEXT[h.targetStatus]} |`);
      expect(h.targetStatus === 'NO_TARGET').toBe(h.def.target === undefined);
    }
    // the metrics without a target in the catalogue are exactly those the Markdown says have none
    const none = retro.headlines.filter((h) => h.def.target === undefined).map((h) => h.def.label);
    expect(none).toEqual(expect.arrayContaining(['Decisions', 'Action rate', 'Review backlog', 'Labels submitted']));
    for (const label of none) expect(rows.find((l) => l.startsWith(`| [${label}](`))).toMatch(/\| no target \|$/);
    expect(markdown).not.toMatch(/\[(Decisions|Action rate|Review backlog|Labels submitted)\].*on target/);
  });

  it('matches the reviewed snapshot for the fixture week', () => {
    expect(retrospectiveMarkdown(retro, [], [])).toMatchSnapshot();
  });
});

describe('What happened and links', () => {
  it('orders rollouts in time, then breaches by their queue’s volume, largest first', () => {
    const ordered = orderEvents([
      { kind: 'SLA_BREACH', at: 1, title: 'review-small', weight: 20 },
      { kind: 'ROLLOUT', at: 5, title: 'v3.3' },
      { kind: 'SLA_BREACH', at: 3, title: 'review-latam', weight: 6_000 },
      { kind: 'ROLLBACK', at: 2, title: 'v3.2' },
      { kind: 'QUALITY_DIP', at: 0, title: 'tessera', weight: 300 },
    ]);
    expect(ordered.map((e) => e.title)).toEqual(['v3.2', 'v3.3', 'review-latam', 'tessera', 'review-small']);
  });

  it('writes every Markdown link absolute from the public URL when one is set, relative otherwise', () => {
    const absolute = retrospectiveMarkdown(retro, [], [], 'https://vigil.example.com');
    const links = [...absolute.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.startsWith('https://vigil.example.com/')).toBe(true);
    const relative = [...retrospectiveMarkdown(retro, [], []).matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
    for (const l of relative) expect(l.startsWith('/')).toBe(true);
  });
});
