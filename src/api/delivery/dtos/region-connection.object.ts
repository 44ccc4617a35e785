import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/connection';
import { Region } from '../../../regions/dtos/region.object';

@ObjectType({ description: 'A page of regions.' })
export class RegionConnection extends ConnectionType(Region) {}
