import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphqlContext } from '../graphql/graphql-context';

/** The caller of this GraphQL request (ANONYMOUS when no bearer was sent). */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    GqlExecutionContext.create(context).getContext<GraphqlContext>().actor,
);
