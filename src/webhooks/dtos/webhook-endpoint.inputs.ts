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

@InputType()
export class WebhookSubscriptionInput {
  @Field(() => ContentTypeName)
  @IsEnum(ContentTypeName)
  type: ContentTypeName;

  @Field(() => [WebhookActionName])
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

@InputType()
export class CreateWebhookEndpointInput {
  @Field({
    description:
      'https:// URL that receives POSTs (it must resolve to a public address). At most 2048 characters.',
  })
  @IsString()
  @Length(1, 2048)
  url: string;

  @Field(() => String, { nullable: true, description: 'At most 500 characters.' })
  @IsOptional()
  @Length(0, 500)
  description?: string | null;

  @Field(() => [WebhookSubscriptionInput])
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
  @Field(() => ID)
  @IsUUID('all')
  id: string;

  @Field(() => String, { description: 'At most 2048 characters.', nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 2048)
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 500 characters.' })
  @IsOptional()
  @Length(0, 500)
  description?: string | null;

  @Field(() => [WebhookSubscriptionInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => WebhookSubscriptionInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  subscriptions?: WebhookSubscriptionInput[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;
}

@InputType()
export class RotateWebhookSecretInput {
  @Field(() => ID)
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

@InputType()
export class WebhookIdInput {
  @Field(() => ID)
  @IsUUID('all')
  id: string;
}
