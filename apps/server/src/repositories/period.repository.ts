import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { periods, plans } from '../db/schema';
import { staleOrMissing } from './versioning';

export type PeriodRow = typeof periods.$inferSelect;
export type NewPeriod = typeof periods.$inferInsert;

export const periodRepository = {
  async listByPlan(db: Database, planId: number): Promise<PeriodRow[]> {
    return db
      .select()
      .from(periods)
      .where(and(eq(periods.planId, planId), isNull(periods.retiredAt)))
      .orderBy(asc(periods.startDate), asc(periods.id));
  },

  async findById(db: Database, id: number): Promise<PeriodRow | undefined> {
    const [row] = await db.select().from(periods).where(eq(periods.id, id));
    return row;
  },

  /** Inserts the periods whose key the plan does not have yet; returns the new rows. */
  async insertMissing(tx: Database, values: NewPeriod[]): Promise<PeriodRow[]> {
    if (values.length === 0) return [];
    return tx.insert(periods).values(values).onConflictDoNothing().returning();
  },

  async update(
    tx: Database,
    id: number,
    version: number,
    changes: Partial<Pick<NewPeriod, 'status' | 'dueDate'>>,
  ): Promise<PeriodRow> {
    const [row] = await tx
      .update(periods)
      .set({ ...changes, updatedAt: sql`now()`, version: sql`${periods.version} + 1` })
      .where(and(eq(periods.id, id), eq(periods.version, version)))
      .returning();
    if (row) return row;
    throw staleOrMissing((await periodRepository.findById(tx, id))?.version, 'PERIOD_NOT_FOUND');
  },

  /** Open periods of live plans, with the plan's jurisdiction (the scheduler's work list). */
  async listLive(
    db: Database,
    status?: PeriodRow['status'],
  ): Promise<Array<PeriodRow & { jurisdictionId: number; planTitle: string }>> {
    const rows = await db
      .select({ period: periods, jurisdictionId: plans.jurisdictionId, planTitle: plans.title })
      .from(periods)
      .innerJoin(plans, eq(plans.id, periods.planId))
      .where(
        and(
          isNull(periods.retiredAt),
          isNull(plans.retiredAt),
          status ? eq(periods.status, status) : undefined,
        ),
      )
      .orderBy(asc(periods.dueDate), asc(periods.id));
    return rows.map((r) => ({ ...r.period, jurisdictionId: r.jurisdictionId, planTitle: r.planTitle }));
  },

  async listByIds(db: Database, ids: number[]): Promise<PeriodRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(periods).where(inArray(periods.id, ids));
  },
};
export type PeriodRepository = typeof periodRepository;
