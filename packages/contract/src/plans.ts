/** Plans with their categories, tasks, task units and indicators. */
import { z } from 'zod';
import { editableFields, includeRetired, version } from './common';

export const planStatus = z.enum(['draft', 'published']);
export const unitRole = z.enum(['lead', 'co']);
export const comparator = z.enum(['=', '>=', '<=', 'range']);

const year = z.number().int().min(1949).max(2200);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const plan = z.object({
  id: z.number().int(),
  jurisdictionId: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  issuer: z.string().nullable(),
  docNumber: z.string().nullable(),
  status: planStatus,
  declaredCategories: z.number().int().nullable(),
  declaredTasks: z.number().int().nullable(),
  sourceDocumentId: z.number().int().nullable(),
  ...editableFields,
});
export type Plan = z.infer<typeof plan>;

export const category = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  ordinal: z.number().int(),
  name: z.string(),
  declaredTasks: z.number().int().nullable(),
  ...editableFields,
});
export type Category = z.infer<typeof category>;

export const taskUnit = z.object({
  unitId: z.number().int(),
  name: z.string(),
  role: unitRole,
  position: z.number().int(),
  countsInCompletion: z.boolean(),
});
export type TaskUnit = z.infer<typeof taskUnit>;

export const indicator = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  position: z.number().int(),
  subject: z.string().nullable(),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  comparator,
  baseline: z.number().nullable(),
  text: z.string(),
  ...editableFields,
});
export type Indicator = z.infer<typeof indicator>;

export const task = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  categoryId: z.number().int().nullable(),
  number: z.number().int(),
  title: z.string().nullable(),
  content: z.string(),
  deadlineText: z.string().nullable(),
  deadlineDate: z.string().nullable(),
  units: z.array(taskUnit),
  indicators: z.array(indicator),
  ...editableFields,
});
export type Task = z.infer<typeof task>;

/** GET /api/plans/:id — the plan with everything under it. */
export const planDetail = plan.extend({
  categories: z.array(category),
  tasks: z.array(task),
});
export type PlanDetail = z.infer<typeof planDetail>;

export const listPlansQuery = z.object({
  jurisdictionId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(1949).max(2200).optional(),
  status: planStatus.optional(),
  includeRetired,
});
export const listPlansResponse = z.object({ items: z.array(plan) });

export const readPlanQuery = z.object({ includeRetired });

export const createPlanBody = z.object({
  jurisdictionId: z.number().int().positive(),
  year,
  title: z.string().trim().min(1).max(500),
  issuer: optionalText(200),
  docNumber: optionalText(100),
  status: planStatus.optional(),
  declaredCategories: z.number().int().min(0).nullable().optional(),
  declaredTasks: z.number().int().min(0).nullable().optional(),
});
export type CreatePlanBody = z.infer<typeof createPlanBody>;

export const updatePlanBody = createPlanBody.omit({ jurisdictionId: true }).partial().extend({ version });
export type UpdatePlanBody = z.infer<typeof updatePlanBody>;

export const createCategoryBody = z.object({
  ordinal: z.number().int().min(0),
  name: z.string().trim().min(1).max(200),
  declaredTasks: z.number().int().min(0).nullable().optional(),
});
export type CreateCategoryBody = z.infer<typeof createCategoryBody>;
export const updateCategoryBody = createCategoryBody.partial().extend({ version });
export type UpdateCategoryBody = z.infer<typeof updateCategoryBody>;
export const listCategoriesResponse = z.object({ items: z.array(category) });

export const taskUnitInput = z.object({
  unitId: z.number().int().positive(),
  role: unitRole,
  countsInCompletion: z.boolean().optional(),
});
export type TaskUnitInput = z.infer<typeof taskUnitInput>;

export const createTaskBody = z.object({
  categoryId: z.number().int().positive().nullable().optional(),
  number: z.number().int().min(0),
  title: optionalText(500),
  content: z.string().trim().min(1).max(10000),
  deadlineText: optionalText(100),
  deadlineDate: isoDate.nullable().optional(),
  units: z.array(taskUnitInput).max(100).optional(),
});
export type CreateTaskBody = z.infer<typeof createTaskBody>;
export const updateTaskBody = createTaskBody.omit({ units: true }).partial().extend({ version });
export type UpdateTaskBody = z.infer<typeof updateTaskBody>;
export const listTasksResponse = z.object({ items: z.array(task) });

/** PUT /api/tasks/:id/units — replaces the task's units (one lead at most); bumps the task's version. */
export const setTaskUnitsBody = z.object({ version, units: z.array(taskUnitInput).max(100) });
export type SetTaskUnitsBody = z.infer<typeof setTaskUnitsBody>;

export const createIndicatorBody = z.object({
  position: z.number().int().min(0).optional(),
  subject: optionalText(200),
  value: z.number().finite(),
  valueMax: z.number().finite().nullable().optional(),
  unit: optionalText(50),
  comparator: comparator.optional(),
  baseline: z.number().finite().nullable().optional(),
  text: z.string().trim().min(1).max(1000),
});
export type CreateIndicatorBody = z.infer<typeof createIndicatorBody>;
export const updateIndicatorBody = createIndicatorBody.partial().extend({ version });
export type UpdateIndicatorBody = z.infer<typeof updateIndicatorBody>;
export const listIndicatorsResponse = z.object({ items: z.array(indicator) });
