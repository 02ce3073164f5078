/**
 * A progress table (seeds 000 and 004) imported into a period of an existing plan: rows matched
 * to the plan's tasks by number and by text, each with its confidence; the stated-percentage
 * check and mismatches shown; nothing saved until the office commits the confirmed rows, which
 * then become submitted reports of the lead units in one transaction.
 */
import type {
  CommitProgressImportBody,
  ProgressImportPreview,
  ProgressImportRow,
  ReportedStatus,
  ReportValue,
} from '@minsheng/contract';
import { checkStatedPercent, extractProgress, type PlanDocument } from '@minsheng/core';
import type { Database } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { RequestActor } from '../../policy/actor';
import { requireAccess } from '../../policy/policy';
import { isDocumentReadError } from '../../readers/read-error';
import type { AuditRepository } from '../../repositories/audit.repository';
import type { PeriodRepository } from '../../repositories/period.repository';
import type { PlanRepository, TaskRow } from '../../repositories/plan.repository';
import type { ReportRepository, ReportRow } from '../../repositories/report.repository';
import { auditActor } from '../scope';
import { evaluateReport, toCoreIndicator } from './evaluate';
import { snapshotOf } from './report.service';
import { readMargins } from './settings';
import type { JurisdictionRepository } from '../../repositories/jurisdiction.repository';

export interface ProgressImportDeps {
  db: Database;
  reports: ReportRepository;
  periods: Pick<PeriodRepository, 'findById'>;
  plans: Pick<PlanRepository, 'findById' | 'listTasks' | 'listTaskUnits' | 'listIndicators'>;
  jurisdictions: Pick<JurisdictionRepository, 'listAncestorIds'>;
  audit: AuditRepository;
  readPlanDocument: (bytes: Uint8Array, fileName: string, year: number) => Promise<PlanDocument>;
}

