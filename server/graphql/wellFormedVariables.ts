// Refuses variables holding a lone UTF-16 surrogate (half of a pair: not a character). JSON can
// carry one, ClickHouse refuses it, so without this check any string argument could end in
// DATABASE_ERROR. (String literals in the document cannot: the GraphQL parser refuses them.)
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { LONE_SURROGATE } from '../domain/text.js';
import type { GraphQLContext } from './context.js';

/** The path (`$input.tags[2]`) of the first string holding a lone surrogate, or null. */
export function brokenTextAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const at = brokenTextAt(v, `${path}[${i}]`);
      if (at) return at;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = brokenTextAt(v, `${path}.${k}`) ?? (LONE_SURROGATE.test(k) ? path : null);
      if (at) return at;
    }
  }
  return null;
}

export function wellFormedVariables(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            const at = brokenTextAt(value, `$${name}`);
            if (at) {
              throw new GraphQLError(`${at} contains a broken character (half of a UTF-16 surrogate pair); send valid Unicode text.`, {
                extensions: { code: 'BAD_USER_INPUT', argument: at, http: { status: 400 } },
              });
            }
          }
        },
      };
    },
  };
}
