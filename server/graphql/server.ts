// The Apollo Server: schema from schema.graphql, typed resolvers, safe error formatting, limits
// on the shape of documents (graphql-armor's validation rules, graphql-js's token limit) and on
// how many expensive questions a user asks. Introspection is off in production.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { resolvers } from './resolvers.js';
import { withKeptAnswers } from './keptAnswers.js';
import { formatError } from './errors.js';
import type { GraphQLContext } from './context.js';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { userRateLimit } from './rateLimit.js';
import { wellFormedVariables } from './wellFormedVariables.js';

export const SCHEMA_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');

/** Limits on GraphQL documents; each error message names the limit and its value. */
export const DOCUMENT_LIMITS = { depth: 10, aliases: 15, cost: 5000, directives: 10, tokens: 3000 };

/** Report a refused document as a validation error (400, GRAPHQL_VALIDATION_FAILED), not a thrown 500. */
const report = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

/** The API has no subscriptions: say so as a validation error rather than fail at execution (500). */
const noSubscriptions = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') {
      context.reportError(new GraphQLError('Subscriptions are not supported: ask with a query (or change data with a mutation).', { nodes: [node] }));
    }
  },
});

export function createApolloServer(limits: { userRate: number; userBurst: number; introspection: boolean }): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    typeDefs: fs.readFileSync(SCHEMA_PATH, 'utf8'),
    // the figure fields' whole answers are kept across requests (keptAnswers.ts)
    resolvers: { ...resolvers, Query: withKeptAnswers(resolvers.Query!) },
    formatError,
    includeStacktraceInErrorResponses: false,
    // Apollo's CSRF prevention (on by default, stated here so it stays on): a GET or a simple POST
    // needs a JSON content type or an Apollo preflight header, which cross-site forms cannot send.
    csrfPrevention: true,
    // No Sandbox page: it loads scripts from a CDN (refused by our CSP, and unreachable offline).
    // No cache-control hints are used (answers are cached server-side, see README Speed): the
    // plugin would only cost a hook on every resolved field.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), wellFormedVariables(), userRateLimit(limits.userRate, limits.userBurst)],
    introspection: limits.introspection,
    parseOptions: { maxTokens: DOCUMENT_LIMITS.tokens },
    validationRules: [
      noSubscriptions,
      maxDepthRule({ n: DOCUMENT_LIMITS.depth, ignoreIntrospection: true, ...report }),
      maxAliasesRule({ n: DOCUMENT_LIMITS.aliases, ...report }),
      costLimitRule({ maxCost: DOCUMENT_LIMITS.cost, ignoreIntrospection: true, ...report }),
      maxDirectivesRule({ n: DOCUMENT_LIMITS.directives, ...report }),
    ],
  });
}
