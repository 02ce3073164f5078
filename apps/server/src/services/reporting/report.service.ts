import type {
  OpenReportBody,
  ReportValue,
  ReviewReportBody,
  SaveReportBody,
  SubmitReportBody,
} from '@minsheng/contract';
import type { Database } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { RequestActor } from '../../policy/actor';
import { can, requireAccess, rules, type Action } from '../../policy/policy';
import type { AuditRepository } from '../../repositories/audit.repository';
import type { JurisdictionRepository } from '../../repositories/jurisdiction.repository';
import type { NotificationRepository } from '../../repositories/notification.repository';
import type { PeriodRepository, PeriodRow } from '../../repositories/period.repository';
import type {
  IndicatorRow,
  PlanRepository,
  PlanRow,
  TaskRow,
  TaskUnitWithName,
} from '../../repositories/plan.repository';
import type {
  AttachmentRow,
  ReportChanges,
  ReportRepository,
  ReportRow,
  ReportVersionRow,
} from '../../repositories/report.repository';
import type { UnitRepository, UnitRow } from '../../repositories/unit.repository';
import { auditActor } from '../scope';
import { evaluateReport, type Evaluation } from './evaluate';
import { readMargins } from './settings';

export interface ReportServiceDeps {
  db: Database;
  reports: ReportRepository;
  periods: PeriodRepository;
  plans: Pick<PlanRepository, 'findById' | 'findTask' | 'listTasks' | 'listTaskUnits' | 'listIndicators'>;
  units: Pick<UnitRepository, 'findByIds'>;
  jurisdictions: Pick<JurisdictionRepository, 'listAncestorIds'>;
  notifications: Pick<NotificationRepository, 'insert' | 'listReporters'>;
  audit: AuditRepository;
}

/** A report with what the form shows beside it. */
export interface ReportView {
  report: ReportRow;
  attachments: AttachmentRow[];
}

export interface PeriodTaskView {
  task: TaskRow;
  unitId: number;
  role: 'lead' | 'co';
  indicators: IndicatorRow[];
  report: ReportView | null;
}

/** The fields a version snapshot keeps. */
export function snapshotOf(row: ReportRow) {
  return {
    progressText: row.progressText,
    values: row.values as ReportValue[],
    proposedStatus: row.proposedStatus,
    reportedStatus: row.reportedStatus,
    statusReason: row.statusReason,
    investment: row.investment,
    problems: row.problems,
    nextSteps: row.nextSteps,
  };
}

interface Loaded {
  report: ReportRow;
  period: PeriodRow;
  plan: PlanRow;
  task: TaskRow;
  unit: UnitRow;
}

