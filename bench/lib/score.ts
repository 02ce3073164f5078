/**
 * Scores an importer result (actual PlanDocument) against a hand-checked expected one.
 *
 * Metrics (see bench/README in fixtures/seeds/README.md for the ground-truth rules):
 * - tasks found: share of expected task numbers present in the actual document;
 * - task field accuracy: category, title, content, units (name+role list), deadline text,
 *   deadline date — exact match after trimming; a missing task counts all its fields wrong;
 * - document fields: title, issuer, docNumber, year, jurisdiction, reportDate, kind, declared;
 * - indicators: precision / recall / F1; an actual indicator matches an expected one of the
 *   same task when value, unit and comparator agree (subject / text agreement reported apart);
 * - progress: status, statedPercent and each expected value (matched by value + unit +
 *   indicator index); extra actual values count against it;
 * - warnings: codes only, reported, never part of PASS/FAIL.
 */
import type { Indicator, PlanDocument, PlanTask, ProgressValue, TaskProgress } from '@minsheng/core';

export interface Ratio {
  correct: number;
  total: number;
}

export interface IndicatorScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Among matched pairs: subject equal after trimming. */
  subjectAgreement: Ratio;
  /** Among matched pairs: text equal after trimming. */
  textAgreement: Ratio;
  /** Among matched pairs: baseline and valueMax equal. */
  baselineAgreement: Ratio;
}

export type TaskField = 'category' | 'title' | 'content' | 'units' | 'deadlineText' | 'deadlineDate';
export const TASK_FIELDS: readonly TaskField[] = [
  'category',
  'title',
  'content',
  'units',
  'deadlineText',
  'deadlineDate',
];

export type DocumentField =
  'title' | 'issuer' | 'docNumber' | 'year' | 'jurisdiction' | 'reportDate' | 'kind' | 'declared';
export const DOCUMENT_FIELDS: readonly DocumentField[] = [
  'title',
  'issuer',
  'docNumber',
  'year',
  'jurisdiction',
  'reportDate',
  'kind',
  'declared',
];

export interface Mismatch {
  /** Task number, or null for a document-level field. */
  task: number | null;
  field: string;
  expected: string;
  actual: string;
}

export interface DocumentScore {
  tasks: { expected: number; found: number; extra: number; share: number };
  taskFields: Ratio & { accuracy: number; perField: Record<TaskField, Ratio> };
  documentFields: Ratio & { accuracy: number };
  /** period and categories: reported, not part of the document-field ratio. */
  period: boolean;
  categories: boolean;
  indicators: IndicatorScore;
  /** null when the expected document carries no progress at all. */
  progress: (Ratio & { accuracy: number; textAgreement: Ratio }) | null;
  warnings: { missingCodes: string[]; extraCodes: string[] };
  mismatches: Mismatch[];
}

export interface Thresholds {
  tasks: number;
  fields: number;
  indicatorF1: number;
  progress: number;
}

export const THRESHOLDS: Thresholds = { tasks: 1, fields: 0.98, indicatorF1: 0.95, progress: 0.95 };

const EPS = 1e-9;

function ratio(r: Ratio): number {
  return r.total === 0 ? 1 : r.correct / r.total;
}

function norm(s: string | null | undefined): string | null {
  return s === null || s === undefined ? null : s.trim();
}

function show(v: unknown): string {
  return v === undefined ? 'undefined' : JSON.stringify(v);
}

export function numbersEqual(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a ?? null) === (b ?? null);
  }
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

function unitsKey(task: PlanTask): string {
  return JSON.stringify((task.units ?? []).map((u) => [norm(u.name), u.role]));
}

function taskFieldValue(task: PlanTask, field: TaskField): string | null {
  switch (field) {
    case 'category':
      return norm(task.category);
    case 'title':
      return norm(task.title);
    case 'content':
      return norm(task.content);
    case 'units':
      return unitsKey(task);
    case 'deadlineText':
      return task.deadline ? norm(task.deadline.text) : null;
    case 'deadlineDate':
      return task.deadline ? norm(task.deadline.date) : null;
  }
}

function documentFieldValue(doc: PlanDocument, field: DocumentField): string {
  switch (field) {
    case 'declared':
      return JSON.stringify([doc.declared?.categories ?? null, doc.declared?.tasks ?? null]);
    case 'year':
      return JSON.stringify(doc.year ?? null);
    default:
      return JSON.stringify(norm(doc[field]));
  }
}

