import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ReadMode } from '../../read-mode/read-mode';

export enum FaqScope {
  BRAND = 'BRAND',
  CLINIC = 'CLINIC',
}
registerEnumType(FaqScope, {
  name: 'FaqScope',
  description: 'BRAND: written by the brand for every clinic; CLINIC: one clinic only.',
});

@ObjectType()
export class Faq {
  @Field(() => ID)
  id: string;

  @Field()
  question: string;

  @Field({ description: 'Markdown.' })
  answer: string;

  @Field(() => FaqScope)
  scope: FaqScope;

  @Field()
  updatedAt: Date;

  /** Not exposed: the brand, the clinic it is resolved for, its treatments, what it shows. */
  brandId: string;
  clinicId: string | null;
  treatmentIds: string[];
  mode: ReadMode;
}
