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

/** What went wrong, as far as the remedy goes: panels failing for the same cause share one banner. */
export type CauseKind = 'unreachable' | 'forbidden' | 'bad-input' | 'rate-limited' | 'timeout' | 'database' | 'other';

export interface ErrorCause {
  kind: CauseKind;
  /** Panels with the same key failed for the same reason (code, and the argument for bad input). */
  key: string;
  /** The server's sentence without the technical argument prefix ("LATAM is outside your access …"). */
  message: string;
  /** extensions.argument of a BAD_USER_INPUT ("input.range"). */
  argument?: string;
  /** Seconds the server asked us to wait (RATE_LIMITED). */
  retryAfter?: number;
}

const CODE_KINDS: Record<string, CauseKind> = {
  FORBIDDEN: 'forbidden',
  BAD_USER_INPUT: 'bad-input',
  GRAPHQL_VALIDATION_FAILED: 'bad-input',
  GRAPHQL_PARSE_FAILED: 'bad-input',
  RATE_LIMITED: 'rate-limited',
  QUERY_TIMEOUT: 'timeout',
  DATABASE_ERROR: 'database',
};

/** "input.filters[0].values: LATAM is …" → "LATAM is …": the argument path is for developers. */
function withoutArgumentPrefix(message: string): string {
  return message.replace(/^[\w.[\]]+: (?=\S)/, '');
}

/** A gateway's answer while the server behind it is down, restarting or overloaded. */
const UNREACHABLE_STATUSES = new Set([0, 502, 503, 504]);

/** The cause of a failed request, for grouping panel errors into one banner per cause. */
export function errorCause(error: unknown): ErrorCause {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = String(first?.extensions?.['code'] ?? '');
    const kind = CODE_KINDS[code] ?? 'other';
    const argument = typeof first?.extensions?.['argument'] === 'string' ? (first.extensions['argument'] as string) : undefined;
    const retryAfter = typeof first?.extensions?.['retryAfter'] === 'number' ? (first.extensions['retryAfter'] as number) : undefined;
    const message = [...new Set(error.errors.map((e) => withoutArgumentPrefix(e.message)))].join('; ');
    const key = kind === 'bad-input' ? `${kind}:${argument ?? message}` : kind === 'other' || kind === 'forbidden' ? `${kind}:${message}` : kind;
    return { kind, key, message, ...(argument ? { argument } : {}), ...(retryAfter ? { retryAfter } : {}) };
  }
  if ((ServerError.is(error) || ServerParseError.is(error)) && error.statusCode === 429) {
    return { kind: 'rate-limited', key: 'rate-limited', message: 'Too many requests at once.' };
  }
  if ((ServerError.is(error) || ServerParseError.is(error)) && UNREACHABLE_STATUSES.has(error.statusCode)) {
    return { kind: 'unreachable', key: 'unreachable', message: describeError(error) };
  }
  // fetch() rejects with a TypeError when the request never reached a server; a page chunk that
  // cannot be fetched rejects its import() the same way.
  if (error instanceof TypeError) return { kind: 'unreachable', key: 'unreachable', message: describeError(error) };
  const message = describeError(error);
  return { kind: 'other', key: `other:${message}`, message };
}
