// Per-user limit on expensive questions: each series, breakdown, KPI, curve, drift, agreement or
// retrospective field in a request costs one unit of the user's allowance (a dashboard page asks
// ~40 at once, within the burst). Over the limit: RATE_LIMITED with HTTP 429 and Retry-After.
// The allowance is the asker's security.userLimiter: per process, or shared by every server.
import { GraphQLError, Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context.js';

const EXPENSIVE = new Set(['series', 'breakdown', 'kpis', 'attention', 'sparklines', 'modelCurve', 'scoreDrift', 'annotatorAgreement', 'annotators', 'retrospective', 'alertPreview']);

/** Deeper nesting of fragments than any real client needs: refused rather than guessed at. */
export const MAX_FRAGMENT_NESTING = 32;

/**
 * How many expensive root fields the operation resolves: the distinct response keys (alias or
 * name) of expensive fields, collected the way the executor collects them — through inline
 * fragments and fragment spreads at any nesting, each named fragment once, identical keys merged.
 * Nesting deeper than MAX_FRAGMENT_NESTING is refused (a limit the counter could not keep up with
 * would otherwise be a way around the rate limit).
 */
export function expensiveFields(selectionSet: SelectionSetNode, document: DocumentNode): number {
  const keys = new Set<string>();
  const visited = new Set<string>();
  const collect = (set: SelectionSetNode, nesting: number): void => {
    if (nesting > MAX_FRAGMENT_NESTING) {
      throw new GraphQLError(`Fragments are nested more than ${MAX_FRAGMENT_NESTING} deep; flatten the query.`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    }
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (EXPENSIVE.has(s.name.value)) keys.add(s.alias?.value ?? s.name.value);
      } else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet, nesting + 1);
      else if (!visited.has(s.name.value)) {
        visited.add(s.name.value);
        const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value);
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) collect(fragment.selectionSet, nesting + 1);
      }
    }
  };
  collect(selectionSet, 0);
  return keys.size;
}

export function userRateLimit(rate: number, burst: number): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!operation) return;
          const cost = expensiveFields(operation.selectionSet, document);
          if (cost === 0) return;
          const wait = await contextValue.security.userLimiter.take(contextValue.access.username, cost);
          if (wait > 0) {
            const seconds = Math.ceil(wait);
            throw new GraphQLError(`Too many expensive questions at once: at most ${burst} in ${burst / rate} s (${rate} a second on average). Try again in ${seconds} s.`, {
              extensions: { code: 'RATE_LIMITED', retryAfter: seconds, http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } },
            });
          }
        },
      };
    },
  };
}
