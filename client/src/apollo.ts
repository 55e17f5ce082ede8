import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { SESSION_ENDED } from './auth/session';

/** fetch that tells the session gate when the server no longer knows us (401). */
async function fetchNoticingSignOut(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const res = await fetch(input, init);
  if (res.status === 401) window.dispatchEvent(new Event(SESSION_ENDED));
  return res;
}

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', fetch: fetchNoticingSignOut }),
    cache: new InMemoryCache({
      // Answers have no id, so the same question asked by a panel and by Explore (which also
      // selects the SQL) lands on one cache entry: merge the two selections instead of replacing.
      typePolicies: { Series: { merge: true }, Breakdown: { merge: true } },
    }),
  });
}
