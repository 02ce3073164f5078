/**
 * The tables the office used to write by hand, as one neutral model that the .docx and .xlsx
 * exporters render: the progress table of a period (seed 000's columns), the 落实情况表
 * (seed 004's) and the responsibility table (seed 002's, 类别 merged down its tasks).
 */
import { formatChineseDate, type PlanDocument } from '@minsheng/core';

/** What the exporters need of a plan: its tasks in order, with units, deadline and progress. */
export interface ExportPlan {
  title: string;
  year: number;
  jurisdiction: string;
  tasks: ExportTask[];
}

export interface ExportTask {
  number: number;
  category: string | null;
  /** The category's declared count, printed as "（N项）" in the responsibility table. */
  categoryTasks?: number | null;
  title: string | null;
  content: string;
  units: { name: string; role: 'lead' | 'co' }[];
  deadlineText: string | null;
  progress?: { text: string; status: string | null } | null;
}

export interface TableColumn {
  header: string;
  /** Relative width (characters of 三号 text, roughly). */
  width: number;
  align?: 'center' | 'left';
}

export interface OfficialTable {
  /** File-name stem and document title: "35件民生实事三季度进展情况". */
  title: string;
  /** A line under the title, e.g. "填报时间：2020年9月25日". */
  subtitle: string | null;
  columns: TableColumn[];
  rows: string[][];
  /** Column whose equal consecutive values are merged down (the 类别 of the responsibility table). */
  mergeDownColumn: number | null;
}

const unitsText = (task: ExportTask) => task.units.map((u) => u.name).join('、');

/** The progress table of a period: 序号, 主要内容, 责任部门, <period>推进情况 (seed 000). */
export function buildProgressTable(plan: ExportPlan, periodLabel: string): OfficialTable {
  return {
    title: `${plan.tasks.length}件民生实事${periodLabel}进展情况`,
    subtitle: null,
    columns: [
      { header: '序号', width: 3, align: 'center' },
      { header: '主要内容', width: 16 },
      { header: '责任部门', width: 6, align: 'center' },
      { header: `${periodLabel}推进情况`, width: 20 },
    ],
    rows: plan.tasks.map((t) => [String(t.number), t.content, unitsText(t), t.progress?.text ?? '']),
    mergeDownColumn: null,
  };
}

/** The 落实情况表: 序号, 名称, 内容, 责任单位, 落实情况, 备注 (status), 完成时限, with 填报时间 (seed 004). */
export function buildImplementationTable(plan: ExportPlan, reportDate: string): OfficialTable {
  return {
    title: `${plan.jurisdiction}${plan.year}年${plan.tasks.length}件民生实事落实情况表`,
    subtitle: `填报时间：${formatChineseDate(reportDate)}`,
    columns: [
      { header: '序号', width: 3, align: 'center' },
      { header: '名称', width: 7 },
      { header: '内容', width: 12 },
      { header: '责任单位', width: 5, align: 'center' },
      { header: '落实情况', width: 18 },
      { header: '备注', width: 4, align: 'center' },
      { header: '完成时限', width: 4, align: 'center' },
    ],
    rows: plan.tasks.map((t) => [
      String(t.number),
      t.title ?? '',
      t.content,
      unitsText(t),
      t.progress?.text ?? '',
      t.progress?.status ?? '',
      t.deadlineText ?? '',
    ]),
    mergeDownColumn: null,
  };
}

/** The responsibility table: 序号, 类别 (merged down its tasks), 工作内容, 完成时限, 责任单位 (seed 002). */
export function buildResponsibilityTable(plan: ExportPlan): OfficialTable {
  const counts = new Map<string, number>();
  for (const t of plan.tasks) if (t.category) counts.set(t.category, (counts.get(t.category) ?? 0) + 1);
  return {
    title: `${plan.jurisdiction}${plan.year}年民生实事及责任分工表`,
    subtitle: null,
    columns: [
      { header: '序号', width: 3, align: 'center' },
      { header: '类别', width: 4, align: 'center' },
      { header: '工作内容', width: 24 },
      { header: '完成时限', width: 4, align: 'center' },
      { header: '责任单位', width: 7, align: 'center' },
    ],
    rows: plan.tasks.map((t) => [
      String(t.number),
      t.category ? `${t.category}（${t.categoryTasks ?? counts.get(t.category)}项）` : '',
      t.content,
      t.deadlineText ?? '',
      unitsText(t),
    ]),
    mergeDownColumn: 1,
  };
}

/** Runs of equal values in a column: [start, length] pairs, for merging cells down. */
export function mergeRuns(rows: string[][], column: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || rows[i]![column] !== rows[start]![column] || rows[start]![column] === '') {
      runs.push([start, i - start]);
      start = i;
    }
  }
  return runs;
}

/** A plan document (an import's result, or a plan read back) as the exporters see it. */
export function exportPlanFromDocument(doc: PlanDocument): ExportPlan {
  const declared = new Map(doc.categories.map((c) => [c.name, c.declaredTasks]));
  return {
    title: doc.title ?? '',
    year: doc.year ?? new Date().getFullYear(),
    jurisdiction: doc.jurisdiction ?? '',
    tasks: doc.tasks.map((t) => ({
      number: t.number,
      category: t.category,
      categoryTasks: t.category ? (declared.get(t.category) ?? null) : null,
      title: t.title,
      content: t.content,
      units: t.units,
      deadlineText: t.deadline?.text ?? null,
      progress: t.progress ? { text: t.progress.text, status: t.progress.status } : null,
    })),
  };
}
