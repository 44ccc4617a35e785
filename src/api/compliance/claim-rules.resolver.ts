import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ClaimRuleSpec } from '../../compliance/claim-rule-defaults';
import { ClaimRulesService } from '../../compliance/claim-rules.service';
import { ClaimRule } from '../../compliance/dtos/claim-rule.object';
import {
  ClaimRuleInput,
  DeleteClaimRuleInput,
  UpdateClaimRuleInput,
} from './dtos/claim-rule.inputs';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../graphql/context.decorators';

const spec = (input: ClaimRuleInput): ClaimRuleSpec => ({
  phrase: input.phrase?.trim() || null,
  pattern: input.pattern ?? null,
  severity: input.severity,
  reason: input.reason.trim(),
  regionId: input.regionId ?? null,
  state: input.state ?? null,
});

/** The claims linter's rules: read by the brand's editors, changed by brand-wide editors. */
@Resolver()
export class ClaimRulesResolver {
  constructor(private readonly rules: ClaimRulesService) {}

  @Query(() => [ClaimRule], { description: 'Your brand’s claim rules, oldest first.' })
  async claimRules(@CurrentActor() actor: Actor): Promise<ClaimRule[]> {
    return (await this.rules.list(actor)) as ClaimRule[];
  }

  @Mutation(() => ClaimRule, {
    description: 'Adds a claim rule; it applies to every later save and publish.',
  })
  async createClaimRule(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: ClaimRuleInput,
    @CurrentActor() actor: Actor,
  ): Promise<ClaimRule> {
    return (await this.rules.create(actor, spec(input))) as ClaimRule;
  }

  @Mutation(() => ClaimRule, {
    description: 'Replaces a claim rule’s phrase or pattern, severity, reason and scope.',
  })
  async updateClaimRule(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateClaimRuleInput,
    @CurrentActor() actor: Actor,
  ): Promise<ClaimRule> {
    return (await this.rules.update(actor, input.id, spec(input))) as ClaimRule;
  }

  @Mutation(() => ClaimRule, { description: 'Deletes a claim rule; returns it as it was.' })
  async deleteClaimRule(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: DeleteClaimRuleInput,
    @CurrentActor() actor: Actor,
  ): Promise<ClaimRule> {
    return (await this.rules.remove(actor, input.id)) as ClaimRule;
  }
}
