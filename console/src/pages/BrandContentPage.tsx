import { Alert, Anchor, Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { describeError } from '../api/errors';
import { CursorPager, PAGE_LABELS, useCursors } from '../components/CursorPager';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';

const BrandTreatments = graphql(`
  query BrandTreatments($brand: String!, $after: String) {
    treatments(brand: $brand, preview: true, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          itemId
          slug
          name
          editable {
            id
            status
            hasDraft
          }
        }
      }
    }
  }
`);

const STATUS_NAMES: Record<string, string> = {
  PUBLISHED: 'Published',
  DRAFT: 'Not published',
  ARCHIVED: 'Deleted',
};

/**
 * The brand's canonical treatments (its working copy), each linking to its
 * editor: what every clinic inherits unless its region or it says otherwise.
 */
export default function BrandContentPage({ brand }: { brand: string }) {
  const pages = useCursors();
  const [{ data, error, fetching }] = useQuery({
    query: BrandTreatments,
    variables: { brand, after: pages.after },
    requestPolicy: 'cache-and-network',
  });
  const page = data?.treatments;
  return (
    <Stack component="section" maw={960}>
      <Title order={1}>Brand content</Title>
      <Text>
        The brand’s own treatment pages: what every clinic shows unless its region or the clinic
        writes its own value. Each change is a draft until it is published in{' '}
        <Anchor component={Link} href="/changes">
          Your changes
        </Anchor>
        .
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {describeError(error)}
        </Alert>
      )}
      {fetching && !data && <Loader aria-label="Loading treatments" />}
      {page && page.totalCount === 0 && <Text>The brand has no treatment yet.</Text>}
      {page && page.edges.length > 0 && (
        <TableScroll label="Treatments (scrolls sideways)">
          <Table striped aria-label="The brand’s treatments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Treatment</Table.Th>
                <Table.Th>Slug</Table.Th>
                <Table.Th>State</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.edges.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/brand/treatments/${node.slug}`}>
                      {node.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{node.slug}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm">
                        {STATUS_NAMES[node.editable?.status ?? ''] ?? node.editable?.status}
                      </Text>
                      {node.editable?.hasDraft && (
                        <Badge color="blue" variant="light">
                          Draft waiting
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {page && (!pages.isFirst || page.pageInfo.hasNextPage) && (
        <CursorPager pages={pages} pageInfo={page.pageInfo} labels={PAGE_LABELS} />
      )}
    </Stack>
  );
}
