import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { GraphqlContext } from '../graphql/graphql-context';
import { IS_PUBLIC } from './public.decorator';
import { requireAuthenticated } from '../access/callers';

/**
 * Refuses every GraphQL mutation to anonymous callers (UNAUTHENTICATED)
 * unless it is marked @Public(). A guard runs before the validation pipe,
 * so an anonymous caller never learns a mutation's input rules; services
 * still check each caller's rights for every id (this only says "sign in").
 */
@Injectable()
export class SignedInMutationsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ parentType: unknown; schema: { getMutationType(): unknown } }>();
    if (info.parentType !== info.schema.getMutationType()) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!isPublic) requireAuthenticated(gql.getContext<GraphqlContext>().actor);
    return true;
  }
}
