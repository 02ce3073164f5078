import type { AlertKind, AlertsQuery, ReportValue } from '@minsheng/contract';
import { formatChineseDate, ratingLabels, type Rating, type RatingMargins } from '@minsheng/core';
import type { Database } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { RequestActor } from '../../policy/actor';
import { requireAccess } from '../../policy/policy';
import type { JurisdictionRepository } from '../../repositories/jurisdiction.repository';
import type { PeriodRepository, PeriodRow } from '../../repositories/period.repository';
import type { PlanRepository, PlanRow, TaskRow } from '../../repositories/plan.repository';
import type { ReportRepository, ReportWithPeriod } from '../../repositories/report.repository';
import { alertMatches, evaluateReport, sumValues, type AlertItem } from './evaluate';
import { readMargins } from './settings';

export interface RatingServiceDeps {
  db: Database;
  reports: Pick<ReportRepository, 'listSubmittedUpTo' | 'listPlanTaskUnits' | 'readSetting'>;
  periods: Pick<PeriodRepository, 'findById'>;
  plans: Pick<PlanRepository, 'findById' | 'listTasks' | 'listIndicators'>;
  jurisdictions: Pick<JurisdictionRepository, 'listAncestorIds'>;
}

export interface TaskRatingRow {
  task: TaskRow;
  leadUnitId: number | null;
  reportId: number | null;
  rating: Rating;
  completion: number | null;
  expected: number;
  gap: number | null;
  reason: string;
  reasonEn: string;
  reportedStatus: string | null;
  statedPercentCheck: { stated: number; computed: number } | null;
  statusUnsupported: boolean;
}

export interface PeriodRatings {
  period: PeriodRow;
  plan: PlanRow;
  margins: RatingMargins;
  items: TaskRatingRow[];
}

const alertOfRating: Partial<Record<Rating, AlertKind>> = {
  lagging: 'lagging',
  seriously_lagging: 'seriously_lagging',
  overdue: 'overdue',
};

