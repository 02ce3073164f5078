import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema.ts, append-only and timestamp-named; the same
// files run on PGlite and PostgreSQL (src/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
  migrations: { prefix: 'timestamp' },
});
