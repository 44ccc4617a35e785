import { Args, Query, Resolver } from '@nestjs/graphql';
import { Brand } from './dtos/brand.object';
import { BrandsService } from './brands.service';

@Resolver(() => Brand)
export class BrandsResolver {
  constructor(private readonly brandsService: BrandsService) {}

  @Query(() => [Brand], { description: 'All published brands.' })
  brands(): Promise<Brand[]> {
    return this.brandsService.findAll();
  }

  @Query(() => Brand, { nullable: true, description: 'A published brand by slug, or null.' })
  brand(@Args('slug', { description: 'Brand slug.' }) slug: string): Promise<Brand | null> {
    return this.brandsService.findBySlug(slug);
  }
}
