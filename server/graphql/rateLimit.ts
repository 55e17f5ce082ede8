// Per-user limit on expensive questions: each series, breakdown, KPI, curve, drift, agreement or
// retrospective field in a request costs one token of the user's bucket (a dashboard page asks
// ~40 at once, within the burst). Over the limit: RATE_LIMITED with HTTP 429 and Retry-After.
import { GraphQLError, Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { RateLimiter } from '../http/rateLimiter.js';
import type { GraphQLContext } from './context.js';

const EXPENSIVE = new Set(['series', 'breakdown', 'kpis', 'modelCurve', 'scoreDrift', 'annotatorAgreement', 'annotators', 'retrospective']);

/** Expensive root fields of the operation, fragments followed (a spread must not hide them). */
export function expensiveFields(selectionSet: SelectionSetNode, document: DocumentNode, depth = 0): number {
  if (depth > 5) return 0;
  let n = 0;
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) n += EXPENSIVE.has(s.name.value) ? 1 : 0;
    else if (s.kind === Kind.INLINE_FRAGMENT) n += expensiveFields(s.selectionSet, document, depth + 1);
    else {
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) n += expensiveFields(fragment.selectionSet, document, depth + 1);
    }
  }
  return n;
}

export function userRateLimit(rate: number, burst: number): ApolloServerPlugin<GraphQLContext> {
  const limiter = new RateLimiter(rate, burst);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!operation) return;
          const cost = expensiveFields(operation.selectionSet, document);
          if (cost === 0) return;
          const wait = limiter.take(contextValue.access.username, cost);
          if (wait > 0) {
            const seconds = Math.ceil(wait);
            throw new GraphQLError(`Too many expensive questions at once: at most ${rate} a second (bursts of ${burst}). Try again in ${seconds} s.`, {
              extensions: { code: 'RATE_LIMITED', retryAfter: seconds, http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } },
            });
          }
        },
      };
    },
  };
}
