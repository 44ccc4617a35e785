import { encodeCursor, pageOf } from './connection';

describe('pageOf', () => {
  const all = ['a', 'b', 'c', 'd', 'e'];

  it('the first page: no previous page, cursors of its first and last node', () => {
    expect(pageOf('faqs', all, { first: 2 }).pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor('faqs', 0),
      endCursor: encodeCursor('faqs', 1),
    });
  });

  it('a page after a cursor has a previous page', () => {
    const page = pageOf('faqs', all, { first: 2, after: encodeCursor('faqs', 2) });
    expect(page.edges.map((edge) => edge.node)).toEqual(['d', 'e']);
    expect(page.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: encodeCursor('faqs', 3),
      endCursor: encodeCursor('faqs', 4),
    });
  });

  it('an empty page has no cursors', () => {
    expect(pageOf('faqs', [], { first: 2 }).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
