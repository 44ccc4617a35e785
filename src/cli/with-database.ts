import type { DataSource } from 'typeorm';
import type { CliIo } from './cli-io';
import { connectDatabase } from './connect-database';

/** Connects as the app does (migrating first), runs `work`, disconnects. */
export async function withDatabase<T>(io: CliIo, work: (db: DataSource) => Promise<T>): Promise<T> {
  const connection = await connectDatabase(io.env);
  io.err(`Database: ${connection.description}`);
  try {
    return await work(connection.dataSource);
  } finally {
    await connection.close();
  }
}
