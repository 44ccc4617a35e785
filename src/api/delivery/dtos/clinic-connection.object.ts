import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/connection';
import { Clinic } from '../../../clinics/dtos/clinic.object';

@ObjectType({ description: 'A page of clinics.' })
export class ClinicConnection extends ConnectionType(Clinic) {}
