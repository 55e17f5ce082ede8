// The session gate against a scripted /auth server: sign-in form first, the server's refusal shown
// as it is, the dashboard once signed in, and back to sign-in (cache dropped) when a call gets 401.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionGate, useSession } from './SessionGate';
import { atLeast, scopeText, SESSION_ENDED, type SessionUser } from './session';

const ANA: SessionUser = { username: 'ana', role: 'analyst', scope: { regions: ['EU', 'NA'], countries: [], vendors: [] } };

function Dashboard() {
  const { user } = useSession();
  return <p>Dashboard of {user.username}</p>;
}

let signedIn = false;
const calls: string[] = [];
beforeEach(() => {
  signedIn = false;
  calls.length = 0;
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${url}`);
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (url === '/auth/me') return signedIn ? json(200, { user: ANA, proxy: false }) : json(401, { error: 'Not signed in.' });
    if (url === '/auth/login') {
      const { password } = JSON.parse(String(init!.body)) as { password: string };
      if (password !== 'right password') return json(401, { error: 'Wrong username or password.' });
      signedIn = true;
      return json(200, { user: ANA });
    }
    throw new Error(`unexpected ${url}`);
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const renderGate = () =>
  render(
    <MockedProvider>
      <SessionGate>
        <Dashboard />
      </SessionGate>
    </MockedProvider>,
  );

async function submit(password: string) {
  fireEvent.change(screen.getByLabelText('Username'), { target: { value: ' ana ' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('session gate', () => {
  it('asks to sign in, shows the refusal, then shows the dashboard', async () => {
    renderGate();
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.queryByText(/Dashboard of/)).toBeNull();
    await submit('wrong password');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong username or password.');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe(''); // not left in the form
    await submit('right password');
    await screen.findByText('Dashboard of ana');
    expect(calls).toEqual(['GET /auth/me', 'POST /auth/login', 'POST /auth/login']);
  });

  it('goes back to sign-in with a notice when the session ends', async () => {
    signedIn = true;
    renderGate();
    await screen.findByText('Dashboard of ana');
    act(() => {
      window.dispatchEvent(new Event(SESSION_ENDED));
    });
    await waitFor(() => expect(screen.queryByText(/Dashboard of/)).toBeNull());
    expect(screen.getByRole('status').textContent).toBe('Your session ended. Sign in again to go on.');
  });
});

describe('roles and scopes in words', () => {
  it('ranks roles like the server and describes a scope', () => {
    expect(atLeast(ANA, 'viewer')).toBe(true);
    expect(atLeast(ANA, 'analyst')).toBe(true);
    expect(atLeast(ANA, 'editor')).toBe(false);
    expect(atLeast(null, 'viewer')).toBe(false);
    expect(scopeText(ANA)).toBe('EU, NA');
    expect(scopeText({ ...ANA, scope: { regions: [], countries: [], vendors: [] } })).toBeNull();
    expect(scopeText({ ...ANA, scope: { regions: ['EU'], countries: [], vendors: ['kestrel'] } })).toBe('EU · kestrel');
  });
});
