import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { categories, indicators, plans, taskUnits, tasks, units } from '../db/schema';
import { staleOrMissing } from './versioning';

export type PlanRow = typeof plans.$inferSelect;
export type NewPlan = typeof plans.$inferInsert;
export type CategoryRow = typeof categories.$inferSelect;
export type NewCategory = typeof categories.$inferInsert;
export type TaskRow = typeof tasks.$inferSelect;
export type NewTask = typeof tasks.$inferInsert;
export type IndicatorRow = typeof indicators.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;
export type TaskUnitRow = typeof taskUnits.$inferSelect;
export type NewTaskUnit = typeof taskUnits.$inferInsert;
export type TaskUnitWithName = TaskUnitRow & { name: string };

export type PlanChanges = Partial<
  Pick<NewPlan, 'year' | 'title' | 'issuer' | 'docNumber' | 'status' | 'declaredCategories' | 'declaredTasks'>
> & { retiredAt?: Date | null };
export type CategoryChanges = Partial<Pick<NewCategory, 'ordinal' | 'name' | 'declaredTasks'>> & {
  retiredAt?: Date | null;
};
export type TaskChanges = Partial<
  Pick<NewTask, 'categoryId' | 'number' | 'title' | 'content' | 'deadlineText' | 'deadlineDate'>
> & { retiredAt?: Date | null };
export type IndicatorChanges = Partial<
  Pick<
    NewIndicator,
    'position' | 'subject' | 'value' | 'valueMax' | 'unit' | 'comparator' | 'baseline' | 'text'
  >
> & { retiredAt?: Date | null };

/** Everything under a plan, read in four queries whatever its size (no N+1). */
export interface PlanTree {
  plan: PlanRow;
  categories: CategoryRow[];
  tasks: TaskRow[];
  taskUnits: TaskUnitWithName[];
  indicators: IndicatorRow[];
}

const bump = { updatedAt: sql`now()` };

