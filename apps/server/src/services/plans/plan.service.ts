import type {
  CreateCategoryBody,
  CreateIndicatorBody,
  CreatePlanBody,
  CreateTaskBody,
  TaskUnitInput,
  UpdateCategoryBody,
  UpdateIndicatorBody,
  UpdatePlanBody,
  UpdateTaskBody,
} from '@minsheng/contract';
import type { Database } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { RequestActor } from '../../policy/actor';
import { requireAccess } from '../../policy/policy';
import type { AuditRepository } from '../../repositories/audit.repository';
import type { JurisdictionRepository } from '../../repositories/jurisdiction.repository';
import type {
  CategoryRow,
  IndicatorRow,
  NewTaskUnit,
  PlanRepository,
  PlanRow,
  PlanTree,
  TaskRow,
  TaskUnitWithName,
} from '../../repositories/plan.repository';
import type { UnitRepository } from '../../repositories/unit.repository';
import { auditActor, readableJurisdictionIds } from '../scope';

export interface PlanServiceDeps {
  db: Database;
  plans: PlanRepository;
  units: UnitRepository;
  jurisdictions: JurisdictionRepository;
  audit: AuditRepository;
}

/** A task with its units and indicators, as lists of tasks return it. */
export interface TaskWithChildren {
  task: TaskRow;
  units: TaskUnitWithName[];
  indicators: IndicatorRow[];
}

function invalid(path: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', { zh, en, details: [{ path, message: en }] });
}

