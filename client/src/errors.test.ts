import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { describeError } from './errors';

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
