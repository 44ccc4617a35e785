import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ReadMode } from '../../read-mode/read-mode';
import type { VerifiedLicence } from '../performer-licences';
import { ITEM_ID_DESCRIPTION, Node, NODE_ID_DESCRIPTION } from '../../graphql/node.interface';

@ObjectType({
  description: 'A practitioner who performs treatments at clinics.',
  implements: () => [Node],
})
export class Provider {
  @Field(() => ID, { description: NODE_ID_DESCRIPTION })
  id: string;

  @Field(() => ID, { description: ITEM_ID_DESCRIPTION })
  itemId: string;

  @Field({ description: 'Unique in the brand, e.g. "maya-ellison".' })
  slug: string;

  @Field({ description: 'Full name.' })
  name: string;

  @Field(() => [String], { description: 'Post-nominal credentials, e.g. ["MD", "FAAD"].' })
  credentials: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Job title, e.g. "Medical Director"; null when none.',
  })
  title: string | null;

  @Field({ description: 'Markdown.' })
  bio: string;

  /**
   * A plain property, not a field resolver: Nest's wrapper made each
   * provider's field asynchronous (see ProvidersService.toProvider).
   */
  @Field({ description: 'Sanitized HTML of the bio.' })
  bioHtml: string;

  @Field(() => String, { nullable: true, description: 'Portrait URL; null when none.' })
  photoUrl: string | null;

  @Field({ description: 'When the provider last changed.' })
  updatedAt: Date;

  /** Not exposed: the bio's HTML stored when it was written, if any (bioHtml answers it). */
  storedBioHtml: string | null;

  /** Not exposed: the brand, and what this answer shows. */
  brandId: string;
  mode: ReadMode;
  /** Not exposed: verified, unexpired licences (JSON-LD `hasCredential`). */
  verifiedLicences: VerifiedLicence[];
}
