/**
 * npm run bench:api — requests per second and p99 latency of the API for
 *   1. reading the 80-task plan of seed 002 with its categories, tasks, units and indicators
 *      (GET /api/plans/:id, signed in as the demo office), and
 *   2. importing a document (POST /api/imports, multipart seed 002 → stored preview),
 * on PGlite and on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL; skipped when neither is
 * set), each beside a bare Fastify route that runs the equivalent SQL with the raw driver and no
 * plugins, schemas, session or services (the ceiling). Prints app ÷ bare as a ratio.
 *
 *   BENCH_DURATION=10 BENCH_CONNECTIONS=10 npm run bench:api
 */
import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '@minsheng/server';
import { openDatabase, type DatabaseHandle } from '@minsheng/server/db/client';
import { DEMO_PASSWORD, ensureDemoData } from '@minsheng/server/demo/index';
import { importDocument } from '@minsheng/server/readers/index';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const here = dirname(fileURLToPath(import.meta.url));
const seedFile = resolve(here, '../fixtures/seeds/002_a19654e07b0d8595.txt');
const seedBytes = readFileSync(seedFile);
const duration = Number(process.env.BENCH_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

/** One raw query function for both drivers: text + params → row objects. */
type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

function rawQuery(handle: DatabaseHandle): Query {
  if (handle.pool) {
    const pool = handle.pool;
    return async (text, params = []) => (await pool.query(text, params)).rows as Record<string, unknown>[];
  }
  const client = handle.pglite;
  if (!client) throw new Error('no driver');
  return async (text, params = []) => (await client.query<Record<string, unknown>>(text, params)).rows;
}

/** The ceiling: what a hand-written route doing the same SQL costs. */
async function bareApp(query: Query, handle: DatabaseHandle): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 },
    (_r, body, done) => done(null, body),
  );
  app.get<{ Params: { id: string } }>('/bare/plans/:id', async (request) => {
    const id = Number(request.params.id);
    const [plan] = await query('SELECT * FROM plans WHERE id = $1', [id]);
    const [categories, tasks, units, indicators] = await Promise.all([
      query('SELECT * FROM categories WHERE plan_id = $1 AND retired_at IS NULL ORDER BY ordinal, id', [id]),
      query('SELECT * FROM tasks WHERE plan_id = $1 AND retired_at IS NULL ORDER BY number, id', [id]),
      query(
        `SELECT tu.task_id, tu.unit_id, tu.role, tu.position, tu.counts_in_completion, u.name
         FROM task_units tu JOIN tasks t ON t.id = tu.task_id JOIN units u ON u.id = tu.unit_id
         WHERE t.plan_id = $1 ORDER BY tu.task_id, tu.position`,
        [id],
      ),
      query(
        `SELECT i.* FROM indicators i JOIN tasks t ON t.id = i.task_id
         WHERE t.plan_id = $1 AND i.retired_at IS NULL ORDER BY i.task_id, i.position, i.id`,
        [id],
      ),
    ]);
    return {
      ...plan,
      categories,
      tasks: tasks.map((t) => ({
        ...t,
        units: units.filter((u) => u.task_id === t.id),
        indicators: indicators.filter((i) => i.task_id === t.id),
      })),
    };
  });
  app.post<{ Params: { jurisdictionId: string }; Body: Buffer }>(
    '/bare/imports/:jurisdictionId',
    async (request, reply) => {
      const bytes = new Uint8Array(request.body);
      const document = await importDocument(bytes, 'seed.txt', {});
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const jurisdictionId = Number(request.params.jurisdictionId);
      // One transaction through the raw driver: the file row, then the import row.
      const rows = await inTransaction(handle, async (q) => {
        const [doc] = await q(
          `INSERT INTO source_documents (jurisdiction_id, file_name, media_type, size, sha256, content)
         VALUES ($1, 'seed.txt', 'text/plain', $2, $3, $4) RETURNING id`,
          [jurisdictionId, bytes.length, sha256, bytes],
        );
        return q(
          `INSERT INTO plan_imports (jurisdiction_id, source_document_id, document) VALUES ($1, $2, $3) RETURNING id`,
          [jurisdictionId, doc?.id, JSON.stringify(document)],
        );
      });
      return reply.code(201).send({ id: rows[0]?.id, document });
    },
  );
  return app;
}

