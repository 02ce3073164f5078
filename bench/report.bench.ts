/**
 * npm run bench:report — submission throughput and p99 latency with 200 concurrent reporters
 * (each submission: POST /api/reports to open the draft, POST /api/reports/:id/submit to save
 * the values, the status proposal and the version snapshot in one transaction), on PGlite and on
 * PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL; skipped when neither is set), beside the
 * ceiling: a bare Fastify route that inserts the same report row with the raw driver. Prints
 * app ÷ ceiling as ratios.
 *
 *   BENCH_SUBMISSIONS=2000 BENCH_CONCURRENCY=200 npm run bench:report
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '@minsheng/server';
import { openDatabase, type DatabaseHandle } from '@minsheng/server/db/client';
import { reportingRoutes } from '@minsheng/server/routes/reporting/index';
import { createReportingServices } from '@minsheng/server/services/reporting/index';
import {
  loginOverHttp,
  seedLoadWorld,
  submitOverHttp,
  type LoadWorld,
} from '../apps/server/test/reporting/load-support';

const submissions = Number(process.env.BENCH_SUBMISSIONS ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 200);

interface Figures {
  perSecond: number;
  p99: number;
  errors: number;
}

/** Runs `count` jobs with `concurrency` in flight; latency of each job in ms. */
async function drive(count: number, job: (index: number) => Promise<unknown>): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const t0 = performance.now();
        try {
          await job(index);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / seconds,
    p99: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0,
    errors,
  };
}

async function run(label: string, handle: DatabaseHandle, dataDir: string): Promise<void> {
  const world: LoadWorld = await seedLoadWorld(handle.db, submissions * 2, `bench${Date.now()}`);
  const config: Record<string, unknown> = { dataDir, loginRateLimit: { max: 10_000, timeWindowMs: 60_000 } };
  const app = await buildApp({ db: handle, logger: false, config });
  if (!app.hasRoute({ method: 'GET', url: '/api/notifications' })) {
    const services = createReportingServices(handle.db, { dataDir });
    await app.register(async (scope) => reportingRoutes(scope, { services }), { prefix: '/api' });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const headers = await loginOverHttp(base, world.username);

  // The ceiling: one INSERT of the same row (the second half of the tasks, so no key collides).
  const bare = Fastify({ logger: false });
  const insert = `INSERT INTO reports (task_id, unit_id, period_id, status, progress_text, "values", reported_status,
      proposed_status, investment, submissions, submitted_at)
    SELECT $1, tu.unit_id, $2, 'submitted', $3, $4::jsonb, '正常推进', '正常推进', 12.5, 1, now()
    FROM task_units tu WHERE tu.task_id = $1 RETURNING id`;
  const query = handle.pool
    ? async (params: unknown[]) => (await handle.pool!.query(insert, params)).rows
    : async (params: unknown[]) => (await handle.pglite!.query(insert, params)).rows;
  bare.post<{ Body: { index: number } }>('/bare/submit', async (request) => {
    const i = request.body.index;
    const rows = await query([
      world.taskIds[i],
      world.periodId,
      `完成失业人员再就业${700 + i}人`,
      JSON.stringify([{ indicatorId: world.indicatorIds[i], actual: 700 + i }]),
    ]);
    return { id: (rows[0] as { id: number }).id };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const appFigures = await drive(submissions, (i) => submitOverHttp(base, headers, world, i));
  const bareFigures = await drive(submissions, async (i) => {
    const response = await fetch(`${bareBase}/bare/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ index: submissions + i }),
    });
    if (!response.ok) throw new Error(String(response.status));
    await response.arrayBuffer();
  });
  await app.close();
  await bare.close();

  const f = (n: number) => n.toFixed(1);
  console.log(`\n${label}: ${submissions} submissions, ${concurrency} concurrent reporters`);
  console.log(
    `  app      ${f(appFigures.perSecond)} submissions/s   p99 ${f(appFigures.p99)} ms   errors ${appFigures.errors}`,
  );
  console.log(
    `  ceiling  ${f(bareFigures.perSecond)} inserts/s       p99 ${f(bareFigures.p99)} ms   errors ${bareFigures.errors}`,
  );
  console.log(
    `  ratio    throughput ${(appFigures.perSecond / bareFigures.perSecond).toFixed(2)} of the ceiling, ` +
      `p99 ${(appFigures.p99 / Math.max(bareFigures.p99, 0.001)).toFixed(1)}× the ceiling's`,
  );
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-report-'));
  try {
    const lite = await openDatabase({ dataDir });
    try {
      await run('PGlite', lite, dataDir);
    } finally {
      await lite.close();
    }
    const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (!url) {
      console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
      return;
    }
    const name = `minsheng_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const server = await openDatabase({ databaseUrl: dbUrl.toString() });
    try {
      await run('PostgreSQL', server, dataDir);
    } finally {
      await server.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
