/**
 * npm run bench:portal — server time (p50/p95, in-process via app.inject, no network) of the
 * public plan page and of search, on a large published plan (BENCH_TASKS tasks, default 400)
 * among BENCH_PLANS other plans (default 40 × 60 tasks), without and with caching (a revalidation
 * with If-None-Match answered 304), and the bytes each public page transfers (raw and gzip).
 * PGlite always; PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set.
 *
 *   BENCH_ITERATIONS=200 BENCH_TASKS=400 npm run bench:portal
 */
import { gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { buildApp } from '@minsheng/server';
import { openDatabase, type Database, type DatabaseHandle } from '@minsheng/server/db/client';
import {
  categories,
  indicators,
  jurisdictions,
  plans,
  taskUnits,
  tasks,
  units,
} from '@minsheng/server/db/schema';
import { publicRoutes } from '@minsheng/server/routes/public/public.routes';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 200);
const largeTasks = Number(process.env.BENCH_TASKS ?? 400);
const otherPlans = Number(process.env.BENCH_PLANS ?? 40);
const otherTasks = 60;

const phrases = [
  '新建幼儿园5所，新增学位1840个',
  '城镇新增就业9万人，失业人员再就业1.06万人',
  '发放创业担保贷款8700万元',
  '改造老旧小区120个，惠及居民3.2万户',
  '新增养老床位600张以上，新建社区居家养老服务中心4个',
  '农村80%以上社区服务用房面积达到200平方米',
  '完成农村公路改造300公里',
  '为低保家庭发放热费补贴',
];

async function seed(db: Database): Promise<number> {
  const [province] = await db
    .insert(jurisdictions)
    .values({ name: `基准省${Date.now()}`, level: 'province' })
    .returning();
  const unitRows = await db
    .insert(units)
    .values(Array.from({ length: 40 }, (_, i) => ({ jurisdictionId: province!.id, name: `基准单位${i}局` })))
    .returning();
  async function plan(year: number, title: string, taskCount: number): Promise<number> {
    const [p] = await db
      .insert(plans)
      .values({ jurisdictionId: province!.id, year, title, status: 'published' })
      .returning();
    const cats = await db
      .insert(categories)
      .values(
        Array.from({ length: 12 }, (_, i) => ({
          planId: p!.id,
          ordinal: i + 1,
          name: `第${i + 1}类民生实事`,
        })),
      )
      .returning();
    const taskRows = await db
      .insert(tasks)
      .values(
        Array.from({ length: taskCount }, (_, i) => ({
          planId: p!.id,
          categoryId: cats[i % cats.length]!.id,
          number: i + 1,
          content: `${phrases[i % phrases.length]}（第${i + 1}项，${title}）`,
          deadlineText: '年底前',
        })),
      )
      .returning();
    await db.insert(taskUnits).values(
      taskRows.flatMap((t, i) => [
        { taskId: t.id, unitId: unitRows[i % unitRows.length]!.id, role: 'lead' as const, position: 0 },
        { taskId: t.id, unitId: unitRows[(i + 7) % unitRows.length]!.id, role: 'co' as const, position: 1 },
      ]),
    );
    await db
      .insert(indicators)
      .values(taskRows.map((t, i) => ({ taskId: t.id, value: 5 + i, unit: '个', text: `新建${5 + i}个` })));
    return p!.id;
  }
  const large = await plan(2020, '2020年民生实事（大）', largeTasks);
  for (let i = 0; i < otherPlans; i++) await plan(2000 + (i % 20), `民生实事计划${i}`, otherTasks);
  return large;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(
  app: Awaited<ReturnType<typeof buildApp>>,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ p50: number; p95: number; status: number }> {
  for (let i = 0; i < 5; i++) await app.inject({ method: 'GET', url, headers }); // warm up
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url, headers });
    times.push(performance.now() - t0);
    status = res.statusCode;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), status };
}

const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;
const kb = (x: number) => `${(x / 1024).toFixed(1).padStart(7)} KB`;

async function run(label: string, handle: DatabaseHandle): Promise<void> {
  const planId = await seed(handle.db);
  const app = await buildApp({ db: handle, logger: false });
  // buildApp registers the portal; older builds did not.
  if (!app.hasRoute({ method: 'GET', url: '/gongkai' })) await app.register(publicRoutes, { db: handle.db });
  await app.ready();
  console.log(
    `\n${label}: plan of ${largeTasks} tasks among ${otherPlans} plans × ${otherTasks} tasks, ${iterations} requests each`,
  );
  const cases = [
    ['plan page', `/gongkai/plans/${planId}`],
    ['search (2 terms)', `/gongkai/search?q=${encodeURIComponent('幼儿园 学位')}`],
    ['search (1 term, many hits)', `/gongkai/search?q=${encodeURIComponent('民生')}`],
  ] as const;
  console.log(
    'page'.padEnd(28),
    'p50 200'.padStart(10),
    'p95 200'.padStart(10),
    'p50 304'.padStart(10),
    'p95 304'.padStart(10),
  );
  for (const [name, url] of cases) {
    const first = await app.inject({ method: 'GET', url });
    const fresh = await measure(app, url);
    const cached = await measure(app, url, { 'if-none-match': String(first.headers.etag) });
    if (fresh.status !== 200 || cached.status !== 304)
      throw new Error(`${url}: ${fresh.status}/${cached.status}`);
    console.log(name.padEnd(28), ms(fresh.p50), ms(fresh.p95), ms(cached.p50), ms(cached.p95));
  }
  console.log('\ntransferred bytes'.padEnd(29), 'raw'.padStart(10), 'gzip'.padStart(10));
  const pages = [
    ['home /gongkai', '/gongkai'],
    ['archive', '/gongkai/archive'],
    ['plan page', `/gongkai/plans/${planId}`],
    ['search', `/gongkai/search?q=${encodeURIComponent('幼儿园')}`],
    ['plan .csv', `/gongkai/plans/${planId}.csv`],
    ['plan .json', `/gongkai/plans/${planId}.json`],
    ['plan .xlsx', `/gongkai/plans/${planId}.xlsx`],
    ['304 revalidation', `/gongkai/plans/${planId}`],
  ] as const;
  const css = /href="(\/gongkai\/assets\/[^"]+)"/.exec(
    (await app.inject({ method: 'GET', url: '/gongkai' })).body,
  )?.[1];
  for (const [name, url] of pages) {
    let headers: Record<string, string> = {};
    if (name.startsWith('304')) {
      headers = { 'if-none-match': String((await app.inject({ method: 'GET', url })).headers.etag) };
    }
    const res = await app.inject({ method: 'GET', url, headers });
    console.log(name.padEnd(28), kb(res.rawPayload.length), kb(gzipSync(res.rawPayload).length));
  }
  if (css) {
    const res = await app.inject({ method: 'GET', url: css });
    console.log(
      'stylesheet (cached 1 year)'.padEnd(28),
      kb(res.rawPayload.length),
      kb(gzipSync(res.rawPayload).length),
    );
  }
  await app.close();
}

async function main(): Promise<void> {
  const lite = await openDatabase({ pglite: await PGlite.create() });
  await run('PGlite', lite);
  await lite.close();
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return;
  }
  const name = `minsheng_bench_portal_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  try {
    const handle = await openDatabase({ databaseUrl: dbUrl.toString() });
    await run('PostgreSQL', handle);
    await handle.close();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
