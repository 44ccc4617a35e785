import { Field, ID, Int, ObjectType, PickType } from '@nestjs/graphql';
import { CLINIC_SHARED_FIELDS } from '../../clinics/clinic.mapper';
import { Clinic } from '../../clinics/dtos/clinic.object';

@ObjectType({ description: 'A published clinic, as partners copy it.' })
export class PartnerClinic extends PickType(Clinic, CLINIC_SHARED_FIELDS) {
  @Field(() => ID, { description: 'The clinic’s id.' })
  id: string;

  @Field(() => Int, { description: 'Grows with every published change of the clinic.' })
  version: number;
}
