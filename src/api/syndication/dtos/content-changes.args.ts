import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsOptional, IsString, Length, Max, Min } from 'class-validator';

export const MAX_SYNC_PAGE = 500;

@ArgsType()
export class ContentChangesArgs {
  @Field({ description: 'Slug of your brand (the one your partner key belongs to).' })
  @IsString()
  @Length(1, 100)
  brand: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The endCursor of your last sync. Without it, the sync starts from scratch: every published item, then the changes since.',
  })
  @IsOptional()
  @IsString()
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 100,
    description: `Page size, 1 to ${MAX_SYNC_PAGE}.`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_SYNC_PAGE)
  first: number = 100;
}
