import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Max, Min } from 'class-validator';
import { badInput } from '../common/domain-error';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
export class PageInfo {
  @Field({
    description: 'True when more nodes follow this page: ask again with `after: endCursor`.',
  })
  hasNextPage: boolean;

  @Field({ description: 'True when nodes come before this page (it was asked for with `after`).' })
  hasPreviousPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first node of this page; null for an empty page.',
  })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Cursor of the last node of this page, to pass as `after`; null for an empty page.',
  })
  endCursor: string | null;
}

/** The page info of an empty list. */
export const EMPTY_PAGE_INFO: PageInfo = {
  hasNextPage: false,
  hasPreviousPage: false,
  startCursor: null,
  endCursor: null,
};

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Relay connection types for one node type: `<Name>Edge`, `<Name>Connection`. */
export function ConnectionType<T>(nodeType: Type<T>): Type<Connection<T>> {
  @ObjectType(`${nodeType.name}Edge`, {
    description: `One ${nodeType.name} in a page, with its cursor.`,
  })
  class EdgeType {
    @Field({ description: 'Opaque; pass as `after` to continue after this node.' })
    cursor: string;

    @Field(() => nodeType, { description: 'The node at this position.' })
    node: T;
  }

  @ObjectType(`${nodeType.name}Connection`, {
    description: `A page of ${nodeType.name} nodes (Relay cursor connection).`,
  })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The nodes of this page, in list order.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'All matching nodes, across pages.' })
    totalCount: number;
  }
  return ConnectionClass;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `Page size, 1 to ${MAX_PAGE_SIZE}.`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last node seen (`pageInfo.endCursor`).',
  })
  @IsOptional()
  @IsString()
  after?: string | null;
}

/**
 * Cursors are opaque to clients: base64url of "<list>:<offset>". The list
 * name makes a cursor from another list a clear error instead of a silent
 * jump; lists are ordered deterministically, so offsets are stable.
 */
export function encodeCursor(list: string, offset: number): string {
  return Buffer.from(`${list}:${offset}`).toString('base64url');
}

export function decodeCursor(list: string, cursor: string): number {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^([a-z-]+):(\d{1,9})$/.exec(decoded);
  if (!match || match[1] !== list) {
    throw badInput(
      'after',
      `is not a cursor of this list (${list}); use a pageInfo.endCursor it returned`,
    );
  }
  return Number(match[2]);
}

/** Where a page starts and how long it is. */
export interface PageWindow {
  offset: number;
  limit: number;
}

export function pageWindow(list: string, args: PageArgs): PageWindow {
  const offset = args.after ? decodeCursor(list, args.after) + 1 : 0;
  return { offset, limit: pageSize(args.first) };
}

/** `first`, checked (keyset lists page with it too). */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}

/**
 * An edge whose cursor is encoded when it is read: most pages select the
 * nodes only, and a page of 100 encoded 100 cursors for nothing.
 */
class ListEdge<T> implements Edge<T> {
  constructor(
    private readonly list: string,
    private readonly offset: number,
    readonly node: T,
  ) {}

  get cursor(): string {
    return encodeCursor(this.list, this.offset);
  }
}

/** A connection from one page of nodes starting at `window.offset`. */
export function toConnection<T>(
  list: string,
  nodes: T[],
  window: PageWindow,
  totalCount: number,
): Connection<T> {
  const edges = nodes.map((node, i) => new ListEdge(list, window.offset + i, node));
  return {
    edges,
    pageInfo: {
      hasNextPage: window.offset + nodes.length < totalCount,
      hasPreviousPage: window.offset > 0,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount,
  };
}

/** Pages a list already resolved in memory (e.g. a clinic's FAQ list). */
export function pageOf<T>(list: string, all: T[], args: PageArgs): Connection<T> {
  const window = pageWindow(list, args);
  return toConnection(
    list,
    all.slice(window.offset, window.offset + window.limit),
    window,
    all.length,
  );
}
