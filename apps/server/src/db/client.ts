/**
 * Opens the database: embedded PGlite in a data folder by default, a PostgreSQL server when
 * DATABASE_URL is set. Both use Drizzle's native driver and the same migrations.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** Either driver's database, or a transaction on it: repositories accept this. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export const migrationsFolder = path.join(import.meta.dirname, 'migrations');

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** The PGlite instance (embedded only): backups and test templates use it. */
  pglite?: PGlite;
  /** The pg pool (server only). */
  pool?: pg.Pool;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Run migrations (default true). */
  migrate?: boolean;
  /** Open an existing PGlite instance (tests clone a migrated template). */
  pglite?: PGlite;
  /** PostgreSQL: an idle connection the server ended (default: one line on stderr). */
  onPoolError?: (error: Error) => void;
}

/** Refused because another process holds the data folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: string,
  ) {
    super(
      `数据目录 ${dataDir} 正被另一个进程（${holder}）使用，拒绝启动以免损坏数据 / ` +
        `the data folder ${dataDir} is in use by another process (${holder}); refusing to start so as not to corrupt it`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no inter-process lock (two processes on one folder corrupt it), so the app takes
 * one: a lock file created exclusively, holding the owner's pid; a lock whose owner is dead is
 * stale and taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'minsheng.lock');
  const me = `${process.pid}@${os.hostname()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, me, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === me) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = fs.readFileSync(lockPath, 'utf8').trim();
      const [pidText, host] = holder.split('@');
      const pid = Number(pidText);
      const sameHost = host === os.hostname();
      if (!sameHost || !Number.isInteger(pid) || isAlive(pid)) throw new DataDirLockedError(dataDir, holder);
      fs.unlinkSync(lockPath); // stale: its owner is gone
    }
  }
  throw new DataDirLockedError(dataDir, 'unknown');
}

/** Applies the migrations; on PostgreSQL under an advisory lock, so several processes may start at once. */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'postgres' && handle.pool) {
    const client = await handle.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(7242001)');
      try {
        await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock(7242001)');
      }
    } finally {
      client.release();
    }
  } else if (handle.pglite) {
    await migratePglite(drizzlePglite({ client: handle.pglite, schema }), { migrationsFolder });
  }
}

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection that the server ends (a restart, a failover, an administrator) is
    // reported here; without a listener Node would throw it and bring the process down. The
    // pool replaces the connection on the next query.
    const onPoolError =
      options.onPoolError ??
      ((error: Error) => process.stderr.write(`minsheng: database connection lost: ${error.message}\n`));
    pool.on('error', onPoolError);
    handle = {
      db: drizzlePg({ client: pool, schema }) as unknown as Database,
      kind: 'postgres',
      pool,
      close: () => pool.end(),
    };
  } else if (options.pglite) {
    const client = options.pglite;
    handle = {
      db: drizzlePglite({ client, schema }) as unknown as Database,
      kind: 'pglite',
      pglite: client,
      close: () => client.close(),
    };
  } else {
    const dataDir = path.resolve(options.dataDir ?? './data');
    const release = lockDataDir(dataDir);
    try {
      const client = await PGlite.create(path.join(dataDir, 'pgdata'));
      handle = {
        db: drizzlePglite({ client, schema }) as unknown as Database,
        kind: 'pglite',
        pglite: client,
        close: async () => {
          await client.close();
          release();
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }
  if (options.migrate !== false) await runMigrations(handle);
  return handle;
}
