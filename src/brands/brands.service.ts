import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { pickByKeys, type RequestLoaders } from '../graphql/request-loaders';
import { BrandEntity } from './brand.entity';

/** Reads published brands for delivery. */
@Injectable()
export class BrandsService {
  constructor(
    @InjectRepository(BrandEntity)
    private readonly brands: Repository<BrandEntity>,
  ) {}

  findAll(): Promise<BrandEntity[]> {
    return this.brands.find({
      where: { publicationStatus: 'PUBLISHED' },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  findBySlug(slug: string): Promise<BrandEntity | null> {
    return this.brands.findOneBy({ slug, publicationStatus: 'PUBLISHED' });
  }

  readonly batchById = async (ids: readonly string[]) =>
    pickByKeys(
      ids,
      await this.brands.findBy({
        id: In([...ids]),
        publicationStatus: 'PUBLISHED',
      }),
      (brand) => brand.id,
    );

  /**
   * Gives the request's brand loader a brand read along with something else
   * (a clinic), so resolvers that ask for it send no statement of their own.
   */
  prime(loaders: RequestLoaders, brand: Pick<BrandEntity, 'id'> & Partial<BrandEntity>): void {
    loaders.get(this.batchById).prime(brand.id, brand as BrandEntity);
  }
}
