import type { OpenPeriodsBody } from '@minsheng/contract';
import { buildPeriods } from '@minsheng/core';
import type { Database } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { RequestActor } from '../../policy/actor';
import { requireAccess } from '../../policy/policy';
import type { AuditRepository } from '../../repositories/audit.repository';
import type { PeriodRepository, PeriodRow } from '../../repositories/period.repository';
import type { PlanRepository, PlanRow } from '../../repositories/plan.repository';
import { auditActor } from '../scope';

export interface PeriodServiceDeps {
  db: Database;
  periods: PeriodRepository;
  plans: Pick<PlanRepository, 'findById'>;
  audit: AuditRepository;
}

export function createPeriodService({ db, periods, plans, audit }: PeriodServiceDeps) {
  async function loadPlan(id: number): Promise<PlanRow> {
    const plan = await plans.findById(db, id);
    if (!plan || plan.retiredAt) throw new AppError('PLAN_NOT_FOUND');
    return plan;
  }
  async function loadPeriod(id: number): Promise<{ period: PeriodRow; plan: PlanRow }> {
    const period = await periods.findById(db, id);
    if (!period || period.retiredAt) throw new AppError('PERIOD_NOT_FOUND');
    return { period, plan: await loadPlan(period.planId) };
  }

  async function setStatus(
    actor: RequestActor | null,
    id: number,
    version: number,
    status: PeriodRow['status'],
  ): Promise<PeriodRow> {
    requireAccess(actor, 'period.write');
    const { period, plan } = await loadPeriod(id);
    requireAccess(actor, 'period.write', { jurisdictionId: plan.jurisdictionId });
    return db.transaction(async (tx) => {
      const row = await periods.update(tx, id, version, { status });
      await audit.append(tx, {
        ...auditActor(actor),
        action: status === 'closed' ? 'close' : 'reopen',
        entity: 'period',
        entityId: id,
        jurisdictionId: plan.jurisdictionId,
        before: period,
        after: row,
      });
      return row;
    });
  }

  return {
    loadPeriod,

    /** Opens the plan year's periods from the core's calendar; keys already open are left alone. */
    async open(actor: RequestActor | null, planId: number, body: OpenPeriodsBody): Promise<PeriodRow[]> {
      requireAccess(actor, 'period.write');
      const plan = await loadPlan(planId);
      requireAccess(actor, 'period.write', { jurisdictionId: plan.jurisdictionId });
      let drafts = buildPeriods(plan.year, { cadence: body.cadence ?? 'month', dueDay: body.dueDay ?? 5 });
      if (body.keys) {
        const wanted = new Set(body.keys);
        const unknown = body.keys.filter((k) => !drafts.some((d) => d.key === k));
        if (unknown.length > 0) {
          throw new AppError('VALIDATION_FAILED', {
            zh: `报送期编号不属于 ${plan.year} 年：${unknown.join('、')}`,
            en: `Period keys outside ${plan.year}: ${unknown.join(', ')}`,
            details: [{ path: 'keys', message: unknown.join(',') }],
          });
        }
        drafts = drafts.filter((d) => wanted.has(d.key));
      }
      await db.transaction(async (tx) => {
        const rows = await periods.insertMissing(
          tx,
          drafts.map((d) => ({
            planId,
            key: d.key,
            label: d.label,
            startDate: d.start,
            endDate: d.end,
            dueDate: d.due,
          })),
        );
        await audit.append(
          tx,
          rows.map((row) => ({
            ...auditActor(actor),
            action: 'open',
            entity: 'period',
            entityId: row.id,
            jurisdictionId: plan.jurisdictionId,
            before: null,
            after: row,
          })),
        );
      });
      return periods.listByPlan(db, planId);
    },

    async list(actor: RequestActor | null, planId: number): Promise<PeriodRow[]> {
      requireAccess(actor, 'plan.read');
      const plan = await loadPlan(planId);
      requireAccess(actor, 'plan.read', { jurisdictionId: plan.jurisdictionId });
      return periods.listByPlan(db, planId);
    },

    async get(actor: RequestActor | null, id: number): Promise<PeriodRow> {
      requireAccess(actor, 'plan.read');
      const { period, plan } = await loadPeriod(id);
      requireAccess(actor, 'plan.read', { jurisdictionId: plan.jurisdictionId });
      return period;
    },

    close: (actor: RequestActor | null, id: number, version: number) =>
      setStatus(actor, id, version, 'closed'),
    reopen: (actor: RequestActor | null, id: number, version: number) =>
      setStatus(actor, id, version, 'open'),
  };
}
export type PeriodService = ReturnType<typeof createPeriodService>;
