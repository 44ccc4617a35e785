import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/connection';
import { Faq } from './faq.object';

@ObjectType()
export class FaqConnection extends ConnectionType(Faq) {}
