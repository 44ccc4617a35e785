import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '../../../graphql/connection';
import { WebhookDeliveryStatus } from '../../../webhooks/dtos/webhook-delivery.object';

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => ID, { description: 'The endpoint’s id.' })
  @IsUUID('all')
  endpointId: string;

  @Field(() => WebhookDeliveryStatus, {
    nullable: true,
    description: 'Only deliveries in this state.',
  })
  @IsOptional()
  @IsEnum(WebhookDeliveryStatus)
  status?: WebhookDeliveryStatus | null;
}

@ArgsType()
export class WebhookAttemptsArgs extends PageArgs {
  @Field(() => ID, { description: 'The endpoint’s id.' })
  @IsUUID('all')
  endpointId: string;

  @Field(() => ID, { nullable: true, description: 'Only the attempts of this delivery.' })
  @IsOptional()
  @IsUUID('all')
  deliveryId?: string | null;
}
