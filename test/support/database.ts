import { createPrismaClient, type PrismaClient } from '../../prisma/client.ts';
import { applyMigrations } from '../../prisma/migrate.ts';
import { createScratchDatabase } from '../../prisma/scratch-database.ts';

export interface TestDatabase {
  /** URL of this test file's own database. */
  url: string;
  prisma: PrismaClient;
  /** Disconnects and drops the database. */
  cleanup(): Promise<void>;
}

/** The throwaway cluster's superuser URL that scripts/test.sh exports; tests create their databases through it. */
export function testClusterUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set: database tests need a superuser URL to a throwaway PostgreSQL cluster ' +
        '(scripts/test.sh starts one and sets it), e.g. postgresql://postgres@127.0.0.1:55432/postgres',
    );
  }
  return url;
}

/** A fresh, uniquely named database with every migration applied (the way `npm run db:migrate` applies them). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await createScratchDatabase(testClusterUrl(), 'ticketflow_test');
  try {
    await applyMigrations(database.url);
  } catch (error) {
    await database.drop();
    throw error;
  }
  const prisma = createPrismaClient(database.url);
  return {
    url: database.url,
    prisma,
    cleanup: async () => {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}
