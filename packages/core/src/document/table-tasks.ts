/**
 * Tasks from tables: a header row names the columns (序号 类别 内容 责任单位 完成时限 推进情况
 * 备注 …); each numbered row is a task. Merged cells inherit from above, repeated header rows
 * are skipped, a last row cut short is dropped.
 */
import type { TableRow, TaskUnit } from '../model';
import { compactText, parseChineseNumber } from '../text/normalize';
import { parseUnits } from '../units/parse-units';
import type { ColumnRole } from './columns';
import { classifyColumns, isHeaderRow, isHeaderWord } from './columns';
import { groupedHeader, percentColumns } from './table-header';

export interface GridCell {
  text: string;
  /** Continues a merged cell above (explicit in the source or by rowSpan). */
  merged: boolean;
}

export interface TaskDraft {
  number: number | null;
  category: string | null;
  title: string | null;
  content: string;
  units: TaskUnit[];
  deadlineText: string | null;
  progressText: string | null;
  status: string | null;
  /** Indicator tables: the target in 工作目标 with the measure in 单位. */
  target: { subject: string; value: string; measure: string } | null;
  /** Indicator tables: 已完成数 and 占年任务之比. */
  done: { value: string; percent: string } | null;
  /** A 完成率 column beside a progress text: "86.5%". */
  percent?: string;
}

export interface CategoryDraft {
  name: string;
  declaredTasks: number | null;
}

export interface TableResult {
  captions: string[];
  drafts: TaskDraft[];
  categories: CategoryDraft[];
  hasProgressColumn: boolean;
  truncated: boolean;
  /** Rows of a table that is no task table, as paragraphs. */
  paragraphs: string[];
  /** The roles of its columns, to tell a continued table from another one. */
  headerKey: string;
}

/** Rows with colSpan / rowSpan / vMerge → a rectangular grid of cells. */
export function expandGrid(rows: TableRow[]): GridCell[][] {
  const pending: Array<{ left: number } | undefined> = [];
  const grid: GridCell[][] = [];
  for (const row of rows) {
    const out: GridCell[] = [];
    let col = 0;
    const place = (cell: GridCell): void => {
      while ((pending[col]?.left ?? 0) > 0) {
        out.push({ text: '', merged: true });
        const p = pending[col];
        if (p) p.left -= 1;
        col++;
      }
      out.push(cell);
      col++;
    };
    for (const cell of row.cells ?? []) {
      const span = Math.max(1, Math.min(50, Math.floor(cell.colSpan ?? 1)));
      const startCol = (() => {
        let c = col;
        while ((pending[c]?.left ?? 0) > 0) c++;
        return c;
      })();
      place({ text: cell.mergedFromAbove ? '' : (cell.text ?? ''), merged: cell.mergedFromAbove === true });
      for (let s = 1; s < span; s++) {
        out.push({ text: '', merged: false });
        col++;
      }
      const rowSpan = Math.max(1, Math.min(500, Math.floor(cell.rowSpan ?? 1)));
      for (let s = 0; s < span; s++) pending[startCol + s] = rowSpan > 1 ? { left: rowSpan - 1 } : undefined;
    }
    // Slots at the end still covered by a rowSpan from above.
    while (col < pending.length && (pending[col]?.left ?? 0) > 0) {
      out.push({ text: '', merged: true });
      const p = pending[col];
      if (p) p.left -= 1;
      col++;
    }
    grid.push(out);
  }
  return grid;
}

const STATUS =
  /^(?:已完成|已全面完成|全面完成|基本完成|已基本完成|进度滞后|进展滞后|已完工|已竣工|完成|已办结|正常推进|推进正常|进展顺利|有序推进|稳步推进|顺利推进|正在实施|已启动|按序时推进|序时推进|按计划推进|正在推进|持续推进|推进中|进行中|推进缓慢|进展缓慢|滞后|滞后推进|未完成|未启动|未开工|已开工|超序时|超序时推进|超额完成|提前完成)$/;

/** "正常\n推进" → "正常推进" when it is a status word; else null. */
export function statusWord(text: string): string | null {
  const t = compactText(text).replace(/[。；;]$/, '');
  return STATUS.test(t) ? t : null;
}

/**
 * "就\n业\n增\n收\n（5项）" → { name: "就业增收", declaredTasks: 5 }; a label printed twice in
 * one merged cell ("医疗保障（10项）医疗保障（10项）") is one; "一、就业创业方面（３项）" → "就业创业".
 */
