import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { DatabaseHandle } from '../../src/db/client';
import { auditLog, jurisdictions } from '../../src/db/schema';
import { openTestDatabase, testDatabases } from './database';

describe.each(testDatabases())('test database on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('is migrated and writable', async () => {
    const [row] = await handle.db
      .insert(jurisdictions)
      .values({ name: '吉林省', level: 'province' })
      .returning();
    expect(row?.name).toBe('吉林省');
    expect(row?.version).toBe(1);
  });

  it.runIf(kind === 'postgres')('survives the server ending its idle connections', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const { rows } = await handle.pool!.query<{ db: string }>('SELECT current_database() AS db');
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    // What a restart or an administrator does: end every connection to the app's database.
    const ended = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [rows[0]!.db],
    );
    await admin.end();
    expect(ended.rowCount).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The process is still here, and the pool reconnects on the next query.
    const [row] = await handle.db.select().from(jurisdictions);
    expect(row?.name).toBe('吉林省');
  });

  it('refuses to change the audit log', async () => {
    await handle.db.insert(auditLog).values({ action: 'create', entity: 'plan', entityId: '1' });
    // Drizzle wraps the driver's error; the database's own message is its cause.
    const causeOf = (error: unknown) => String((error as { cause?: Error }).cause?.message);
    const update = await handle.db.execute(sql`UPDATE audit_log SET action = 'x'`).catch(causeOf);
    const remove = await handle.db.execute(sql`DELETE FROM audit_log`).catch(causeOf);
    expect(update).toMatch(/append-only/);
    expect(remove).toMatch(/append-only/);
  });
});
