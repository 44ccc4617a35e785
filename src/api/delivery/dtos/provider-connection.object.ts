import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/connection';
import { Provider } from '../../../providers/dtos/provider.object';

@ObjectType({ description: 'A page of providers.' })
export class ProviderConnection extends ConnectionType(Provider) {}
