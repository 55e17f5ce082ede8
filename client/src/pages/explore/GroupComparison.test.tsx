import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupComparison, type KpiGroup } from './GroupComparison';

const point = (value: number | null) => ({ value, numerator: null, denominator: null, low: null, high: null, lowSample: false });
const group = (key: string, label: string, now: number, before: number, p: number | null, q: number | null, significant: boolean): KpiGroup => ({
  key, label, current: point(now), previous: point(before), absoluteChange: now - before, relativeChange: before ? (now - before) / before : null,
  pValue: p, qValue: q, test: p === null ? null : 'exact Poisson rate test', significant,
});

afterEach(cleanup);

describe("Explore's comparison with a split", () => {
  it('shows each value now and before, the change, p and the BH-adjusted q, and whether it is significant', () => {
    render(<GroupComparison splitLabel="Region" metric={{ unit: 'COUNT' }} groups={[group('EU', 'Europe', 1200, 1000, 0.0001, 0.0002, true), group('NA', 'North America', 510, 500, 0.75, 0.75, false)]} />);
    const rows = within(screen.getByTestId('group-comparison')).getAllByRole('row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows[0]).toEqual(['Region', 'Now', 'Compared with', 'Change', 'p', 'q', 'Significant']);
    expect(rows[1]?.[0]).toBe('Europe');
    expect(rows[1]?.slice(1, 4)).toEqual(['1,200', '1,000', '+20%']);
    expect(rows[1]?.[6]).toBe('yes');
    expect(rows[2]?.[3]).toBe('+2.0%');
    expect(rows[2]?.[6]).toBe('no');
  });
});
