import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../../src/db/client';
import { ensureDemoData, DEMO_ACCOUNTS } from '../../src/demo/index';
import { backupRepository } from '../../src/repositories/backup.repository';
import { BackupError, restoreBackup, writeBackup } from '../../src/services/backup/backup.service';
import { createServices } from '../../src/services/index';
import { verifyPassword } from '../../src/services/auth/password';
import { openTestDatabase, testDatabases } from '../support/database';
import { buildActor } from '../support/factories';

async function everyRow(db: Database): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of await backupRepository.listTables(db)) {
    result[table.name] = await backupRepository.readRows(db, table, 0, 1_000_000);
  }
  return result;
}

describe.each(testDatabases())('demo data and backup from %s', (kind) => {
  let source: DatabaseHandle;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-backup-'));
  const file = path.join(dir, 'backup.jsonl.gz');

  beforeAll(async () => {
    source = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await source?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('first start: a jurisdiction tree, the five seeds as published plans, one account per role', async () => {
    const messages: string[] = [];
    expect(await ensureDemoData(source, { log: (m) => messages.push(m) })).toBe(true);
    expect(messages.filter((m) => m.includes('could not'))).toEqual([]);
    const services = createServices(source.db);
    const rows = await everyRow(source.db);
    const jurisdictions = rows.jurisdictions as { id: number; name: string }[];
    const id = (name: string) => jurisdictions.find((j) => j.name === name)?.id ?? 0;
    const admin = await buildActor(source.db, id('吉林省'));
    const plans = await services.plans.list(admin, {});
    expect(plans.map((p) => [p.jurisdictionId, p.year, p.status])).toEqual(
      expect.arrayContaining([
        [id('吉林省'), 2017, 'published'],
        [id('吉林市'), 2015, 'published'],
        [id('四平市'), 2017, 'published'],
        [id('长春新区'), 2017, 'published'],
      ]),
    );
    const nx = await buildActor(source.db, id('宁夏回族自治区'));
    expect((await services.plans.list(nx, {})).map((p) => p.year)).toEqual([2020]);
    const jilin = plans.find((p) => p.jurisdictionId === id('吉林市'));
    expect((await services.plans.get(admin, jilin?.id ?? 0)).tasks).toHaveLength(80);
    const users = rows.users as {
      username: string;
      role: string;
      password_hash: string;
      unit_id: number | null;
    }[];
    expect(users.map((u) => u.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    const reporter = users.find((u) => u.role === 'reporter');
    expect(reporter?.unit_id).not.toBeNull();
    expect(await verifyPassword(reporter?.password_hash ?? '', DEMO_ACCOUNTS[0]?.password ?? '')).toBe(true);
    // Only ever on an empty database.
    expect(await ensureDemoData(source)).toBe(false);
  });

  it.each(testDatabases())(
    'a backup restored into a fresh %s database reproduces every row',
    async (targetKind) => {
      if (!fs.existsSync(file)) await writeBackup(source.db, file);
      const target = await openTestDatabase(targetKind);
      try {
        const summary = await restoreBackup(target.db, file);
        const expected = await everyRow(source.db);
        expect(summary.tables).toBe(Object.keys(expected).length);
        expect(await everyRow(target.db)).toEqual(expected);
        // Sequences moved past the restored ids: new rows get new ids.
        const services = createServices(target.db);
        const jurisdictions = expected.jurisdictions as { id: number; name: string }[];
        const root = jurisdictions.find((j) => j.name === '吉林省');
        const admin = await buildActor(target.db, root?.id ?? 0);
        const unit = await services.units.create(admin, {
          jurisdictionId: root?.id ?? 0,
          name: '恢复后新建单位',
        });
        expect(unit.id).toBeGreaterThan(Math.max(...(expected.units as { id: number }[]).map((u) => u.id)));
        // A second restore into the now non-empty database is refused.
        await expect(restoreBackup(target.db, file)).rejects.toBeInstanceOf(BackupError);
      } finally {
        await target.close();
      }
    },
  );

  it('refuses a file that is not a backup', async () => {
    const bogus = path.join(dir, 'bogus.gz');
    fs.writeFileSync(bogus, 'not gzip at all');
    const target = await openTestDatabase('pglite');
    try {
      await expect(restoreBackup(target.db, bogus)).rejects.toThrow();
      expect((await everyRow(target.db)).jurisdictions).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