async function inTransaction<T>(handle: DatabaseHandle, run: (q: Query) => Promise<T>): Promise<T> {
  if (handle.pool) {
    const client = await handle.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await run(
        async (text, params = []) => (await client.query(text, params)).rows as Record<string, unknown>[],
      );
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
  const pglite = handle.pglite;
  if (!pglite) throw new Error('no driver');
  return pglite.transaction((tx) =>
    run(async (text, params = []) => (await tx.query<Record<string, unknown>>(text, params)).rows),
  );
}

function multipart(jurisdictionId: number): { body: Buffer; contentType: string } {
  const boundary = '----minshengbench';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="jurisdictionId"\r\n\r\n${jurisdictionId}\r\n`,
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="002.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    seedBytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ host: '127.0.0.1', port: 0 });
}

interface Row {
  backend: string;
  scenario: string;
  app: AutocannonResult;
  bare: AutocannonResult;
}

async function run(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<AutocannonResult> {
  const result = await autocannon({ url, method, headers, connections, duration, ...(body ? { body } : {}) });
  if (result.non2xx > 0 || result.errors > 0) {
    process.stderr.write(`  ! ${method} ${url}: ${result.non2xx} non-2xx, ${result.errors} errors\n`);
  }
  return result;
}

async function benchBackend(name: string, handle: DatabaseHandle): Promise<Row[]> {
  process.stderr.write(`${name}: demo data…\n`);
  await ensureDemoData(handle);
  const query = rawQuery(handle);
  const [plan] = await query(
    `SELECT p.id, p.jurisdiction_id FROM plans p JOIN jurisdictions j ON j.id = p.jurisdiction_id
     WHERE j.name = '吉林市' AND p.year = 2015 ORDER BY p.id LIMIT 1`,
  );
  if (!plan) throw new Error('the demo plan of seed 002 is missing');
  const planId = Number(plan.id);
  const jurisdictionId = Number(plan.jurisdiction_id);
  const [{ n } = { n: 0 }] = await query('SELECT count(*)::int AS n FROM tasks WHERE plan_id = $1', [planId]);
  process.stderr.write(`${name}: plan ${planId} has ${n} tasks\n`);

  const app = await buildApp({
    db: handle,
    logger: false,
    config: { loginRateLimit: { max: 1_000_000, timeWindowMs: 60_000 } },
  });
  const bare = await bareApp(query, handle);
  const appUrl = await listen(app);
  const bareUrl = await listen(bare);
  try {
    const login = await fetch(`${appUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'office', password: DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const session = { cookie, 'x-csrf-token': csrfToken };

    process.stderr.write(`${name}: read plan…\n`);
    const readApp = await run(`${appUrl}/api/plans/${planId}`, 'GET', session);
    const readBare = await run(`${bareUrl}/bare/plans/${planId}`, 'GET', {});
    process.stderr.write(`${name}: import document…\n`);
    const form = multipart(jurisdictionId);
    const importApp = await run(
      `${appUrl}/api/imports`,
      'POST',
      { ...session, 'content-type': form.contentType },
      form.body,
    );
    const importBare = await run(
      `${bareUrl}/bare/imports/${jurisdictionId}`,
      'POST',
      { 'content-type': 'application/octet-stream' },
      seedBytes,
    );
    return [
      { backend: name, scenario: `GET plan (${n} tasks)`, app: readApp, bare: readBare },
      { backend: name, scenario: 'POST import (seed 002)', app: importApp, bare: importBare },
    ];
  } finally {
    await app.close();
    await bare.close();
  }
}

async function postgresHandle(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> } | null> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) return null;
  const name = `minsheng_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: dbUrl.toString() });
  return {
    handle,
    drop: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

function format(rows: Row[]): string {
  const lines = [
    `bench:api — ${connections} connections × ${duration} s per run; ratio = app ÷ bare route`,
    '',
    `${'backend'.padEnd(10)}${'scenario'.padEnd(26)}${'app req/s'.padStart(11)}${'app p99'.padStart(10)}${'bare req/s'.padStart(12)}${'bare p99'.padStart(10)}${'ratio'.padStart(8)}`,
  ];
  for (const r of rows) {
    lines.push(
      `${r.backend.padEnd(10)}${r.scenario.padEnd(26)}${r.app.requests.average.toFixed(0).padStart(11)}${`${r.app.latency.p99} ms`.padStart(10)}${r.bare.requests.average.toFixed(0).padStart(12)}${`${r.bare.latency.p99} ms`.padStart(10)}${(r.app.requests.average / Math.max(r.bare.requests.average, 1e-9)).toFixed(2).padStart(8)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const pglite = await openDatabase({ pglite: await PGlite.create() });
  try {
    rows.push(...(await benchBackend('pglite', pglite)));
  } finally {
    await pglite.close();
  }
  const postgres = await postgresHandle();
  if (postgres) {
    try {
      rows.push(...(await benchBackend('postgres', postgres.handle)));
    } finally {
      await postgres.drop();
    }
  } else {
    process.stderr.write('postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)\n');
  }
  process.stdout.write(format(rows));
}

await main();
