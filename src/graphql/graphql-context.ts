import type { Request } from 'express';
import { RequestLoaders } from './request-loaders';

export interface GraphqlContext {
  req: Request;
  loaders: RequestLoaders;
}

export function createGraphqlContext({ req }: { req: Request }): GraphqlContext {
  return { req, loaders: new RequestLoaders() };
}
