// The Apollo Server: schema from schema.graphql, typed resolvers, safe error formatting, and
// limits on the shape of documents (graphql-armor's validation rules, graphql-js's token limit).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import type { GraphQLError, ValidationContext } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { resolvers } from './resolvers.js';
import { formatError } from './errors.js';
import type { GraphQLContext } from './context.js';

export const SCHEMA_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');

/** Limits on GraphQL documents; each error message names the limit and its value. */
export const DOCUMENT_LIMITS = { depth: 10, aliases: 15, cost: 5000, directives: 10, tokens: 3000 };

/** Report a refused document as a validation error (400, GRAPHQL_VALIDATION_FAILED), not a thrown 500. */
const report = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

export function createApolloServer(): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    typeDefs: fs.readFileSync(SCHEMA_PATH, 'utf8'),
    resolvers,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: process.env.NODE_ENV !== 'production',
    parseOptions: { maxTokens: DOCUMENT_LIMITS.tokens },
    validationRules: [
      maxDepthRule({ n: DOCUMENT_LIMITS.depth, ignoreIntrospection: true, ...report }),
      maxAliasesRule({ n: DOCUMENT_LIMITS.aliases, ...report }),
      costLimitRule({ maxCost: DOCUMENT_LIMITS.cost, ignoreIntrospection: true, ...report }),
      maxDirectivesRule({ n: DOCUMENT_LIMITS.directives, ...report }),
    ],
  });
}
