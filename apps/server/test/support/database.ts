/**
 * A real database per test file: PGlite always (a clone of one migrated template, ~0.7 s
 * instead of ~4 s for a new one), PostgreSQL when TEST_DATABASE_URL is set (a fresh database
 * created and migrated per file, dropped afterwards).
 *
 *   describe.each(testDatabases())('plans on %s', (kind) => { let h; beforeAll(async () => { h = await openTestDatabase(kind) }) … })
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/client';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** The databases this run tests against. */
export function testDatabases(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

const templatePath = path.join(os.tmpdir(), `minsheng-pglite-template-${process.ppid}.tar`);

async function pgliteTemplate(): Promise<Blob> {
  // One template per test run (keyed by the runner's pid), built by whichever file gets there first.
  if (!fs.existsSync(templatePath)) {
    const template = await PGlite.create();
    const handle = await openDatabase({ pglite: template });
    const dump = await template.dumpDataDir('none');
    await handle.close();
    const tmp = `${templatePath}.${process.pid}`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, templatePath);
  }
  return new Blob([fs.readFileSync(templatePath)]);
}

export async function openTestDatabase(kind: TestDatabaseKind = 'pglite'): Promise<DatabaseHandle> {
  if (kind === 'pglite') {
    const client = await PGlite.create({ loadDataDir: await pgliteTemplate() });
    return openDatabase({ pglite: client, migrate: false });
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `minsheng_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  // Dropping the database at the end ends any connection still idle in the pool: expected here.
  const handle = await openDatabase({ databaseUrl: dbUrl.toString(), onPoolError: () => {} });
  const close = handle.close;
  handle.close = async () => {
    await close();
    const dropper = new pg.Client({ connectionString: url });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
  return handle;
}
