import { defineConfig } from 'drizzle-kit';

// Only used by `npm run db:generate`; the app opens the database in db/client.ts.
export default defineConfig({
  dialect: 'turso',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'file:./data/melek.db' },
});
