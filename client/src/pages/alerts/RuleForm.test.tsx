// The alert rule and silence forms against scripted API answers: an edit opens filled with the
// rule's stored values, the form's own checks stop bad values before anything is sent (no mock
// answers a request that should not happen), a save names the version loaded, and a stale save
// (CONFLICT) is said plainly and reloads the rule on demand.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { DashboardContext, type Dashboard } from '../../dashboard/dashboard';
import { AlertRulesDocument, CreateAlertSilenceDocument, UpdateAlertRuleDocument, type AlertRuleFieldsFragment } from '../../generated/graphql';
import { DEFAULT_FILTERS } from '../../state/filterState';
import { CATALOGUE } from '../../testing/catalogueFixture';
import { RuleForm } from './RuleForm';
import { SilenceForm } from './SilenceForm';
import { silenceEnd } from './ruleForm';

afterEach(cleanup);

const dashboard: Dashboard = {
  catalogue: CATALOGUE, catalogueError: undefined, retryCatalogue: () => undefined, noData: false, filters: DEFAULT_FILTERS, setFilters: () => undefined,
  resolved: undefined, markers: [], pollInterval: 0,
};
const CHANNELS = [{ id: 'ops-hook', kind: 'webhook' }, { id: 'ops-slack', kind: 'slack' }];

const rule = (over: Partial<AlertRuleFieldsFragment> = {}): AlertRuleFieldsFragment & { __typename: 'AlertRule' } => ({
  __typename: 'AlertRule',
  id: 'rule-1', version: 3, name: 'LATAM SLA below 90 %',
  // __typename on nested objects too, as the server answers (the fragment's type leaves it out)
  metric: { __typename: 'Metric', id: 'review_sla', label: 'Review SLA attainment', unit: 'RATIO' } as AlertRuleFieldsFragment['metric'],
  filters: [{ __typename: 'DimensionFilter', dimension: 'REGION', values: ['LATAM'] } as AlertRuleFieldsFragment['filters'][number]],
  groupBy: ['QUEUE', 'POLICY'],
  condition: { __typename: 'AlertCondition', type: 'THRESHOLD', level: null, comparison: null, direction: null, op: 'BELOW', value: 0.9 } as AlertRuleFieldsFragment['condition'],
  windowHours: 6, forHours: 2, minSize: 0.02, minVolume: 50, renotifyHours: 4, channels: ['ops-hook'], enabled: false,
  author: 'lead', updatedAt: '2026-11-16T10:00:00Z', state: 'OK', groups: [],
  ...over,
});

function renderWith(mocks: MockLink.MockedResponse[], children: ReactNode) {
  return render(
    <MockedProvider mocks={mocks}>
      <DashboardContext.Provider value={dashboard}>{children}</DashboardContext.Provider>
    </MockedProvider>,
  );
}
const value = (form: HTMLElement, label: string) => (within(form).getByLabelText(label) as HTMLInputElement | HTMLSelectElement).value;
const checked = (form: HTMLElement, label: string) => (within(form).getByLabelText(label) as HTMLInputElement).checked;

