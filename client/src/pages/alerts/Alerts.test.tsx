// The Alerts page's actions by role, against scripted answers: a viewer sees the rules and no
// action; an editor gets Edit, Silence and Delete per rule, Silence per firing group of a split
// rule, and the forms open for the rule (and group) chosen, with the keyboard moved there and back
// to the button that opened them when they close; Delete asks in an in-page dialog first.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionGate } from '../../auth/SessionGate';
import type { SessionUser } from '../../auth/session';
import { DashboardContext, type Dashboard } from '../../dashboard/dashboard';
import { AlertActivityDocument, AlertChannelsDocument, AlertRulesDocument, CreateAlertSilenceDocument, DeleteAlertRuleDocument, SendTestNotificationDocument } from '../../generated/graphql';
import { DEFAULT_FILTERS } from '../../state/filterState';
import { CATALOGUE } from '../../testing/catalogueFixture';
import { Alerts } from './Alerts';

const dashboard: Dashboard = {
  catalogue: CATALOGUE, catalogueError: undefined, retryCatalogue: () => undefined, noData: false, filters: DEFAULT_FILTERS, setFilters: () => undefined,
  resolved: undefined, markers: [], pollInterval: 0,
};

const evaluation = (groupKey: string, groupLabel: string, state: 'OK' | 'FIRING') => ({
  __typename: 'AlertEvaluation', ruleId: 'r1', groupKey, groupLabel, evaluatedUntil: '2026-11-16T00:00:00Z', state, since: state === 'OK' ? null : '2026-11-12T12:00:00Z',
  value: 0.04, baseline: 0.95, low: null, high: null, pValue: 0, qValue: 0, reason: state === 'OK' ? 'within the target' : '4.0 % of 5,740 against the target ≥ 95.0 %: beyond it',
});
const RULE = {
  __typename: 'AlertRule', id: 'r1', version: 2, name: 'Review queue below its SLA target',
  metric: { __typename: 'Metric', id: 'review_sla', label: 'Review SLA attainment', unit: 'RATIO' }, filters: [], groupBy: ['QUEUE'],
  condition: { __typename: 'AlertCondition', type: 'TARGET', level: 'BREACHED', comparison: null, direction: null, op: null, value: null },
  windowHours: 24, forHours: 6, minSize: 0.05, minVolume: 200, renotifyHours: 0, channels: [], enabled: true, author: 'system', updatedAt: '2026-11-16T10:00:00Z',
  state: 'FIRING', groups: [evaluation('review-latam', 'LATAM review', 'FIRING'), evaluation('review-eu', 'EU review', 'OK')],
};
const delivery = (status: string, kind: string, recordedAt: string) => ({ __typename: 'AlertNotification', deliveryId: `d-${status}`, kind, status, recordedAt });
const CHANNELS = {
  request: { query: AlertChannelsDocument },
  result: {
    data: {
      alertChannels: [
        { __typename: 'AlertChannel', id: 'ops-hook', kind: 'webhook', lastDelivery: delivery('SENT', 'FIRING', '2026-11-16T09:05:12.345Z') },
        { __typename: 'AlertChannel', id: 'leads-mail', kind: 'email', lastDelivery: null },
      ],
    },
  },
};
const MOCKS = [
  CHANNELS,
  { request: { query: AlertRulesDocument }, result: { data: { alertRules: [RULE], alertChannels: [{ __typename: 'AlertChannel', id: 'ops-hook', kind: 'webhook' }, { __typename: 'AlertChannel', id: 'leads-mail', kind: 'email' }] } } },
  {
    request: { query: AlertActivityDocument },
    result: {
      data: {
        alertSilences: [{ __typename: 'AlertSilence', id: 's1', version: 1, ruleId: 'r1', groupKey: 'review-latam', startsAt: '2026-11-16T09:00:00Z', endsAt: '2026-11-16T13:00:00Z', reason: 'vendor outage', author: 'lead' }],
        alertNotifications: [],
      },
    },
  },
];

const ACTIVITY = MOCKS[2]!;