export function createRatingService(deps: RatingServiceDeps) {
  const { db, reports, periods, plans } = deps;

  /**
   * Each task's rating as of the period's end: the lead unit's latest submitted or accepted
   * report (co units count only when the office says so; their actuals are added), a missing
   * report for a closed period being 未报送.
   */
  async function rate(period: PeriodRow, plan: PlanRow): Promise<PeriodRatings> {
    const [taskRows, taskUnits, submitted, margins] = await Promise.all([
      plans.listTasks(db, plan.id),
      reports.listPlanTaskUnits(db, plan.id),
      reports.listSubmittedUpTo(db, plan.id, period.endDate),
      readMargins(db, deps, plan.jurisdictionId),
    ]);
    const indicatorRows = await plans.listIndicators(
      db,
      taskRows.map((t) => t.id),
    );
    const latest = new Map<string, ReportWithPeriod>();
    for (const r of submitted) {
      const key = `${r.taskId}:${r.unitId}`;
      if (!latest.has(key)) latest.set(key, r); // newest period first
    }
    const items = taskRows.map((task): TaskRatingRow => {
      const units = taskUnits.filter((tu) => tu.taskId === task.id);
      const lead = units.find((u) => u.role === 'lead') ?? null;
      const counting = units.filter((u) => u.role === 'lead' || u.countsInCompletion);
      const leadReport = lead ? latest.get(`${task.id}:${lead.unitId}`) : undefined;
      const base = {
        task,
        leadUnitId: lead?.unitId ?? null,
        statedPercentCheck: null,
        statusUnsupported: false,
      };
      const reportedThisPeriod = leadReport !== undefined && leadReport.periodId === period.id;
      if (!leadReport || (period.status === 'closed' && !reportedThisPeriod)) {
        const evaluation = evaluateReport({
          planYear: plan.year,
          asOf: period.endDate,
          deadline: task.deadlineDate,
          indicators: [],
          progressText: '',
          values: [],
          reportedStatus: null,
          margins,
        });
        const due = formatChineseDate(period.dueDate);
        return {
          ...base,
          reportId: null,
          rating: 'not_reported',
          completion: null,
          expected: evaluation.rating.expected,
          gap: null,
          reason:
            period.status === 'closed'
              ? `${period.label}未报送（截止${due}）`
              : `尚未报送（${period.label}截止${due}）`,
          reasonEn:
            period.status === 'closed'
              ? `no report for ${period.key} (due ${period.dueDate})`
              : `not reported yet (${period.key} due ${period.dueDate})`,
          reportedStatus: null,
        };
      }
      const values = sumValues(
        counting.flatMap((u) => {
          const r = latest.get(`${task.id}:${u.unitId}`);
          return r ? [r.values as ReportValue[]] : [];
        }),
      );
      const evaluation = evaluateReport({
        planYear: plan.year,
        asOf: period.endDate,
        deadline: task.deadlineDate,
        indicators: indicatorRows.filter((i) => i.taskId === task.id),
        progressText: leadReport.progressText,
        values,
        reportedStatus: leadReport.reportedStatus,
        margins,
      });
      const r = evaluation.rating;
      return {
        ...base,
        reportId: leadReport.id,
        rating: r.rating,
        completion: r.completion,
        expected: r.expected,
        gap: r.gap,
        reason: r.reason,
        reasonEn: r.reasonEn,
        reportedStatus: leadReport.reportedStatus,
        statedPercentCheck: evaluation.statedPercentCheck,
        statusUnsupported: evaluation.statusUnsupported,
      };
    });
    return { period, plan, margins, items };
  }

  async function loadReadable(actor: RequestActor | null, periodId: number) {
    requireAccess(actor, 'report.read');
    const period = await periods.findById(db, periodId);
    if (!period || period.retiredAt) throw new AppError('PERIOD_NOT_FOUND');
    const plan = await plans.findById(db, period.planId);
    if (!plan || plan.retiredAt) throw new AppError('PLAN_NOT_FOUND');
    // Ratings cover every unit's tasks: the office, leaders and admins of the plan's scope.
    requireAccess(actor, 'report.read', { jurisdictionId: plan.jurisdictionId, unitId: -1 });
    return { period, plan };
  }

  /** Every alert of a period's ratings, before filtering. */
  function alertsOf(ratings: PeriodRatings): AlertItem[] {
    const out: AlertItem[] = [];
    for (const r of ratings.items) {
      const base = {
        taskId: r.task.id,
        number: r.task.number,
        title: r.task.title,
        categoryId: r.task.categoryId,
        leadUnitId: r.leadUnitId,
        reportId: r.reportId,
        rating: r.rating,
      };
      const kind = alertOfRating[r.rating];
      if (kind) out.push({ ...base, kind, reason: r.reason, reasonEn: r.reasonEn });
      if (r.rating === 'not_reported' && ratings.period.status === 'closed') {
        out.push({ ...base, kind: 'not_reported', reason: r.reason, reasonEn: r.reasonEn });
      }
      if (r.statedPercentCheck) {
        const c = r.statedPercentCheck;
        out.push({
          ...base,
          kind: 'inconsistent',
          reason: `所报比例${c.stated}%与数字算得的${c.computed}%不符`,
          reasonEn: `stated ${c.stated}% but the figures give ${c.computed}%`,
        });
      } else if (r.statusUnsupported) {
        out.push({
          ...base,
          kind: 'inconsistent',
          reason: `单位所报状态“${r.reportedStatus ?? ''}”与数字不符：${r.reason}`,
          reasonEn: `the reported status "${r.reportedStatus ?? ''}" is not what the numbers say: ${r.reasonEn}`,
        });
      }
    }
    return out;
  }

  return {
    rate,

    async ratings(actor: RequestActor | null, periodId: number): Promise<PeriodRatings> {
      const { period, plan } = await loadReadable(actor, periodId);
      return rate(period, plan);
    },

    /** Alerts filtered by unit, category, rating and kind; counts by kind from the same predicate. */
    async alerts(
      actor: RequestActor | null,
      periodId: number,
      filter: AlertsQuery,
    ): Promise<{ items: AlertItem[]; counts: Record<AlertKind, number> }> {
      const { period, plan } = await loadReadable(actor, periodId);
      const all = alertsOf(await rate(period, plan));
      const kinds: AlertKind[] = ['lagging', 'seriously_lagging', 'overdue', 'not_reported', 'inconsistent'];
      const counts = Object.fromEntries(
        kinds.map((kind) => [kind, all.filter((a) => alertMatches(a, { ...filter, kind })).length]),
      ) as Record<AlertKind, number>;
      if (filter.kind !== undefined) {
        for (const kind of kinds) if (kind !== filter.kind) counts[kind] = 0;
      }
      return { items: all.filter((a) => alertMatches(a, filter)), counts };
    },

    labels: ratingLabels,
  };
}
export type RatingService = ReturnType<typeof createRatingService>;
