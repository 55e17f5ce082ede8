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
import { AuditLogDocument, CreateIngestTokenDocument, CreateUserDocument, IngestTokensDocument, UpdateUserDocument, UsersDocument, type UserFieldsFragment } from '../../generated/graphql';
import { DEFAULT_FILTERS } from '../../state/filterState';
import { CATALOGUE } from '../../testing/catalogueFixture';
import { AuditLogSection } from './AuditLog';
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
    ...over,
  });

  it('pages back by the time of the last entry shown, marks failures, and filters by action from the first page', async () => {
    const first = Array.from({ length: 50 }, (_, i) => entry(i, i === 1 ? { action: 'login_failed', ok: false } : {}));
    const before = first[49]!.at;
    renderWith(
      [
        { request: { query: AuditLogDocument, variables: { input: { limit: 50 } } }, result: { data: { auditLog: first } } },
        { request: { query: AuditLogDocument, variables: { input: { limit: 50, before } } }, result: { data: { auditLog: [entry(50, { action: 'export', detail: '{"kind":"CSV","rows":3}' })] } } },
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
