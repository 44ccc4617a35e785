import { authExchange } from '@urql/exchange-auth';
import { Client, fetchExchange } from 'urql';
import { session } from './session';

/**
 * The console's one GraphQL client: every request carries the in-memory
 * access token, refreshed from the cookie before it expires and once more
 * when the API answers UNAUTHENTICATED to a signed-in request.
 */
export const client = new Client({
  url: '/graphql',
  preferGetMethod: false,
  requestPolicy: 'cache-and-network',
  exchanges: [
    authExchange(async (utils) => ({
      addAuthToOperation(operation) {
        const token = session.get()?.accessToken;
        return token
          ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` })
          : operation;
      },
      willAuthError: () => session.expiresSoon(),
      didAuthError: (error) =>
        session.get() !== null &&
        (error.response?.status === 401 ||
          error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')),
      async refreshAuth() {
        await session.refresh();
      },
    })),
    fetchExchange,
  ],
});