let user: SessionUser;
beforeEach(() => {
  vi.stubGlobal('fetch', async (url: string) => {
    if (url === '/auth/me') return new Response(JSON.stringify({ user, proxy: false }), { status: 200, headers: { 'content-type': 'application/json' } });
    throw new Error(`unexpected ${url}`);
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function renderAs(role: SessionUser['role'], mocks: readonly unknown[] = MOCKS) {
  user = { username: 'ana', role, scope: { regions: [], countries: [], vendors: [] } };
  render(
    <MockedProvider mocks={mocks as typeof MOCKS}>
      <DashboardContext.Provider value={dashboard}>
        <SessionGate>
          <Alerts />
        </SessionGate>
      </DashboardContext.Provider>
    </MockedProvider>,
  );
  const table = await screen.findByRole('table', { name: 'Alert rules' });
  await within(table).findByText('Review queue below its SLA target');
  await screen.findByText(/vendor outage/);
  return table;
}

describe('the Alerts page', () => {
  it('shows a viewer the rules and silences, and no action', async () => {
    await renderAs('viewer');
    expect(screen.queryAllByRole('button', { name: /^(Edit|Silence|Delete|End)/ })).toEqual([]);
    expect(screen.queryByRole('form')).toBeNull();
    // the silence names the group by its label, not its key
    expect(screen.getByRole('list', { name: 'Silences in force' }).textContent).toContain('Review queue below its SLA target — LATAM review: until 2026-11-16 13:00 UTC, by lead — vendor outage');
  });

  it('gives an editor the actions per rule and per firing group, and opens the forms for them', async () => {
    const table = await renderAs('editor');
    for (const name of ['Edit Review queue below its SLA target', 'Silence Review queue below its SLA target', 'Delete Review queue below its SLA target', 'Silence LATAM review of Review queue below its SLA target']) {
      expect(within(table).getByRole('button', { name })).toBeTruthy();
    }
    // only the firing group can be silenced on its own here; the OK one is not listed as a problem
    expect(within(table).queryByRole('button', { name: 'Silence EU review of Review queue below its SLA target' })).toBeNull();
    expect(screen.getByRole('button', { name: 'End the silence of Review queue below its SLA target — LATAM review now' })).toBeTruthy();

    fireEvent.click(within(table).getByRole('button', { name: 'Silence LATAM review of Review queue below its SLA target' }));
    const silence = screen.getByRole('form', { name: 'Silence LATAM review of Review queue below its SLA target' });
    expect(document.activeElement).toBe(within(silence).getByRole('radio', { name: '4 h' }));

    fireEvent.click(within(table).getByRole('button', { name: 'Edit Review queue below its SLA target' }));
    expect(screen.queryByRole('form', { name: /^Silence / })).toBeNull();
    const edit = screen.getByRole('form', { name: 'Edit alert rule' });
    expect((within(edit).getByLabelText('Name') as HTMLInputElement).value).toBe('Review queue below its SLA target');
    expect(document.activeElement).toBe(within(edit).getByLabelText('Name'));
    // while editing, the new-rule form gives way; Cancel brings it back
    expect(screen.queryByRole('form', { name: 'New alert rule' })).toBeNull();
    fireEvent.click(within(edit).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('form', { name: 'New alert rule' })).toBeTruthy();
  });

  it('lists the channels with their latest delivery and no address; only admins get the test button', async () => {
    await renderAs('editor');
    const channels = await screen.findByRole('table', { name: 'Notification channels' });
    await within(channels).findByText('ops-hook');
    expect(within(channels).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Channel', 'Kind', 'Latest delivery'],
      ['ops-hook', 'webhook', 'sent at 2026-11-16 09:05 UTC'],
      ['leads-mail', 'email', 'None yet'],
    ]);
    expect(within(channels).queryByRole('button')).toBeNull();
  });

  it('lets an admin send a test notification and says how it went, a failure included', async () => {
    const mocks = [
      ...MOCKS,
      {
        request: { query: SendTestNotificationDocument, variables: { channel: 'ops-hook' } },
        result: { data: { sendTestNotification: { __typename: 'AlertNotification', deliveryId: 'test:1:ops-hook', channel: 'ops-hook', status: 'FAILED', attempts: 1, detail: 'HTTP 500', recordedAt: '2026-11-16T10:00:00.000Z' } } },
      },
      {
        request: { query: AlertChannelsDocument },
        result: { data: { alertChannels: [{ ...CHANNELS.result.data.alertChannels[0]!, lastDelivery: delivery('FAILED', 'TEST', '2026-11-16T10:00:00.000Z') }, CHANNELS.result.data.alertChannels[1]!] } },
      },
      ACTIVITY,
      {
        request: { query: SendTestNotificationDocument, variables: { channel: 'leads-mail' } },
        result: { data: { sendTestNotification: { __typename: 'AlertNotification', deliveryId: 'test:2:leads-mail', channel: 'leads-mail', status: 'SENT', attempts: 1, detail: 'SMTP 250 OK', recordedAt: '2026-11-16T10:01:00.000Z' } } },
      },
      CHANNELS,
      ACTIVITY,
    ];
    await renderAs('admin', mocks);
    const channels = await screen.findByRole('table', { name: 'Notification channels' });
    fireEvent.click(await within(channels).findByRole('button', { name: 'Send test notification to ops-hook' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Test notification to ops-hook failed: HTTP 500.');
    expect(await within(channels).findByText('failed (test) at 2026-11-16 10:00 UTC')).toBeTruthy();
    fireEvent.click(within(channels).getByRole('button', { name: 'Send test notification to leads-mail' }));
    expect((await screen.findByText('Test notification to leads-mail sent (SMTP 250 OK).')).getAttribute('role')).toBe('status');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('returns the keyboard to the button that opened a form when it is cancelled', async () => {
    const table = await renderAs('editor');
    const edit = within(table).getByRole('button', { name: 'Edit Review queue below its SLA target' });
    edit.focus();
    fireEvent.click(edit);
    fireEvent.click(within(screen.getByRole('form', { name: 'Edit alert rule' })).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Edit alert rule' })).toBeNull();
    expect(document.activeElement).toBe(edit);

    for (const name of ['Silence Review queue below its SLA target', 'Silence LATAM review of Review queue below its SLA target']) {
      const silence = within(table).getByRole('button', { name });
      silence.focus();
      fireEvent.click(silence);
      const form = screen.getByRole('form', { name });
      expect(form.contains(document.activeElement)).toBe(true);
      fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('form', { name })).toBeNull();
      expect(document.activeElement).toBe(silence);
    }
  });

  it('returns the keyboard to the Silence button once the silence is saved', async () => {
    const mocks = [
      ...MOCKS,
      {
        request: { query: CreateAlertSilenceDocument, variables: (v: { input: { ruleId: string; groupKey?: string; reason: string } }) => v.input.ruleId === 'r1' && v.input.groupKey === undefined && v.input.reason === 'planned migration' },
        result: { data: { createAlertSilence: { __typename: 'AlertSilence', id: 's2' } } },
      },
      ...MOCKS,
    ];
    const table = await renderAs('editor', mocks);
    const silence = within(table).getByRole('button', { name: 'Silence Review queue below its SLA target' });
    silence.focus();
    fireEvent.click(silence);
    const form = screen.getByRole('form', { name: 'Silence Review queue below its SLA target' });
    fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'planned migration' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Silence' }));
    expect(await screen.findByText(/^Silenced Review queue below its SLA target until /)).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Silence Review queue below its SLA target' })).toBeNull();
    expect(document.activeElement).toBe(silence);
  });

  it('asks before deleting a rule in an in-page dialog; Cancel keeps the rule and the focus', async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    const table = await renderAs('editor');
    const remove = within(table).getByRole('button', { name: 'Delete Review queue below its SLA target' });
    remove.focus();
    fireEvent.click(remove);
    expect(confirm).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', { name: 'Delete this rule?' });
    expect(dialog.textContent).toContain('"Review queue below its SLA target" stops being evaluated');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(remove);
    expect(within(table).getByText('Review queue below its SLA target')).toBeTruthy();
  });

  it('deletes the rule at the version shown once confirmed, then says so', async () => {
    // the mutation is answered only for the rule's id at the version listed (2)
    const mocks = [
      ...MOCKS,
      {
        request: { query: DeleteAlertRuleDocument, variables: { id: 'r1', expectedVersion: 2 } },
        result: { data: { deleteAlertRule: { __typename: 'AlertRule', id: 'r1' } } },
      },
      { request: { query: AlertRulesDocument }, result: { data: { alertRules: [], alertChannels: [] } } },
      ACTIVITY,
    ];
    const table = await renderAs('editor', mocks);
    fireEvent.click(within(table).getByRole('button', { name: 'Delete Review queue below its SLA target' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Delete this rule?' })).getByRole('button', { name: 'Delete rule' }));
    expect(await screen.findByText('Rule "Review queue below its SLA target" deleted.')).toBeTruthy();
    expect(within(table).queryByText('Review queue below its SLA target')).toBeNull();
    // the row and its button are gone: the keyboard is on the rules table, not lost on the page
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Alert rules (table)' }));
  });
});