export function createPlanService({ db, plans, units, jurisdictions, audit }: PlanServiceDeps) {
  async function loadPlan(id: number): Promise<PlanRow> {
    const row = await plans.findById(db, id);
    if (!row) throw new AppError('PLAN_NOT_FOUND');
    return row;
  }
  async function loadCategory(id: number): Promise<{ category: CategoryRow; plan: PlanRow }> {
    const category = await plans.findCategory(db, id);
    if (!category) throw new AppError('CATEGORY_NOT_FOUND');
    return { category, plan: await loadPlan(category.planId) };
  }
  async function loadTask(id: number): Promise<{ task: TaskRow; plan: PlanRow }> {
    const task = await plans.findTask(db, id);
    if (!task) throw new AppError('TASK_NOT_FOUND');
    return { task, plan: await loadPlan(task.planId) };
  }
  async function loadIndicator(
    id: number,
  ): Promise<{ indicator: IndicatorRow; task: TaskRow; plan: PlanRow }> {
    const indicator = await plans.findIndicator(db, id);
    if (!indicator) throw new AppError('INDICATOR_NOT_FOUND');
    return { indicator, ...(await loadTask(indicator.taskId)) };
  }

  async function withChildren(taskRows: TaskRow[], includeRetired = false): Promise<TaskWithChildren[]> {
    const ids = taskRows.map((t) => t.id);
    const [unitRows, indicatorRows] = await Promise.all([
      plans.listTaskUnits(db, ids),
      plans.listIndicators(db, ids, includeRetired),
    ]);
    return taskRows.map((task) => ({
      task,
      units: unitRows.filter((u) => u.taskId === task.id),
      indicators: indicatorRows.filter((i) => i.taskId === task.id),
    }));
  }

  async function checkCategory(planId: number, categoryId: number | null | undefined): Promise<void> {
    if (categoryId === null || categoryId === undefined) return;
    const category = await plans.findCategory(db, categoryId);
    if (!category || category.planId !== planId) {
      throw invalid('categoryId', '类别不属于该计划', 'The category does not belong to this plan');
    }
  }

  /** Units of the plan's jurisdiction or one below it; at most one lead. */
  async function taskUnitRows(plan: PlanRow, taskId: number, input: TaskUnitInput[]): Promise<NewTaskUnit[]> {
    if (input.filter((u) => u.role === 'lead').length > 1) {
      throw invalid('units', '每项实事只能有一个牵头单位', 'A task has at most one lead unit');
    }
    const ids = input.map((u) => u.unitId);
    if (new Set(ids).size !== ids.length) throw invalid('units', '单位重复', 'A unit is named twice');
    const found = await units.findByIds(db, ids);
    const allowed = new Set(await jurisdictions.listDescendantIds(db, plan.jurisdictionId));
    for (const [index, u] of input.entries()) {
      const unit = found.find((f) => f.id === u.unitId);
      if (!unit)
        throw new AppError('UNIT_NOT_FOUND', {
          details: [{ path: `units.${index}.unitId`, message: 'not found' }],
        });
      if (!allowed.has(unit.jurisdictionId)) {
        throw invalid(
          `units.${index}.unitId`,
          '单位不属于该计划的行政区',
          'The unit is outside the plan’s jurisdiction',
        );
      }
    }
    // Lead first, then the co units in the order given.
    const ordered = [...input].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
    return ordered.map((u, position) => ({
      taskId,
      unitId: u.unitId,
      role: u.role,
      position,
      countsInCompletion: u.countsInCompletion ?? u.role === 'lead',
    }));
  }

  function record(
    actor: RequestActor,
    plan: PlanRow,
    action: string,
    entity: string,
    id: number,
    before: unknown,
    after: unknown,
  ) {
    return {
      ...auditActor(actor),
      action,
      entity,
      entityId: id,
      jurisdictionId: plan.jurisdictionId,
      before,
      after,
    };
  }

  const service = {
    // Plans

    async list(
      actor: RequestActor | null,
      query: { jurisdictionId?: number; year?: number; status?: PlanRow['status']; includeRetired?: boolean },
    ): Promise<PlanRow[]> {
      requireAccess(actor, 'plan.read', { jurisdictionId: query.jurisdictionId ?? null });
      const jurisdictionIds =
        query.jurisdictionId !== undefined
          ? [query.jurisdictionId]
          : readableJurisdictionIds(actor, 'plan.read');
      return plans.list(db, { ...query, jurisdictionIds });
    },

    async get(actor: RequestActor | null, id: number, includeRetired = false): Promise<PlanTree> {
      requireAccess(actor, 'plan.read');
      const plan = await loadPlan(id);
      requireAccess(actor, 'plan.read', { jurisdictionId: plan.jurisdictionId });
      return plans.readTree(db, plan, includeRetired);
    },

    async create(actor: RequestActor | null, body: CreatePlanBody): Promise<PlanRow> {
      requireAccess(actor, 'plan.write', { jurisdictionId: body.jurisdictionId });
      if (!(await jurisdictions.findById(db, body.jurisdictionId)))
        throw new AppError('JURISDICTION_NOT_FOUND');
      return db.transaction(async (tx) => {
        const row = await plans.insertPlan(tx, {
          jurisdictionId: body.jurisdictionId,
          year: body.year,
          title: body.title,
          issuer: body.issuer ?? null,
          docNumber: body.docNumber ?? null,
          status: body.status ?? 'draft',
          declaredCategories: body.declaredCategories ?? null,
          declaredTasks: body.declaredTasks ?? null,
        });
        await audit.append(tx, record(actor, row, 'create', 'plan', row.id, null, row));
        return row;
      });
    },

    async update(actor: RequestActor | null, id: number, body: UpdatePlanBody): Promise<PlanRow> {
      requireAccess(actor, 'plan.write');
      const before = await loadPlan(id);
      requireAccess(actor, 'plan.write', { jurisdictionId: before.jurisdictionId });
      const { version, ...changes } = body;
      return db.transaction(async (tx) => {
        const row = await plans.updatePlan(tx, id, version, changes);
        await audit.append(tx, record(actor, row, 'update', 'plan', id, before, row));
        return row;
      });
    },

    async retire(actor: RequestActor | null, id: number, version: number): Promise<PlanRow> {
      requireAccess(actor, 'plan.write');
      const before = await loadPlan(id);
      requireAccess(actor, 'plan.write', { jurisdictionId: before.jurisdictionId });
      return db.transaction(async (tx) => {
        const row = await plans.updatePlan(tx, id, version, { retiredAt: new Date() });
        await audit.append(tx, record(actor, row, 'retire', 'plan', id, before, row));
        return row;
      });
    },

    // Categories

    async listCategories(
      actor: RequestActor | null,
      planId: number,
      includeRetired = false,
    ): Promise<CategoryRow[]> {
      requireAccess(actor, 'plan.read');
      const plan = await loadPlan(planId);
      requireAccess(actor, 'plan.read', { jurisdictionId: plan.jurisdictionId });
      return plans.listCategories(db, planId, includeRetired);
    },

    async getCategory(actor: RequestActor | null, id: number): Promise<CategoryRow> {
      requireAccess(actor, 'plan.read');
      const { category, plan } = await loadCategory(id);
      requireAccess(actor, 'plan.read', { jurisdictionId: plan.jurisdictionId });
      return category;
    },

    async createCategory(
      actor: RequestActor | null,
      planId: number,
      body: CreateCategoryBody,
    ): Promise<CategoryRow> {
      requireAccess(actor, 'plan.write');
      const plan = await loadPlan(planId);
      requireAccess(actor, 'plan.write', { jurisdictionId: plan.jurisdictionId });
      return db.transaction(async (tx) => {
        const [row] = await plans.insertCategories(tx, [
          { planId, ordinal: body.ordinal, name: body.name, declaredTasks: body.declaredTasks ?? null },
        ]);
        if (!row) throw new Error('insert returned no row');
        await audit.append(tx, record(actor, plan, 'create', 'category', row.id, null, row));
        return row;
      });
    },

    async updateCategory(
      actor: RequestActor | null,
      id: number,
      body: UpdateCategoryBody,
    ): Promise<CategoryRow> {
      requireAccess(actor, 'plan.write');
      const { category: before, plan } = await loadCategory(id);
      requireAccess(actor, 'plan.write', { jurisdictionId: plan.jurisdictionId });
      const { version, ...changes } = body;
      return db.transaction(async (tx) => {
        const row = await plans.updateCategory(tx, id, version, changes);
        await audit.append(tx, record(actor, plan, 'update', 'category', id, before, row));
        return row;
      });
    },

    async retireCategory(actor: RequestActor | null, id: number, version: number): Promise<CategoryRow> {
      requireAccess(actor, 'plan.write');
      const { category: before, plan } = await loadCategory(id);
      requireAccess(actor, 'plan.write', { jurisdictionId: plan.jurisdictionId });
      return db.transaction(async (tx) => {
        const row = await plans.updateCategory(tx, id, version, { retiredAt: new Date() });
        await audit.append(tx, record(actor, plan, 'retire', 'category', id, before, row));
        return row;
      });
    },

    // Tasks

    async listTasks(
      actor: RequestActor | null,
      planId: number,
      includeRetired = false,
    ): Promise<TaskWithChildren[]> {
      requireAccess(actor, 'plan.read');
      const plan = await loadPlan(planId);
      requireAccess(actor, 'plan.read', { jurisdictionId: plan.jurisdictionId });
      return withChildren(await plans.listTasks(db, planId, includeRetired), includeRetired);
    },

    async getTask(actor: RequestActor | null, id: number): Promise<TaskWithChildren> {
      requireAccess(actor, 'plan.read');
      const { task, plan } = await loadTask(id);
      requireAccess(actor, 'plan.read', { jurisdictionId: plan.jurisdictionId });
      const [one] = await withChildren([task]);
      if (!one) throw new AppError('TASK_NOT_FOUND');
      return one;
    },

    async createTask(
      actor: RequestActor | null,
      planId: number,
      body: CreateTaskBody,
    ): Promise<TaskWithChildren> {
      requireAccess(actor, 'plan.write');
      const plan = await loadPlan(planId);
      requireAccess(actor, 'plan.write', { jurisdictionId: plan.jurisdictionId });
      await checkCategory(planId, body.categoryId);
      // Checked before the transaction: on PGlite a query outside it would wait for it forever.
      const unitRows = await taskUnitRows(plan, 0, body.units ?? []);
      const taskId = await db.transaction(async (tx) => {
        const [row] = await plans.insertTasks(tx, [
          {
            planId,
            categoryId: body.categoryId ?? null,
            number: body.number,
            title: body.title ?? null,
            content: body.content,
            deadlineText: body.deadlineText ?? null,
            deadlineDate: body.deadlineDate ?? null,
          },
        ]);
        if (!row) throw new Error('insert returned no row');
        const taskUnits = unitRows.map((u) => ({ ...u, taskId: row.id }));
        await plans.insertTaskUnits(tx, taskUnits);
        await audit.append(
          tx,
          record(actor, plan, 'create', 'task', row.id, null, { ...row, units: taskUnits }),
        );
        return row.id;
      });
      return service.getTask(actor, taskId);
    },

    async updateTask(
      actor: RequestActor | null,
      id: number,
      body: UpdateTaskBody,
    ): Promise<TaskWithChildren> {
      requireAccess(actor, 'plan.write');
      const { task: before, plan } = await loadTask(id);
      requireAccess(actor, 'plan.write', { jurisdictionId: plan.jurisdictionId });
      await checkCategory(plan.id, body.categoryId);
      const { version, ...changes } = body;
      await db.transaction(async (tx) => {
        const row = await plans.updateTask(tx, id, version, changes);
        await audit.append(tx, record(actor, plan, 'update', 'task', id, before, row));
      });
      return service.getTask(actor, id);
    },

    async setTaskUnits(
      actor: RequestActor | null,
      id: number,
      body: { version: number; units: TaskUnitInput[] },
    ): Promise<TaskWithChildren> {
      requireAccess(actor, 'plan.write');
      const { task, plan } = await loadTask(id);
      requireAccess(actor, 'plan.write', { jurisdictionId: plan.jurisdictionId });
      const rows = await taskUnitRows(plan, id, body.units);
      const before = await plans.listTaskUnits(db, [id]);
      await db.transaction(async (tx) => {
        // The version bump on the task is the lock on its unit set.
        await plans.updateTask(tx, id, body.version, {});
        await plans.replaceTaskUnits(tx, id, rows);
        await audit.append(
          tx,
          record(actor, plan, 'set-units', 'task', id, { ...task, units: before }, { units: rows }),
        );
      });
      return service.getTask(actor, id);
    },

    async retireTask(actor: RequestActor | null, id: number, version: number): Promise<TaskWithChildren> {
      requireAccess(actor, 'plan.write');
      const { task: before, plan } = await loadTask(id);
      requireAccess(actor, 'plan.write', { jurisdictionId: plan.jurisdictionId });
      await db.transaction(async (tx) => {
        const row = await plans.updateTask(tx, id, version, { retiredAt: new Date() });
        await audit.append(tx, record(actor, plan, 'retire', 'task', id, before, row));
      });
      return service.getTask(actor, id);
    },

    // Indicators

    async listIndicators(
      actor: RequestActor | null,
      taskId: number,
      includeRetired = false,
    ): Promise<IndicatorRow[]> {
      requireAccess(actor, 'plan.read');
      const { plan } = await loadTask(taskId);
      requireAccess(actor, 'plan.read', { jurisdictionId: plan.jurisdictionId });
      return plans.listIndicators(db, [taskId], includeRetired);
    },

    async getIndicator(actor: RequestActor | null, id: number): Promise<IndicatorRow> {
      requireAccess(actor, 'plan.read');
      const { indicator, plan } = await loadIndicator(id);
      requireAccess(actor, 'plan.read', { jurisdictionId: plan.jurisdictionId });
      return indicator;
    },

    async createIndicator(
      actor: RequestActor | null,
      taskId: number,
      body: CreateIndicatorBody,
    ): Promise<IndicatorRow> {
      requireAccess(actor, 'plan.write');
      const { plan } = await loadTask(taskId);
      requireAccess(actor, 'plan.write', { jurisdictionId: plan.jurisdictionId });
      return db.transaction(async (tx) => {
        const [row] = await plans.insertIndicators(tx, [
          {
            taskId,
            position: body.position ?? 0,
            subject: body.subject ?? null,
            value: body.value,
            valueMax: body.valueMax ?? null,
            unit: body.unit ?? null,
            comparator: body.comparator ?? '=',
            baseline: body.baseline ?? null,
            text: body.text,
          },
        ]);
        if (!row) throw new Error('insert returned no row');
        await audit.append(tx, record(actor, plan, 'create', 'indicator', row.id, null, row));
        return row;
      });
    },

    async updateIndicator(
      actor: RequestActor | null,
      id: number,
      body: UpdateIndicatorBody,
    ): Promise<IndicatorRow> {
      requireAccess(actor, 'plan.write');
      const { indicator: before, plan } = await loadIndicator(id);
      requireAccess(actor, 'plan.write', { jurisdictionId: plan.jurisdictionId });
      const { version, ...changes } = body;
      return db.transaction(async (tx) => {
        const row = await plans.updateIndicator(tx, id, version, changes);
        await audit.append(tx, record(actor, plan, 'update', 'indicator', id, before, row));
        return row;
      });
    },

    async retireIndicator(actor: RequestActor | null, id: number, version: number): Promise<IndicatorRow> {
      requireAccess(actor, 'plan.write');
      const { indicator: before, plan } = await loadIndicator(id);
      requireAccess(actor, 'plan.write', { jurisdictionId: plan.jurisdictionId });
      return db.transaction(async (tx) => {
        const row = await plans.updateIndicator(tx, id, version, { retiredAt: new Date() });
        await audit.append(tx, record(actor, plan, 'retire', 'indicator', id, before, row));
        return row;
      });
    },
  };
  return service;
}
export type PlanService = ReturnType<typeof createPlanService>;
