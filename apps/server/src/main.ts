/**
 * `npm start`: opens the database (PGlite in MINSHENG_DATA_DIR, or DATABASE_URL), runs the
 * migrations, seeds the demo data when that module is present, serves the API and the built web
 * app, runs the reminder scheduler, and closes the database on SIGINT/SIGTERM (which releases the
 * data-folder lock).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { readConfigFromEnv } from './config';
import { DataDirLockedError, openDatabase, type DatabaseHandle } from './db/client';
import { createSmtpMailer, startScheduler, type Scheduler } from './scheduler/scheduler';

async function seedDemoData(handle: DatabaseHandle, log: (message: string) => void): Promise<void> {
  // Written separately (demo/index.ts); a build without it simply starts empty.
  const file = path.join(import.meta.dirname, 'demo', 'index.ts');
  if (!fs.existsSync(file)) return;
  const demo = (await import(pathToFileURL(file).href)) as {
    ensureDemoData?: (handle: DatabaseHandle) => Promise<unknown>;
  };
  if (typeof demo.ensureDemoData !== 'function') return;
  await demo.ensureDemoData(handle);
  log('demo data ready');
}

async function main(): Promise<void> {
  let env;
  try {
    env = readConfigFromEnv();
  } catch (error) {
    console.error(`minsheng: ${(error as Error).message}`);
    process.exit(1);
  }

  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`minsheng: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  let app: FastifyInstance | undefined;
  let scheduler: Scheduler | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app?.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      scheduler?.stop();
      await app?.close();
    } finally {
      await handle.close();
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    app = await buildApp({
      db: handle,
      config: env.app,
      logger: {
        level: env.logLevel,
        redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      },
    });
    await seedDemoData(handle, (message) => app?.log.info(message));
    await app.listen({ port: env.port, host: env.host });
    if (env.scheduler) {
      const log = app.log;
      scheduler = startScheduler({
        db: handle.db,
        sendMail: env.smtpUrl ? await createSmtpMailer(env.smtpUrl, env.smtpFrom) : undefined,
        log: { info: (obj, msg) => log.info(obj, msg), warn: (obj, msg) => log.warn(obj, msg) },
      });
    }
    app.log.info(
      {
        database: handle.kind === 'postgres' ? 'postgres' : `pglite ${path.resolve(env.dataDir)}`,
        web:
          env.app.webDistDir && fs.existsSync(path.join(env.app.webDistDir, 'index.html'))
            ? env.app.webDistDir
            : null,
      },
      `minsheng listening on http://${env.host}:${env.port}`,
    );
  } catch (error) {
    console.error('minsheng: failed to start:', error);
    await app?.close().catch(() => undefined);
    await handle.close();
    process.exit(1);
  }
}

await main();