/** Whether an actual indicator counts as the expected one: value, unit and comparator agree. */
export function indicatorMatches(expected: Indicator, actual: Indicator): boolean {
  return (
    numbersEqual(expected.value, actual.value) &&
    norm(expected.unit) === norm(actual.unit) &&
    expected.comparator === actual.comparator
  );
}

/** Greedy one-to-one matching, in expected order; returns pairs [expectedIndex, actualIndex]. */
function matchIndicators(expected: Indicator[], actual: Indicator[]): Array<[number, number]> {
  const used = new Set<number>();
  const pairs: Array<[number, number]> = [];
  expected.forEach((e, i) => {
    const j = actual.findIndex((a, k) => !used.has(k) && indicatorMatches(e, a));
    if (j >= 0) {
      used.add(j);
      pairs.push([i, j]);
    }
  });
  return pairs;
}

function progressValueMatches(
  expected: ProgressValue,
  actual: ProgressValue,
  indicatorMap: Map<number, number>,
): boolean {
  if (!numbersEqual(expected.value, actual.value) || norm(expected.unit) !== norm(actual.unit)) {
    return false;
  }
  if (expected.indicator === null) return actual.indicator === null;
  // The actual index refers to the actual indicator list: map it through the indicator matching.
  return actual.indicator !== null && indicatorMap.get(expected.indicator) === actual.indicator;
}

function firstByNumber(tasks: PlanTask[]): Map<number, PlanTask> {
  const map = new Map<number, PlanTask>();
  for (const t of tasks) if (!map.has(t.number)) map.set(t.number, t);
  return map;
}

function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function scoreProgress(
  expected: TaskProgress | null,
  actual: TaskProgress | null,
  indicatorMap: Map<number, number>,
  out: { correct: number; total: number; textCorrect: number; textTotal: number },
  mismatches: Mismatch[],
  task: number,
): void {
  if (expected === null) {
    if (actual !== null) {
      out.total += 1;
      mismatches.push({ task, field: 'progress', expected: 'null', actual: 'object' });
    }
    return;
  }
  out.textTotal += 1;
  if (actual !== null && norm(actual.text) === norm(expected.text)) out.textCorrect += 1;
  out.total += 2 + expected.values.length;
  if (actual === null) {
    mismatches.push({ task, field: 'progress', expected: 'object', actual: 'null' });
    return;
  }
  if (norm(expected.status) === norm(actual.status)) out.correct += 1;
  else
    mismatches.push({
      task,
      field: 'progress.status',
      expected: show(expected.status),
      actual: show(actual.status),
    });
  if (numbersEqual(expected.statedPercent, actual.statedPercent)) out.correct += 1;
  else
    mismatches.push({
      task,
      field: 'progress.statedPercent',
      expected: show(expected.statedPercent),
      actual: show(actual.statedPercent),
    });
  const used = new Set<number>();
  for (const ev of expected.values) {
    const j = actual.values.findIndex((av, k) => !used.has(k) && progressValueMatches(ev, av, indicatorMap));
    if (j >= 0) {
      used.add(j);
      out.correct += 1;
    } else {
      mismatches.push({ task, field: 'progress.values', expected: show(ev), actual: 'no match' });
    }
  }
  const extra = actual.values.length - used.size;
  if (extra > 0) {
    out.total += extra;
    actual.values.forEach((av, k) => {
      if (!used.has(k))
        mismatches.push({ task, field: 'progress.values', expected: 'none', actual: show(av) });
    });
  }
}

