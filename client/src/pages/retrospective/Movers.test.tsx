import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Movers } from './Movers';

type Retro = Parameters<typeof Movers>[0]['retro'];

const retro = {
  moversTested: 12,
  falseDiscoveryRate: 0.1,
  movers: [
    {
      metric: { id: 'decisions', label: 'Decisions', unit: 'COUNT', goodDirection: 'NEUTRAL' },
      keys: ['LATAM', 'spam'],
      labels: ['Latin America', 'Spam'],
      view: { page: 'EXPLORE', metric: 'decisions', range: null, grain: null, filters: [] },
      previous: { value: 1000 },
      current: { value: 1600 },
      baseline: 'PREVIOUS_WEEK',
      change: 600,
      contribution: 0.75,
      qValue: 0.0004,
    },
  ],
} as unknown as Retro;

describe('Top movers', () => {
  afterEach(cleanup);

  it('defines Contribution beside its column header', () => {
    render(<Movers retro={retro} />);
    const header = screen.getByRole('columnheader', { name: /^Contribution/ });
    expect(header.textContent).toContain("how much of the metric's overall change this cell accounts for");
    expect(header.textContent).toContain('for rates, its share of the week');
  });
});
