/**
 * The office's corrections to an import preview, as pure functions over the plan document:
 * one cell in, a new document out. The server re-checks everything on PATCH and commit; these
 * keep the preview honest in between (a corrected cell loses the warning it answered).
 */
import type { PlanDocumentBody } from '@minsheng/contract';
import { parseDeadline } from '@minsheng/core';

export type PlanDocumentTask = PlanDocumentBody['tasks'][number];
export type EditableField = 'category' | 'title' | 'content' | 'deadline' | 'units';

/** Which warning a corrected field answers. */
const answeredBy: Record<EditableField, readonly string[]> = {
  category: ['TASK_WITHOUT_CATEGORY'],
  title: [],
  content: [],
  deadline: ['UNPARSED_DEADLINE'],
  units: ['MISSING_UNITS'],
};

/** Splits a unit cell the way documents write it; brackets stay whole: "市人社局、各县（市）区". */
export function splitUnitNames(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '（' || ch === '(') depth++;
    if ((ch === '）' || ch === ')') && depth > 0) depth--;
    if (depth === 0 && /[、，,/／;；\n]/.test(ch)) {
      names.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  names.push(current);
  return names
    .map((n) => n.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）'))
    .filter((n) => n.length > 0);
}

export function formatUnitNames(task: PlanDocumentTask): string {
  return task.units.map((u) => u.name).join('、');
}

/** The text a cell shows in its editor. */
export function cellText(task: PlanDocumentTask, field: EditableField): string {
  switch (field) {
    case 'category':
      return task.category ?? '';
    case 'title':
      return task.title ?? '';
    case 'content':
      return task.content;
    case 'deadline':
      return task.deadline?.text ?? '';
    case 'units':
      return formatUnitNames(task);
  }
}

function editTask(
  task: PlanDocumentTask,
  field: EditableField,
  raw: string,
  year: number | null,
): PlanDocumentTask {
  const value = raw.trim();
  switch (field) {
    case 'category':
      return { ...task, category: value || null };
    case 'title':
      return { ...task, title: value || null };
    case 'content':
      // Indicators whose words are gone go with them; the server re-reads the rest.
      return { ...task, content: value, indicators: task.indicators.filter((i) => value.includes(i.text)) };
    case 'deadline': {
      if (!value) return { ...task, deadline: null };
      return { ...task, deadline: parseDeadline(value, year) ?? { text: value, date: null } };
    }
    case 'units':
      return {
        ...task,
        units: splitUnitNames(value).map((name, i) => ({
          name,
          role: i === 0 ? ('lead' as const) : ('co' as const),
        })),
      };
  }
}

/** Whether the corrected task still has the problem the warning named. */
function stillWarned(task: PlanDocumentTask, code: string): boolean {
  switch (code) {
    case 'TASK_WITHOUT_CATEGORY':
      return task.category == null;
    case 'MISSING_UNITS':
      return task.units.length === 0;
    case 'UNPARSED_DEADLINE':
      return task.deadline == null || task.deadline.date == null;
    default:
      return true;
  }
}

/** Applies one cell's correction to the task at `index`. */
export function applyCellEdit(
  doc: PlanDocumentBody,
  index: number,
  field: EditableField,
  value: string,
): PlanDocumentBody {
  const before = doc.tasks[index];
  if (!before) return doc;
  const after = editTask(before, field, value, doc.year);
  const tasks = doc.tasks.map((t, i) => (i === index ? after : t));

  let categories = doc.categories;
  if (field === 'category' && after.category && !categories.some((c) => c.name === after.category)) {
    const ordinal = categories.reduce((max, c) => Math.max(max, c.ordinal), 0) + 1;
    categories = [...categories, { ordinal, name: after.category, declaredTasks: null }];
  }
  const answered = answeredBy[field];
  const warnings = doc.warnings.filter(
    (w) => w.task !== before.number || !answered.includes(w.code) || stillWarned(after, w.code),
  );
  return { ...doc, tasks, categories, warnings };
}

/** Corrections to the document's own fields (title, year …). */
export function applyMetaEdit(
  doc: PlanDocumentBody,
  field: 'title' | 'issuer' | 'docNumber' | 'jurisdiction' | 'year',
  value: string,
): PlanDocumentBody {
  const text = value.trim();
  if (field === 'year') {
    const year = /^\d{4}$/.test(text) ? Number(text) : null;
    return { ...doc, year };
  }
  return { ...doc, [field]: text || null };
}
