// The Admin sections against scripted API answers: a new token's secret shown once and never
// cached, the server's refusal shown beside the field it names, and a stale edit of a user kept
// with the other admin's version shown.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { useApolloClient } from '@apollo/client/react';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { DashboardContext, type Dashboard } from '../../dashboard/dashboard';
import {
  AuditLogDocument,
  CreateIngestTokenDocument,
  CreateUserDocument,
  IngestTokensDocument,
  SetTargetDocument,
  TargetsDocument,
  UpdateUserDocument,
  UsersDocument,
  type UserFieldsFragment,
} from '../../generated/graphql';
import { DEFAULT_FILTERS } from '../../state/filterState';
import { CATALOGUE } from '../../testing/catalogueFixture';
import { AuditLogSection } from './AuditLog';
import { TargetsSection } from './Targets';
import { TokensSection } from './Tokens';
import { UsersSection } from './Users';

afterEach(cleanup);

const dashboard: Dashboard = {
  catalogue: CATALOGUE,
  catalogueError: undefined,
  retryCatalogue: () => undefined,
  noData: false,
  filters: DEFAULT_FILTERS,
  setFilters: () => undefined,
  resolved: undefined,
  markers: [],
  pollInterval: 0,
};

let cacheJson = () => '';
function CacheProbe() {
  const client = useApolloClient();
  cacheJson = () => JSON.stringify(client.cache.extract());
  return null;
}

function renderWith(mocks: MockLink.MockedResponse[], children: ReactNode) {
  return render(
    <MockedProvider mocks={mocks}>
      <DashboardContext.Provider value={dashboard}>
        <CacheProbe />
        {children}
      </DashboardContext.Provider>
    </MockedProvider>,
  );
}

const token = (over: Partial<{ id: string; name: string; streams: string[] }> = {}) => ({
  __typename: 'IngestToken',
  id: 'tok1',
  version: 1,
  name: 'pipeline',
  streams: [],
  revoked: false,
  createdBy: 'admin',
  updatedAt: '2026-11-16T10:00:00Z',
  lastUsedAt: null,
  ...over,
});

describe('ingestion tokens', () => {
  it('shows a new secret once, with the warning, keeps it out of the cache, and drops it when dismissed', async () => {
    const SECRET = 'vgi_secret_value_0123456789';
    renderWith(
      [
        { request: { query: IngestTokensDocument }, result: { data: { ingestTokens: [] } } },
        {
          request: { query: CreateIngestTokenDocument, variables: { input: { name: 'pipeline', streams: ['appeals'] } } },
          result: { data: { createIngestToken: { __typename: 'CreatedIngestToken', secret: SECRET, token: token({ streams: ['appeals'] }) } } },
        },
        { request: { query: IngestTokensDocument }, result: { data: { ingestTokens: [token({ streams: ['appeals'] })] } } },
      ],
      <TokensSection />,
    );
    await screen.findByText(/No ingestion token yet/);
    fireEvent.click(screen.getByRole('button', { name: 'New token' }));
    const form = screen.getByRole('form', { name: 'New ingestion token' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: ' pipeline ' } });
    fireEvent.click(within(form).getByRole('button', { name: /^Streams:/ }));
    fireEvent.click(within(form).getByLabelText('appeals'));
    fireEvent.click(within(form).getByRole('button', { name: 'Create token' }));

    expect((await screen.findByTestId('token-secret')).textContent).toBe(SECRET);
    expect(screen.getByTestId('token-secret-box').textContent).toMatch(/you will not see it again/);
    const row = await screen.findByRole('row', { name: /pipeline/ });
    expect(row.textContent).toContain('appeals');
    expect(cacheJson()).toContain('pipeline');
    expect(cacheJson()).not.toContain(SECRET);

    fireEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByTestId('token-secret')).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('names a token for every stream "All streams", and revokes only after a second click', async () => {
    renderWith([{ request: { query: IngestTokensDocument }, result: { data: { ingestTokens: [token()] } } }], <TokensSection />);
    const row = await screen.findByRole('row', { name: /pipeline/ });
    expect(row.textContent).toContain('All streams');
    expect(row.textContent).toContain('Never');
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke pipeline' }));
    // Asking, not doing: the confirmation is there and nothing was sent (no revoke mock exists).
    expect(within(row).getByRole('group', { name: 'Revoke pipeline?' })).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Keep it' }));
    expect(within(row).queryByRole('group')).toBeNull();
  });
});

const ana: UserFieldsFragment & { __typename: 'User' } = {
  __typename: 'User',
  username: 'ana',
  version: 2,
  role: 'ANALYST',
  regions: ['EU'],
  countries: [],
  vendors: [],
  disabled: false,
  updatedBy: 'admin',
  updatedAt: '2026-11-16T10:00:00Z',
};