export function createReportService(deps: ReportServiceDeps) {
  const { db, reports, periods, plans, units, notifications, audit } = deps;

  async function loadPeriod(id: number): Promise<{ period: PeriodRow; plan: PlanRow }> {
    const period = await periods.findById(db, id);
    if (!period || period.retiredAt) throw new AppError('PERIOD_NOT_FOUND');
    const plan = await plans.findById(db, period.planId);
    if (!plan || plan.retiredAt) throw new AppError('PLAN_NOT_FOUND');
    return { period, plan };
  }
  async function loadUnit(id: number): Promise<UnitRow> {
    const [unit] = await units.findByIds(db, [id]);
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    return unit;
  }
  async function load(id: number): Promise<Loaded> {
    const report = await reports.findById(db, id);
    if (!report) throw new AppError('REPORT_NOT_FOUND');
    const [{ period, plan }, task, unit] = await Promise.all([
      loadPeriod(report.periodId),
      plans.findTask(db, report.taskId),
      loadUnit(report.unitId),
    ]);
    if (!task) throw new AppError('TASK_NOT_FOUND');
    return { report, period, plan, task, unit };
  }

  /**
   * A unit's report is reached through the plan's jurisdiction (the office) or the unit's own
   * (its reporter, whose unit may sit in a jurisdiction below the plan's).
   */
  function requireUnitAccess(actor: RequestActor, action: Action, plan: PlanRow, unit: UnitRow): void {
    const ok =
      can(actor, action, { jurisdictionId: plan.jurisdictionId, unitId: unit.id }) ||
      can(actor, action, { jurisdictionId: unit.jurisdictionId, unitId: unit.id });
    if (!ok) throw new AppError('FORBIDDEN');
  }

  async function view(report: ReportRow): Promise<ReportView> {
    return { report, attachments: await reports.listAttachments(db, [report.id]) };
  }

  async function evaluate(
    plan: PlanRow,
    period: PeriodRow,
    task: TaskRow,
    row: ReportRow,
  ): Promise<Evaluation> {
    const indicators = await plans.listIndicators(db, [task.id]);
    return evaluateReport({
      planYear: plan.year,
      asOf: period.endDate,
      deadline: task.deadlineDate,
      indicators,
      progressText: row.progressText,
      values: row.values as ReportValue[],
      reportedStatus: row.reportedStatus,
      margins: await readMargins(db, deps, plan.jurisdictionId, true),
    });
  }

  async function checkValues(taskId: number, values: ReportValue[] | undefined): Promise<void> {
    if (!values) return;
    const ids = new Set((await plans.listIndicators(db, [taskId])).map((i) => i.id));
    const seen = new Set<number>();
    for (const [index, v] of values.entries()) {
      if (!ids.has(v.indicatorId) || seen.has(v.indicatorId)) {
        throw new AppError('VALIDATION_FAILED', {
          zh: '指标不属于该实事或重复填写',
          en: 'An indicator is not the task’s or is given twice',
          details: [{ path: `values.${index}.indicatorId`, message: 'not an indicator of this task' }],
        });
      }
      seen.add(v.indicatorId);
    }
  }

  function edits(body: SaveReportBody): ReportChanges {
    const changes: ReportChanges = {};
    if (body.progressText !== undefined) changes.progressText = body.progressText;
    if (body.values !== undefined) changes.values = body.values;
    if (body.reportedStatus !== undefined) changes.reportedStatus = body.reportedStatus;
    if (body.statusReason !== undefined) changes.statusReason = body.statusReason?.trim() || null;
    if (body.investment !== undefined) changes.investment = body.investment;
    if (body.problems !== undefined) changes.problems = body.problems;
    if (body.nextSteps !== undefined) changes.nextSteps = body.nextSteps;
    return changes;
  }

  function record(
    actor: RequestActor,
    plan: PlanRow,
    action: string,
    id: number,
    before: unknown,
    after: unknown,
  ) {
    return {
      ...auditActor(actor),
      action,
      entity: 'report',
      entityId: id,
      jurisdictionId: plan.jurisdictionId,
      before,
      after,
    };
  }

  async function notifyUnit(
    tx: Database,
    unitId: number,
    message: { kind: string; title: string; body: string; link: string },
  ): Promise<void> {
    const people = await notifications.listReporters(tx, [unitId]);
    await notifications.insert(
      tx,
      people.map((p) => ({ userId: p.userId, ...message })),
    );
  }

  return {
    load,

    /** The unit's tasks of the period's plan, with indicators and the unit's report on each. */
    async listPeriodTasks(
      actor: RequestActor | null,
      periodId: number,
      unitIdParam?: number,
    ): Promise<PeriodTaskView[]> {
      requireAccess(actor, 'report.read');
      const unitId = unitIdParam ?? actor.unitId;
      if (unitId == null) {
        throw new AppError('VALIDATION_FAILED', { details: [{ path: 'unitId', message: 'required' }] });
      }
      const { plan } = await loadPeriod(periodId);
      const unit = await loadUnit(unitId);
      requireUnitAccess(actor, 'report.read', plan, unit);
      const taskRows = await plans.listTasks(db, plan.id);
      const taskUnits: TaskUnitWithName[] = await plans.listTaskUnits(
        db,
        taskRows.map((t) => t.id),
      );
      const mine = taskUnits.filter((tu) => tu.unitId === unitId);
      const mineIds = mine.map((tu) => tu.taskId);
      const [indicatorRows, reportRows] = await Promise.all([
        plans.listIndicators(db, mineIds),
        reports.listByPeriod(db, periodId, { unitId, taskIds: mineIds }),
      ]);
      const attachmentRows = await reports.listAttachments(
        db,
        reportRows.map((r) => r.id),
      );
      return taskRows.flatMap((task) => {
        const tu = mine.find((m) => m.taskId === task.id);
        if (!tu) return [];
        const report = reportRows.find((r) => r.taskId === task.id) ?? null;
        return [
          {
            task,
            unitId,
            role: tu.role,
            indicators: indicatorRows.filter((i) => i.taskId === task.id),
            report: report
              ? { report, attachments: attachmentRows.filter((a) => a.reportId === report.id) }
              : null,
          },
        ];
      });
    },

    /** The unit's report on (task, period): the existing one, or a new draft. */
    async open(actor: RequestActor | null, body: OpenReportBody): Promise<ReportView> {
      requireAccess(actor, 'report.write');
      const unitId = body.unitId ?? actor.unitId;
      if (unitId == null) {
        throw new AppError('VALIDATION_FAILED', { details: [{ path: 'unitId', message: 'required' }] });
      }
      const { period, plan } = await loadPeriod(body.periodId);
      const unit = await loadUnit(unitId);
      requireUnitAccess(actor, 'report.write', plan, unit);
      const task = await plans.findTask(db, body.taskId);
      if (!task || task.retiredAt || task.planId !== plan.id) throw new AppError('TASK_NOT_FOUND');
      const assigned = await plans.listTaskUnits(db, [task.id]);
      if (!assigned.some((tu) => tu.unitId === unitId)) throw new AppError('TASK_NOT_ASSIGNED');
      const existing = await reports.findOne(db, { taskId: task.id, unitId, periodId: period.id });
      if (existing) return view(existing);
      if (period.status === 'closed') throw new AppError('PERIOD_CLOSED');
      const row = await db.transaction(async (tx) => {
        const { row: draft, created } = await reports.insertDraft(tx, {
          taskId: task.id,
          unitId,
          periodId: period.id,
          createdBy: auditActor(actor).actorUserId,
        });
        if (created) await audit.append(tx, record(actor, plan, 'create', draft.id, null, draft));
        return draft;
      });
      return view(row);
    },

    async get(actor: RequestActor | null, id: number): Promise<ReportView> {
      requireAccess(actor, 'report.read');
      const { report, plan, unit } = await load(id);
      requireUnitAccess(actor, 'report.read', plan, unit);
      return view(report);
    },

    /** Saves the draft; a stale version gets 409 with the current one. */
    async save(actor: RequestActor | null, id: number, body: SaveReportBody): Promise<ReportView> {
      requireAccess(actor, 'report.write');
      const { report, period, plan, task, unit } = await load(id);
      requireUnitAccess(actor, 'report.write', plan, unit);
      if (period.status === 'closed') throw new AppError('PERIOD_CLOSED');
      if (report.status === 'submitted' || report.status === 'accepted') {
        throw new AppError('REPORT_ALREADY_SUBMITTED');
      }
      await checkValues(task.id, body.values);
      const row = await db.transaction(async (tx) => {
        const updated = await reports.update(tx, id, body.version, { ...edits(body), status: 'draft' });
        await audit.append(tx, record(actor, plan, 'save', id, report, updated));
        return updated;
      });
      return view(row);
    },

    /**
     * Submits: in one transaction the report, its values and a version snapshot. The unit's status
     * defaults to the one Minsheng proposes; another needs a reason. After acceptance a change is a
     * new version and needs a reason too.
     */
    async submit(actor: RequestActor | null, id: number, body: SubmitReportBody): Promise<ReportView> {
      requireAccess(actor, 'report.write');
      const { report, period, plan, task, unit } = await load(id);
      requireUnitAccess(actor, 'report.write', plan, unit);
      if (period.status === 'closed') throw new AppError('PERIOD_CLOSED');
      if (report.version !== body.version) {
        throw new AppError('VERSION_CONFLICT', {
          details: [{ path: 'version', message: String(report.version) }],
        });
      }
      await checkValues(task.id, body.values);
      const reason = body.reason?.trim() || null;
      if (report.status === 'accepted' && !reason) throw new AppError('CHANGE_REASON_REQUIRED');
      const merged: ReportRow = { ...report, ...edits(body) } as ReportRow;
      const evaluation = await evaluate(plan, period, task, merged);
      const reportedStatus = merged.reportedStatus ?? evaluation.proposedStatus;
      // Without a status of the unit's own the proposed one is taken: nothing to contradict.
      if (evaluation.statusUnsupported && !merged.statusReason) {
        throw new AppError('STATUS_REASON_REQUIRED', {
          zh: `根据数据建议的状态为“${evaluation.proposedStatus}”（${evaluation.proposal.reason}），所选“${reportedStatus}”须说明理由`,
          en: `The numbers support "${evaluation.proposedStatus}" (${evaluation.proposal.reasonEn}); "${reportedStatus}" needs a reason`,
          details: [{ path: 'statusReason', message: evaluation.proposedStatus }],
        });
      }
      const row = await db.transaction(async (tx) => {
        const updated = await reports.update(tx, id, body.version, {
          ...edits(body),
          reportedStatus,
          proposedStatus: evaluation.proposedStatus,
          status: 'submitted',
          submissions: report.submissions + 1,
          submittedBy: auditActor(actor).actorUserId,
          submittedAt: new Date(),
          reviewedBy: null,
          reviewedAt: null,
        });
        await reports.insertVersion(tx, {
          reportId: id,
          number: updated.submissions,
          snapshot: snapshotOf(updated),
          reason,
          createdBy: auditActor(actor).actorUserId,
        });
        await audit.append(tx, record(actor, plan, 'submit', id, report, { ...updated, reason }));
        return updated;
      });
      return view(row);
    },

    async accept(actor: RequestActor | null, id: number, body: ReviewReportBody): Promise<ReportView> {
      return review(actor, id, body, 'accepted');
    },

    async return(actor: RequestActor | null, id: number, body: ReviewReportBody): Promise<ReportView> {
      return review(actor, id, body, 'returned');
    },

    async listVersions(actor: RequestActor | null, id: number): Promise<ReportVersionRow[]> {
      requireAccess(actor, 'report.read');
      const { plan, unit } = await load(id);
      requireUnitAccess(actor, 'report.read', plan, unit);
      return reports.listVersions(db, id);
    },

    /** A period's reports: the office sees all, a reporter their unit's. */
    async listByPeriod(
      actor: RequestActor | null,
      periodId: number,
      filter: { status?: ReportRow['status']; unitId?: number },
    ): Promise<ReportView[]> {
      requireAccess(actor, 'report.read');
      const { plan } = await loadPeriod(periodId);
      let unitId = filter.unitId;
      if (rules['report.read'][actor.role] === 'unit') {
        // Reporters reach their own unit's reports only.
        if (actor.unitId == null) throw new AppError('FORBIDDEN');
        unitId = actor.unitId;
        requireUnitAccess(actor, 'report.read', plan, await loadUnit(unitId));
      } else {
        requireAccess(actor, 'report.read', { jurisdictionId: plan.jurisdictionId });
      }
      const rows = await reports.listByPeriod(db, periodId, { status: filter.status, unitId });
      const files = await reports.listAttachments(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((report) => ({ report, attachments: files.filter((f) => f.reportId === report.id) }));
    },

    /** What Minsheng proposes for numbers being typed (nothing is saved). */
    async propose(
      actor: RequestActor | null,
      body: { taskId: number; periodId: number; progressText: string; values: ReportValue[] },
    ): Promise<Evaluation> {
      requireAccess(actor, 'report.read');
      const { period, plan } = await loadPeriod(body.periodId);
      requireAccess(actor, 'plan.read', { jurisdictionId: plan.jurisdictionId });
      const task = await plans.findTask(db, body.taskId);
      if (!task || task.planId !== plan.id) throw new AppError('TASK_NOT_FOUND');
      const draft = {
        progressText: body.progressText,
        values: body.values,
        reportedStatus: null,
      } as unknown as ReportRow;
      return evaluate(plan, period, task, draft);
    },
  };

  async function review(
    actor: RequestActor | null,
    id: number,
    body: ReviewReportBody,
    status: 'accepted' | 'returned',
  ): Promise<ReportView> {
    requireAccess(actor, 'report.review');
    const { report, period, plan, task } = await load(id);
    requireAccess(actor, 'report.review', { jurisdictionId: plan.jurisdictionId });
    if (report.status !== 'submitted') throw new AppError('REPORT_NOT_SUBMITTED');
    const comment = body.comment?.trim() || null;
    if (status === 'returned' && !comment) throw new AppError('RETURN_COMMENT_REQUIRED');
    const row = await db.transaction(async (tx) => {
      const updated = await reports.update(tx, id, body.version, {
        status,
        reviewComment: comment,
        reviewedBy: auditActor(actor).actorUserId,
        reviewedAt: new Date(),
      });
      await audit.append(
        tx,
        record(actor, plan, status === 'accepted' ? 'accept' : 'return', id, report, updated),
      );
      await notifyUnit(tx, report.unitId, {
        kind: status === 'accepted' ? 'report.accepted' : 'report.returned',
        title:
          status === 'accepted'
            ? `${period.label}第${task.number}项报告已采纳`
            : `${period.label}第${task.number}项报告被退回`,
        body: comment ?? '',
        link: `/reports/${id}`,
      });
      return updated;
    });
    return view(row);
  }
}
export type ReportService = ReturnType<typeof createReportService>;
