import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/connection';
import { Treatment } from '../../../treatments/dtos/treatment.object';

@ObjectType({ description: 'A page of treatments.' })
export class TreatmentConnection extends ConnectionType(Treatment) {}