function bigrams(s: string): Set<string> {
  const chars = [...s.replace(/[^\u4e00-\u9fffA-Za-z0-9]/g, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return out;
}

/** Dice coefficient of two texts' character bigrams: 1 the same words, 0 nothing shared. */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

const TEXT_MATCH = 0.35;

/** The status word of a table's 备注 column, as the report form knows it ("正常\n推进" → 正常推进). */
export function normalizeStatus(raw: string | null): ReportedStatus | null {
  if (!raw) return null;
  const s = raw.replace(/\s+/g, '');
  if (/超额/.test(s)) return '超额完成';
  if (/未启动|未开工/.test(s)) return '未启动';
  if (/未完成/.test(s)) return '未完成';
  if (/已完成|已竣工|^完成$/.test(s)) return '已完成';
  if (/严重滞后/.test(s)) return '严重滞后';
  if (/缓慢|滞后|落后/.test(s)) return '推进缓慢';
  if (/正常|推进|进行/.test(s)) return '正常推进';
  return null;
}

export function createProgressImportService(deps: ProgressImportDeps) {
  const { db, reports, periods, plans, audit } = deps;

  async function load(actor: RequestActor, periodId: number) {
    const period = await periods.findById(db, periodId);
    if (!period || period.retiredAt) throw new AppError('PERIOD_NOT_FOUND');
    const plan = await plans.findById(db, period.planId);
    if (!plan || plan.retiredAt) throw new AppError('PLAN_NOT_FOUND');
    requireAccess(actor, 'plan.import', { jurisdictionId: plan.jurisdictionId });
    const taskRows = await plans.listTasks(db, plan.id);
    const ids = taskRows.map((t) => t.id);
    const [taskUnits, indicators] = await Promise.all([
      plans.listTaskUnits(db, ids),
      plans.listIndicators(db, ids),
    ]);
    return { period, plan, taskRows, taskUnits, indicators };
  }

  function taskText(t: { title: string | null; content: string }): string {
    return `${t.title ?? ''}${t.content}`;
  }

  return {
    async preview(
      actor: RequestActor | null,
      periodId: number,
      file: { fileName: string; bytes: Uint8Array },
    ): Promise<ProgressImportPreview> {
      requireAccess(actor, 'plan.import');
      const { plan, taskRows, taskUnits, indicators } = await load(actor, periodId);
      let doc: PlanDocument;
      try {
        doc = await deps.readPlanDocument(file.bytes, file.fileName, plan.year);
      } catch (error) {
        if (isDocumentReadError(error))
          throw new AppError(error.code, { zh: error.messageZh, en: error.messageEn });
        throw error;
      }
      const used = new Set<number>();
      const rows = doc.tasks.map((dt, index): ProgressImportRow => {
        const text = taskText(dt);
        const byNumber = taskRows.find((t) => t.number === dt.number);
        const numberScore = byNumber ? textSimilarity(text, taskText(byNumber)) : 0;
        let best: { task: TaskRow; score: number } | null = null;
        for (const t of taskRows) {
          const score = textSimilarity(text, taskText(t));
          if (!best || score > best.score) best = { task: t, score };
        }
        let task: TaskRow | null = null;
        let matchedBy: ProgressImportRow['matchedBy'] = 'none';
        let confidence = 0;
        const warnings: string[] = [];
        if (byNumber && numberScore >= TEXT_MATCH) {
          task = byNumber;
          matchedBy = 'number+text';
          confidence = Math.min(1, 0.6 + numberScore);
        } else if (best && best.score >= TEXT_MATCH) {
          task = best.task;
          matchedBy = 'text';
          confidence = best.score;
          if (byNumber)
            warnings.push(`序号${dt.number}对应的实事内容不同，按内容匹配到第${best.task.number}项`);
        } else if (byNumber) {
          task = byNumber;
          matchedBy = 'number';
          confidence = 0.3 + numberScore;
          warnings.push(`仅按序号匹配，内容相似度低（${Math.round(numberScore * 100)}%），请核对`);
        } else {
          warnings.push('计划中没有对应的实事');
        }
        if (task && used.has(task.id)) warnings.push(`第${task.number}项已被前面的行匹配`);
        if (task) used.add(task.id);
        const progressText = dt.progress?.text ?? '';
        const reportedStatus = normalizeStatus(dt.progress?.status ?? null);
        let values: ReportValue[] = [];
        let statedPercentCheck: ProgressImportRow['statedPercentCheck'] = null;
        const lead = task ? taskUnits.find((tu) => tu.taskId === task.id && tu.role === 'lead') : undefined;
        if (task) {
          const own = indicators.filter((i) => i.taskId === task.id);
          const core = own.map(toCoreIndicator);
          const progress = extractProgress(progressText, core, reportedStatus);
          const first = new Map<number, number>();
          for (const v of progress.values) {
            if (v.indicator !== null && !first.has(v.indicator)) first.set(v.indicator, v.value);
          }
          values = [...first].flatMap(([i, actual]) => {
            const row = own[i];
            return row ? [{ indicatorId: row.id, actual }] : [];
          });
          statedPercentCheck = checkStatedPercent(progress, core);
          if (statedPercentCheck) {
            warnings.push(
              `所报比例${statedPercentCheck.stated}%与数字算得的${statedPercentCheck.computed}%不符`,
            );
          }
          if (!lead) warnings.push('该实事没有牵头单位，无法保存');
        }
        if (!progressText) warnings.push('没有进展内容');
        return {
          row: index + 1,
          number: dt.number,
          title: dt.title,
          content: dt.content,
          progressText,
          reportedStatus,
          taskId: task?.id ?? null,
          taskNumber: task?.number ?? null,
          taskTitle: task?.title ?? null,
          confidence: Math.round(confidence * 100) / 100,
          matchedBy,
          leadUnitId: lead?.unitId ?? null,
          values,
          statedPercentCheck,
          warnings,
        };
      });
      return {
        periodId,
        fileName: file.fileName,
        rows,
        unmatchedTaskIds: taskRows.filter((t) => !used.has(t.id)).map((t) => t.id),
      };
    },

    /** The confirmed rows become submitted reports of the lead units, all or nothing. */
    async commit(
      actor: RequestActor | null,
      periodId: number,
      body: CommitProgressImportBody,
    ): Promise<number[]> {
      requireAccess(actor, 'plan.import');
      const { period, plan, taskRows, taskUnits, indicators } = await load(actor, periodId);
      if (period.status === 'closed') throw new AppError('PERIOD_CLOSED');
      const margins = await readMargins(db, deps, plan.jurisdictionId);
      const seen = new Set<number>();
      const prepared = body.rows.map((row, index) => {
        const bad = (path: string, zh: string, en: string) =>
          new AppError('IMPORT_INVALID', {
            zh,
            en,
            details: [{ path: `rows.${index}.${path}`, message: en }],
          });
        const task = taskRows.find((t) => t.id === row.taskId);
        if (!task) throw bad('taskId', '实事不属于该计划', 'The task is not in this plan');
        if (seen.has(task.id)) throw bad('taskId', '同一实事出现两次', 'The task appears twice');
        seen.add(task.id);
        const lead = taskUnits.find((tu) => tu.taskId === task.id && tu.role === 'lead');
        if (!lead) throw bad('taskId', '该实事没有牵头单位', 'The task has no lead unit');
        const own = indicators.filter((i) => i.taskId === task.id);
        for (const v of row.values) {
          if (!own.some((i) => i.id === v.indicatorId)) {
            throw bad('values', '指标不属于该实事', 'An indicator is not the task’s');
          }
        }
        const evaluation = evaluateReport({
          planYear: plan.year,
          asOf: period.endDate,
          deadline: task.deadlineDate,
          indicators: own,
          progressText: row.progressText,
          values: row.values,
          reportedStatus: row.reportedStatus ?? null,
          margins,
        });
        return { row, task, lead, evaluation };
      });
      const existing = await reports.listByPeriod(db, periodId, { taskIds: prepared.map((p) => p.task.id) });
      const userId = auditActor(actor).actorUserId;
      return db.transaction(async (tx) => {
        const ids: number[] = [];
        for (const { row, task, lead, evaluation } of prepared) {
          const fields = {
            progressText: row.progressText,
            values: row.values,
            reportedStatus: row.reportedStatus ?? evaluation.proposedStatus,
            statusReason:
              row.statusReason ??
              (row.reportedStatus && evaluation.statusUnsupported ? '按进展表所报' : null),
            proposedStatus: evaluation.proposedStatus,
            status: 'submitted' as const,
            submittedBy: userId,
            submittedAt: new Date(),
          };
          const before: ReportRow | undefined = existing.find(
            (r) => r.taskId === task.id && r.unitId === lead.unitId,
          );
          let saved: ReportRow;
          if (before) {
            saved = await reports.update(tx, before.id, before.version, {
              ...fields,
              submissions: before.submissions + 1,
            });
          } else {
            const [inserted] = await reports.insertMany(tx, [
              {
                taskId: task.id,
                unitId: lead.unitId,
                periodId,
                createdBy: userId,
                ...fields,
                submissions: 1,
              },
            ]);
            if (!inserted) throw new Error('insert returned no row');
            saved = inserted;
          }
          await reports.insertVersion(tx, {
            reportId: saved.id,
            number: saved.submissions,
            snapshot: snapshotOf(saved),
            reason: '导入进展表',
            createdBy: userId,
          });
          await audit.append(tx, {
            ...auditActor(actor),
            action: 'import',
            entity: 'report',
            entityId: saved.id,
            jurisdictionId: plan.jurisdictionId,
            before: before ?? null,
            after: saved,
          });
          ids.push(saved.id);
        }
        return ids;
      });
    },
  };
}
export type ProgressImportService = ReturnType<typeof createProgressImportService>;