describe('editing an alert rule', () => {
  it("opens with every one of the rule's values", () => {
    renderWith([], <RuleForm rule={rule()} channels={CHANNELS} onDone={() => undefined} />);
    const form = screen.getByRole('form', { name: 'Edit alert rule' });
    expect(value(form, 'Name')).toBe('LATAM SLA below 90 %');
    expect(value(form, 'Metric')).toBe('review_sla');
    expect(value(form, 'Per')).toBe('QUEUE');
    expect(value(form, 'And by')).toBe('POLICY');
    expect(value(form, 'Condition')).toBe('THRESHOLD');
    expect(value(form, 'Direction')).toBe('BELOW');
    expect(value(form, 'Value (0 to 1)')).toBe('0.9');
    expect(value(form, 'Window (hours)')).toBe('6');
    expect(value(form, 'For (hours)')).toBe('2');
    expect(value(form, 'Minimum size')).toBe('0.02');
    expect(value(form, 'Minimum volume')).toBe('50');
    expect(value(form, 'Re-notify every (hours, 0: never)')).toBe('4');
    expect(checked(form, 'ops-hook (webhook)')).toBe(true);
    expect(checked(form, 'ops-slack (slack)')).toBe(false);
    expect(checked(form, 'Enabled')).toBe(false);
    // the slice: the region picker names the one region of the rule; the others are open
    expect(within(form).getByRole('button', { name: 'Region: Latin America' })).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Policy: Any' })).toBeTruthy();
  });

  it('says what is wrong under each field and sends nothing', () => {
    // no mock: a request would fail the form with "No more mocked responses", not show these
    renderWith([], <RuleForm rule={rule()} channels={CHANNELS} onDone={() => undefined} />);
    const form = screen.getByRole('form', { name: 'Edit alert rule' });
    fireEvent.change(within(form).getByLabelText('Value (0 to 1)'), { target: { value: '90' } });
    fireEvent.change(within(form).getByLabelText('Window (hours)'), { target: { value: '0' } });
    fireEvent.change(within(form).getByLabelText('For (hours)'), { target: { value: '1.5' } });
    fireEvent.change(within(form).getByLabelText('Minimum volume'), { target: { value: '-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    const errorOf = (label: string) => {
      const input = within(form).getByLabelText(label);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      return document.getElementById(input.getAttribute('aria-describedby')!)?.textContent;
    };
    expect(errorOf('Value (0 to 1)')).toBe('Value: this metric is a proportion; give it between 0 and 1 (0.95 = 95 %).');
    expect(errorOf('Window (hours)')).toBe('Window must be a whole number of hours from 1 to 672.');
    expect(errorOf('For (hours)')).toBe('For must be a whole number of hours from 0 to 672.');
    expect(errorOf('Minimum volume')).toBe('Minimum volume must be a number of 0 or more.');
    expect(within(form).getByLabelText('Minimum size').getAttribute('aria-invalid')).toBeNull();

    // a metric kept per day takes whole days; one without a target cannot watch a target
    fireEvent.change(within(form).getByLabelText('Metric'), { target: { value: 'recall' } });
    fireEvent.change(within(form).getByLabelText('Condition'), { target: { value: 'TARGET' } });
    fireEvent.change(within(form).getByLabelText('Window (hours)'), { target: { value: '36' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Preview 90 days' }));
    expect(errorOf('Window (hours)')).toBe('Window: this metric is kept per day, so give whole days (24, 48, …).');
    expect(errorOf('Condition')).toBe('Recall has no target; choose a threshold or another condition.');
  });

  it('saves the edited values against the version loaded', async () => {
    const onDone = vi.fn();
    const input = {
      name: 'LATAM SLA below 85 %', metric: 'review_sla', filters: [{ dimension: 'REGION', values: ['LATAM'] }], groupBy: ['QUEUE', 'POLICY'],
      condition: { type: 'THRESHOLD', op: 'BELOW', value: 0.85 }, windowHours: 6, forHours: 2, minSize: 0.02, minVolume: 50, renotifyHours: 4,
      channels: ['ops-hook', 'ops-slack'], enabled: true,
    };
    renderWith(
      [{ request: { query: UpdateAlertRuleDocument, variables: { id: 'rule-1', expectedVersion: 3, input } }, result: { data: { updateAlertRule: rule({ version: 4, name: input.name }) } } }],
      <RuleForm rule={rule()} channels={CHANNELS} onDone={onDone} />,
    );
    const form = screen.getByRole('form', { name: 'Edit alert rule' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'LATAM SLA below 85 %' } });
    fireEvent.change(within(form).getByLabelText('Value (0 to 1)'), { target: { value: '0.85' } });
    fireEvent.click(within(form).getByLabelText('ops-slack (slack)'));
    fireEvent.click(within(form).getByLabelText('Enabled'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Rule "LATAM SLA below 85 %" saved.'));
  });

  it('on a stale version says so, and reloads the rule to edit it again', async () => {
    const theirs = rule({ version: 5, name: 'LATAM SLA below 80 %', condition: { ...rule().condition, value: 0.8 } });
    const mine = {
      name: 'Mine', metric: 'review_sla', filters: [{ dimension: 'REGION', values: ['LATAM'] }], groupBy: ['QUEUE', 'POLICY'],
      condition: { type: 'THRESHOLD', op: 'BELOW', value: 0.9 }, windowHours: 6, forHours: 2, minSize: 0.02, minVolume: 50, renotifyHours: 4, channels: ['ops-hook'], enabled: false,
    };
    const onDone = vi.fn();
    renderWith(
      [
        {
          request: { query: UpdateAlertRuleDocument, variables: { id: 'rule-1', expectedVersion: 3, input: mine } },
          result: { errors: [new GraphQLError('The alert rule changed since version 3.', { extensions: { code: 'CONFLICT', currentVersion: 5 } })] },
        },
        { request: { query: AlertRulesDocument }, result: { data: { alertRules: [theirs], alertChannels: CHANNELS.map((c) => ({ __typename: 'AlertChannel', ...c })) } } },
        {
          request: { query: UpdateAlertRuleDocument, variables: { id: 'rule-1', expectedVersion: 5, input: { ...mine, condition: { ...mine.condition, value: 0.8 } } } },
          result: { data: { updateAlertRule: rule({ version: 6, name: 'Mine' }) } },
        },
      ],
      <RuleForm rule={rule()} channels={CHANNELS} onDone={onDone} />,
    );
    const form = screen.getByRole('form', { name: 'Edit alert rule' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Mine' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    const banner = await screen.findByTestId('alert-rule-conflict');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toMatch(/Someone changed this rule since you opened it \(now version 5\), so it was not saved/);
    expect((within(form).getByRole('button', { name: 'Save rule' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(banner).getByRole('button', { name: 'Reload the rule' }));
    await waitFor(() => expect(value(form, 'Name')).toBe('LATAM SLA below 80 %'));
    expect(value(form, 'Value (0 to 1)')).toBe('0.8');
    expect(screen.queryByTestId('alert-rule-conflict')).toBeNull();
    // the next save names their version
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Mine' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Rule "Mine" saved.'));
  });
});

describe('silences', () => {
  const now = new Date('2026-11-16T10:30:00Z');
  it('end after a preset, or at a chosen UTC day and time in the next 90 days', () => {
    expect(silenceEnd('1', '', '', now)).toEqual({ endsAt: '2026-11-16T11:30:00.000Z' });
    expect(silenceEnd('4', '', '', now)).toEqual({ endsAt: '2026-11-16T14:30:00.000Z' });
    expect(silenceEnd('24', '', '', now)).toEqual({ endsAt: '2026-11-17T10:30:00.000Z' });
    expect(silenceEnd('until', '2026-11-20', '08:15', now)).toEqual({ endsAt: '2026-11-20T08:15:00.000Z' });
    // 2026-11-16 + 90 days = 2027-02-14 (14 + 31 + 31 + 14)
    expect(silenceEnd('until', '2027-02-14', '10:30', now)).toEqual({ endsAt: '2027-02-14T10:30:00.000Z' });
    expect(silenceEnd('until', '2027-02-14', '10:31', now)).toEqual({ error: 'A silence lasts at most 90 days.' });
    expect(silenceEnd('until', '2026-11-16', '10:30', now)).toEqual({ error: 'The end must be in the future.' });
    expect(silenceEnd('until', '2026-11-16', '24:00', now)).toEqual({ error: 'End time: write it HH:MM (UTC, 00:00 to 23:59).' });
    expect(silenceEnd('until', '2026-02-30', '10:00', now)).toEqual({ error: 'End day: not a calendar day.' });
    expect(silenceEnd('until', '20/11/2026', '10:00', now)).toEqual({ error: 'End day: write it YYYY-MM-DD.' });
  });

  it('need a reason, and send the group and the chosen end', async () => {
    vi.useFakeTimers({ now, toFake: ['Date'] });
    const onDone = vi.fn();
    renderWith(
      [
        {
          request: { query: CreateAlertSilenceDocument, variables: { input: { ruleId: 'rule-1', groupKey: 'review-latam', endsAt: '2026-11-16T11:30:00.000Z', reason: 'vendor outage, known' } } },
          result: { data: { createAlertSilence: { __typename: 'AlertSilence', id: 's1' } } },
        },
      ],
      <SilenceForm target={{ ruleId: 'rule-1', groupKey: 'review-latam', label: 'review-latam of LATAM SLA' }} onDone={onDone} />,
    );
    const form = screen.getByRole('form', { name: 'Silence review-latam of LATAM SLA' });
    const group = within(form).getByRole('radiogroup', { name: 'Silence for' });
    expect(within(group).getAllByRole('radio').map((r) => r.textContent)).toEqual(['1 h', '4 h', '24 h', 'Until…']);
    fireEvent.click(within(group).getByRole('radio', { name: '1 h' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Silence' }));
    const reason = within(form).getByLabelText('Reason');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(reason.getAttribute('aria-describedby')!)?.textContent).toBe('Reason: say why this is silenced (it is shown to everyone who sees the rule).');
    expect(onDone).not.toHaveBeenCalled();

    fireEvent.change(reason, { target: { value: ' vendor outage, known ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Silence' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Silenced review-latam of LATAM SLA until 2026-11-16 11:30 UTC.'));
    vi.useRealTimers();
  });

  it('with a chosen end: one text field for the day, one for the time, refused in the past', () => {
    renderWith([], <SilenceForm target={{ ruleId: 'rule-1', groupKey: null, label: 'LATAM SLA' }} onDone={() => undefined} />);
    const form = screen.getByRole('form', { name: 'Silence LATAM SLA' });
    fireEvent.click(within(form).getByRole('radio', { name: 'Until…' }));
    const day = within(form).getByLabelText('End day (UTC)') as HTMLInputElement;
    expect(day.type).toBe('text');
    fireEvent.change(day, { target: { value: '2020-01-01' } });
    fireEvent.change(within(form).getByLabelText('End time (UTC, HH:MM)'), { target: { value: '08:00' } });
    fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'planned maintenance' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Silence' }));
    const time = within(form).getByLabelText('End time (UTC, HH:MM)');
    expect(document.getElementById(time.getAttribute('aria-describedby')!)?.textContent).toBe('The end must be in the future.');
  });
});
