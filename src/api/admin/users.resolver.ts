import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { toBrand } from '../../brands/brands.service';
import { Brand } from '../../brands/dtos/brand.object';
import { PUBLISHED } from '../../read-mode/read-mode';
import { Region } from '../../regions/dtos/region.object';
import type { Actor } from '../../auth/actor';
import { CreateUserInput, InviteUserInput } from '../../auth/dtos/create-user.input';
import { UserConnection } from './dtos/user-connection.object';
import { UserInvitation } from '../../auth/dtos/user-invitation.object';
import { PageArgs, pageWindow, toConnection } from '../../graphql/connection';
import { AssignedClinic, User, UserPermissions } from '../../auth/dtos/user.object';
import { UsersService } from '../../auth/users.service';
import { accountPermissions } from '../../access/account-access';
import type { RequestLoaders } from '../../graphql/request-loaders';
import type { RequestOrigin } from '../../auth/request-origin';
import { CurrentActor, Loaders, Origin } from '../../graphql/context.decorators';

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly usersService: UsersService) {}

  @Query(() => [User], { description: 'Editor accounts of your brand. Brand admins only.' })
  users(@CurrentActor() actor: Actor): Promise<User[]> {
    return this.usersService.listUsers(actor);
  }

  @Query(() => UserConnection, {
    description:
      'Editor accounts of your brand, a page at a time, by email (what the console’s People screen lists). Brand admins only.',
  })
  async people(@Args() args: PageArgs, @CurrentActor() actor: Actor): Promise<UserConnection> {
    const window = pageWindow('people', args);
    const { rows, totalCount } = await this.usersService.pageUsers(actor, window);
    return toConnection('people', rows, window, totalCount);
  }

  @Mutation(() => User, {
    description: 'Creates an editor account in your brand. Brand admins (or admin keys) only.',
  })
  createUser(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: CreateUserInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<User> {
    return this.usersService.createUser(actor, input, origin.ip);
  }

  @Mutation(() => UserInvitation, {
    description:
      'Invites an editor to your brand: creates the account with no usable password and answers, this once, a token with which the invitee sets one (resetPassword). Brand admins (or admin keys) only.',
  })
  inviteUser(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: InviteUserInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<UserInvitation> {
    return this.usersService.inviteUser(actor, input, origin.ip);
  }

  @ResolveField(() => UserPermissions, {
    description:
      'What the caller may do with this account (the console shows its actions from it).',
  })
  viewerCan(@Parent() user: User, @CurrentActor() actor: Actor): UserPermissions {
    return accountPermissions(actor, user);
  }

  @ResolveField(() => Brand, { description: 'The brand the editor belongs to.' })
  async brand(@Parent() user: User, @Loaders() loaders: RequestLoaders): Promise<Brand> {
    const brand = await loaders.get(this.usersService.batchBrandById).load(user.brandId);
    // The stored row: what delivery shows once (or while) the brand is published.
    return toBrand(brand!, PUBLISHED);
  }

  @ResolveField(() => [Region], { description: 'Regions a REGION_EDITOR edits.' })
  regions(@Parent() user: User, @Loaders() loaders: RequestLoaders): Promise<Region[]> {
    return loaders.get(this.usersService.batchRegionsByUser).load(user.id);
  }

  @ResolveField(() => [AssignedClinic], { description: 'Clinics a CLINIC_EDITOR edits.' })
  clinics(@Parent() user: User, @Loaders() loaders: RequestLoaders): Promise<AssignedClinic[]> {
    return loaders.get(this.usersService.batchClinicsByUser).load(user.id);
  }
}
