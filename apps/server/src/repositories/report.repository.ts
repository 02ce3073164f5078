import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { attachments, periods, reportVersions, reports, settings, taskUnits, tasks } from '../db/schema';
import { staleOrMissing } from './versioning';

export type ReportRow = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;
export type ReportVersionRow = typeof reportVersions.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachment = typeof attachments.$inferInsert;
export type ReportChanges = Partial<
  Pick<
    NewReport,
    | 'status'
    | 'progressText'
    | 'values'
    | 'proposedStatus'
    | 'reportedStatus'
    | 'statusReason'
    | 'investment'
    | 'problems'
    | 'nextSteps'
    | 'reviewComment'
    | 'submittedBy'
    | 'submittedAt'
    | 'reviewedBy'
    | 'reviewedAt'
  >
> & { submissions?: ReturnType<typeof sql> | number };

/** A report with the end date of its period (for "latest as of"). */
export type ReportWithPeriod = ReportRow & { periodEnd: string };

export const reportRepository = {
  async findById(db: Database, id: number): Promise<ReportRow | undefined> {
    const [row] = await db.select().from(reports).where(eq(reports.id, id));
    return row;
  },

  async findOne(
    db: Database,
    key: { taskId: number; unitId: number; periodId: number },
  ): Promise<ReportRow | undefined> {
    const [row] = await db
      .select()
      .from(reports)
      .where(
        and(
          eq(reports.taskId, key.taskId),
          eq(reports.unitId, key.unitId),
          eq(reports.periodId, key.periodId),
        ),
      );
    return row;
  },

  /** Inserts the draft unless one exists (a concurrent open gets the same row). */
  async insertDraft(tx: Database, values: NewReport): Promise<{ row: ReportRow; created: boolean }> {
    const [row] = await tx.insert(reports).values(values).onConflictDoNothing().returning();
    if (row) return { row, created: true };
    const existing = await reportRepository.findOne(tx, values);
    if (!existing) throw new Error('report vanished');
    return { row: existing, created: false };
  },

  async insertMany(tx: Database, values: NewReport[]): Promise<ReportRow[]> {
    if (values.length === 0) return [];
    return tx.insert(reports).values(values).returning();
  },

  async update(tx: Database, id: number, version: number, changes: ReportChanges): Promise<ReportRow> {
    const [row] = await tx
      .update(reports)
      .set({ ...changes, updatedAt: sql`now()`, version: sql`${reports.version} + 1` })
      .where(and(eq(reports.id, id), eq(reports.version, version)))
      .returning();
    if (row) return row;
    throw staleOrMissing((await reportRepository.findById(tx, id))?.version, 'REPORT_NOT_FOUND');
  },

  async listByPeriod(
    db: Database,
    periodId: number,
    filter: { status?: ReportRow['status']; unitId?: number; taskIds?: number[] } = {},
  ): Promise<ReportRow[]> {
    if (filter.taskIds && filter.taskIds.length === 0) return [];
    return db
      .select()
      .from(reports)
      .where(
        and(
          eq(reports.periodId, periodId),
          filter.status ? eq(reports.status, filter.status) : undefined,
          filter.unitId !== undefined ? eq(reports.unitId, filter.unitId) : undefined,
          filter.taskIds ? inArray(reports.taskId, filter.taskIds) : undefined,
        ),
      )
      .orderBy(asc(reports.taskId), asc(reports.unitId));
  },

  /**
   * Submitted or accepted reports of a plan's tasks in periods ending on or before `asOf`,
   * newest period first: the rating takes each unit's latest.
   */
  async listSubmittedUpTo(db: Database, planId: number, asOf: string): Promise<ReportWithPeriod[]> {
    const rows = await db
      .select({ report: reports, periodEnd: periods.endDate })
      .from(reports)
      .innerJoin(periods, eq(periods.id, reports.periodId))
      .where(
        and(
          eq(periods.planId, planId),
          lte(periods.endDate, asOf),
          inArray(reports.status, ['submitted', 'accepted']),
        ),
      )
      .orderBy(desc(periods.endDate), desc(reports.id));
    return rows.map((r) => ({ ...r.report, periodEnd: r.periodEnd }));
  },

  /** Units answerable for the tasks of a plan: (taskId, unitId, role, countsInCompletion). */
  async listPlanTaskUnits(db: Database, planId: number) {
    return db
      .select({
        taskId: taskUnits.taskId,
        unitId: taskUnits.unitId,
        role: taskUnits.role,
        countsInCompletion: taskUnits.countsInCompletion,
      })
      .from(taskUnits)
      .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
      .where(and(eq(tasks.planId, planId), isNull(tasks.retiredAt)))
      .orderBy(asc(taskUnits.taskId), asc(taskUnits.position));
  },

  // Versions

  async insertVersion(
    tx: Database,
    values: {
      reportId: number;
      number: number;
      snapshot: unknown;
      reason: string | null;
      createdBy: number | null;
    },
  ): Promise<ReportVersionRow> {
    const [row] = await tx.insert(reportVersions).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  async listVersions(db: Database, reportId: number): Promise<ReportVersionRow[]> {
    return db
      .select()
      .from(reportVersions)
      .where(eq(reportVersions.reportId, reportId))
      .orderBy(asc(reportVersions.number));
  },

  // Attachments

  async insertAttachment(tx: Database, values: NewAttachment): Promise<AttachmentRow> {
    const [row] = await tx.insert(attachments).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  async listAttachments(db: Database, reportIds: number[]): Promise<AttachmentRow[]> {
    if (reportIds.length === 0) return [];
    return db
      .select()
      .from(attachments)
      .where(and(inArray(attachments.reportId, reportIds), isNull(attachments.retiredAt)))
      .orderBy(asc(attachments.id));
  },

  async findAttachment(db: Database, id: number): Promise<AttachmentRow | undefined> {
    const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
    return row;
  },

  async retireAttachment(tx: Database, id: number): Promise<void> {
    await tx
      .update(attachments)
      .set({ retiredAt: sql`now()` })
      .where(eq(attachments.id, id));
  },

  // Settings

  /** A setting of the nearest jurisdiction that has one (own first, then its ancestors, then global). */
  async readSetting(db: Database, jurisdictionIds: number[], key: string): Promise<unknown> {
    const rows = await db
      .select()
      .from(settings)
      .where(
        and(eq(settings.key, key), jurisdictionIds.length ? undefined : isNull(settings.jurisdictionId)),
      );
    for (const id of jurisdictionIds) {
      const row = rows.find((r) => r.jurisdictionId === id);
      if (row) return row.value;
    }
    return rows.find((r) => r.jurisdictionId === null)?.value;
  },
};
export type ReportRepository = typeof reportRepository;
