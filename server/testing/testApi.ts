// Runs GraphQL operations against Apollo in-process, on a test database.
import type { ApolloServer } from '@apollo/server';
import { createApolloServer } from '../graphql/server.js';
import { DataCatalogueCache } from '../metrics/dataCatalogue.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { TestDatabase } from './testDatabase.js';

export interface GraphQLResult {
  data?: any;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

export interface TestApi {
  apollo: ApolloServer<GraphQLContext>;
  /** The raw result, errors included. */
  gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult>;
  /** The data; throws on any error. */
  ok(query: string, variables?: Record<string, unknown>): Promise<any>;
  stop(): Promise<void>;
}

export async function startTestApi(t: TestDatabase): Promise<TestApi> {
  const apollo = createApolloServer();
  await apollo.start();
  const context: GraphQLContext = { db: t.db, log: t.log, catalogue: new DataCatalogueCache(t.db) };
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await apollo.executeOperation({ query, variables }, { contextValue: context });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult as GraphQLResult;
  };
  return {
    apollo,
    gql,
    async ok(query, variables) {
      const r = await gql(query, variables);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data;
    },
    stop: () => apollo.stop(),
  };
}
