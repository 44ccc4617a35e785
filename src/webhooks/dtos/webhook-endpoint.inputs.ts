import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { ContentTypeName } from '../../editing/dtos/editable-item.object';
import { WebhookActionName } from './webhook-endpoint.object';

@InputType({ description: 'Events of one kind of item to receive.' })
export class WebhookSubscriptionInput {
  @Field(() => ContentTypeName, { description: 'The kind of item.' })
  @IsEnum(ContentTypeName)
  type: ContentTypeName;

  @Field(() => [WebhookActionName], { description: 'The events to send.' })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(WebhookActionName, { each: true })
  actions: WebhookActionName[];
}

/** A secret you choose: long, printable, no spaces. */
const IsWebhookSecret = () =>
  applyDecorators(
    Length(24, 200),
    Matches(/^[\x21-\x7e]+$/, { message: 'secret must be printable ASCII without spaces' }),
  );

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookEndpointInput {
  @Field({
    description:
      'https:// URL that receives POSTs (it must resolve to a public address). At most 2048 characters.',
  })
  @IsString()
  @Length(1, 2048)
  url: string;

  @Field(() => String, {
    nullable: true,
    description: 'A note for your team. At most 500 characters.',
  })
  @IsOptional()
  @Length(0, 500)
  description?: string | null;

  @Field(() => [WebhookSubscriptionInput], { description: 'The events it receives.' })
  @ValidateNested({ each: true })
  @Type(() => WebhookSubscriptionInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  subscriptions: WebhookSubscriptionInput[];

  @Field(() => String, {
    nullable: true,
    description:
      'Your own signing secret (24+ characters); one is generated when omitted. At most 200 characters.',
  })
  @IsOptional()
  @IsWebhookSecret()
  secret?: string | null;
}

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID, { description: 'The endpoint’s id.' })
  @IsUUID('all')
  id: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where events are POSTed (https). At most 2048 characters.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2048)
  url?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A note for your team; null clears it. At most 500 characters.',
  })
  @IsOptional()
  @Length(0, 500)
  description?: string | null;

  @Field(() => [WebhookSubscriptionInput], {
    nullable: true,
    description: 'The events it receives; replaces the list.',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => WebhookSubscriptionInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  subscriptions?: WebhookSubscriptionInput[] | null;

  @Field(() => Boolean, { nullable: true, description: 'False pauses deliveries.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;
}

@InputType({ description: 'An endpoint whose signing secret to replace.' })
export class RotateWebhookSecretInput {
  @Field(() => ID, { description: 'The endpoint’s id.' })
  @IsUUID('all')
  id: string;

  @Field(() => String, {
    nullable: true,
    description: 'Your own new secret; generated when omitted. At most 200 characters.',
  })
  @IsOptional()
  @IsWebhookSecret()
  secret?: string | null;
}

@InputType({ description: 'A webhook endpoint or delivery, by id.' })
export class WebhookIdInput {
  @Field(() => ID, { description: 'Its id.' })
  @IsUUID('all')
  id: string;
}
