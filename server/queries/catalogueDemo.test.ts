// On the demo, dimension_values (migration 0024, filled by the views as the demo is written) gives
// the catalogue exactly what grouping every rollup by each dimension column gives, for no scope
// and for scopes of every kind, and holds exactly the dimensions of each rollup the catalogue lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { seedDemo } from '../demo/seed.js';
import { scannedDimensionValues } from '../testing/catalogueScan.js';
import type { ScopedDimension } from '../access/access.js';
import { catalogueSources, dimensionValues } from './catalogueQueries.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  await seedDemo(t.db, t.log, { seed: 7, days: 14, scale: 0.05, end: Date.parse('2026-03-30T00:00:00Z') / 1000 });
});
afterAll(async () => t.close());

describe('catalogue dimension values on the demo', () => {
  it('keeps, per source rollup, exactly the dimensions the catalogue lists for it', async () => {
    const rows = await t.db.select<{ source: string; dimensions: string[] }>(
      'test.sources', 'SELECT source, arraySort(groupUniqArray(dimension)) AS dimensions FROM dimension_values GROUP BY source ORDER BY source',
    );
    const expected = catalogueSources().map((s) => ({ source: s.table, dimensions: [...s.dimensions].sort() })).sort((a, b) => a.source.localeCompare(b.source));
    expect(rows).toEqual(expected);
  });

  it('lists the same values as the scan, with no scope and with a scope of every kind', async () => {
    const all = await dimensionValues(t.db);
    expect(all).toEqual(await scannedDimensionValues(t.db));
    const regions = all.get('REGION')!;
    const countries = all.get('COUNTRY')!;
    const vendors = all.get('VENDOR')!;
    // every region, country and vendor alone, two at once, and the combinations of kinds
    const scopes: [ScopedDimension, string[]][][] = [
      ...regions.map((r): [ScopedDimension, string[]][] => [['REGION', [r]]]),
      ...countries.map((c): [ScopedDimension, string[]][] => [['COUNTRY', [c]]]),
      ...vendors.map((v): [ScopedDimension, string[]][] => [['VENDOR', [v]]]),
      [['REGION', regions.slice(0, 2)]],
      [['REGION', [regions[0]!]], ['COUNTRY', countries.slice(0, 3)]],
      [['REGION', regions.slice(1, 3)], ['VENDOR', [vendors[0]!]]],
      [['COUNTRY', [countries[0]!]], ['VENDOR', [vendors[0]!]]],
      [['REGION', regions], ['COUNTRY', countries], ['VENDOR', vendors]],
    ];
    expect(regions.length * countries.length * vendors.length).toBeGreaterThan(1);
    for (const scope of scopes) expect(await dimensionValues(t.db, scope), JSON.stringify(scope)).toEqual(await scannedDimensionValues(t.db, scope));
  });
});
