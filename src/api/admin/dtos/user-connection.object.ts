import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/connection';
import { User } from '../../../auth/dtos/user.object';

@ObjectType({ description: 'A page of editor accounts, by email.' })
export class UserConnection extends ConnectionType(User) {}
