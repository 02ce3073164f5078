import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { auditLog, emailOutbox, jobRuns, notifications, settings } from '../../src/db/schema';
import { runDueJobs } from '../../src/scheduler/index';
import { openTestDatabase, testDatabases } from '../support/database';
import { buildActor } from '../support/factories';
import { buildReportingWorld, expectCode, type ReportingWorld } from './support';

describe.each(testDatabases())('reporting on %s', (kind) => {
  let handle: DatabaseHandle;
  let w: ReportingWorld;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    w = await buildReportingWorld(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('opens monthly periods due on working days, and quarterly ones', async () => {
    const periods = await w.reporting.periods.open(w.office, w.planId, {});
    expect(periods).toHaveLength(12);
    // March 2020 is due 7 April: 4–6 April were the 清明 holiday.
    expect(periods.find((p) => p.key === '2020-03')).toMatchObject({
      dueDate: '2020-04-07',
      label: '2020年3月',
    });
    // Opening again adds nothing.
    expect(await w.reporting.periods.open(w.office, w.planId, {})).toHaveLength(12);
    await expectCode(w.reporting.periods.open(w.reporter, w.planId, {}), 'FORBIDDEN');
    const quarterly = await w.reporting.periods.open(w.office, w.planId, {
      cadence: 'quarter',
      keys: ['2020Q3'],
    });
    expect(quarterly.find((p) => p.key === '2020Q3')).toMatchObject({ dueDate: '2020-10-09' });
  });

  it('runs the report workflow: draft, 409 on a stale save, submit, accept, a change with a reason, versions', async () => {
    const period = (await w.reporting.periods.list(w.office, w.planId)).find((p) => p.key === '2020-09')!;
    const tasks = await w.reporting.reports.listPeriodTasks(w.reporter, period.id);
    expect(tasks.map((t) => [t.task.id, t.role, t.report])).toEqual([[w.taskId, 'lead', null]]);

    const draft = await w.reporting.reports.open(w.reporter, { taskId: w.taskId, periodId: period.id });
    expect(draft.report).toMatchObject({ status: 'draft', version: 1 });
    const again = await w.reporting.reports.open(w.reporter, { taskId: w.taskId, periodId: period.id });
    expect(again.report.id).toBe(draft.report.id);

    const saved = await w.reporting.reports.save(w.reporter, draft.report.id, {
      version: 1,
      progressText: '完成失业人员再就业9539人，占年计划90.5%',
      values: [{ indicatorId: w.indicatorId, actual: 9539 }],
      investment: 12.5,
    });
    expect(saved.report.version).toBe(2);
    const conflict = await expectCode(
      w.reporting.reports.save(w.office, draft.report.id, { version: 1, problems: '另一人的修改' }),
      'VERSION_CONFLICT',
    );
    expect(conflict.status).toBe(409);
    expect(conflict.detail?.details?.[0]).toEqual({ path: 'version', message: '2' });

    // 90% at the end of September against 序时进度 ~75%: Minsheng proposes 正常推进.
    const proposal = await w.reporting.reports.propose(w.reporter, {
      taskId: w.taskId,
      periodId: period.id,
      progressText: '完成失业人员再就业9539人，占年计划90.5%',
      values: [{ indicatorId: w.indicatorId, actual: 9539 }],
    });
    expect(proposal.proposedStatus).toBe('正常推进');
    expect(proposal.statedPercentCheck).toEqual({ stated: 90.5, computed: 90 });

    // Another status needs a reason.
    const refused = await expectCode(
      w.reporting.reports.submit(w.reporter, draft.report.id, { version: 2, reportedStatus: '推进缓慢' }),
      'STATUS_REASON_REQUIRED',
    );
    expect(refused.status).toBe(422);
    const submitted = await w.reporting.reports.submit(w.reporter, draft.report.id, { version: 2 });
    expect(submitted.report).toMatchObject({
      status: 'submitted',
      reportedStatus: '正常推进',
      proposedStatus: '正常推进',
      submissions: 1,
    });
    await expectCode(
      w.reporting.reports.save(w.reporter, draft.report.id, {
        version: submitted.report.version,
        problems: 'x',
      }),
      'REPORT_ALREADY_SUBMITTED',
    );
    await expectCode(
      w.reporting.reports.accept(w.reporter, draft.report.id, { version: submitted.report.version }),
      'FORBIDDEN',
    );
    const accepted = await w.reporting.reports.accept(w.office, draft.report.id, {
      version: submitted.report.version,
    });
    expect(accepted.report.status).toBe('accepted');
    // The reporter was told.
    const told = await handle.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, w.reporterUserId));
    expect(told.map((n) => n.kind)).toContain('report.accepted');

    await expectCode(
      w.reporting.reports.submit(w.reporter, draft.report.id, {
        version: accepted.report.version,
        values: [{ indicatorId: w.indicatorId, actual: 9600 }],
      }),
      'CHANGE_REASON_REQUIRED',
    );
    const changed = await w.reporting.reports.submit(w.reporter, draft.report.id, {
      version: accepted.report.version,
      values: [{ indicatorId: w.indicatorId, actual: 9600 }],
      reportedStatus: '推进缓慢',
      statusReason: '四季度招聘会取消',
      reason: '更正人数',
    });
    expect(changed.report).toMatchObject({ status: 'submitted', submissions: 2, reportedStatus: '推进缓慢' });
    const versions = await w.reporting.reports.listVersions(w.reporter, draft.report.id);
    expect(versions.map((v) => [v.number, v.reason])).toEqual([
      [1, null],
      [2, '更正人数'],
    ]);
    expect((versions[0]?.snapshot as { values: unknown }).values).toEqual([
      { indicatorId: w.indicatorId, actual: 9539 },
    ]);

    await expectCode(
      w.reporting.reports.return(w.office, draft.report.id, { version: changed.report.version }),
      'RETURN_COMMENT_REQUIRED',
    );
    const returned = await w.reporting.reports.return(w.office, draft.report.id, {
      version: changed.report.version,
      comment: '请核实人数',
    });
    expect(returned.report).toMatchObject({ status: 'returned', reviewComment: '请核实人数' });

    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(draft.report.id)))
      .orderBy(auditLog.id);
    expect(audit.filter((a) => a.entity === 'report').map((a) => a.action)).toEqual([
      'create',
      'save',
      'submit',
      'accept',
      'submit',
      'return',
    ]);
  });

  it('keeps other units and roles out', async () => {
    const period = (await w.reporting.periods.list(w.office, w.planId)).find((p) => p.key === '2020-09')!;
    const stranger = await buildActor(handle.db, w.world.city.id, 'reporter', { unitId: w.coUnitId });
    const [mine] = await w.reporting.reports.listByPeriod(w.reporter, period.id, {});
    await expectCode(w.reporting.reports.get(stranger, mine!.report.id), 'FORBIDDEN');
    expect(await w.reporting.reports.listByPeriod(stranger, period.id, {})).toEqual([]);
    await expectCode(w.reporting.ratings.ratings(w.reporter, period.id), 'FORBIDDEN');
  });

  it('rates tasks with margins per jurisdiction and lists alerts with counts from one predicate', async () => {
    const periods = await w.reporting.periods.list(w.office, w.planId);
    const june = periods.find((p) => p.key === '2020-06')!;
    const draft = await w.reporting.reports.open(w.reporter, { taskId: w.taskId, periodId: june.id });
    await w.reporting.reports.submit(w.reporter, draft.report.id, {
      version: draft.report.version,
      progressText: '完成失业人员再就业3000人',
      values: [{ indicatorId: w.indicatorId, actual: 3000 }],
    });
    const ratings = await w.reporting.ratings.ratings(w.office, june.id);
    const item = ratings.items[0]!;
    // 28.3% against ~50% by 30 June: more than 10 points behind.
    expect(item.rating).toBe('lagging');
    expect(item.reason).toContain('完成率28.3%');
    const alerts = await w.reporting.ratings.alerts(w.office, june.id, {});
    expect(alerts.counts.lagging).toBe(1);
    expect(alerts.items.map((a) => a.kind)).toEqual(['lagging']);
    expect((await w.reporting.ratings.alerts(w.office, june.id, { unitId: w.coUnitId })).counts.lagging).toBe(
      0,
    );
    // A wider margin for this city makes it on track.
    await handle.db.insert(settings).values({
      jurisdictionId: w.world.city.id,
      key: 'rating.margins',
      value: { lagging: 25, seriouslyLagging: 40 },
    });
    expect((await w.reporting.ratings.ratings(w.office, june.id)).items[0]?.rating).toBe('on_track');

    // A closed period without a report: 未报送.
    const may = periods.find((p) => p.key === '2020-05')!;
    await w.reporting.periods.close(w.office, may.id, may.version);
    const mayAlerts = await w.reporting.ratings.alerts(w.office, may.id, {});
    expect(mayAlerts.counts.not_reported).toBe(1);
    expect(mayAlerts.items[0]).toMatchObject({ kind: 'not_reported', rating: 'not_reported' });
  });

  it('sends each reminder once across processes, to the outbox without SMTP', async () => {
    const periods = await w.reporting.periods.list(w.office, w.planId);
    const october = periods.find((p) => p.key === '2020-10')!; // due 2020-11-05
    await w.reporting.notifications.setEmail({ ...w.reporter }, 'reporter@example.cn');
    const now = new Date('2020-11-02T02:00:00Z'); // 3 working days before 5 November
    const runs = await Promise.all([runDueJobs({ db: handle.db }, now), runDueJobs({ db: handle.db }, now)]);
    const ran = runs.flat().filter((k) => k.startsWith(`reminder:${october.id}:`));
    expect(ran).toHaveLength(1);
    const mails = await handle.db.select().from(emailOutbox);
    expect(mails.filter((m) => m.subject === '请于2020年11月5日前报送2020年10月进展')).toHaveLength(1);
    const list = await w.reporting.notifications.list(w.reporter, true);
    expect(list.items.some((n) => n.kind === 'period.reminder')).toBe(true);
    // Late, once, the day after.
    const late = await runDueJobs({ db: handle.db }, new Date('2020-11-06T02:00:00Z'));
    expect(late).toContain(`late:${october.id}:2020-11-05`);
    expect(await runDueJobs({ db: handle.db }, new Date('2020-11-06T03:00:00Z'))).not.toContain(
      `late:${october.id}:2020-11-05`,
    );
    expect((await handle.db.select().from(jobRuns)).length).toBeGreaterThan(0);
    await expectCode(w.reporting.notifications.listOutbox(w.office), 'FORBIDDEN');
    expect((await w.reporting.notifications.listOutbox(w.world.admin)).length).toBeGreaterThan(0);
  });
});
