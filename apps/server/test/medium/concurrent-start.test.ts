/**
 * Several app processes starting at once on one empty PostgreSQL database: migrations run under
 * an advisory lock and the demo data is seeded once, whoever gets there first.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/index';

const adminUrl = process.env.TEST_DATABASE_URL;
const script = path.join(import.meta.dirname, 'start-process.ts');

function startProcess(databaseUrl: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe.runIf(adminUrl)('processes starting at once on PostgreSQL', () => {
  const name = `minsheng_start_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(adminUrl ?? 'postgres://localhost/postgres');
  url.pathname = `/${name}`;

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('migrate once and seed the demo data once', { timeout: 180_000 }, async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();

    const results = await Promise.all([1, 2, 3].map(() => startProcess(url.toString())));
    for (const r of results) expect(r.code, r.err).toBe(0);
    const outcomes = results.map((r) => r.out.trim()).sort();
    expect(outcomes).toEqual(['found', 'found', 'seeded']);

    const check = new pg.Client({ connectionString: url.toString() });
    await check.connect();
    const count = async (query: string) => Number((await check.query<{ n: number }>(query)).rows[0]!.n);
    try {
      const migrations = await count('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      const distinct = await count('SELECT count(DISTINCT hash)::int AS n FROM drizzle.__drizzle_migrations');
      expect(migrations).toBeGreaterThan(1);
      expect(migrations).toBe(distinct);
      expect(await count('SELECT count(*)::int AS n FROM users')).toBe(DEMO_ACCOUNTS.length);
      expect(await count('SELECT count(*)::int AS n FROM plans')).toBe(5);
    } finally {
      await check.end();
    }
  });
});