export function parseCategoryLabel(text: string): CategoryDraft | null {
  let t = compactText(text);
  if (!t) return null;
  let declaredTasks: number | null = null;
  const count = /[（(]\s*(?:共|计)?([\d一二三四五六七八九十百两]+)\s*(?:项|件|个)\s*[)）]/.exec(t);
  if (count) {
    declaredTasks = parseChineseNumber(count[1] ?? '');
    t = t.slice(0, count.index);
  } else {
    // "一、就业创业3项", "二、教育（共两件）" without brackets.
    const bare = /[，,：:\s]?(?:共|计)?(\d+|[一二三四五六七八九十两]+)\s*(?:项|件)$/.exec(t);
    if (bare && bare.index > 1) {
      declaredTasks = parseChineseNumber(bare[1] ?? '');
      t = t.slice(0, bare.index);
    }
  }
  t = t
    .replace(
      /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[)）]|\d+[、.．]|[①-⑳]|第[一二三四五六七八九十]+(?:类|部分)[:：、]?)/,
      '',
    )
    .replace(/[:：;；，,。.]+$/, '')
    .replace(/\s+/g, '');
  // A label printed twice.
  const half = t.length / 2;
  if (t.length % 2 === 0 && half >= 2 && t.slice(0, half) === t.slice(half)) t = t.slice(0, half);
  t = t.replace(/方面$/, '');
  if (!t) return null;
  return { name: t, declaredTasks };
}

function serialOf(text: string): number | null {
  const t = compactText(text).replace(/^[（(]|[)）.、]$/g, '');
  if (/^\d{1,4}$/.test(t)) return Number(t);
  return null;
}

const SKIP_ROW = /^(?:合计|小计|总计|共计)/;

function firstIndex(roles: ColumnRole[], role: ColumnRole): number {
  return roles.indexOf(role);
}

