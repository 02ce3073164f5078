/**
 * Reminders on a timer in the server process. Each job has a unique key ("reminder:12:2020-04-07")
 * claimed with INSERT … ON CONFLICT DO NOTHING into job_runs, so with any number of app
 * processes each job runs exactly once. E-mail goes to the outbox table; with SMTP_URL set the
 * outbox is sent (each message claimed the same way), without it the admin reads it.
 */
import { addWorkingDays, formatChineseDate } from '@minsheng/core';
import type { Database } from '../db/client';
import { jobRepository } from '../repositories/job.repository';
import { jurisdictionRepository } from '../repositories/jurisdiction.repository';
import { notificationRepository } from '../repositories/notification.repository';
import { periodRepository, type PeriodRow } from '../repositories/period.repository';
import { reportRepository } from '../repositories/report.repository';
import { readReminderDays } from '../services/reporting/settings';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface SchedulerDeps {
  db: Database;
  /** Sends one e-mail (SMTP); absent: mail stays in the outbox for the admin to read. */
  sendMail?: ((message: MailMessage) => Promise<void>) | undefined;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void } | undefined;
  /** How often to look for due jobs (default one minute). */
  intervalMs?: number;
  /** The clock (tests). */
  now?: () => Date;
}

/** Today in China (UTC+8): reminders follow the office's calendar, not the server's time zone. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Units of the period's plan that still owe a submitted report on some task. */
async function unitsOwing(db: Database, period: PeriodRow): Promise<number[]> {
  const [taskUnits, reports] = await Promise.all([
    reportRepository.listPlanTaskUnits(db, period.planId),
    reportRepository.listByPeriod(db, period.id),
  ]);
  const done = new Set(
    reports
      .filter((r) => r.status === 'submitted' || r.status === 'accepted')
      .map((r) => `${r.taskId}:${r.unitId}`),
  );
  const owing = new Set<number>();
  for (const tu of taskUnits) {
    if (tu.role === 'lead' || tu.countsInCompletion) {
      if (!done.has(`${tu.taskId}:${tu.unitId}`)) owing.add(tu.unitId);
    }
  }
  return [...owing];
}

async function remind(
  db: Database,
  period: PeriodRow & { planTitle: string },
  kind: 'reminder' | 'late',
): Promise<number> {
  const unitIds = await unitsOwing(db, period);
  const people = await notificationRepository.listReporters(db, unitIds);
  const due = formatChineseDate(period.dueDate);
  const title =
    kind === 'reminder'
      ? `请于${due}前报送${period.label}进展`
      : `${period.label}进展已逾期未报（截止${due}）`;
  const body =
    kind === 'reminder'
      ? `《${period.planTitle}》${period.label}的进展报送截止日期为${due}，贵单位尚有未提交的报告。`
      : `《${period.planTitle}》${period.label}的进展报送已于${due}截止，贵单位尚有未提交的报告，请尽快报送。`;
  const link = `/periods/${period.id}/report`;
  await db.transaction(async (tx) => {
    await notificationRepository.insert(
      tx,
      people.map((p) => ({ userId: p.userId, kind: `period.${kind}`, title, body, link })),
    );
    await notificationRepository.enqueueEmails(
      tx,
      people.flatMap((p) => (p.email ? [{ to: p.email, subject: title, body: `${body}\n\n${link}` }] : [])),
    );
  });
  return people.length;
}

/** Runs a job once across every process: claim its key, run, record the outcome. */
async function once(db: Database, key: string, job: () => Promise<unknown>): Promise<boolean> {
  if (!(await jobRepository.claim(db, key))) return false;
  try {
    await job();
    await jobRepository.finish(db, key);
  } catch (error) {
    await jobRepository.finish(db, key, error instanceof Error ? error.message : String(error));
    throw error;
  }
  return true;
}

/**
 * Runs the jobs due at `now`: the reminder N working days before each open period's due date
 * (setting reminders.daysBefore, default 3), the late notice the day after it, then the e-mail
 * outbox when SMTP is configured. Returns the keys of the jobs this call ran.
 */
export async function runDueJobs(deps: SchedulerDeps, now: Date = new Date()): Promise<string[]> {
  const { db } = deps;
  const today = chinaDate(now);
  const ran: string[] = [];
  const settingsDeps = { reports: reportRepository, jurisdictions: jurisdictionRepository };
  for (const period of await periodRepository.listLive(db, 'open')) {
    const days = await readReminderDays(db, settingsDeps, period.jurisdictionId);
    const remindOn = addWorkingDays(period.dueDate, -days);
    if (today >= remindOn && today <= period.dueDate) {
      const key = `reminder:${period.id}:${period.dueDate}`;
      if (await once(db, key, () => remind(db, period, 'reminder'))) ran.push(key);
    }
    if (today > period.dueDate) {
      const key = `late:${period.id}:${period.dueDate}`;
      if (await once(db, key, () => remind(db, period, 'late'))) ran.push(key);
    }
  }
  if (deps.sendMail) {
    for (const mail of await notificationRepository.listUnsent(db)) {
      const key = `email:${mail.id}`;
      const sent = await once(db, key, async () => {
        try {
          await deps.sendMail?.({ to: mail.to, subject: mail.subject, text: mail.body });
          await notificationRepository.markSent(db, mail.id, null);
        } catch (error) {
          await notificationRepository.markSent(
            db,
            mail.id,
            error instanceof Error ? error.message : String(error),
          );
        }
      });
      if (sent) ran.push(key);
    }
  }
  return ran;
}

export interface Scheduler {
  stop(): void;
  /** Runs the due jobs now (also what the timer calls). */
  runDueJobs(now?: Date): Promise<string[]>;
}

/** Starts the timer (unref'd: it never keeps the process alive). main.ts calls this after listen. */
export function startScheduler(deps: SchedulerDeps): Scheduler {
  let running = false;
  const tick = async (now?: Date): Promise<string[]> => {
    if (running) return [];
    running = true;
    try {
      const ran = await runDueJobs(deps, now ?? deps.now?.() ?? new Date());
      if (ran.length > 0) deps.log?.info({ jobs: ran }, 'scheduled jobs ran');
      return ran;
    } catch (error) {
      deps.log?.warn({ err: error }, 'scheduled jobs failed');
      return [];
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), deps.intervalMs ?? 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer), runDueJobs: tick };
}

/** An SMTP sender for SMTP_URL ("smtp://user:pass@host:587"), from address SMTP_FROM. */
export async function createSmtpMailer(
  url: string,
  from: string,
): Promise<(message: MailMessage) => Promise<void>> {
  const nodemailer = await import('nodemailer');
  const transport = nodemailer.createTransport(url);
  return async (message) => {
    await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
  };
}
