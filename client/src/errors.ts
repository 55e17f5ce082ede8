import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';

const REJECTION_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

/** One sentence for an error panel: what went wrong, in words an operator can act on or report. */
export function describeError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    // The server writes its messages for people (what was wrong, what to do); show them as they are.
    const messages = [...new Set(error.errors.map((e) => e.message))].join('; ');
    const rejected = error.errors.every((e) => REJECTION_CODES.has(String(e.extensions?.['code'])));
    return rejected ? `The server rejected the query: ${messages}` : messages;
  }
  if (ServerError.is(error)) return `The server answered with HTTP ${error.statusCode}.`;
  if (ServerParseError.is(error)) return `The server's answer could not be read (HTTP ${error.statusCode}).`;
  // fetch() rejects with a TypeError when the request never reached a server.
  if (error instanceof TypeError) return `The server could not be reached (${error.message}).`;
  if (error instanceof Error) return error.message;
  return String(error);
}
