export { chinaDate, createSmtpMailer, runDueJobs, startScheduler } from './scheduler';
export type { MailMessage, Scheduler, SchedulerDeps } from './scheduler';
