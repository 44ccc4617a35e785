import { ObjectType } from '@nestjs/graphql';
import type { JsonLdBrand } from '../../json-ld/json-ld-ids';
import { ConnectionType } from '../../graphql/connection';
import { Faq } from './faq.object';

@ObjectType({ description: 'A page of FAQs, with the FAQPage JSON-LD of the page.' })
export class FaqConnection extends ConnectionType(Faq) {
  /** Not exposed: which page the list is (brand, clinic, treatment), for the JSON-LD `@id`s. */
  page?: FaqPageRef;
}

export interface FaqPageRef {
  brand: JsonLdBrand;
  clinic: string | null;
  treatment: string | null;
}
