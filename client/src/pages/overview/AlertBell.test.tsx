import { cleanup, render, screen } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FiringAlertsDocument } from '../../generated/graphql';
import { AlertBell } from './AlertBell';

const evaluation = {
  __typename: 'AlertEvaluation' as const, ruleId: 'r1', groupKey: 'review-latam', groupLabel: 'review-latam', evaluatedUntil: '2026-11-16T00:00:00Z', state: 'FIRING' as const,
  since: '2026-11-12T12:00:00Z', value: 0.04, baseline: 0.95, low: null, high: null, pValue: 0, qValue: 0, reason: '4.0 % of 5,740 against the target ≥ 95.0 %: beyond it',
};
const firing = (n: number) => ({
  request: { query: FiringAlertsDocument },
  result: {
    data: {
      firingAlerts: Array.from({ length: n }, (_, i) => ({
        __typename: 'FiringAlert' as const,
        rule: { __typename: 'AlertRule' as const, id: `r${i}`, name: 'Review queue below its SLA target', metric: { __typename: 'Metric' as const, id: 'review_sla', label: 'Review SLA attainment', unit: 'RATIO' as const } },
        evaluation: { ...evaluation, ruleId: `r${i}` },
      })),
    },
  },
});

describe('the Overview bell', () => {
  afterEach(cleanup);

  it('says how many alerts fire in the asker scope, each with its reason, and links to the Alerts page', async () => {
    render(<MockedProvider mocks={[firing(2)]}><AlertBell /></MockedProvider>);
    expect((await screen.findByText(/2 alerts firing/)).textContent).toContain('2 alerts firing');
    expect(screen.getAllByText(/against the target ≥ 95.0 %/)).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Open the Alerts page' }).getAttribute('href')).toBe('/alerts');
  });

  it('says when nothing fires', async () => {
    render(<MockedProvider mocks={[firing(0)]}><AlertBell /></MockedProvider>);
    expect(await screen.findByText(/No alert firing/)).toBeTruthy();
  });
});
