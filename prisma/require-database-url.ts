/** The Postgres URL from DATABASE_URL, or a clear failure naming what to set. */
export function requireDatabaseUrl(purpose: string): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(`DATABASE_URL is not set: ${purpose} needs a PostgreSQL URL, e.g. postgresql://user@host:5432/db`);
  }
  return url;
}
