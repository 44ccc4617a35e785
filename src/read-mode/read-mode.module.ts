import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ContentSources } from './content-sources';
import { PreviewAccessService } from './preview-access.service';

/** The stored columns of each table, as the entities map them. */
const columnsOf = (db: DataSource) => (table: string) =>
  db.entityMetadatas
    .find((metadata) => metadata.tableName === table)
    ?.columns.map((column) => column.databaseName);

/** Published and preview reads: the SQL sources of each mode and who may preview. */
@Module({
  providers: [
    {
      provide: ContentSources,
      inject: [DataSource],
      useFactory: (db: DataSource) => new ContentSources(columnsOf(db)),
    },
    PreviewAccessService,
  ],
  exports: [ContentSources, PreviewAccessService],
})
export class ReadModeModule {}
