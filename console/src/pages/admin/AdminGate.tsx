import { Alert, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { describeError } from '../../api/errors';
import { graphql } from '../../gql';
import { NotFoundPage } from '../NotFoundPage';

const AccountRights = graphql(`
  query AccountRights {
    me {
      id
      brand {
        viewerCanManageAccounts {
          allowed
        }
      }
    }
  }
`);

/**
 * An admin screen's door: its content only when the API says the caller may
 * manage the brand's accounts, "Not found" otherwise (as for any screen the
 * caller may not use), so the screen never asks for what would be refused.
 */
export function AdminGate({ what, children }: { what: string; children: ReactNode }) {
  const [{ data, error }] = useQuery({ query: AccountRights });
  if (error) {
    return (
      <Alert color="red" role="alert">
        {describeError(error)}
      </Alert>
    );
  }
  if (!data) return <Loader aria-label={`Loading ${what}`} />;
  if (!data.me?.brand.viewerCanManageAccounts.allowed) return <NotFoundPage what={what} />;
  return children;
}
