/**
 * Open data of one published plan: one row per task with its targets and progress, as CSV
 * (UTF-8 with a BOM, so Excel opens the Chinese right) and .xlsx. The JSON is the API's shape.
 */
import ExcelJS from 'exceljs';
import type { PublicPlan } from '@minsheng/contract';

export const OPEN_DATA_COLUMNS = [
  '计划ID',
  '年度',
  '行政区',
  '计划',
  '类别',
  '实事ID',
  '序号',
  '标题',
  '内容',
  '牵头单位',
  '配合单位',
  '完成时限',
  '量化指标',
  '完成进度',
  '评定',
  '最近更新',
  '链接',
] as const;

export function openDataRows(plan: PublicPlan): (string | number)[][] {
  const categoryName = new Map(plan.categories.map((c) => [c.id, c.name]));
  return plan.tasks.map((t) => [
    plan.id,
    plan.year,
    plan.jurisdiction.name,
    plan.title,
    t.categoryId === null ? '' : (categoryName.get(t.categoryId) ?? ''),
    t.id,
    t.number,
    t.title ?? '',
    t.content,
    t.leadUnits.join('、'),
    t.coUnits.join('、'),
    t.deadlineText ?? t.deadlineDate ?? '',
    t.indicators.map((i) => i.text).join('；'),
    t.progress.completion === null ? '' : Math.round(t.progress.completion * 1000) / 10,
    t.progress.ratingLabel ?? '',
    t.progress.lastUpdate ?? '',
    t.url,
  ]);
}

/** A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR) is prefixed with '. */
function defuse(value: string | number): string {
  const text = String(value);
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: string | number): string {
  const text = defuse(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function planCsv(plan: PublicPlan): string {
  const lines = [OPEN_DATA_COLUMNS, ...openDataRows(plan)].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function planXlsx(plan: PublicPlan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Minsheng 民生实事督办平台';
  const sheet = workbook.addWorksheet('民生实事', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...OPEN_DATA_COLUMNS]).font = { bold: true };
  // Values are written as strings and numbers, never as formulas.
  for (const row of openDataRows(plan)) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = [8, 6, 12, 24, 14, 8, 6, 20, 60, 20, 20, 12, 30, 10, 10, 12, 24][i] ?? 12;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
