import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql' }),
    cache: new InMemoryCache({
      // Answers have no id, so the same question asked by a panel and by Explore (which also
      // selects the SQL) lands on one cache entry: merge the two selections instead of replacing.
      typePolicies: { Series: { merge: true }, Breakdown: { merge: true } },
    }),
  });
}
