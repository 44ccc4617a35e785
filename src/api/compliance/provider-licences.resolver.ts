import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AddProviderLicenceInput,
  CredentialRule,
  DeleteCredentialRuleInput,
  ExpiringLicencesArgs,
  LicenceIdInput,
  LicenceStatus,
  ProviderLicence,
  SetCredentialRuleInput,
  UpdateProviderLicenceInput,
} from './dtos/provider-licence.object';
import {
  LICENCE_WARNING_DAYS,
  type LicenceRow,
  ProviderLicencesService,
} from '../../compliance/provider-licences.service';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../graphql/context.decorators';

const DAY = 24 * 3600 * 1000;

/** A licence as editors read it, with how long it has left. */
function toLicence(row: LicenceRow, now = Date.now()): ProviderLicence {
  const left = new Date(row.expiresAt).getTime() - now;
  // Whole days, towards zero: "expires today" and "expired today" on either side of the moment.
  const expiresInDays = Math.trunc(left / DAY);
  const status =
    left <= 0
      ? LicenceStatus.EXPIRED
      : expiresInDays < LICENCE_WARNING_DAYS
        ? LicenceStatus.EXPIRING_SOON
        : LicenceStatus.VALID;
  const warning =
    status === LicenceStatus.EXPIRED
      ? `${
          expiresInDays === 0
            ? 'expired today'
            : `expired ${-expiresInDays} ${expiresInDays === -1 ? 'day' : 'days'} ago`
        }: delivery no longer counts it`
      : status === LicenceStatus.EXPIRING_SOON
        ? expiresInDays === 0
          ? 'expires today'
          : `expires in ${expiresInDays} ${expiresInDays === 1 ? 'day' : 'days'}`
        : null;
  return { ...row, status, expiresInDays, warning };
}

/** Provider licences and credential rules (docs/compliance.md). */
@Resolver()
export class ProviderLicencesResolver {
  constructor(private readonly licences: ProviderLicencesService) {}

  @Query(() => [ProviderLicence], {
    description: 'A provider’s licences, soonest expiry first. Editors of the brand.',
  })
  async providerLicences(
    @Args('providerId', { type: () => ID, description: 'The provider’s id (itemId).' })
    providerId: string,
    @CurrentActor() actor: Actor,
  ): Promise<ProviderLicence[]> {
    return (await this.licences.listForProvider(actor, providerId)).map((row) => toLicence(row));
  }

  @Query(() => [ProviderLicence], {
    description:
      'Licences of your brand that expire within `withinDays` or expired in the last year, soonest first: the "expires in N days" list.',
  })
  async expiringLicences(
    @Args() args: ExpiringLicencesArgs,
    @CurrentActor() actor: Actor,
  ): Promise<ProviderLicence[]> {
    return (await this.licences.expiring(actor, args.withinDays)).map((row) => toLicence(row));
  }

  @Query(() => [CredentialRule], {
    description: 'Your brand’s credential rules (of one treatment, when given).',
  })
  credentialRules(
    @Args('treatmentId', {
      type: () => ID,
      nullable: true,
      description: 'Only this treatment’s rules.',
    })
    treatmentId: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<CredentialRule[]> {
    return this.licences.rules(actor, treatmentId ?? null);
  }

  @Mutation(() => ProviderLicence, {
    description:
      'Records a provider’s licence (unverified until verifyProviderLicence). Brand-wide editors.',
  })
  async addProviderLicence(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: AddProviderLicenceInput,
    @CurrentActor() actor: Actor,
  ): Promise<ProviderLicence> {
    const { providerId, ...fields } = input;
    return toLicence(await this.licences.add(actor, providerId, fields));
  }

  @Mutation(() => ProviderLicence, {
    description:
      'Changes what a licence says (e.g. a renewal’s expiry); it must be verified again.',
  })
  async updateProviderLicence(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateProviderLicenceInput,
    @CurrentActor() actor: Actor,
  ): Promise<ProviderLicence> {
    const { id, ...fields } = input;
    return toLicence(await this.licences.update(actor, id, fields));
  }

  @Mutation(() => ProviderLicence, {
    description:
      'Records that you checked the licence with its issuing board: it then shows in JSON-LD as `hasCredential`. Brand admins and medical reviewers.',
  })
  async verifyProviderLicence(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: LicenceIdInput,
    @CurrentActor() actor: Actor,
  ): Promise<ProviderLicence> {
    return toLicence(await this.licences.verify(actor, input.id));
  }

  @Mutation(() => ProviderLicence, {
    description: 'Deletes a licence record; returns it as it was.',
  })
  async removeProviderLicence(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: LicenceIdInput,
    @CurrentActor() actor: Actor,
  ): Promise<ProviderLicence> {
    return toLicence(await this.licences.remove(actor, input.id));
  }

  @Mutation(() => CredentialRule, {
    description:
      'Sets which credential types may perform a treatment in a state; linking a provider to perform it at a clinic there is checked against it. Brand-wide editors.',
  })
  setCredentialRule(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: SetCredentialRuleInput,
    @CurrentActor() actor: Actor,
  ): Promise<CredentialRule> {
    return this.licences.setRule(actor, input);
  }

  @Mutation(() => CredentialRule, {
    description:
      'Deletes a credential rule (any licence then qualifies there); returns it as it was.',
  })
  deleteCredentialRule(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: DeleteCredentialRuleInput,
    @CurrentActor() actor: Actor,
  ): Promise<CredentialRule> {
    return this.licences.deleteRule(actor, input.treatmentId, input.state);
  }
}
