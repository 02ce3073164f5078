/**
 * An acknowledged submission survives a crash: the real server on a temp data folder takes
 * submissions from concurrent reporters, is killed with SIGKILL mid-load, restarted on the same
 * folder, and every submission it had acknowledged is there, submitted, with its version row.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { reportVersions, reports } from '../../src/db/schema';
import { loginOverHttp, seedLoadWorld, submitOverHttp, type LoadWorld } from './load-support';

const serverFile = path.join(import.meta.dirname, 'load-server.ts');

function start(dataDir: string): { child: ChildProcess; port: Promise<number> } {
  const child = spawn(process.execPath, ['--import', 'tsx', serverFile], {
    env: { ...process.env, PORT: '0', MINSHENG_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const port = new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  return { child, port };
}

/**
 * Resolves once the process has ended. A process killed by a signal has exitCode null and
 * signalCode set, and its 'exit' may already have fired: check both before waiting for it.
 */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('a crash mid-load', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-crash-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged submission', { timeout: 420_000 }, async () => {
    const TASKS = 200;
    let world: LoadWorld;
    {
      const handle = await openDatabase({ dataDir });
      world = await seedLoadWorld(handle.db, TASKS, 'crash');
      await handle.close();
    }

    const first = start(dataDir);
    children.push(first.child);
    const base = `http://127.0.0.1:${await first.port}`;
    const headers = await loginOverHttp(base, world.username);

    const acknowledged: number[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && next < TASKS) {
        const index = next++;
        try {
          acknowledged.push(await submitOverHttp(base, headers, world, index));
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 20 }, worker);
    // Kill once a good share has been acknowledged, while the rest are in flight.
    const deadline = Date.now() + 90_000;
    while (acknowledged.length < 25 && Date.now() < deadline && first.child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 20));
    }
    killed = true;
    first.child.kill('SIGKILL');
    // Requests in flight when the server died are not acknowledged; none may hang the test.
    await Promise.race([Promise.all(workers), new Promise((r) => setTimeout(r, 15_000))]);
    const counted = [...acknowledged];
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeLessThan(TASKS);

    // Restart on the same folder (the dead process's lock is stale) and count over HTTP and SQL.
    await exited(first.child);
    const second = start(dataDir);
    children.push(second.child);
    const base2 = `http://127.0.0.1:${await second.port}`;
    const headers2 = await loginOverHttp(base2, world.username);
    const listed = await fetch(`${base2}/api/periods/${world.periodId}/reports?status=submitted`, {
      headers: headers2,
    });
    expect(listed.status).toBe(200);
    const ids = new Set(((await listed.json()) as { items: { id: number }[] }).items.map((r) => r.id));
    for (const id of counted) expect(ids.has(id)).toBe(true);
    second.child.kill('SIGKILL');
    await exited(second.child);

    const handle = await openDatabase({ dataDir });
    try {
      const rows = await handle.db
        .select()
        .from(reports)
        .where(and(inArray(reports.id, counted), eq(reports.status, 'submitted')));
      expect(rows).toHaveLength(counted.length);
      const versions = await handle.db
        .select()
        .from(reportVersions)
        .where(inArray(reportVersions.reportId, counted));
      expect(versions).toHaveLength(counted.length);
    } finally {
      await handle.close();
    }
  });
});
