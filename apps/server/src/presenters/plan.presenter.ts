import type { Category, Indicator, Plan, PlanDetail, Task, TaskUnit } from '@minsheng/contract';
import type {
  CategoryRow,
  IndicatorRow,
  PlanRow,
  PlanTree,
  TaskRow,
  TaskUnitWithName,
} from '../repositories/plan.repository';
import type { TaskWithChildren } from '../services/plans/plan.service';
import { editable } from './common';

export function presentPlan(row: PlanRow): Plan {
  return {
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    year: row.year,
    title: row.title,
    issuer: row.issuer,
    docNumber: row.docNumber,
    status: row.status,
    declaredCategories: row.declaredCategories,
    declaredTasks: row.declaredTasks,
    sourceDocumentId: row.sourceDocumentId,
    ...editable(row),
  };
}

export function presentCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    planId: row.planId,
    ordinal: row.ordinal,
    name: row.name,
    declaredTasks: row.declaredTasks,
    ...editable(row),
  };
}

export function presentIndicator(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    taskId: row.taskId,
    position: row.position,
    subject: row.subject,
    value: row.value,
    valueMax: row.valueMax,
    unit: row.unit,
    comparator: row.comparator,
    baseline: row.baseline,
    text: row.text,
    ...editable(row),
  };
}

function presentTaskUnit(row: TaskUnitWithName): TaskUnit {
  return {
    unitId: row.unitId,
    name: row.name,
    role: row.role,
    position: row.position,
    countsInCompletion: row.countsInCompletion,
  };
}

function presentTaskRow(row: TaskRow, unitRows: TaskUnitWithName[], indicatorRows: IndicatorRow[]): Task {
  return {
    id: row.id,
    planId: row.planId,
    categoryId: row.categoryId,
    number: row.number,
    title: row.title,
    content: row.content,
    deadlineText: row.deadlineText,
    deadlineDate: row.deadlineDate,
    units: unitRows.map(presentTaskUnit),
    indicators: indicatorRows.map(presentIndicator),
    ...editable(row),
  };
}

export function presentTask({ task, units, indicators }: TaskWithChildren): Task {
  return presentTaskRow(task, units, indicators);
}

/** The plan with its categories and tasks; children grouped in one pass each (no lookups per task). */
export function presentPlanDetail(tree: PlanTree): PlanDetail {
  const unitsByTask = new Map<number, TaskUnitWithName[]>();
  for (const u of tree.taskUnits) {
    const list = unitsByTask.get(u.taskId);
    if (list) list.push(u);
    else unitsByTask.set(u.taskId, [u]);
  }
  const indicatorsByTask = new Map<number, IndicatorRow[]>();
  for (const i of tree.indicators) {
    const list = indicatorsByTask.get(i.taskId);
    if (list) list.push(i);
    else indicatorsByTask.set(i.taskId, [i]);
  }
  return {
    ...presentPlan(tree.plan),
    categories: tree.categories.map(presentCategory),
    tasks: tree.tasks.map((t) =>
      presentTaskRow(t, unitsByTask.get(t.id) ?? [], indicatorsByTask.get(t.id) ?? []),
    ),
  };
}