describe('users', () => {
  it('lists scopes by name, an empty one as All', async () => {
    renderWith([{ request: { query: UsersDocument }, result: { data: { users: [ana] } } }], <UsersSection />);
    const row = await screen.findByRole('row', { name: /ana/ });
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 5)).toEqual(['Analyst', 'Europe', 'All', 'All', 'Active']);
  });

  it("shows the server's refusal beside the field it names, and keeps what was typed", async () => {
    const input = { username: 'ana', password: 'long enough pw', role: 'VIEWER', regions: [], countries: [], vendors: [] };
    renderWith(
      [
        { request: { query: UsersDocument }, result: { data: { users: [ana] } } },
        {
          request: { query: CreateUserDocument, variables: { input } },
          result: { errors: [new GraphQLError('input.username: a user named ana already exists.', { extensions: { code: 'BAD_USER_INPUT', argument: 'input.username' } })] },
        },
      ],
      <UsersSection />,
    );
    await screen.findByRole('row', { name: /ana/ });
    fireEvent.click(screen.getByRole('button', { name: 'New user' }));
    const form = screen.getByRole('form', { name: 'New user' });
    // Checked here first: a short password never reaches the server.
    fireEvent.change(within(form).getByLabelText('Username'), { target: { value: 'Ana' } });
    fireEvent.change(within(form).getByLabelText('Initial password'), { target: { value: 'short' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create user' }));
    expect(within(form).getByLabelText('Initial password').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(within(form).getByLabelText('Initial password'), { target: { value: 'long enough pw' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create user' }));
    const username = within(form).getByLabelText('Username');
    await waitFor(() => expect(username.getAttribute('aria-invalid')).toBe('true'));
    const described = document.getElementById(username.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(described?.textContent).toBe('input.username: a user named ana already exists.');
    expect((username as HTMLInputElement).value).toBe('Ana');
    expect(within(form).getByLabelText('Initial password').getAttribute('aria-invalid')).toBeNull();
  });

  it('on a stale edit says who changed the user, shows their version, and saves mine over it only when asked', async () => {
    const theirs = { ...ana, version: 3, role: 'EDITOR' as const, updatedBy: 'bob' };
    const mine = { role: 'VIEWER', regions: ['EU'], countries: [], vendors: [], disabled: false };
    renderWith(
      [
        { request: { query: UsersDocument }, result: { data: { users: [ana] } } },
        {
          request: { query: UpdateUserDocument, variables: { username: 'ana', expectedVersion: 2, input: mine } },
          result: { errors: [new GraphQLError('The user changed since version 2.', { extensions: { code: 'CONFLICT', currentVersion: 3 } })] },
        },
        { request: { query: UsersDocument }, result: { data: { users: [theirs] } } },
        {
          request: { query: UpdateUserDocument, variables: { username: 'ana', expectedVersion: 3, input: mine } },
          result: { data: { updateUser: { ...theirs, version: 4, role: 'VIEWER', updatedBy: 'admin' } } },
        },
        { request: { query: UsersDocument }, result: { data: { users: [{ ...theirs, version: 4, role: 'VIEWER', updatedBy: 'admin' }] } } },
      ],
      <UsersSection />,
    );
    await screen.findByRole('row', { name: /ana/ });
    fireEvent.click(screen.getByRole('button', { name: 'Edit ana' }));
    const form = screen.getByRole('form', { name: 'Edit ana' });
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'VIEWER' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    const banner = await within(form).findByTestId('user-conflict');
    expect(banner.textContent).toMatch(/Someone else changed ana since you opened it \(now version 3, by bob/);
    expect(banner.textContent).toMatch(/Theirs: Editor · regions Europe/);
    // my choice is still in the form, and Save waits for a decision
    expect((within(form).getByLabelText('Role') as HTMLSelectElement).value).toBe('VIEWER');
    expect(within(form).getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(within(banner).getByRole('button', { name: 'Save mine over theirs' }));
    expect(await screen.findByText('ana saved.')).toBeTruthy();
    await waitFor(() => expect(within(screen.getByRole('row', { name: /ana/ })).getAllByRole('cell')[0]!.textContent).toBe('Viewer'));
  });
});

describe('targets', () => {
  const target = (value: number, direction = 'AT_LEAST', atRiskMargin = 0.03) => ({ __typename: 'Target', value, direction, atRiskMargin });
  const setting = (over: { target?: ReturnType<typeof target> | null; version?: number; overridden?: boolean; updatedBy?: string | null; updatedAt?: string | null } = {}) => ({
    __typename: 'TargetSetting',
    metric: { __typename: 'Metric', id: 'proactive_rate', label: 'Proactive rate', family: 'MODERATION', unit: 'RATIO', goodDirection: 'UP', target: over.target === undefined ? target(0.8) : over.target },
    defaultTarget: target(0.8),
    version: over.version ?? 0,
    overridden: over.overridden ?? false,
    updatedBy: over.updatedBy ?? null,
    updatedAt: over.updatedAt ?? null,
  });
  const tta = {
    __typename: 'TargetSetting',
    metric: { __typename: 'Metric', id: 'time_to_action_p90', label: 'Time to action p90', family: 'MODERATION', unit: 'SECONDS', goodDirection: 'DOWN', target: null },
    defaultTarget: null,
    version: 0,
    overridden: false,
    updatedBy: null,
    updatedAt: null,
  };

  it('lists targets by family in display units, checks the entry before sending it, and on a stale change keeps mine, shows theirs and saves over it when asked', async () => {
    const theirs = setting({ target: target(0.85, 'AT_LEAST', 0.02), version: 1, overridden: true, updatedBy: 'bob', updatedAt: '2026-11-16T10:00:00Z' });
    const mine = setting({ target: target(0.99, 'AT_LEAST', 0.02), version: 2, overridden: true, updatedBy: 'admin', updatedAt: '2026-11-16T11:00:00Z' });
    renderWith(
      [
        { request: { query: TargetsDocument }, result: { data: { targets: [setting(), tta] } } },
        {
          request: { query: SetTargetDocument, variables: { metric: 'proactive_rate', expectedVersion: 0, change: 'SET', target: { value: 0.99, direction: 'AT_LEAST', atRiskMargin: 0.02 } } },
          result: { errors: [new GraphQLError('This target changed since you loaded it.', { extensions: { code: 'CONFLICT', currentVersion: 1 } })] },
        },
        { request: { query: TargetsDocument }, result: { data: { targets: [theirs, tta] } } },
        {
          request: { query: SetTargetDocument, variables: { metric: 'proactive_rate', expectedVersion: 1, change: 'SET', target: { value: 0.99, direction: 'AT_LEAST', atRiskMargin: 0.02 } } },
          result: { data: { setTarget: mine } },
        },
        { request: { query: TargetsDocument }, result: { data: { targets: [mine, tta] } } },
      ],
      <TargetsSection />,
    );
    const row = await screen.findByRole('row', { name: /Proactive rate/ });
    expect(screen.getByRole('columnheader', { name: 'Moderation' })).toBeTruthy();
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['≥ 80.0% (at risk within 3.0 pts)', '≥ 80.0% (at risk within 3.0 pts)', 'Default', '–', 'Edit']);
    expect(within(screen.getByRole('row', { name: /Time to action p90/ })).getAllByRole('cell')[1]!.textContent).toBe('No target');

    fireEvent.click(within(row).getByRole('button', { name: 'Edit target of Proactive rate' }));
    const form = screen.getByRole('form', { name: 'Target of Proactive rate' });
    const value = within(form).getByLabelText('Target (%)') as HTMLInputElement;
    expect(value.value).toBe('80');
    expect((within(form).getByLabelText('At-risk margin (pts)') as HTMLInputElement).value).toBe('3');
    // nothing to restore: it is the default
    expect(within(form).getByRole('button', { name: 'Restore default' }).hasAttribute('disabled')).toBe(true);

    // checked here first: a share typed as a percentage over 100, a negative margin
    fireEvent.change(value, { target: { value: '120' } });
    fireEvent.change(within(form).getByLabelText('At-risk margin (pts)'), { target: { value: '-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save target' }));
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('A percentage from 0 to 100 (95 for 95 %).')).toBeTruthy();
    expect(within(form).getByLabelText('At-risk margin (pts)').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(value, { target: { value: '99' } });
    fireEvent.change(within(form).getByLabelText('At-risk margin (pts)'), { target: { value: '2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save target' }));
    const banner = await within(form).findByTestId('target-conflict');
    await waitFor(() => expect(banner.textContent).toMatch(/Someone else changed the target of Proactive rate since you opened it \(now version 1, by bob/));
    expect(banner.textContent).toContain('Theirs: ≥ 85.0% (at risk within 2.0 pts)');
    expect(value.value).toBe('99');
    expect(within(form).getByRole('button', { name: 'Save target' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(within(banner).getByRole('button', { name: 'Save mine over theirs' }));
    expect(await screen.findByText('Target of Proactive rate set.')).toBeTruthy();
    await waitFor(() => expect(within(screen.getByRole('row', { name: /Proactive rate/ })).getAllByRole('cell')[1]!.textContent).toBe('≥ 99.0% (at risk within 2.0 pts)'));
    expect(within(screen.getByRole('row', { name: /Proactive rate/ })).getAllByRole('cell')[2]!.textContent).toBe('Set by an admin');
    // the metric is one cache entry: the catalogue's copy has the new target too
    expect(JSON.parse(cacheJson())['Metric:proactive_rate'].target).toEqual(target(0.99, 'AT_LEAST', 0.02));
  });

  it('takes their version when asked, and restores the default with the version it was based on', async () => {
    const theirs = setting({ target: null, version: 3, overridden: true, updatedBy: 'bob', updatedAt: '2026-11-16T10:00:00Z' });
    renderWith(
      [
        { request: { query: TargetsDocument }, result: { data: { targets: [setting({ target: target(0.9), version: 2, overridden: true, updatedBy: 'admin', updatedAt: '2026-11-16T09:00:00Z' })] } } },
        {
          request: { query: SetTargetDocument, variables: { metric: 'proactive_rate', expectedVersion: 2, change: 'DEFAULT', target: null } },
          result: { errors: [new GraphQLError('This target changed.', { extensions: { code: 'CONFLICT', currentVersion: 3 } })] },
        },
        { request: { query: TargetsDocument }, result: { data: { targets: [theirs] } } },
        {
          request: { query: SetTargetDocument, variables: { metric: 'proactive_rate', expectedVersion: 3, change: 'DEFAULT', target: null } },
          result: { data: { setTarget: setting({ version: 4, updatedBy: 'admin', updatedAt: '2026-11-16T11:00:00Z' }) } },
        },
        { request: { query: TargetsDocument }, result: { data: { targets: [setting({ version: 4, updatedBy: 'admin', updatedAt: '2026-11-16T11:00:00Z' })] } } },
      ],
      <TargetsSection />,
    );
    const row = await screen.findByRole('row', { name: /Proactive rate/ });
    expect(within(row).getAllByRole('cell')[2]!.textContent).toBe('Set by an admin');
    fireEvent.click(within(row).getByRole('button', { name: 'Edit target of Proactive rate' }));
    const form = screen.getByRole('form', { name: 'Target of Proactive rate' });
    fireEvent.click(within(form).getByRole('button', { name: 'Restore default' }));
    const banner = await within(form).findByTestId('target-conflict');
    await waitFor(() => expect(banner.textContent).toContain('Theirs: No target'));
    expect(within(banner).getByRole('button', { name: 'Restore the default anyway' })).toBeTruthy();
    fireEvent.click(within(banner).getByRole('button', { name: 'Reload theirs (discard mine)' }));
    expect(within(form).queryByTestId('target-conflict')).toBeNull();
    // their target is none: the form offers the default to start from
    expect((within(form).getByLabelText('Target (%)') as HTMLInputElement).value).toBe('80');
    fireEvent.click(within(form).getByRole('button', { name: 'Restore default' }));
    expect(await screen.findByText('Target of Proactive rate restored to the default.')).toBeTruthy();
    await waitFor(() => expect(within(screen.getByRole('row', { name: /Proactive rate/ })).getAllByRole('cell')[2]!.textContent).toBe('Default'));
  });
});

describe('audit log', () => {
  const entry = (i: number, over: Partial<{ action: string; ok: boolean; detail: string }> = {}) => ({
    __typename: 'AuditEntry',
    at: new Date(Date.UTC(2026, 10, 16, 12, 0, 0) - i * 60_000).toISOString(),
    actor: 'admin',
    action: 'login',
    target: '',
    detail: '{}',
    ip: '10.0.0.1',
    ok: true,
    cursor: `2026-11-16 12:00:00.000|${i}`,
    ...over,
  });

  it('pages back by the cursor of the last entry shown, marks failures, and filters by action from the first page', async () => {
    const first = Array.from({ length: 50 }, (_, i) => entry(i, i === 1 ? { action: 'login_failed', ok: false } : {}));
    const after = first[49]!.cursor;
    renderWith(
      [
        { request: { query: AuditLogDocument, variables: { input: { limit: 50 } } }, result: { data: { auditLog: first } } },
        { request: { query: AuditLogDocument, variables: { input: { limit: 50, after } } }, result: { data: { auditLog: [entry(50, { action: 'export', detail: '{"kind":"CSV","rows":3}' })] } } },
        { request: { query: AuditLogDocument, variables: { input: { limit: 50, action: 'export' } } }, result: { data: { auditLog: [entry(50, { action: 'export', detail: '{"kind":"CSV","rows":3}' })] } } },
      ],
      <AuditLogSection />,
    );
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(50));
    const failed = screen.getAllByTestId('audit-row')[1]!;
    expect(failed.className).toBe('is-failed');
    expect(failed.textContent).toContain('Failed');
    expect(screen.getByRole('button', { name: '← Newer' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Older →' }));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    expect(screen.getByTestId('audit-row').textContent).toContain('kind: CSV · rows: 3');
    // fewer than a page: nothing older
    expect(screen.getByRole('button', { name: 'Older →' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '← Newer' }));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(50));

    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'export' } });
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    expect(screen.getByTestId('audit-row').getAttribute('data-action')).toBe('export');
  });
});
