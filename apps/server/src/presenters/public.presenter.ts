/**
 * The public portal's presenter: smaller than plan.presenter on purpose. It names what the public
 * may read — no status, version, unit contacts, counts-in-completion flags or source documents.
 */
import type {
  PublicPlan,
  PublicPlanSummary,
  PublicProgress,
  PublicTask,
  PublicTaskDetail,
} from '@minsheng/contract';
import { ratingLabels } from '@minsheng/core';
import type { PublishedPlanSummary } from '../repositories/public.repository';
import type { PublicPlanView, PublicTaskView } from '../services/public/public.service';
import type { PublicTaskProgress } from '../services/public/progress-source';

export const portalPaths = {
  home: '/gongkai',
  archive: '/gongkai/archive',
  search: '/gongkai/search',
  year: (jurisdictionId: number, year: number) => `/gongkai/${jurisdictionId}/${year}`,
  plan: (id: number) => `/gongkai/plans/${id}`,
  task: (id: number) => `/gongkai/tasks/${id}`,
};

export function planKey(summary: PublishedPlanSummary): string {
  return `${summary.jurisdiction.id}-${summary.plan.year}-${summary.plan.id}`;
}

export function presentPublicPlanSummary(summary: PublishedPlanSummary): PublicPlanSummary {
  const { plan, jurisdiction } = summary;
  return {
    id: plan.id,
    key: planKey(summary),
    year: plan.year,
    title: plan.title,
    issuer: plan.issuer,
    docNumber: plan.docNumber,
    jurisdiction: { id: jurisdiction.id, name: jurisdiction.name, level: jurisdiction.level },
    categoryCount: summary.categoryCount,
    taskCount: summary.taskCount,
    updatedAt: plan.updatedAt.toISOString(),
    url: portalPaths.plan(plan.id),
  };
}

export function presentPublicProgress(progress: PublicTaskProgress | undefined): PublicProgress {
  return {
    completion: progress?.completion ?? null,
    rating: progress?.rating ?? null,
    ratingLabel: progress?.rating ? ratingLabels[progress.rating].zh : null,
    ratingReason: progress?.ratingReason ?? null,
    lastUpdate: progress?.lastUpdate ?? null,
  };
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

function presentTasks(view: PublicPlanView): PublicTask[] {
  const key = planKey(view.summary);
  const unitsByTask = groupBy(view.tree.taskUnits, (u) => u.taskId);
  const indicatorsByTask = groupBy(view.tree.indicators, (i) => i.taskId);
  return view.tree.tasks.map((task) => {
    const units = unitsByTask.get(task.id) ?? [];
    return {
      id: task.id,
      key: `${key}-${task.number}`,
      planId: task.planId,
      categoryId: task.categoryId,
      number: task.number,
      title: task.title,
      content: task.content,
      deadlineText: task.deadlineText,
      deadlineDate: task.deadlineDate,
      leadUnits: units.filter((u) => u.role === 'lead').map((u) => u.name),
      coUnits: units.filter((u) => u.role === 'co').map((u) => u.name),
      indicators: (indicatorsByTask.get(task.id) ?? []).map((i) => ({
        text: i.text,
        subject: i.subject,
        value: i.value,
        valueMax: i.valueMax,
        unit: i.unit,
        comparator: i.comparator,
      })),
      progress: presentPublicProgress(view.progress.get(task.id)),
      url: portalPaths.task(task.id),
    };
  });
}

export function presentPublicPlan(view: PublicPlanView): PublicPlan {
  return {
    ...presentPublicPlanSummary(view.summary),
    categories: view.tree.categories.map((c) => ({ id: c.id, ordinal: c.ordinal, name: c.name })),
    tasks: presentTasks(view),
  };
}

export function presentPublicTaskDetail(view: PublicTaskView): PublicTaskDetail {
  const task = presentTasks(view).find((t) => t.id === view.taskId);
  if (!task) throw new Error(`task ${view.taskId} is not in its plan's tree`);
  const category = view.tree.categories.find((c) => c.id === task.categoryId);
  return {
    ...task,
    plan: presentPublicPlanSummary(view.summary),
    category: category ? { id: category.id, ordinal: category.ordinal, name: category.name } : null,
    history: view.progress.get(view.taskId)?.history ?? [],
  };
}
