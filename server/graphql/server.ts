// The Apollo Server: schema from schema.graphql, typed resolvers, safe error formatting.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { resolvers } from './resolvers.js';
import { formatError } from './errors.js';
import type { GraphQLContext } from './context.js';

export const SCHEMA_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');

export function createApolloServer(): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    typeDefs: fs.readFileSync(SCHEMA_PATH, 'utf8'),
    resolvers,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: process.env.NODE_ENV !== 'production',
  });
}
