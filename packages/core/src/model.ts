/**
 * The shapes the importer works with.
 *
 * Readers (one per file format, in the server) turn bytes into a {@link SourceDocument}:
 * paragraphs and tables in reading order. The core turns that into a {@link PlanDocument},
 * the contract of `docs/contracts/plan-document.md`.
 */

/** One table cell as the reader found it. */
export interface TableCell {
  /** The cell's text; line breaks inside the cell are kept as "\n". */
  text: string;
  /** Columns this cell spans (gridSpan / colspan); 1 when absent. */
  colSpan?: number;
  /** Rows this cell spans (rowspan), when the format says so explicitly. */
  rowSpan?: number;
  /** True when the cell continues a vertically merged cell above (docx vMerge, xlsx merge). */
  mergedFromAbove?: boolean;
}

export interface TableRow {
  cells: TableCell[];
}

export type SourceBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: TableRow[] };

export type SourceFormat = 'txt' | 'html' | 'docx' | 'xlsx';

/** A document as the readers hand it to the core: blocks in reading order. */
export interface SourceDocument {
  format: SourceFormat;
  blocks: SourceBlock[];
}

/** Hints the person importing supplies when the text lacks them. */
export interface ImportHints {
  year?: number | null;
  jurisdiction?: string | null;
}

export type Comparator = '=' | '>=' | '<=' | 'range';

/** A quantity a task commits to: "城镇新增就业５０万人" → 城镇新增就业 ≥? 500000 人. */
export interface Indicator {
  subject: string | null;
  value: number;
  valueMax?: number | null;
  unit: string | null;
  comparator: Comparator;
  baseline: number | null;
  /** The shortest span of the content holding subject, number and unit. */
  text: string;
}

export interface ProgressValue {
  subject: string | null;
  value: number;
  unit: string | null;
  /** Index of the task indicator this value measures, or null. */
  indicator: number | null;
}

export interface TaskProgress {
  text: string;
  status: string | null;
  statedPercent: number | null;
  values: ProgressValue[];
}

export interface Deadline {
  text: string;
  date: string | null;
}

export type UnitRole = 'lead' | 'co';

export interface TaskUnit {
  name: string;
  role: UnitRole;
}

export interface PlanTask {
  number: number;
  category: string | null;
  title: string | null;
  content: string;
  units: TaskUnit[];
  deadline: Deadline | null;
  indicators: Indicator[];
  progress: TaskProgress | null;
}

export interface PlanCategory {
  ordinal: number;
  name: string;
  declaredTasks: number | null;
}

export type WarningCode =
  | 'DECLARED_TASKS_MISMATCH'
  | 'DECLARED_CATEGORIES_MISMATCH'
  | 'CATEGORY_COUNT_MISMATCH'
  | 'TASK_WITHOUT_CATEGORY'
  | 'NUMBERING_GAP'
  | 'MISSING_UNITS'
  | 'UNPARSED_DEADLINE'
  | 'STATED_PERCENT_MISMATCH'
  | 'TRUNCATED_TABLE'
  | 'DUPLICATE_NUMBER';

export interface ImportWarning {
  code: WarningCode;
  /** In Chinese, for the person importing. */
  message: string;
  /** The task number it concerns, or null for the whole document. */
  task: number | null;
}

export interface PlanDocument {
  kind: 'plan' | 'progress';
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  year: number | null;
  jurisdiction: string | null;
  reportDate: string | null;
  period: string | null;
  declared: { categories: number | null; tasks: number | null };
  categories: PlanCategory[];
  tasks: PlanTask[];
  warnings: ImportWarning[];
}
