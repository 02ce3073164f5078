import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { ReportedStatus } from '@minsheng/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { jurisdictions, plans, reports } from '../../src/db/schema';
import { ensureDemoData } from '../../src/demo/index';
import { createReportingServices, type ReportingServices } from '../../src/services/reporting/index';
import { openTestDatabase, testDatabases } from '../support/database';
import { buildActor } from '../support/factories';

const seed004 = path.resolve(import.meta.dirname, '../../../../fixtures/seeds/004_aa89135dd50b8e99.txt');

describe.each(testDatabases())('progress-table import on %s', (kind) => {
  let handle: DatabaseHandle;
  let reporting: ReportingServices;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await ensureDemoData(handle);
    reporting = createReportingServices(handle.db, {
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-import-')),
    });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('matches seed 004’s rows to the plan by number and text, previews, then commits submitted reports', async () => {
    const [county] = await handle.db.select().from(jurisdictions).where(eq(jurisdictions.name, '平罗县'));
    const office = await buildActor(handle.db, county!.id, 'office');
    const [plan] = await handle.db
      .select()
      .from(plans)
      .where(and(eq(plans.jurisdictionId, county!.id), eq(plans.year, 2020)));
    const periods = await reporting.periods.open(office, plan!.id, { cadence: 'quarter', keys: ['2020Q3'] });
    const q3 = periods.find((p) => p.key === '2020Q3')!;
    const preview = await reporting.progressImports.preview(office, q3.id, {
      fileName: '004.txt',
      bytes: new Uint8Array(fs.readFileSync(seed004)),
    });
    expect(preview.rows).toHaveLength(10);
    expect(preview.rows.every((r) => r.matchedBy === 'number+text' && r.confidence >= 0.9)).toBe(true);
    expect(preview.unmatchedTaskIds).toEqual([]);
    // Nothing saved by the preview.
    expect(await handle.db.select().from(reports).where(eq(reports.periodId, q3.id))).toHaveLength(0);

    const ids = await reporting.progressImports.commit(office, q3.id, {
      rows: preview.rows.map((r) => ({
        taskId: r.taskId!,
        progressText: r.progressText,
        values: r.values,
        reportedStatus: r.reportedStatus as ReportedStatus | null,
      })),
    });
    expect(ids).toHaveLength(10);
    const saved = await handle.db.select().from(reports).where(eq(reports.periodId, q3.id));
    expect(saved.every((r) => r.status === 'submitted' && r.submissions === 1)).toBe(true);
    const versions = await reporting.reports.listVersions(office, ids[0]!);
    expect(versions[0]?.reason).toBe('导入进展表');
    const ratings = await reporting.ratings.ratings(office, q3.id);
    expect(ratings.items).toHaveLength(10);
    expect(ratings.items.every((i) => i.rating !== 'not_reported')).toBe(true);
    const byNumber = (n: number) => ratings.items.find((i) => i.task.number === n);
    // docs/ratings.md: 8 is 60 % against its 9月底 deadline, 10 is 未完成 past 8月底.
    expect(byNumber(8)?.rating).toBe('seriously_lagging');
    expect(byNumber(10)?.rating).toBe('overdue');
    expect(preview.rows.find((r) => r.number === 2)?.reportedStatus).toBe('正常推进');
  });

  it('refuses a commit naming a task of another plan, saving nothing', async () => {
    const [county] = await handle.db.select().from(jurisdictions).where(eq(jurisdictions.name, '平罗县'));
    const office = await buildActor(handle.db, county!.id, 'office');
    const [plan] = await handle.db
      .select()
      .from(plans)
      .where(and(eq(plans.jurisdictionId, county!.id), eq(plans.year, 2020)));
    const periods = await reporting.periods.open(office, plan!.id, { cadence: 'quarter', keys: ['2020Q2'] });
    const q2 = periods.find((p) => p.key === '2020Q2')!;
    const error = await reporting.progressImports
      .commit(office, q2.id, { rows: [{ taskId: 999999, progressText: 'x', values: [] }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IMPORT_INVALID' });
    expect(await handle.db.select().from(reports).where(eq(reports.periodId, q2.id))).toHaveLength(0);
  });
});
