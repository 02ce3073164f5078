/**
 * One app process's start, as main.ts does it: open the database (migrations) and seed the demo
 * data on an empty one. The concurrent-start test runs several of these at once.
 */
import { openDatabase } from '../../src/db/client';
import { ensureDemoData } from '../../src/demo/index';

const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
try {
  const seeded = await ensureDemoData(handle);
  process.stdout.write(seeded ? 'seeded\n' : 'found\n');
} finally {
  await handle.close();
}