export const planRepository = {
  async list(
    db: Database,
    filter: {
      jurisdictionIds?: number[];
      year?: number;
      status?: PlanRow['status'];
      includeRetired?: boolean;
    },
  ): Promise<PlanRow[]> {
    const where: SQL[] = [];
    if (filter.jurisdictionIds) where.push(inArray(plans.jurisdictionId, filter.jurisdictionIds));
    if (filter.year !== undefined) where.push(eq(plans.year, filter.year));
    if (filter.status) where.push(eq(plans.status, filter.status));
    if (!filter.includeRetired) where.push(isNull(plans.retiredAt));
    return db
      .select()
      .from(plans)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(plans.year), asc(plans.id));
  },

  async findById(db: Database, id: number): Promise<PlanRow | undefined> {
    const [row] = await db.select().from(plans).where(eq(plans.id, id));
    return row;
  },

  async readTree(db: Database, plan: PlanRow, includeRetired = false): Promise<PlanTree> {
    const live = <T extends { retiredAt: Date | null }>(rows: T[]) =>
      includeRetired ? rows : rows.filter((r) => r.retiredAt === null);
    const [categoryRows, taskRows, unitRows, indicatorRows] = await Promise.all([
      db
        .select()
        .from(categories)
        .where(eq(categories.planId, plan.id))
        .orderBy(asc(categories.ordinal), asc(categories.id)),
      db.select().from(tasks).where(eq(tasks.planId, plan.id)).orderBy(asc(tasks.number), asc(tasks.id)),
      db
        .select({
          taskId: taskUnits.taskId,
          unitId: taskUnits.unitId,
          role: taskUnits.role,
          position: taskUnits.position,
          countsInCompletion: taskUnits.countsInCompletion,
          name: units.name,
        })
        .from(taskUnits)
        .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
        .innerJoin(units, eq(units.id, taskUnits.unitId))
        .where(eq(tasks.planId, plan.id))
        .orderBy(asc(taskUnits.taskId), asc(taskUnits.position)),
      db
        .select({ indicator: indicators })
        .from(indicators)
        .innerJoin(tasks, eq(tasks.id, indicators.taskId))
        .where(eq(tasks.planId, plan.id))
        .orderBy(asc(indicators.taskId), asc(indicators.position), asc(indicators.id)),
    ]);
    return {
      plan,
      categories: live(categoryRows),
      tasks: live(taskRows),
      taskUnits: unitRows,
      indicators: live(indicatorRows.map((r) => r.indicator)),
    };
  },

  async insertPlan(tx: Database, values: NewPlan): Promise<PlanRow> {
    const [row] = await tx.insert(plans).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  async updatePlan(tx: Database, id: number, version: number, changes: PlanChanges): Promise<PlanRow> {
    const [row] = await tx
      .update(plans)
      .set({ ...changes, ...bump, version: sql`${plans.version} + 1` })
      .where(and(eq(plans.id, id), eq(plans.version, version)))
      .returning();
    if (row) return row;
    throw staleOrMissing((await planRepository.findById(tx, id))?.version, 'PLAN_NOT_FOUND');
  },

  // Categories

  async listCategories(db: Database, planId: number, includeRetired = false): Promise<CategoryRow[]> {
    const where = includeRetired
      ? eq(categories.planId, planId)
      : and(eq(categories.planId, planId), isNull(categories.retiredAt));
    return db.select().from(categories).where(where).orderBy(asc(categories.ordinal), asc(categories.id));
  },

  async findCategory(db: Database, id: number): Promise<CategoryRow | undefined> {
    const [row] = await db.select().from(categories).where(eq(categories.id, id));
    return row;
  },

  async insertCategories(tx: Database, values: NewCategory[]): Promise<CategoryRow[]> {
    if (values.length === 0) return [];
    return tx.insert(categories).values(values).returning();
  },

  async updateCategory(
    tx: Database,
    id: number,
    version: number,
    changes: CategoryChanges,
  ): Promise<CategoryRow> {
    const [row] = await tx
      .update(categories)
      .set({ ...changes, ...bump, version: sql`${categories.version} + 1` })
      .where(and(eq(categories.id, id), eq(categories.version, version)))
      .returning();
    if (row) return row;
    throw staleOrMissing((await planRepository.findCategory(tx, id))?.version, 'CATEGORY_NOT_FOUND');
  },

  // Tasks

  async listTasks(db: Database, planId: number, includeRetired = false): Promise<TaskRow[]> {
    const where = includeRetired
      ? eq(tasks.planId, planId)
      : and(eq(tasks.planId, planId), isNull(tasks.retiredAt));
    return db.select().from(tasks).where(where).orderBy(asc(tasks.number), asc(tasks.id));
  },

  async findTask(db: Database, id: number): Promise<TaskRow | undefined> {
    const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
    return row;
  },

  async insertTasks(tx: Database, values: NewTask[]): Promise<TaskRow[]> {
    if (values.length === 0) return [];
    return tx.insert(tasks).values(values).returning();
  },

  async updateTask(tx: Database, id: number, version: number, changes: TaskChanges): Promise<TaskRow> {
    const [row] = await tx
      .update(tasks)
      .set({ ...changes, ...bump, version: sql`${tasks.version} + 1` })
      .where(and(eq(tasks.id, id), eq(tasks.version, version)))
      .returning();
    if (row) return row;
    throw staleOrMissing((await planRepository.findTask(tx, id))?.version, 'TASK_NOT_FOUND');
  },

  async listTaskUnits(db: Database, taskIds: number[]): Promise<TaskUnitWithName[]> {
    if (taskIds.length === 0) return [];
    return db
      .select({
        taskId: taskUnits.taskId,
        unitId: taskUnits.unitId,
        role: taskUnits.role,
        position: taskUnits.position,
        countsInCompletion: taskUnits.countsInCompletion,
        name: units.name,
      })
      .from(taskUnits)
      .innerJoin(units, eq(units.id, taskUnits.unitId))
      .where(inArray(taskUnits.taskId, taskIds))
      .orderBy(asc(taskUnits.taskId), asc(taskUnits.position));
  },

  async insertTaskUnits(tx: Database, values: NewTaskUnit[]): Promise<void> {
    if (values.length === 0) return;
    await tx.insert(taskUnits).values(values);
  },

  /** Task units are a set owned by the task (versioned through it): replaced whole. */
  async replaceTaskUnits(tx: Database, taskId: number, values: NewTaskUnit[]): Promise<void> {
    await tx.delete(taskUnits).where(eq(taskUnits.taskId, taskId));
    await planRepository.insertTaskUnits(tx, values);
  },

  // Indicators

  async listIndicators(db: Database, taskIds: number[], includeRetired = false): Promise<IndicatorRow[]> {
    if (taskIds.length === 0) return [];
    const where = includeRetired
      ? inArray(indicators.taskId, taskIds)
      : and(inArray(indicators.taskId, taskIds), isNull(indicators.retiredAt));
    return db
      .select()
      .from(indicators)
      .where(where)
      .orderBy(asc(indicators.taskId), asc(indicators.position), asc(indicators.id));
  },

  async findIndicator(db: Database, id: number): Promise<IndicatorRow | undefined> {
    const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
    return row;
  },

  async insertIndicators(tx: Database, values: NewIndicator[]): Promise<IndicatorRow[]> {
    if (values.length === 0) return [];
    return tx.insert(indicators).values(values).returning();
  },

  async updateIndicator(
    tx: Database,
    id: number,
    version: number,
    changes: IndicatorChanges,
  ): Promise<IndicatorRow> {
    const [row] = await tx
      .update(indicators)
      .set({ ...changes, ...bump, version: sql`${indicators.version} + 1` })
      .where(and(eq(indicators.id, id), eq(indicators.version, version)))
      .returning();
    if (row) return row;
    throw staleOrMissing((await planRepository.findIndicator(tx, id))?.version, 'INDICATOR_NOT_FOUND');
  },
};
export type PlanRepository = typeof planRepository;
