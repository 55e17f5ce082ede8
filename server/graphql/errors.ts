// Errors clients see: a code in extensions.code and a message that says what was wrong and
// where. Database failures carry the query id (for the logs) but never SQL or internals. The
// layers below throw transport-neutral refusals (domain/errors.ts); this is the one place that
// gives each its GraphQL code.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseError } from '../db/database.js';
import { BadInput, Conflict, Forbidden, NotFound, Refusal } from '../domain/errors.js';

/** extensions.code of each refusal, as the API has always answered them. */
function refusalCode(refusal: Refusal): string {
  if (refusal instanceof BadInput) return 'BAD_USER_INPUT';
  if (refusal instanceof Forbidden) return 'FORBIDDEN';
  if (refusal instanceof Conflict) return 'CONFLICT';
  if (refusal instanceof NotFound) return 'NOT_FOUND';
  throw new Error(`no GraphQL code for ${refusal.constructor.name}`);
}

/** Apollo's formatError: keep our coded errors, turn anything else into a generic one. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DatabaseError) {
    const timeout = original.type === 'TIMEOUT_EXCEEDED';
    return {
      message: timeout
        ? `The query took longer than the time limit and was stopped (query id ${original.queryId}). Narrow the time range or filters.`
        : `The database could not answer (query id ${original.queryId}).`,
      path: formatted.path,
      extensions: { code: timeout ? 'QUERY_TIMEOUT' : 'DATABASE_ERROR', queryId: original.queryId },
    };
  }
  if (original instanceof Refusal) {
    return { ...formatted, message: original.message, extensions: { code: refusalCode(original), ...original.details } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    // Validation, parsing and our own BAD_USER_INPUT errors: safe to show as they are.
    const { stacktrace: _dropped, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }
  return { message: 'Internal server error.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