export function scoreDocument(actual: PlanDocument, expected: PlanDocument): DocumentScore {
  const mismatches: Mismatch[] = [];
  const actualTasks = firstByNumber(actual.tasks ?? []);
  const expectedNumbers = new Set(expected.tasks.map((t) => t.number));

  // Tasks found.
  const found = expected.tasks.filter((t) => actualTasks.has(t.number)).length;
  const extra = [...actualTasks.keys()].filter((n) => !expectedNumbers.has(n)).length;
  for (const t of expected.tasks) {
    if (!actualTasks.has(t.number))
      mismatches.push({ task: t.number, field: 'task', expected: 'present', actual: 'missing' });
  }

  // Task fields.
  const perField = Object.fromEntries(TASK_FIELDS.map((f) => [f, { correct: 0, total: 0 }])) as Record<
    TaskField,
    Ratio
  >;
  // Indicators and progress.
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const subjectAgreement: Ratio = { correct: 0, total: 0 };
  const textAgreement: Ratio = { correct: 0, total: 0 };
  const baselineAgreement: Ratio = { correct: 0, total: 0 };
  const progress = { correct: 0, total: 0, textCorrect: 0, textTotal: 0 };
  const expectsProgress = expected.tasks.some((t) => t.progress !== null);

  for (const e of expected.tasks) {
    const a = actualTasks.get(e.number);
    for (const f of TASK_FIELDS) {
      const r = perField[f];
      r.total += 1;
      const ev = taskFieldValue(e, f);
      const av = a ? taskFieldValue(a, f) : undefined;
      if (a && ev === av) r.correct += 1;
      else if (a) mismatches.push({ task: e.number, field: f, expected: show(ev), actual: show(av) });
    }
    const actualIndicators = a?.indicators ?? [];
    const pairs = matchIndicators(e.indicators, actualIndicators);
    tp += pairs.length;
    fn += e.indicators.length - pairs.length;
    fp += actualIndicators.length - pairs.length;
    const indicatorMap = new Map<number, number>(pairs);
    for (const [i, j] of pairs) {
      const ei = e.indicators[i];
      const ai = actualIndicators[j];
      if (!ei || !ai) continue;
      subjectAgreement.total += 1;
      if (norm(ei.subject) === norm(ai.subject)) subjectAgreement.correct += 1;
      textAgreement.total += 1;
      if (norm(ei.text) === norm(ai.text)) textAgreement.correct += 1;
      baselineAgreement.total += 1;
      if (numbersEqual(ei.baseline, ai.baseline) && numbersEqual(ei.valueMax ?? null, ai.valueMax ?? null)) {
        baselineAgreement.correct += 1;
      }
    }
    if (a) {
      e.indicators.forEach((ei, i) => {
        if (!indicatorMap.has(i))
          mismatches.push({ task: e.number, field: 'indicator', expected: show(ei), actual: 'no match' });
      });
      const matchedActual = new Set(pairs.map(([, j]) => j));
      actualIndicators.forEach((ai, j) => {
        if (!matchedActual.has(j))
          mismatches.push({ task: e.number, field: 'indicator', expected: 'none', actual: show(ai) });
      });
      scoreProgress(e.progress, a.progress ?? null, indicatorMap, progress, mismatches, e.number);
    } else if (e.progress !== null) {
      progress.total += 2 + e.progress.values.length;
      progress.textTotal += 1;
    }
  }
  // Indicators of tasks the expected document does not have are false positives.
  for (const [n, a] of actualTasks) {
    if (!expectedNumbers.has(n)) {
      fp += (a.indicators ?? []).length;
      mismatches.push({ task: n, field: 'task', expected: 'absent', actual: 'extra task' });
    }
  }

  const taskFieldsTotal: Ratio = { correct: 0, total: 0 };
  for (const f of TASK_FIELDS) {
    taskFieldsTotal.correct += perField[f].correct;
    taskFieldsTotal.total += perField[f].total;
  }

  // Document fields.
  const documentFields: Ratio = { correct: 0, total: DOCUMENT_FIELDS.length };
  for (const f of DOCUMENT_FIELDS) {
    const ev = documentFieldValue(expected, f);
    const av = documentFieldValue(actual, f);
    if (ev === av) documentFields.correct += 1;
    else mismatches.push({ task: null, field: f, expected: ev, actual: av });
  }
  const period = norm(expected.period) === norm(actual.period);
  if (!period)
    mismatches.push({
      task: null,
      field: 'period',
      expected: show(expected.period),
      actual: show(actual.period),
    });
  const categoriesKey = (d: PlanDocument): string =>
    JSON.stringify((d.categories ?? []).map((c) => [c.ordinal, norm(c.name), c.declaredTasks ?? null]));
  const categories = categoriesKey(expected) === categoriesKey(actual);
  if (!categories) {
    mismatches.push({
      task: null,
      field: 'categories',
      expected: categoriesKey(expected),
      actual: categoriesKey(actual),
    });
  }

  // Warnings: codes only.
  const expectedCodes = new Set(expected.warnings.map((w) => w.code));
  const actualCodes = new Set((actual.warnings ?? []).map((w) => w.code));
  const missingCodes = [...expectedCodes].filter((c) => !actualCodes.has(c)).sort();
  const extraCodes = [...actualCodes].filter((c) => !expectedCodes.has(c)).sort();

  return {
    tasks: {
      expected: expected.tasks.length,
      found,
      extra,
      share: expected.tasks.length === 0 ? 1 : found / expected.tasks.length,
    },
    taskFields: { ...taskFieldsTotal, accuracy: ratio(taskFieldsTotal), perField },
    documentFields: { ...documentFields, accuracy: ratio(documentFields) },
    period,
    categories,
    indicators: {
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      ...prf(tp, fp, fn),
      subjectAgreement,
      textAgreement,
      baselineAgreement,
    },
    progress: expectsProgress
      ? {
          correct: progress.correct,
          total: progress.total,
          accuracy: ratio(progress),
          textAgreement: { correct: progress.textCorrect, total: progress.textTotal },
        }
      : null,
    warnings: { missingCodes, extraCodes },
    mismatches,
  };
}

