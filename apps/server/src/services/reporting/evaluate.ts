/**
 * Where a task stands from a report's numbers: the core's rateTask on the cumulative actuals,
 * the stated-percent check, the status Minsheng proposes and whether the unit's own status is
 * one the numbers support. Pure: shared by the report form, ratings and alerts.
 */
import type { AlertKind, AlertsQuery, ReportedStatus, ReportValue } from '@minsheng/contract';
import {
  checkStatedPercent,
  extractProgress,
  indicatorCompletion,
  rateTask,
  type Indicator as CoreIndicator,
  type Rating,
  type RatingMargins,
  type TaskRating,
} from '@minsheng/core';
import type { IndicatorRow } from '../../repositories/plan.repository';

/** The word a unit would write for each rating (逾期 is 未完成 past the deadline). */
export const statusForRating: Record<Rating, ReportedStatus> = {
  completed: '已完成',
  exceeded: '超额完成',
  on_track: '正常推进',
  lagging: '推进缓慢',
  seriously_lagging: '严重滞后',
  overdue: '未完成',
  not_reported: '未启动',
  not_started: '未启动',
};

export function toCoreIndicator(row: IndicatorRow): CoreIndicator {
  return {
    subject: row.subject,
    value: row.value,
    valueMax: row.valueMax,
    unit: row.unit,
    comparator: row.comparator,
    baseline: row.baseline,
    text: row.text,
  };
}

export interface EvaluateInput {
  planYear: number;
  /** The day the rating is for: the period's end. */
  asOf: string;
  deadline: string | null;
  indicators: IndicatorRow[];
  progressText: string;
  values: ReportValue[];
  reportedStatus: string | null;
  margins: RatingMargins;
}

export interface Evaluation {
  /** As the numbers alone say (the unit's status left out): what Minsheng proposes. */
  proposal: TaskRating;
  proposedStatus: ReportedStatus;
  /** With the unit's status: the rating. */
  rating: TaskRating;
  statedPercentCheck: { stated: number; computed: number } | null;
  /** The unit chose a status the numbers do not support. */
  statusUnsupported: boolean;
}

const doneWords = new Set<string>(['已完成', '超额完成']);

export function evaluateReport(input: EvaluateInput): Evaluation {
  const core = input.indicators.map(toCoreIndicator);
  const byId = new Map(input.indicators.map((row) => [row.id, row]));
  const completions = input.values.flatMap((v) => {
    const row = byId.get(v.indicatorId);
    return row && v.actual !== null ? [indicatorCompletion(row, v.actual)] : [];
  });
  let statedPercent: number | null = null;
  let statedPercentCheck: Evaluation['statedPercentCheck'] = null;
  if (input.progressText.trim()) {
    const progress = extractProgress(input.progressText, core, input.reportedStatus);
    statedPercent = progress.statedPercent;
    statedPercentCheck = checkStatedPercent(progress, core);
  }
  const base = {
    asOf: input.asOf,
    start: `${input.planYear}-01-01`,
    deadline: input.deadline,
    completions,
    statedPercent,
    reported: true,
    margins: input.margins,
  };
  const proposal = rateTask({ ...base, reportedStatus: null });
  const proposedStatus = statusForRating[proposal.rating];
  const rating = rateTask({ ...base, reportedStatus: input.reportedStatus });
  const reported = input.reportedStatus;
  // Only numbers can contradict a status: without them the unit's word is the rating's input.
  const statusUnsupported =
    proposal.completion !== null &&
    reported !== null &&
    reported !== proposedStatus &&
    !(doneWords.has(reported) && doneWords.has(proposedStatus));
  return { proposal, proposedStatus, rating, statedPercentCheck, statusUnsupported };
}

/** Sums each indicator's actual over several units' reports (units that count in completion). */
export function sumValues(lists: ReportValue[][]): ReportValue[] {
  const sums = new Map<number, number>();
  for (const list of lists) {
    for (const v of list) {
      if (v.actual === null) continue;
      sums.set(v.indicatorId, (sums.get(v.indicatorId) ?? 0) + v.actual);
    }
  }
  return [...sums].map(([indicatorId, actual]) => ({ indicatorId, actual }));
}

/** One alert row, before it is filtered. */
export interface AlertItem {
  kind: AlertKind;
  taskId: number;
  number: number;
  title: string | null;
  categoryId: number | null;
  leadUnitId: number | null;
  reportId: number | null;
  rating: Rating;
  reason: string;
  reasonEn: string;
}

/**
 * The one predicate of the alerts page: a dashboard count and the list it links to both use
 * it, so the figure always equals the list.
 */
export function alertMatches(alert: AlertItem, filter: AlertsQuery): boolean {
  if (filter.kind !== undefined && alert.kind !== filter.kind) return false;
  if (filter.unitId !== undefined && alert.leadUnitId !== filter.unitId) return false;
  if (filter.categoryId !== undefined && alert.categoryId !== filter.categoryId) return false;
  if (filter.rating !== undefined && alert.rating !== filter.rating) return false;
  return true;
}
