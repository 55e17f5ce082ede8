import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { describeError, errorCause } from './errors';

describe('describeError', () => {
  it('quotes the server when it rejected the arguments', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'filter.regions: unknown value "XX".', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    expect(describeError(error)).toBe('The server rejected the query: filter.regions: unknown value "XX".');
  });

  it('passes other server messages through, once each', () => {
    const message = 'The query took longer than the time limit and was stopped (query id q1). Narrow the time range or filters.';
    const error = new CombinedGraphQLErrors({
      errors: [
        { message, extensions: { code: 'QUERY_TIMEOUT' } },
        { message, extensions: { code: 'QUERY_TIMEOUT' } },
      ],
    });
    expect(describeError(error)).toBe(message);
  });

  it('names the HTTP status of a failed response', () => {
    const error = new ServerError('Response not successful', {
      response: new Response('oops', { status: 502 }),
      bodyText: 'oops',
    });
    expect(describeError(error)).toBe('The server answered with HTTP 502.');
  });

  it('says when the server could not be reached', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toBe('The server could not be reached (Failed to fetch).');
  });
});

describe('errorCause', () => {
  it('groups by code, keeps the argument of a refusal, and drops its technical prefix', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'input.range.from: must be before to.', extensions: { code: 'BAD_USER_INPUT', argument: 'input.range.from' } }],
    });
    expect(errorCause(error)).toEqual({ kind: 'bad-input', key: 'bad-input:input.range.from', message: 'must be before to.', argument: 'input.range.from' });
  });

  it('reads a rate limit with its wait, a timeout and a database failure as such', () => {
    const coded = (code: string, extra: Record<string, unknown> = {}) => new CombinedGraphQLErrors({ errors: [{ message: 'm', extensions: { code, ...extra } }] });
    expect(errorCause(coded('RATE_LIMITED', { retryAfter: 7 }))).toMatchObject({ kind: 'rate-limited', retryAfter: 7 });
    expect(errorCause(coded('QUERY_TIMEOUT')).key).toBe('timeout');
    expect(errorCause(coded('DATABASE_ERROR')).key).toBe('database');
  });

  it('counts a failed fetch and a gateway 502/503/504 as the server being unreachable', () => {
    expect(errorCause(new TypeError('Failed to fetch')).kind).toBe('unreachable');
    const gateway = new ServerError('Response not successful', { response: new Response('down', { status: 503 }), bodyText: 'down' });
    expect(errorCause(gateway).kind).toBe('unreachable');
    const teapot = new ServerError('Response not successful', { response: new Response('no', { status: 418 }), bodyText: 'no' });
    expect(errorCause(teapot).kind).toBe('other');
  });
});
