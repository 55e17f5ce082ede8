import { describe, expect, it } from 'vitest';
import {
  auditDetail,
  emptyNewUser,
  passwordProblem,
  refusal,
  scopeList,
  secretReducer,
  streamsText,
  validateNewUser,
  validatePasswordChange,
  type SecretState,
} from './adminForms';

describe('new user form', () => {
  it('sends a trimmed lowercase username, the role and the scope lists as chosen', () => {
    const { errors, input } = validateNewUser({ ...emptyNewUser(), username: '  Ana.Lyst ', password: 'twelve chars!', role: 'ANALYST', regions: ['EU'] });
    expect(errors).toEqual({});
    expect(input).toEqual({ username: 'ana.lyst', password: 'twelve chars!', role: 'ANALYST', regions: ['EU'], countries: [], vendors: [] });
  });

  it('names each field at fault and sends nothing', () => {
    const { errors, input } = validateNewUser({ ...emptyNewUser(), username: '-x', password: 'short' });
    expect(input).toBeNull();
    expect(errors.username).toMatch(/2–64 characters/);
    expect(errors.password).toBe('At least 12 characters (5 now).');
  });

  it('takes a password of exactly 12 characters, refuses 11 and one character repeated', () => {
    expect(passwordProblem('abcdefghijkl')).toBeNull();
    expect(passwordProblem('abcdefghijk')).toMatch(/^At least 12/);
    expect(passwordProblem('aaaaaaaaaaaaaaa')).toBe('Not one character repeated.');
    expect(passwordProblem('x'.repeat(201))).toMatch(/^At most 200/);
  });
});

describe('changing my password', () => {
  const ok = { currentPassword: 'old password 1', newPassword: 'new password 22', repeat: 'new password 22' };
  it('accepts a good change', () => {
    expect(validatePasswordChange(ok)).toEqual({});
  });
  it('needs the current password, a new one that is good and different, typed twice the same', () => {
    expect(validatePasswordChange({ ...ok, currentPassword: '' }).currentPassword).toBeTruthy();
    expect(validatePasswordChange({ ...ok, newPassword: 'short', repeat: 'short' })).toEqual({ newPassword: 'At least 12 characters (5 now).' });
    expect(validatePasswordChange({ ...ok, newPassword: ok.currentPassword, repeat: ok.currentPassword }).newPassword).toMatch(/current one/);
    expect(validatePasswordChange({ ...ok, repeat: 'new password 23' })).toEqual({ repeat: 'Does not match the new password.' });
  });
});

describe('scopes and tokens in words', () => {
  it('reads an empty scope as no restriction, and a list by its names', () => {
    expect(scopeList([])).toBe('All');
    expect(scopeList(['EU', 'LATAM'], (c) => ({ EU: 'Europe', LATAM: 'Latin America' })[c] ?? c)).toBe('Europe, Latin America');
    expect(streamsText([])).toBe('All streams');
    expect(streamsText(['appeals', 'qa-audits'])).toBe('appeals, qa-audits');
  });

  it("writes an audit entry's JSON detail as key: value, leaving out empty values", () => {
    expect(auditDetail('{"role":"analyst","regions":["EU","NA"],"countries":[],"vendors":[],"rows":null}')).toBe('role: analyst · regions: EU, NA');
    expect(auditDetail('{"kind":"CSV","rows":12}')).toBe('kind: CSV · rows: 12');
    expect(auditDetail('{}')).toBe('');
    expect(auditDetail('not json')).toBe('not json');
    expect(auditDetail('[1,2]')).toBe('[1,2]');
  });
});

describe("a new token's secret", () => {
  it('is held until dismissed, then gone for good; copying only marks it', () => {
    let state: SecretState = { kind: 'none' };
    state = secretReducer(state, { type: 'copied', ok: true });
    expect(state).toEqual({ kind: 'none' });
    state = secretReducer(state, { type: 'created', tokenId: 't1', name: 'pipeline', secret: 'vgi_abc' });
    expect(state).toMatchObject({ kind: 'shown', secret: 'vgi_abc', copied: 'idle' });
    state = secretReducer(state, { type: 'copied', ok: false });
    expect(state).toMatchObject({ kind: 'shown', secret: 'vgi_abc', copied: 'failed' });
    state = secretReducer(state, { type: 'dismissed' });
    expect(state).toEqual({ kind: 'none' });
    expect(JSON.stringify(state)).not.toContain('vgi_abc');
  });

  it('shows only the latest token made: a second create replaces the first secret', () => {
    const first = secretReducer({ kind: 'none' }, { type: 'created', tokenId: 't1', name: 'a', secret: 's1' });
    const second = secretReducer(secretReducer(first, { type: 'copied', ok: true }), { type: 'created', tokenId: 't2', name: 'b', secret: 's2' });
    expect(second).toEqual({ kind: 'shown', tokenId: 't2', name: 'b', secret: 's2', copied: 'idle' });
  });
});

describe('refusal', () => {
  it('puts the server\'s refusal beside the field it names, or above the form', () => {
    const invalid = (argument: string | null) => ({ kind: 'invalid' as const, message: 'nope', argument });
    expect(refusal(invalid('input.username'), ['username', 'password'])).toEqual({ errors: { username: 'nope' }, message: null });
    expect(refusal(invalid('username'), ['username'])).toEqual({ errors: { username: 'nope' }, message: null });
    expect(refusal(invalid('target.value'), ['value', 'atRiskMargin'], 'target.')).toEqual({ errors: { value: 'nope' }, message: null });
    expect(refusal(invalid('metric'), ['value'], 'target.')).toEqual({ errors: {}, message: 'nope' });
    expect(refusal(invalid(null), ['value'])).toEqual({ errors: {}, message: 'nope' });
    expect(refusal({ kind: 'conflict', currentVersion: 3, message: 'changed' }, ['value'])).toEqual({ errors: {}, message: 'changed' });
  });
});