/** Reads one table; `fromText` when it was recovered from plain text (where short rows are cut). */
export function readTable(rows: TableRow[], fromText = true): TableResult {
  const result: TableResult = {
    captions: [],
    drafts: [],
    categories: [],
    hasProgressColumn: false,
    truncated: false,
    paragraphs: [],
    headerKey: '',
  };
  const grid = expandGrid(rows);
  const h = grid.findIndex((r) => isHeaderRow(r.map((c) => c.text)));
  if (h < 0) {
    for (const r of grid) {
      const texts = r.map((c) => c.text.trim()).filter(Boolean);
      for (const t of texts) result.paragraphs.push(t);
    }
    return result;
  }
  for (const r of grid.slice(0, h)) {
    const texts = r.map((c) => c.text.trim()).filter(Boolean);
    if (texts.length) result.captions.push(texts.join(' '));
  }
  const { header, bodyStart } = groupedHeader(grid, h);
  const n = header.length;
  const headerKey = header.map((c) => compactText(c.text)).join('|');
  const roles = percentColumns(
    classifyColumns(header.map((c) => c.text)),
    grid.slice(bodyStart).map((r) => r.map((c) => c.text)),
  );
  result.headerKey = roles.join(',');
  const col = (role: ColumnRole): number => firstIndex(roles, role);
  const serialCol = col('serial');
  const categoryCol = col('category');
  const titleCol = col('title');
  const contentCol = col('content');
  const unitsCol = col('units');
  const coUnitsCol = col('coUnits');
  const deadlineCol = col('deadline');
  const progressCols = roles.map((r, i) => (r === 'progress' ? i : -1)).filter((i) => i >= 0);
  const statusCol = col('status');
  const measureCol = col('measure');
  const targetCol = col('target');
  const doneCol = col('done');
  const percentCol = col('percent');
  // A column of shares of the year's plan ("完成进度 75%") makes a progress report too.
  result.hasProgressColumn = progressCols.length > 0 || doneCol >= 0 || percentCol >= 0;

  let category: string | null = null;
  let lastUnits: TaskUnit[] = [];
  let lastDeadline: string | null = null;
  let lastNumber = 0;
  const categoryIndex = new Map<string, CategoryDraft>();
  const useCategory = (label: CategoryDraft): string => {
    const existing = categoryIndex.get(label.name);
    if (!existing) {
      categoryIndex.set(label.name, label);
      result.categories.push(label);
    } else if (existing.declaredTasks === null && label.declaredTasks !== null) {
      existing.declaredTasks = label.declaredTasks;
    }
    return label.name;
  };

  const body = grid.slice(bodyStart);
  body.forEach((row, idx) => {
    const texts = row.map((c) => c.text);
    const compact = texts.map((t) => compactText(t));
    if (compact.join('|') === headerKey) return;
    if (serialOf(compact[0] ?? '') === null && isHeaderWord(compact[0] ?? '') && isHeaderRow(texts)) return;
    const nonEmpty = compact.filter(Boolean);
    if (nonEmpty.length === 0) return;
    const cell = (i: number): string => (i >= 0 ? (texts[i] ?? '') : '');
    const cellC = (i: number): string => (i >= 0 ? (compact[i] ?? '') : '');
    const isLast = idx === body.length - 1;
    // A heading across the table: "一、就业创业（5项）".
    const serialText = cellC(serialCol);
    const number = serialCol >= 0 ? serialOf(serialText) : null;
    if (nonEmpty.length === 1 && number === null && (row.length === 1 || !cellC(contentCol))) {
      const only = nonEmpty[0] ?? '';
      // A note under the table ("注：完成率=…") is neither a category nor a task.
      if (/^(?:注|说明|备注|附注|填表说明)[:：]?/.test(only) || /[=：:。]/.test(only) || only.length > 30)
        return;
      const label = parseCategoryLabel(only);
      if (label) category = useCategory(label);
      return;
    }
    // A last row cut short: in text the cells simply stop; a spreadsheet or document reader may
    // leave out empty trailing cells, so there only a row without its content counts.
    if (isLast && row.length < n && (fromText || contentCol < 0 || contentCol >= row.length)) {
      result.truncated = true;
      return;
    }
    if (nonEmpty.some((t) => SKIP_ROW.test(t)) && serialOf(cellC(serialCol)) === null) return;

    if (serialCol >= 0 && number === null && /^[一二三四五六七八九十]+[、.．]?$/.test(serialText)) {
      const label = parseCategoryLabel(cellC(contentCol) || cellC(titleCol) || nonEmpty[1] || '');
      if (label) category = useCategory(label);
      return;
    }

    if (categoryCol >= 0) {
      const catCell = row[categoryCol];
      if (catCell && !catCell.merged && compactText(catCell.text)) {
        const label = parseCategoryLabel(catCell.text);
        if (label) category = useCategory(label);
      } else if (category !== null) {
        // A blank category cell continues the category above only while it has room: past its
        // own "（N项）" the label is missing, not merged (002 rows 62–80).
        const open = categoryIndex.get(category);
        const count = result.drafts.filter((d) => d.category === category).length;
        if (open?.declaredTasks != null && count >= open.declaredTasks) category = null;
      }
    }

    const content = cellC(contentCol);
    const title = titleCol >= 0 ? cellC(titleCol) || null : null;
    if (!content && !title) return;

    // A row without a number continues the task above when it adds only text.
    const prev = result.drafts[result.drafts.length - 1];
    if (serialCol >= 0 && number === null && !serialText && prev) {
      const others = [unitsCol, deadlineCol].filter((i) => i >= 0 && cellC(i));
      if (others.length === 0 && !(row[serialCol]?.merged ?? false)) {
        prev.content += content;
        for (const i of progressCols) if (cellC(i)) prev.progressText = (prev.progressText ?? '') + cellC(i);
        return;
      }
    }

    let units: TaskUnit[];
    if (unitsCol >= 0) {
      const raw = cell(unitsCol);
      // A blank 牵头 cell inherits the row above; with the row's own 配合 cell, only its lead.
      const ownCo = cellC(coUnitsCol) !== '';
      const inherited = ownCo ? lastUnits.filter((u) => u.role === 'lead') : lastUnits;
      units = compactText(raw) ? parseUnits(raw) : inherited.map((u) => ({ ...u }));
    } else {
      units = [];
    }
    if (coUnitsCol >= 0 && cellC(coUnitsCol)) {
      for (const u of parseUnits(cell(coUnitsCol))) {
        if (!units.some((x) => x.name === u.name))
          units.push({ name: u.name, role: units.length ? 'co' : 'lead' });
      }
    }
    lastUnits = units;

    let deadlineText: string | null = null;
    if (deadlineCol >= 0) {
      const d = row[deadlineCol];
      deadlineText = d?.merged ? lastDeadline : cellC(deadlineCol) || null;
      lastDeadline = deadlineText;
    }

    let progressText: string | null = null;
    if (progressCols.length) {
      const parts = progressCols.map((i) => cellC(i)).filter(Boolean);
      progressText = parts.length ? parts.join('；') : null;
    }
    let status: string | null = null;
    if (statusCol >= 0) {
      // A column headed 状态 holds the status as the document words it ("基本完成", "已交付使用");
      // a 备注 column only when its note is a status word.
      const word = compactText(cell(statusCol)).replace(/[。；;]$/, '');
      const own = /状态/.test(compactText(header[statusCol]?.text ?? ''));
      status =
        statusWord(word) ?? (own && word.length > 0 && word.length <= 12 && !/\d/.test(word) ? word : null);
    }

    const num = number ?? lastNumber + 1;
    lastNumber = num;
    const draft: TaskDraft = {
      number: num,
      category,
      title: contentCol >= 0 ? title : null,
      content: content || title || '',
      units,
      deadlineText,
      progressText,
      status,
      target: null,
      done: null,
    };
    if (targetCol >= 0 && cellC(targetCol)) {
      // An indicator table: the task reads "城镇新增就业" + "1.8" + "万人".
      draft.target = { subject: content, value: cellC(targetCol), measure: cellC(measureCol) };
      if (content && !content.includes(cellC(targetCol)))
        draft.content = `${content}${cellC(targetCol)}${cellC(measureCol)}`;
    }
    if (doneCol >= 0 && (cellC(doneCol) || cellC(percentCol))) {
      draft.done = { value: cellC(doneCol), percent: cellC(percentCol) };
    } else if (percentCol >= 0 && cellC(percentCol)) {
      draft.percent = cellC(percentCol);
    }
    result.drafts.push(draft);
  });
  // A plan printed as a form with an empty 推进情况 column to fill in reports nothing yet.
  if (
    result.hasProgressColumn &&
    result.drafts.length > 0 &&
    result.drafts.every((d) => !d.progressText && !d.done && d.percent === undefined && d.status === null)
  )
    result.hasProgressColumn = false;
  return result;
}
