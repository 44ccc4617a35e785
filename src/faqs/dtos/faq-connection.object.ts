import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/connection';
import { Faq } from './faq.object';

@ObjectType({ description: 'A page of FAQs, with the FAQPage JSON-LD of the page.' })
export class FaqConnection extends ConnectionType(Faq) {}