export interface Verdict {
  tasks: boolean;
  fields: boolean;
  documentFields: boolean;
  indicators: boolean;
  progress: boolean;
  pass: boolean;
}

/** PASS/FAIL against the thresholds; document fields use the field threshold too. */
export function verdict(score: DocumentScore, t: Thresholds = THRESHOLDS): Verdict {
  const tasks = score.tasks.share >= t.tasks - EPS;
  const fields = score.taskFields.accuracy >= t.fields - EPS;
  const documentFields = score.documentFields.accuracy >= t.fields - EPS;
  const indicators = score.indicators.f1 >= t.indicatorF1 - EPS;
  const progress = score.progress === null || score.progress.accuracy >= t.progress - EPS;
  return {
    tasks,
    fields,
    documentFields,
    indicators,
    progress,
    pass: tasks && fields && documentFields && indicators && progress,
  };
}

/** Micro-averaged totals over several documents (counts summed, ratios recomputed). */
export function combineScores(scores: DocumentScore[]): DocumentScore {
  const sum = (f: (s: DocumentScore) => number): number => scores.reduce((acc, s) => acc + f(s), 0);
  const sumRatio = (f: (s: DocumentScore) => Ratio | null | undefined): Ratio => ({
    correct: sum((s) => f(s)?.correct ?? 0),
    total: sum((s) => f(s)?.total ?? 0),
  });
  const perField = Object.fromEntries(
    TASK_FIELDS.map((f) => [f, sumRatio((s) => s.taskFields.perField[f])]),
  ) as Record<TaskField, Ratio>;
  const taskFields = sumRatio((s) => s.taskFields);
  const documentFields = sumRatio((s) => s.documentFields);
  const tp = sum((s) => s.indicators.truePositives);
  const fp = sum((s) => s.indicators.falsePositives);
  const fn = sum((s) => s.indicators.falseNegatives);
  const withProgress = scores.filter((s) => s.progress !== null);
  const progress = sumRatio((s) => s.progress);
  const expected = sum((s) => s.tasks.expected);
  const found = sum((s) => s.tasks.found);
  return {
    tasks: {
      expected,
      found,
      extra: sum((s) => s.tasks.extra),
      share: expected === 0 ? 1 : found / expected,
    },
    taskFields: { ...taskFields, accuracy: ratio(taskFields), perField },
    documentFields: { ...documentFields, accuracy: ratio(documentFields) },
    period: scores.every((s) => s.period),
    categories: scores.every((s) => s.categories),
    indicators: {
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      ...prf(tp, fp, fn),
      subjectAgreement: sumRatio((s) => s.indicators.subjectAgreement),
      textAgreement: sumRatio((s) => s.indicators.textAgreement),
      baselineAgreement: sumRatio((s) => s.indicators.baselineAgreement),
    },
    progress:
      withProgress.length === 0
        ? null
        : {
            ...progress,
            accuracy: ratio(progress),
            textAgreement: sumRatio((s) => s.progress?.textAgreement),
          },
    warnings: {
      missingCodes: [...new Set(scores.flatMap((s) => s.warnings.missingCodes))].sort(),
      extraCodes: [...new Set(scores.flatMap((s) => s.warnings.extraCodes))].sort(),
    },
    mismatches: scores.flatMap((s) => s.mismatches),
  };
}
